-- County schema v1: the booths' records as append-only rows, with row-level security.
-- Applied by scripts/county-migrate.mjs (one transaction per file, recorded in
-- public.schema_migrations). Shipped files are never edited: a change is a new file.

-- Group roles. Login roles for booths and supervisors are members of these
-- (scripts/county-migrate.mjs add-booth / add-supervisor).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'county_booth') THEN CREATE ROLE county_booth NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'county_supervisor') THEN CREATE ROLE county_supervisor NOLOGIN; END IF;
END $$;

CREATE SCHEMA county;
REVOKE ALL ON SCHEMA county FROM PUBLIC;
GRANT USAGE ON SCHEMA county TO county_booth, county_supervisor;

CREATE TABLE county.checkpoints (
  name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Which checkpoint a booth login role belongs to. Read only through checkpoint_of().
CREATE TABLE county.booth_accounts (
  role_name name PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name)
);

-- SECURITY DEFINER so a booth can learn its own checkpoint without reading the account table.
CREATE FUNCTION county.checkpoint_of(r name) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = county, pg_temp
  AS $$ SELECT checkpoint FROM county.booth_accounts WHERE role_name = r $$;
REVOKE ALL ON FUNCTION county.checkpoint_of(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION county.checkpoint_of(name) TO county_booth, county_supervisor;

-- Synced rows never change: corrections arrive as amendments / revisions. Even the owner
-- (which bypasses RLS) is stopped by this trigger.
CREATE FUNCTION county.forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'county.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
END $$;

-- Every synced table keeps the booth's record as sent (jsonb), its md5 (idempotency: a
-- retried batch finds the same hash) and a few columns the county queries filter on.
CREATE TABLE county.shifts (
  id uuid PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  day date NOT NULL,
  opened_at timestamptz NOT NULL,
  shift_name text NOT NULL,
  lead_name text NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shifts_day ON county.shifts (day, checkpoint);

CREATE TABLE county.handover_summaries (
  shift_id uuid PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  day date NOT NULL,
  closed_at timestamptz NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE county.vehicles (
  id uuid PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  shift_id uuid NOT NULL,
  day date NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  plate text NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vehicles_day ON county.vehicles (day, checkpoint);
CREATE INDEX vehicles_plate ON county.vehicles (plate);
CREATE INDEX vehicles_shift ON county.vehicles (shift_id);

CREATE TABLE county.persons (
  id uuid PRIMARY KEY,
  vehicle_id uuid NOT NULL,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  shift_id uuid NOT NULL,
  day date NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  doc_number text NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_day ON county.persons (day, checkpoint);
CREATE INDEX persons_vehicle ON county.persons (vehicle_id);
CREATE INDEX persons_shift ON county.persons (shift_id);
CREATE INDEX persons_doc ON county.persons (doc_number);

CREATE TABLE county.incidents (
  id uuid PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  shift_id uuid NOT NULL,
  day date NOT NULL,
  at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_day ON county.incidents (day, checkpoint);
CREATE INDEX incidents_shift ON county.incidents (shift_id);

-- A later state of a vehicle, person or incident (amended or voided at the booth). Keyed by
-- (record, content hash): the same state sent twice is one row; the current state is the
-- revision with the greatest updated_at, so an old batch replayed later never wins.
CREATE TABLE county.record_revisions (
  kind text NOT NULL CHECK (kind IN ('vehicle', 'person', 'incident')),
  record_id uuid NOT NULL,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  day date NOT NULL,
  updated_at timestamptz NOT NULL,
  record jsonb NOT NULL,
  content_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, content_hash)
);
CREATE INDEX record_revisions_latest ON county.record_revisions (record_id, updated_at DESC);

-- Every correction and void, one row each (the booth's amendment list, never merged by
-- whole-record last-writer-wins). ordinal = position in the record's list; a void is ordinal -1.
CREATE TABLE county.amendments (
  record_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('vehicle', 'incident')),
  ordinal integer NOT NULL,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  at timestamptz NOT NULL,
  by_name text NOT NULL,
  reason text NOT NULL,
  is_void boolean NOT NULL,
  changes jsonb NOT NULL,
  after_close boolean NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, ordinal)
);

-- One row per acknowledged batch: when each booth last reached the county.
CREATE TABLE county.push_log (
  batch_id uuid PRIMARY KEY,
  checkpoint text NOT NULL REFERENCES county.checkpoints(name),
  received_at timestamptz NOT NULL DEFAULT now(),
  stored integer NOT NULL,
  duplicates integer NOT NULL
);

-- Flows down to every booth.
CREATE TABLE county.key_areas (
  id serial PRIMARY KEY,
  name text NOT NULL,
  plate_province text,
  from_day date NOT NULL,
  to_day date,
  note text
);
CREATE TABLE county.settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The current state of each record: the newest revision, else the row as first sent.
CREATE VIEW county.vehicles_current WITH (security_invoker = true) AS
  SELECT v.id, v.checkpoint, v.shift_id, v.day, v.created_at, COALESCE(r.record, v.record) AS record
  FROM county.vehicles v
  LEFT JOIN LATERAL (SELECT rr.record FROM county.record_revisions rr WHERE rr.record_id = v.id
                     ORDER BY rr.updated_at DESC, rr.content_hash DESC LIMIT 1) r ON true;
CREATE VIEW county.persons_current WITH (security_invoker = true) AS
  SELECT p.id, p.vehicle_id, p.checkpoint, p.shift_id, p.day, p.created_at, COALESCE(r.record, p.record) AS record
  FROM county.persons p
  LEFT JOIN LATERAL (SELECT rr.record FROM county.record_revisions rr WHERE rr.record_id = p.id
                     ORDER BY rr.updated_at DESC, rr.content_hash DESC LIMIT 1) r ON true;
CREATE VIEW county.incidents_current WITH (security_invoker = true) AS
  SELECT i.id, i.checkpoint, i.shift_id, i.day, i.at, COALESCE(r.record, i.record) AS record
  FROM county.incidents i
  LEFT JOIN LATERAL (SELECT rr.record FROM county.record_revisions rr WHERE rr.record_id = i.id
                     ORDER BY rr.updated_at DESC, rr.content_hash DESC LIMIT 1) r ON true;

-- Privileges: SELECT/INSERT only; nobody but the owner may UPDATE/DELETE/TRUNCATE, and the
-- trigger stops the owner too.
REVOKE ALL ON ALL TABLES IN SCHEMA county FROM PUBLIC;
GRANT SELECT ON county.checkpoints, county.key_areas, county.settings TO county_booth, county_supervisor;
GRANT SELECT ON county.vehicles_current, county.persons_current, county.incidents_current TO county_booth, county_supervisor;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['shifts', 'handover_summaries', 'vehicles', 'persons', 'incidents', 'record_revisions', 'amendments', 'push_log'] LOOP
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
