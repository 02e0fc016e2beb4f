// The supervisor's day view from the county database: every shift opened on a date, with the
// same counts summarizeShift computes at the booth (shared/handover/summary.ts countShift), done
// by PostgreSQL so 100 booths' day never travels to the PC. countyDay.test.ts checks these
// numbers against countShift on the same records, so the two cannot drift apart silently.
import type { ClientBase } from 'pg';
import { COUNT_KEYS, emptyCounts, emptyHourly, type ShiftCounts } from '../../../shared/handover/summary';
import type { CountyDay, CountyShiftRow, DayRequest } from '../../../shared/sync/batch';

const SHIFTS_SQL = `
WITH s AS (SELECT id, checkpoint, shift_name, lead_name, opened_at FROM county.shifts WHERE day = $1::date),
v AS (SELECT vc.id, vc.shift_id, vc.created_at, vc.record r FROM county.vehicles_current vc JOIN s ON s.id = vc.shift_id),
p AS (SELECT pc.shift_id, pc.created_at, pc.record r, v.r vr FROM county.persons_current pc JOIN s ON s.id = pc.shift_id
      LEFT JOIN v ON v.id = pc.vehicle_id),
vc AS (SELECT shift_id,
    count(*) FILTER (WHERE (r->>'voided')::int = 0) AS "vehiclesChecked",
    count(*) FILTER (WHERE (r->>'voided')::int = 0 AND (r->>'keyArea')::boolean) AS "keyAreaVehicles",
    count(*) FILTER (WHERE (r->>'voided')::int = 0 AND (r->>'inspected')::boolean) AS "vehiclesInspected",
    count(*) FILTER (WHERE (r->>'voided')::int = 0 AND (r->>'disinfected')::boolean) AS "vehiclesDisinfected",
    count(*) FILTER (WHERE (r->>'voided')::int = 0 AND r->>'disposition' = 'turnedBack') AS "vehiclesTurnedBack",
    coalesce(sum(jsonb_array_length(coalesce(r->'watchHits', '[]'::jsonb))) FILTER (WHERE (r->>'voided')::int = 0), 0) AS "watchlistHits",
    coalesce(sum((SELECT count(*) FROM jsonb_array_elements(coalesce(r->'amendments', '[]'::jsonb)) a WHERE (a->>'afterClose')::boolean)), 0) AS "amendmentsAfterCloseV"
  FROM v GROUP BY shift_id),
pc AS (SELECT shift_id,
    count(*) AS "peopleChecked",
    count(*) FILTER (WHERE (r->>'feverFirst')::boolean) AS "feverFirst",
    count(*) FILTER (WHERE (r->>'feverConfirmed')::boolean) AS "feverConfirmed",
    count(*) FILTER (WHERE r->>'disposition' IN ('feverClinic', 'observation', 'homeIsolation')) AS "feverReferred",
    count(*) FILTER (WHERE r->>'disposition' = 'turnedBack' OR (r->>'disposition' = 'released' AND vr->>'disposition' = 'turnedBack')) AS "peopleTurnedBack"
  FROM p WHERE (r->>'voided')::int = 0 AND coalesce((vr->>'voided')::int, 0) = 0 GROUP BY shift_id),
ic AS (SELECT ic.shift_id,
    count(*) FILTER (WHERE (ic.record->>'voided')::int = 0) AS incidents,
    coalesce(sum((SELECT count(*) FROM jsonb_array_elements(coalesce(ic.record->'amendments', '[]'::jsonb)) a WHERE (a->>'afterClose')::boolean)), 0) AS "amendmentsAfterCloseI"
  FROM county.incidents_current ic JOIN s ON s.id = ic.shift_id GROUP BY ic.shift_id)
SELECT s.id, s.checkpoint, s.shift_name, s.lead_name, (extract(epoch FROM s.opened_at) * 1000)::float8 AS opened_at,
  (extract(epoch FROM h.closed_at) * 1000)::float8 AS closed_at, coalesce(h.record->'handover'->>'receivingLead', '') AS receiving_lead,
  vc.*, pc.*, ic.*
FROM s LEFT JOIN county.handover_summaries h ON h.shift_id = s.id
  LEFT JOIN vc ON vc.shift_id = s.id LEFT JOIN pc ON pc.shift_id = s.id LEFT JOIN ic ON ic.shift_id = s.id
ORDER BY s.checkpoint, s.opened_at, s.id`;

// Hour of the booth's local day, as localHour() does: tz offset in minutes east of UTC.
const HOURLY_SQL = `
WITH s AS (SELECT id FROM county.shifts WHERE day = $1::date),
v AS (SELECT vc.id, vc.shift_id, vc.created_at, vc.record r FROM county.vehicles_current vc JOIN s ON s.id = vc.shift_id),
hv AS (SELECT shift_id, extract(hour FROM (created_at AT TIME ZONE 'UTC') + make_interval(mins => $2::int))::int AS hour, count(*) AS n
  FROM v WHERE (r->>'voided')::int = 0 GROUP BY 1, 2),
hp AS (SELECT pc.shift_id, extract(hour FROM (pc.created_at AT TIME ZONE 'UTC') + make_interval(mins => $2::int))::int AS hour, count(*) AS n
  FROM county.persons_current pc JOIN s ON s.id = pc.shift_id LEFT JOIN v ON v.id = pc.vehicle_id
  WHERE (pc.record->>'voided')::int = 0 AND coalesce((v.r->>'voided')::int, 0) = 0 GROUP BY 1, 2)
SELECT 'v' AS what, shift_id, hour, n FROM hv UNION ALL SELECT 'p', shift_id, hour, n FROM hp`;

export async function countyDay(client: ClientBase, req: DayRequest): Promise<CountyDay> {
  const [shifts, hourly] = await Promise.all([client.query(SHIFTS_SQL, [req.day]), client.query(HOURLY_SQL, [req.day, req.tzOffsetMinutes])]);
  const rows = new Map<string, CountyShiftRow>();
  for (const r of shifts.rows as Record<string, unknown>[]) {
    const counts: ShiftCounts = emptyCounts();
    for (const k of COUNT_KEYS) if (k !== 'amendmentsAfterClose') counts[k] = Number(r[k] ?? 0);
    counts.amendmentsAfterClose = Number(r['amendmentsAfterCloseV'] ?? 0) + Number(r['amendmentsAfterCloseI'] ?? 0);
    const id = String(r['id']);
    rows.set(id, {
      shiftId: id,
      checkpoint: String(r['checkpoint']),
      shiftName: String(r['shift_name']),
      leadName: String(r['lead_name']),
      receivingLead: String(r['receiving_lead'] ?? ''),
      openedAt: Number(r['opened_at']),
      closedAt: r['closed_at'] === null ? null : Number(r['closed_at']),
      counts,
      hourly: emptyHourly(),
    });
  }
  for (const h of hourly.rows as { what: string; shift_id: string; hour: number; n: string }[]) {
    const cell = rows.get(h.shift_id)?.hourly[h.hour];
    if (!cell) continue;
    if (h.what === 'v') cell.vehicles += Number(h.n);
    else cell.people += Number(h.n);
  }
  return { day: req.day, shifts: [...rows.values()] };
}
