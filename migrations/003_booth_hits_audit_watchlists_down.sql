-- County schema v3: booths push their watchlist hits and their audit trail, and pull the county's
-- watchlists. Migration 002 made the tables before those booth features existed; this fits them
-- to what the booths now keep.

-- Watchlists flow down by version: a booth fetches a list's entries again only when updated_at
-- moved (the county's big-data team sets it when it changes a list). Entries carry the 备注.
ALTER TABLE county.watchlists ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE county.watchlist_entries ADD COLUMN note text NOT NULL DEFAULT '';
-- The booth pages through a list's entries by id.
CREATE INDEX watchlist_entries_page ON county.watchlist_entries (watchlist_id, id);

-- A hit can belong to a vehicle that was never saved (turned away at the window): no record id.
ALTER TABLE county.watchlist_hits ALTER COLUMN record_id DROP NOT NULL;
-- Reconciliation at the county: every sighting of one listed entry.
CREATE INDEX watchlist_hits_entry ON county.watchlist_hits (entry_id);

-- Audit entries are the booth's hash chain: numbered 1, 2, 3 … per checkpoint, each with the hash
-- of the one before, so the county can check a booth's trail for gaps and edits as the booth does.
-- No booth pushed audit entries before this version, so the table is empty; say so if not.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM county.audit_entries) THEN
    RAISE EXCEPTION 'county.audit_entries is not empty; migration 003 expects no audit entries before it';
  END IF;
END $$;
ALTER TABLE county.audit_entries DROP CONSTRAINT audit_entries_pkey;
ALTER TABLE county.audit_entries DROP COLUMN id;
ALTER TABLE county.audit_entries
  ADD COLUMN seq bigint NOT NULL,
  ADD COLUMN role text NOT NULL,
  ADD COLUMN prev_hash text NOT NULL,
  ADD COLUMN hash text NOT NULL;
ALTER TABLE county.audit_entries ADD PRIMARY KEY (checkpoint, seq);
