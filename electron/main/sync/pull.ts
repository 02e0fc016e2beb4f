// What flows down to a booth: the county's key-area list and settings. Never records, so a pull
// cannot overwrite anything the booth registered.
import type { ClientBase } from 'pg';
import type { KeyAreaEntry } from '../../../shared/model';
import type { CountyDown } from '../../../shared/sync/batch';

export async function pullCounty(client: ClientBase): Promise<CountyDown> {
  const areas = await client.query<{ name: string; plate_province: string | null; from_day: string; to_day: string | null; note: string | null }>(
    `SELECT name, plate_province, to_char(from_day, 'YYYY-MM-DD') AS from_day, to_char(to_day, 'YYYY-MM-DD') AS to_day, note
     FROM county.key_areas ORDER BY from_day, id LIMIT 1000`,
  );
  const keyAreas = areas.rows.map((r) => {
    const e: KeyAreaEntry = { name: r.name, from: r.from_day };
    if (r.plate_province) e.plateProvince = r.plate_province;
    if (r.to_day) e.to = r.to_day;
    if (r.note) e.note = r.note;
    return e;
  });
  const line = await client.query<{ value: unknown }>(`SELECT value FROM county.settings WHERE key = 'feverLine'`);
  const v = line.rows[0]?.value;
  const feverLine = typeof v === 'number' && v >= 36 && v <= 39 ? v : null;
  return { keyAreas, feverLine };
}
