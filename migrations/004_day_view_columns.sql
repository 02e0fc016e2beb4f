-- County schema v4: the supervisors' day view without reading every record's jsonb.
-- At 100 booths a day is ~1.5 million vehicle and person rows; reading their jsonb took ~27 s.
-- The counted fields become stored generated columns (computed once, when a row arrives), and a
-- covering index per table on shift_id holds them, so the day view is an index-only scan of a
-- few narrow columns. The jsonb stays the record of truth; these columns are derived from it and
-- cannot disagree with it (PostgreSQL computes them; nobody writes them).

ALTER TABLE county.vehicles
  ADD COLUMN is_voided boolean GENERATED ALWAYS AS (coalesce((record->>'voided')::int = 1, false)) STORED,
  ADD COLUMN is_key_area boolean GENERATED ALWAYS AS (coalesce((record->>'keyArea')::boolean, false)) STORED,
  ADD COLUMN is_inspected boolean GENERATED ALWAYS AS (coalesce((record->>'inspected')::boolean, false)) STORED,
  ADD COLUMN is_disinfected boolean GENERATED ALWAYS AS (coalesce((record->>'disinfected')::boolean, false)) STORED,
  ADD COLUMN disposition text GENERATED ALWAYS AS (record->>'disposition') STORED,
  ADD COLUMN watch_hits integer GENERATED ALWAYS AS (jsonb_array_length(coalesce(record->'watchHits', '[]'::jsonb))) STORED,
  ADD COLUMN after_close integer GENERATED ALWAYS AS (jsonb_array_length(jsonb_path_query_array(record, '$.amendments[*] ? (@.afterClose == true)'))) STORED;

ALTER TABLE county.persons
  ADD COLUMN is_voided boolean GENERATED ALWAYS AS (coalesce((record->>'voided')::int = 1, false)) STORED,
  ADD COLUMN fever_first boolean GENERATED ALWAYS AS (coalesce((record->>'feverFirst')::boolean, false)) STORED,
  ADD COLUMN fever_confirmed boolean GENERATED ALWAYS AS (coalesce((record->>'feverConfirmed')::boolean, false)) STORED,
  ADD COLUMN disposition text GENERATED ALWAYS AS (record->>'disposition') STORED;

CREATE INDEX vehicles_day_view ON county.vehicles (shift_id)
  INCLUDE (id, created_at, is_voided, is_key_area, is_inspected, is_disinfected, disposition, watch_hits, after_close);
CREATE INDEX persons_day_view ON county.persons (shift_id)
  INCLUDE (vehicle_id, created_at, is_voided, fever_first, fever_confirmed, disposition);
-- The day view layers the few later states (corrections, voids) of the day's records over them.
CREATE INDEX record_revisions_day ON county.record_revisions (day, checkpoint);
