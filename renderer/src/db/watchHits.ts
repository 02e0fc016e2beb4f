// Watchlist hits at the booth (布控命中): the lookup while the operator types, the hit rows and
// entry decisions a vehicle save writes inside its own transaction, and the reads behind the
// reconciliation sheet. Lists and entries themselves are imported and managed in watchlists.ts.
import type { Actor } from '../../../shared/privacy/roles';
import type { WatchEntry, WatchHit, WatchList } from '../../../shared/watchlist/model';
import { maskedKey, resolveEntry, type PlannedHit, type WatchMatch } from '../../../shared/watchlist/alert';
import { maskText as maskDigitsInText } from '../../../shared/privacy/mask';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckpointDB } from './db';
import { appendAudit } from './audit';
import { MAX, MIN } from './keys';

export type { WatchMatch };

/** A key is listed in only a handful of entries; the bound keeps a freak list from flooding the alert. */
const MAX_ENTRIES_PER_KEY = 20;

/**
 * The current entries of active lists carrying any of `keys` ('plate:…', 'id:…', 'phone:…').
 * One equality lookup per key on the multi-entry `*keys` index — the cost does not grow with the
 * list size — then the lists of the few entries found, by primary key. `known`: the active lists
 * the caller already holds (the form keeps them in a live query), which saves that second round
 * trip while typing; a list missing from it is read, so a stale map never hides a hit.
 */
export async function matchWatchKeys(db: CheckpointDB, keys: readonly string[], known?: ReadonlyMap<string, WatchList>): Promise<WatchMatch[]> {
  const distinct = [...new Set(keys.filter((k) => k !== ''))];
  if (distinct.length === 0) return [];
  return db.transaction('r', [db.watchEntries, db.watchLists], async () => {
    const found = await Promise.all(distinct.map((key) => db.watchEntries.where('keys').equals(key).limit(MAX_ENTRIES_PER_KEY).toArray()));
    const lists = new Map<string, WatchList>();
    const unknown: string[] = [];
    for (const id of new Set(found.flat().map((e) => e.listId))) {
      const l = known?.get(id);
      if (l) lists.set(id, l);
      else unknown.push(id);
    }
    if (unknown.length > 0) for (const l of await db.watchLists.bulkGet(unknown)) if (l) lists.set(l.id, l);
    const out: WatchMatch[] = [];
    distinct.forEach((key, i) => {
      for (const entry of found[i] ?? []) {
        const list = lists.get(entry.listId);
        if (entry.current === 1 && list?.status === 'active') out.push({ list, entry, key });
      }
    });
    return out;
  });
}

/** The active lists by id, as the form holds them for matchWatchKeys (`status` index; a few dozen rows). */
export async function activeListMap(db: CheckpointDB): Promise<Map<string, WatchList>> {
  return new Map((await db.watchLists.where('status').equals('active').toArray()).map((l) => [l.id, l]));
}

/** The tables a save with hits writes besides the vehicle's: saveVehicle adds them to its scope. */
export function watchHitTables(db: CheckpointDB) {
  return [db.watchHits, db.watchEntries, db.audit];
}

export interface WatchSave {
  actor: Actor;
  planned: PlannedHit[];
}

/**
 * Inside the vehicle save's transaction (scope includes watchHitTables): appends each hit row,
 * resolves its entry with the operator's decision (已核查 / 待跟进 and the note), and audits both
 * (watchHit, watchResolve). The rows written come back for the journal line. An entry that is gone
 * (its list replaced a moment ago) fails the whole save, which the operator then repeats.
 */
export async function storeWatchHits(db: CheckpointDB, save: WatchSave): Promise<Result<{ hits: WatchHit[]; entries: WatchEntry[] }>> {
  const hits: WatchHit[] = [];
  const entries: WatchEntry[] = [];
  // Every entry is read before anything is written, so a refusal leaves the transaction untouched.
  const current = await db.watchEntries.bulkGet(save.planned.map((p) => p.hit.entryId));
  if (current.some((e) => !e)) return fail('watch.entryGone', '布控名单已更新，请重新核对后保存', 'The watchlist changed: check the alert again and save');
  for (const [i, { hit, decision }] of save.planned.entries()) {
    // One entry hit twice in one car (two keys) is grouped before planning, so each index is one entry.
    const entry = current[i] as WatchEntry;
    await db.watchHits.add(hit);
    const resolved = resolveEntry(entry, hit, decision, save.actor.name, hit.at);
    await db.watchEntries.put(resolved);
    hits.push(hit);
    entries.push(resolved);
    const target = hit.id;
    await appendAudit(db, {
      at: hit.at,
      actor: save.actor.name,
      role: save.actor.role,
      action: 'watchHit',
      target,
      detail: { listId: hit.listId, entryId: hit.entryId, key: maskedKey(hit.key), vehicleId: hit.vehicleId },
    });
    await appendAudit(db, {
      at: hit.at,
      actor: save.actor.name,
      role: save.actor.role,
      action: 'watchResolve',
      target: entry.id,
      detail: { status: decision.status, note: maskDigitsInText(decision.note), hitId: hit.id },
    });
  }
  return ok({ hits, entries });
}

/** A shift's hits, oldest first: [shiftId+at]. */
export async function hitsOfShift(db: CheckpointDB, shiftId: string, limit = 10_000): Promise<WatchHit[]> {
  return db.watchHits.where('[shiftId+at]').between([shiftId, 0], [shiftId, Number.MAX_SAFE_INTEGER]).limit(limit).toArray();
}

/** Lists read for the reconciliation sheet: a few dozen rows at most, by primary key. */
const MAX_LISTS = 1000;

/**
 * Everything the reconciliation sheet needs, in one read transaction: every list (active and
 * retired) and each list's entries through [listId+status] — current entries and those a newer
 * version dropped, whatever their status.
 */
export async function readReconciliation(db: CheckpointDB): Promise<{ lists: WatchList[]; entries: WatchEntry[] }> {
  return db.transaction('r', [db.watchLists, db.watchEntries], async () => {
    const lists = await db.watchLists.orderBy('id').limit(MAX_LISTS).toArray();
    const entries: WatchEntry[] = [];
    for (const l of lists) {
      const rows = await db.watchEntries.where('[listId+status]').between([l.id, MIN], [l.id, MAX]).toArray();
      // The index groups by status; the sheet lists entries in the order they were imported (ids are time-ordered).
      rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      entries.push(...rows);
    }
    return { lists, entries };
  });
}
