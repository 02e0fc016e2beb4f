// Watchlists that flow down from the county: a list is fetched only when the county's version of
// it moved, and stored in one transaction — a booth never matches against half a list. The
// booth's own check-offs (status, resolutions) survive every new version of the list.
import Dexie from 'dexie';
import type { CountyWatchEntry, CountyWatchlistHead } from '../../../shared/sync/batch';
import type { WatchEntry, WatchList } from '../../../shared/watchlist/model';
import { entryKeys, normalizeListed } from '../../../shared/watchlist/keys';
import type { CheckpointDB } from './db';

const VERSIONS_KEY = 'sync.watchlistVersions';
/** Who the booth's list screen names as the importer of a county list. */
export const COUNTY_IMPORTER = 'county';

async function storedVersions(db: CheckpointDB): Promise<Record<string, number>> {
  const row = await db.settings.get(VERSIONS_KEY);
  return (row?.value as Record<string, number> | undefined) ?? {};
}

/** The county lists whose entries must be fetched (new or changed, and not retired). */
export async function watchlistsToFetch(db: CheckpointDB, heads: readonly CountyWatchlistHead[]): Promise<CountyWatchlistHead[]> {
  const known = await storedVersions(db);
  return heads.filter((h) => !h.retired && known[h.id] !== h.version);
}

/** Lists the county retired: retired here too (their entries and check-offs are kept). */
export async function retireCountyWatchlists(db: CheckpointDB, heads: readonly CountyWatchlistHead[], now: number): Promise<number> {
  const retired = heads.filter((h) => h.retired).map((h) => h.id);
  if (retired.length === 0) return 0;
  return db.transaction('rw', [db.watchLists], async () => {
    const lists = (await db.watchLists.bulkGet(retired)).filter((l): l is WatchList => l !== undefined && l.status === 'active');
    await db.watchLists.bulkPut(lists.map((l) => ({ ...l, status: 'retired' as const, retiredAt: now })));
    return lists.length;
  });
}

/** Stores one county list with all its entries (fetched page by page beforehand), in one transaction. */
export async function applyCountyWatchlist(db: CheckpointDB, head: CountyWatchlistHead, entries: readonly CountyWatchEntry[], now: number): Promise<{ added: number; removed: number; kept: number }> {
  return db.transaction('rw', [db.watchLists, db.watchEntries, db.settings], async () => {
    const before = await db.watchLists.get(head.id);
    // The list's own entries, current and dropped ([listId+status] index, bounded by the list).
    const existing = new Map(
      (await db.watchEntries.where('[listId+status]').between([head.id, Dexie.minKey], [head.id, Dexie.maxKey]).toArray()).map((e) => [e.id, e]),
    );
    const rows: WatchEntry[] = [];
    let added = 0;
    for (const e of entries) {
      const values = normalizeListed({ idNumber: e.docNumber, plate: e.plate, phone: e.phone });
      const old = existing.get(e.id);
      existing.delete(e.id);
      if (!old) added++;
      rows.push({
        id: e.id,
        listId: head.id,
        name: e.name.trim(),
        ...values,
        origin: e.origin.trim(),
        note: e.note.trim(),
        keys: entryKeys(values),
        // What the booth decided about this person or vehicle stays with the entry.
        status: old?.status ?? 'open',
        resolutions: old?.resolutions ?? [],
        current: 1,
      });
    }
    // Entries the county dropped stay for the reconciliation sheet, no longer matched.
    const dropped = [...existing.values()].filter((e) => e.current === 1).map((e) => ({ ...e, current: 0 as const }));
    await db.watchEntries.bulkPut([...rows, ...dropped]);
    await db.watchLists.put({
      id: head.id,
      name: head.name,
      source: head.source,
      issuedOn: head.publishedOn,
      importedAt: now,
      importedBy: COUNTY_IMPORTER,
      version: (before?.version ?? 0) + 1,
      status: 'active',
      fileName: '',
    });
    const versions = await storedVersions(db);
    await db.settings.put({ key: VERSIONS_KEY, value: { ...versions, [head.id]: head.version } });
    return { added, removed: dropped.length, kept: rows.length - added };
  });
}
