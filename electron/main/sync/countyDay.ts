// The supervisor's day view from the county database: every shift opened on a date, with the
// same counts summarizeShift computes at the booth (shared/shift/summary.ts countShift), done
// by PostgreSQL so 100 booths' day never travels to the PC. countyDay.test.ts checks these
// numbers against countShift on the same records, so the two cannot drift apart silently.
import type { ClientBase } from 'pg';
import { COUNT_KEYS, emptyCounts, emptyHourly, type ShiftCounts } from '../../../shared/shift/summary';
import type { CountyDay, CountyShiftRow, DayRequest } from '../../../shared/sync/batch';

// One query. The current state of each record is its newest revision (few: only amended or
// voided records have one) or else the row as first sent. The first copies' counted fields are
// stored generated columns (migration 004) read from the covering indexes on shift_id; only the
// revisions are read from jsonb. Each table is read once and counted per (shift, hour) in one
// pass — a few thousand groups — and the shift totals are summed from those. Hours are the
// booth's local hours: tz offset in minutes east of UTC. Revisions are looked up by day: a shift
// opened on the day holds records of that day and (a night shift) the next.
const HOUR = (col: string) => `extract(hour FROM (${col} AT TIME ZONE 'UTC') + make_interval(mins => $2::int))::int`;
export const DAY_SQL = `
WITH s AS MATERIALIZED (SELECT id, checkpoint, shift_name, lead_name, opened_at FROM county.shifts WHERE day = $1::date),
rev AS MATERIALIZED (
  SELECT DISTINCT ON (record_id) record_id, record FROM county.record_revisions
  WHERE day BETWEEN $1::date AND $1::date + 1 AND checkpoint IN (SELECT checkpoint FROM s)
  ORDER BY record_id, updated_at DESC, content_hash DESC),
rv AS MATERIALIZED (
  SELECT record_id,
    coalesce((record->>'voided')::int = 1, false) AS is_voided, coalesce((record->>'keyArea')::boolean, false) AS is_key_area,
    coalesce((record->>'inspected')::boolean, false) AS is_inspected, coalesce((record->>'disinfected')::boolean, false) AS is_disinfected,
    record->>'disposition' AS disposition, jsonb_array_length(coalesce(record->'watchHits', '[]'::jsonb)) AS watch_hits,
    jsonb_array_length(jsonb_path_query_array(record, '$.amendments[*] ? (@.afterClose == true)')) AS after_close,
    coalesce((record->>'feverFirst')::boolean, false) AS fever_first, coalesce((record->>'feverConfirmed')::boolean, false) AS fever_confirmed
  FROM rev),
v AS MATERIALIZED (
  SELECT b.id, b.shift_id, ${HOUR('b.created_at')} AS hour,
    CASE WHEN r.record_id IS NULL THEN b.is_voided ELSE r.is_voided END AS voided,
    CASE WHEN r.record_id IS NULL THEN b.is_key_area ELSE r.is_key_area END AS key_area,
    CASE WHEN r.record_id IS NULL THEN b.is_inspected ELSE r.is_inspected END AS inspected,
    CASE WHEN r.record_id IS NULL THEN b.is_disinfected ELSE r.is_disinfected END AS disinfected,
    CASE WHEN r.record_id IS NULL THEN b.disposition ELSE r.disposition END AS disposition,
    CASE WHEN r.record_id IS NULL THEN b.watch_hits ELSE r.watch_hits END AS hits,
    CASE WHEN r.record_id IS NULL THEN b.after_close ELSE r.after_close END AS after_close
  FROM county.vehicles b JOIN s ON s.id = b.shift_id LEFT JOIN rv r ON r.record_id = b.id),
vh AS (SELECT shift_id, hour,
    count(*) FILTER (WHERE NOT voided) AS n,
    count(*) FILTER (WHERE NOT voided AND key_area) AS key_area,
    count(*) FILTER (WHERE NOT voided AND inspected) AS inspected,
    count(*) FILTER (WHERE NOT voided AND disinfected) AS disinfected,
    count(*) FILTER (WHERE NOT voided AND disposition = 'turnedBack') AS turned_back,
    coalesce(sum(hits) FILTER (WHERE NOT voided), 0) AS hits,
    coalesce(sum(after_close), 0) AS after_close
  FROM v GROUP BY shift_id, hour),
ph AS (SELECT p.shift_id, p.hour,
    count(*) AS n,
    count(*) FILTER (WHERE p.fever_first) AS fever_first,
    count(*) FILTER (WHERE p.fever_confirmed) AS fever_confirmed,
    count(*) FILTER (WHERE p.disposition IN ('feverClinic', 'observation', 'homeIsolation')) AS referred,
    count(*) FILTER (WHERE p.disposition = 'turnedBack' OR (p.disposition = 'released' AND v.disposition = 'turnedBack')) AS turned_back
  FROM (
    SELECT b.shift_id, b.vehicle_id, ${HOUR('b.created_at')} AS hour,
      CASE WHEN r.record_id IS NULL THEN b.is_voided ELSE r.is_voided END AS voided,
      CASE WHEN r.record_id IS NULL THEN b.fever_first ELSE r.fever_first END AS fever_first,
      CASE WHEN r.record_id IS NULL THEN b.fever_confirmed ELSE r.fever_confirmed END AS fever_confirmed,
      CASE WHEN r.record_id IS NULL THEN b.disposition ELSE r.disposition END AS disposition
    FROM county.persons b JOIN s ON s.id = b.shift_id LEFT JOIN rv r ON r.record_id = b.id) p
  LEFT JOIN v ON v.id = p.vehicle_id
  WHERE NOT p.voided AND NOT coalesce(v.voided, false)
  GROUP BY p.shift_id, p.hour),
vc AS (SELECT shift_id,
    sum(n) AS "vehiclesChecked", sum(key_area) AS "keyAreaVehicles", sum(inspected) AS "vehiclesInspected",
    sum(disinfected) AS "vehiclesDisinfected", sum(turned_back) AS "vehiclesTurnedBack", sum(hits) AS "watchlistHits",
    sum(after_close) AS "amendmentsAfterCloseV",
    jsonb_object_agg(hour, n) FILTER (WHERE n > 0) AS hourly_vehicles
  FROM vh GROUP BY shift_id),
pc AS (SELECT shift_id,
    sum(n) AS "peopleChecked", sum(fever_first) AS "feverFirst", sum(fever_confirmed) AS "feverConfirmed",
    sum(referred) AS "feverReferred", sum(turned_back) AS "peopleTurnedBack",
    jsonb_object_agg(hour, n) AS hourly_people
  FROM ph GROUP BY shift_id),
ic AS (SELECT i.shift_id,
    count(*) FILTER (WHERE (c.r->>'voided')::int = 0) AS incidents,
    coalesce(sum(jsonb_array_length(jsonb_path_query_array(c.r, '$.amendments[*] ? (@.afterClose == true)'))), 0) AS "amendmentsAfterCloseI"
  FROM county.incidents i JOIN s ON s.id = i.shift_id LEFT JOIN rev ON rev.record_id = i.id
  CROSS JOIN LATERAL (SELECT coalesce(rev.record, i.record) AS r) c GROUP BY i.shift_id)
SELECT s.id, s.checkpoint, s.shift_name, s.lead_name, (extract(epoch FROM s.opened_at) * 1000)::float8 AS opened_at,
  (extract(epoch FROM h.closed_at) * 1000)::float8 AS closed_at, coalesce(h.record->'handover'->>'receivingLead', '') AS receiving_lead,
  vc.*, pc.*, ic.*
FROM s LEFT JOIN county.handover_summaries h ON h.shift_id = s.id
  LEFT JOIN vc ON vc.shift_id = s.id LEFT JOIN pc ON pc.shift_id = s.id LEFT JOIN ic ON ic.shift_id = s.id
ORDER BY s.checkpoint, s.opened_at, s.id`;

/**
 * A reporting query over a day of a whole county: given memory to hash and sort in (instead of
 * spilling 1.5 million rows to temp files at the default 4 MB), and no JIT (compiling it costs
 * more than it saves on a query that runs once). Both only for this transaction.
 */
export const DAY_SETTINGS = `SET LOCAL work_mem = '128MB'; SET LOCAL jit = off`;

export async function countyDay(client: ClientBase, req: DayRequest): Promise<CountyDay> {
  await client.query('BEGIN READ ONLY');
  let result;
  try {
    await client.query(DAY_SETTINGS);
    result = await client.query(DAY_SQL, [req.day, req.tzOffsetMinutes]);
  } finally {
    await client.query('COMMIT').catch(() => undefined);
  }
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
