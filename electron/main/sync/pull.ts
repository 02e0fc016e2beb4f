// What flows down to a booth: the county's key-area list, settings and watchlists. Never records,
// so a pull cannot overwrite anything the booth registered.
import type { ClientBase } from 'pg';
import type { KeyAreaEntry } from '../../../shared/model';
import type { CountyDown, CountyWatchEntry, CountyWatchlistHead, WatchEntriesRequest } from '../../../shared/sync/batch';

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
  return { keyAreas, feverLine, watchlists: await watchlistHeads(client) };
}

/** Every county list with its version and size; a booth fetches entries only of lists that moved. */
async function watchlistHeads(client: ClientBase): Promise<CountyWatchlistHead[]> {
  const r = await client.query<{ id: string; name: string; source: string; published_on: string; retired: boolean; version: number; entries: string }>(
    `SELECT w.id, w.name, w.source, to_char(w.published_at, 'YYYY-MM-DD') AS published_on,
            coalesce(w.valid_to <= now(), false) AS retired, (extract(epoch FROM w.updated_at) * 1000)::float8 AS version,
            (SELECT count(*) FROM county.watchlist_entries e WHERE e.watchlist_id = w.id) AS entries
     FROM county.watchlists w ORDER BY w.published_at, w.id LIMIT 500`,
  );
  return r.rows.map((w) => ({ id: w.id, name: w.name, source: w.source, publishedOn: w.published_on, retired: w.retired, version: Number(w.version), entries: Number(w.entries) }));
}

/** One page of a list's entries, by id after `after` (the (watchlist_id, id) index). */
export async function pullWatchEntries(client: ClientBase, req: WatchEntriesRequest): Promise<CountyWatchEntry[]> {
  const r = await client.query<{ id: string; name: string; doc_number: string; phone: string; plate: string; origin: string; note: string }>(
    `SELECT id, name, doc_number, phone, plate, origin, note FROM county.watchlist_entries
     WHERE watchlist_id = $1 AND ($2 = '' OR id > $2::uuid) ORDER BY id LIMIT $3`,
    [req.listId, req.after, req.limit],
  );
  return r.rows.map((e) => ({ id: e.id, name: e.name, docNumber: e.doc_number, phone: e.phone, plate: e.plate, origin: e.origin, note: e.note }));
}
