-- County schema v2: tables for watchlists (issue 9) and operators / audit (issue 12), ready
-- before those booth features exist. Booths do not push to them yet; the privileges and
-- row-level security are in place so that they can.

-- Pushed by the county's big-data team; every booth reads them.
CREATE TABLE county.watchlists (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  source text NOT NULL,
  published_at timestamptz NOT NULL,
  valid_to timestamptz
);
CREATE TABLE county.watchlist_entries (
  id uuid PRIMARY KEY,
  watchlist_id uuid NOT NULL REFERENCES county.watchlists(id),
  name text NOT NULL DEFAULT '',
  doc_number text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  plate text NOT NULL DEFAULT '',
  origin text NOT NULL DEFAULT ''
);
CREATE INDEX watchlist_entries_list ON county.watchlist_entries (watchlist_id);

-- Booth-written, append-only like every synced table.
CREATE TABLE county.watchlist_hits (
  id uuid PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  entry_id uuid NOT NULL,
  record_id uuid NOT NULL,
  day date NOT NULL,
  at timestamptz NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX watchlist_hits_day ON county.watchlist_hits (day, checkpoint);

CREATE TABLE county.operators (
  id uuid PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  name text NOT NULL,
  role text NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE county.audit_entries (
  id uuid PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  at timestamptz NOT NULL,
  operator text NOT NULL,
  action text NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_entries_at ON county.audit_entries (checkpoint, at);

REVOKE ALL ON county.watchlists, county.watchlist_entries, county.watchlist_hits, county.operators, county.audit_entries FROM PUBLIC;
GRANT SELECT ON county.watchlists, county.watchlist_entries TO county_booth, county_supervisor;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['watchlist_hits', 'operators', 'audit_entries'] LOOP
    EXECUTE format('GRANT SELECT, INSERT ON county.%I TO county_booth', t);
    EXECUTE format('GRANT SELECT ON county.%I TO county_supervisor', t);
    EXECUTE format('ALTER TABLE county.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY booth_read ON county.%I FOR SELECT TO county_booth USING (checkpoint = county.checkpoint_of(current_user))', t);
    EXECUTE format('CREATE POLICY booth_insert ON county.%I FOR INSERT TO county_booth WITH CHECK (checkpoint = county.checkpoint_of(current_user))', t);
    EXECUTE format('CREATE POLICY supervisor_read ON county.%I FOR SELECT TO county_supervisor USING (true)', t);
    EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON county.%I FOR EACH ROW EXECUTE FUNCTION county.forbid_change()', t);
    EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON county.%I FOR EACH STATEMENT EXECUTE FUNCTION county.forbid_change()', t);
  END LOOP;
END $$;
