// The supervisor's day view from the county database: every shift opened on a date, with the
// same counts summarizeShift computes at the booth (shared/handover/summary.ts countShift), done
// by PostgreSQL so 100 booths' day never travels to the PC. countyDay.test.ts checks these
// numbers against countShift on the same records, so the two cannot drift apart silently.
import type { ClientBase } from 'pg';
import { COUNT_KEYS, emptyCounts, emptyHourly, type ShiftCounts } from '../../../shared/handover/summary';
import type { CountyDay, CountyShiftRow, DayRequest } from '../../../shared/sync/batch';

// One query. The current state of each record is its newest revision (few: only amended or
// voided records have one) or else the row as first sent; each jsonb field is read once into a
// column, then counted. Hours are the booth's local hours: tz offset in minutes east of UTC.
const DAY_SQL = `
WITH s AS MATERIALIZED (SELECT id, checkpoint, shift_name, lead_name, opened_at FROM county.shifts WHERE day = $1::date),
rev AS MATERIALIZED (
  SELECT DISTINCT ON (record_id) record_id, record FROM county.record_revisions
  WHERE checkpoint IN (SELECT checkpoint FROM s) ORDER BY record_id, updated_at DESC, content_hash DESC),
v AS MATERIALIZED (
  SELECT b.id, b.shift_id, extract(hour FROM (b.created_at AT TIME ZONE 'UTC') + make_interval(mins => $2::int))::int AS hour,
    (c.r->>'voided')::int = 1 AS voided, (c.r->>'keyArea')::boolean AS key_area, (c.r->>'inspected')::boolean AS inspected,
    (c.r->>'disinfected')::boolean AS disinfected, c.r->>'disposition' AS disposition,
    jsonb_array_length(coalesce(c.r->'watchHits', '[]'::jsonb)) AS hits,
    (SELECT count(*) FROM jsonb_array_elements(coalesce(c.r->'amendments', '[]'::jsonb)) a WHERE (a->>'afterClose')::boolean) AS after_close
  FROM county.vehicles b JOIN s ON s.id = b.shift_id LEFT JOIN rev ON rev.record_id = b.id
  CROSS JOIN LATERAL (SELECT coalesce(rev.record, b.record) AS r) c),
p AS MATERIALIZED (
  SELECT b.shift_id, extract(hour FROM (b.created_at AT TIME ZONE 'UTC') + make_interval(mins => $2::int))::int AS hour,
    (c.r->>'voided')::int = 1 OR coalesce(v.voided, false) AS voided,
    (c.r->>'feverFirst')::boolean AS fever_first, (c.r->>'feverConfirmed')::boolean AS fever_confirmed,
    c.r->>'disposition' AS disposition, v.disposition AS vehicle_disposition
  FROM county.persons b JOIN s ON s.id = b.shift_id LEFT JOIN rev ON rev.record_id = b.id
  CROSS JOIN LATERAL (SELECT coalesce(rev.record, b.record) AS r) c
  LEFT JOIN v ON v.id = b.vehicle_id),
vc AS (SELECT shift_id,
    count(*) FILTER (WHERE NOT voided) AS "vehiclesChecked",
    count(*) FILTER (WHERE NOT voided AND key_area) AS "keyAreaVehicles",
    count(*) FILTER (WHERE NOT voided AND inspected) AS "vehiclesInspected",
    count(*) FILTER (WHERE NOT voided AND disinfected) AS "vehiclesDisinfected",
    count(*) FILTER (WHERE NOT voided AND disposition = 'turnedBack') AS "vehiclesTurnedBack",
    coalesce(sum(hits) FILTER (WHERE NOT voided), 0) AS "watchlistHits",
    coalesce(sum(after_close), 0) AS "amendmentsAfterCloseV"
  FROM v GROUP BY shift_id),
pc AS (SELECT shift_id,
    count(*) AS "peopleChecked",
    count(*) FILTER (WHERE fever_first) AS "feverFirst",
    count(*) FILTER (WHERE fever_confirmed) AS "feverConfirmed",
    count(*) FILTER (WHERE disposition IN ('feverClinic', 'observation', 'homeIsolation')) AS "feverReferred",
    count(*) FILTER (WHERE disposition = 'turnedBack' OR (disposition = 'released' AND vehicle_disposition = 'turnedBack')) AS "peopleTurnedBack"
  FROM p WHERE NOT voided GROUP BY shift_id),
ic AS (SELECT i.shift_id,
    count(*) FILTER (WHERE (c.r->>'voided')::int = 0) AS incidents,
    coalesce(sum((SELECT count(*) FROM jsonb_array_elements(coalesce(c.r->'amendments', '[]'::jsonb)) a WHERE (a->>'afterClose')::boolean)), 0) AS "amendmentsAfterCloseI"
  FROM county.incidents i JOIN s ON s.id = i.shift_id LEFT JOIN rev ON rev.record_id = i.id
  CROSS JOIN LATERAL (SELECT coalesce(rev.record, i.record) AS r) c GROUP BY i.shift_id),
hv AS (SELECT shift_id, jsonb_object_agg(hour, n) AS h FROM (SELECT shift_id, hour, count(*) n FROM v WHERE NOT voided GROUP BY 1, 2) x GROUP BY shift_id),
hp AS (SELECT shift_id, jsonb_object_agg(hour, n) AS h FROM (SELECT shift_id, hour, count(*) n FROM p WHERE NOT voided GROUP BY 1, 2) x GROUP BY shift_id)
SELECT s.id, s.checkpoint, s.shift_name, s.lead_name, (extract(epoch FROM s.opened_at) * 1000)::float8 AS opened_at,
  (extract(epoch FROM h.closed_at) * 1000)::float8 AS closed_at, coalesce(h.record->'handover'->>'receivingLead', '') AS receiving_lead,
  vc.*, pc.*, ic.*, hv.h AS hourly_vehicles, hp.h AS hourly_people
FROM s LEFT JOIN county.handover_summaries h ON h.shift_id = s.id
  LEFT JOIN vc ON vc.shift_id = s.id LEFT JOIN pc ON pc.shift_id = s.id LEFT JOIN ic ON ic.shift_id = s.id
  LEFT JOIN hv ON hv.shift_id = s.id LEFT JOIN hp ON hp.shift_id = s.id
ORDER BY s.checkpoint, s.opened_at, s.id`;

export async function countyDay(client: ClientBase, req: DayRequest): Promise<CountyDay> {
  const result = await client.query(DAY_SQL, [req.day, req.tzOffsetMinutes]);
  const rows: CountyShiftRow[] = [];
  for (const r of result.rows as Record<string, unknown>[]) {
    const counts: ShiftCounts = emptyCounts();
    for (const k of COUNT_KEYS) if (k !== 'amendmentsAfterClose') counts[k] = Number(r[k] ?? 0);
    counts.amendmentsAfterClose = Number(r['amendmentsAfterCloseV'] ?? 0) + Number(r['amendmentsAfterCloseI'] ?? 0);
    const hourly = emptyHourly();
    const byHour = (key: string, field: 'vehicles' | 'people') => {
      for (const [hour, n] of Object.entries((r[key] ?? {}) as Record<string, number>)) {
        const cell = hourly[Number(hour)];
        if (cell) cell[field] = Number(n);
      }
    };
    byHour('hourly_vehicles', 'vehicles');
    byHour('hourly_people', 'people');
    rows.push({
      shiftId: String(r['id']),
      checkpoint: String(r['checkpoint']),
      shiftName: String(r['shift_name']),
      leadName: String(r['lead_name']),
      receivingLead: String(r['receiving_lead'] ?? ''),
      openedAt: Number(r['opened_at']),
      closedAt: r['closed_at'] === null ? null : Number(r['closed_at']),
      counts,
      hourly,
    });
  }
  return { day: req.day, shifts: rows };
}
