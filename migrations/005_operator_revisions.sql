-- County schema v5: booths push their operators (who may sign in at the checkpoint, in which
-- shift, with which role; never a PIN) into county.operators (version 2). An operator row sent
-- again with other content (the station's administrator replaced: a new name, or a new PIN and
-- so a new creation time) is a later state, stored like a corrected record: a revision row, the
-- newest creation time winning. operators_current is the roster as it stands.
ALTER TABLE county.record_revisions DROP CONSTRAINT record_revisions_kind_check;
ALTER TABLE county.record_revisions ADD CONSTRAINT record_revisions_kind_check
  CHECK (kind IN ('vehicle', 'person', 'incident', 'operator'));

CREATE VIEW county.operators_current WITH (security_invoker = true) AS
  SELECT o.id, o.checkpoint, COALESCE(r.record->>'name', o.name) AS name, COALESCE(r.record->>'role', o.role) AS role,
         COALESCE(r.record, o.record) AS record
  FROM county.operators o
  LEFT JOIN LATERAL (SELECT rr.record FROM county.record_revisions rr WHERE rr.record_id = o.id
                     ORDER BY rr.updated_at DESC, rr.content_hash DESC LIMIT 1) r ON true;
GRANT SELECT ON county.operators_current TO county_booth, county_supervisor;
