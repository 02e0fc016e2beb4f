// Watchlists (布控名单): storing a list and its entries, newer versions (replace / add), retiring,
// and the lookup the booth's alert runs while the operator types.
//
// Every write is ONE transaction over watchLists, watchEntries and audit: the list, all its
// entries and the audit entry commit together or not at all (a 100,000-entry list is never half
// stored). The actor's permission is checked here, not only by the screen that offers the button.
// Not journaled (renderer/src/db/journal.ts covers the booth's records): a list comes from a file
// the data team keeps, and is imported again from it.
import Dexie from 'dexie';
import { can, type Actor } from '../../../shared/privacy/roles';
import { fail, ok, type Result } from '../../../shared/result';
import type { WatchEntry, WatchList } from '../../../shared/watchlist/model';
import type { ParsedEntry } from '../../../shared/watchlist/rows';
import { planVersion, type VersionCounts, type VersionMode } from '../../../shared/watchlist/versions';
import { validateListMeta, type ListMeta, type ListMetaErrors } from '../../../shared/watchlist/listMeta';
import type { CheckpointDB } from './db';
import { appendAudit } from './audit';
import { dayKey, newId } from './ids';
import { storageFailure } from './errors';

export type { VersionCounts, VersionMode };

export type ListImport =
  | ({ kind: 'new'; fileName: string; entries: readonly ParsedEntry[] } & ListMeta)
  | { kind: 'version'; listId: string; mode: VersionMode; fileName: string; issuedOn: string; entries: readonly ParsedEntry[] };

export interface StoredList {
  list: WatchList;
  counts: VersionCounts;
}

const forbidden = <T>() =>
  fail<T>('watchlist.forbidden', '只有带班领导或管理员可以导入、更新或停用布控名单', 'Only a shift lead or an administrator may import, update or retire a watchlist');
const notFound = <T>() => fail<T>('watchlist.notFound', '找不到该名单', 'That list does not exist');
const retired = <T>() => fail<T>('watchlist.retired', '该名单已停用，不能再更新', 'That list is retired and cannot be updated');
const badMeta = <T>(errors: ListMetaErrors) =>
  fail<T>('watchlist.meta', `名单信息不完整或有误：${Object.keys(errors).join('、')}`, `The list's details are missing or wrong: ${Object.keys(errors).join(', ')}`);

/** Every entry of one list, current or dropped: one [listId+status] range (bounded by the list). */
export function entriesOfList(db: CheckpointDB, listId: string): Promise<WatchEntry[]> {
  return db.watchEntries.where('[listId+status]').between([listId, Dexie.minKey], [listId, Dexie.maxKey], true, true).toArray();
}

/** The lists in use (the `status` index; a few dozen rows). */
export function activeLists(db: CheckpointDB): Promise<WatchList[]> {
  return db.watchLists.where('status').equals('active').toArray();
}

export interface ListOverview {
  list: WatchList;
  /** Entries the newest version lists. */
  current: number;
  /** By status, over every entry the list ever had (reconciliation counts them all). */
  open: number;
  met: number;
  followUp: number;
}

/** Lists with their counts, active first then newest import first. Counts are index counts, no entry is read. */
export async function listWatchLists(db: CheckpointDB): Promise<ListOverview[]> {
  // The whole store: one small row per list (a station keeps a few dozen).
  const lists = await db.watchLists.limit(1000).toArray();
  const count = (id: string, status: WatchEntry['status']) => db.watchEntries.where('[listId+status]').equals([id, status]).count();
  const rows = await Promise.all(
    lists.map(async (list) => {
      const [open, met, followUp] = await Promise.all([count(list.id, 'open'), count(list.id, 'met'), count(list.id, 'followUp')]);
      // Lists stored without the figure (county lists, renderer/src/db/countyWatchlists.ts): counted from the list's own entries.
      const current = list.currentEntries ?? (await entriesOfList(db, list.id)).filter((e) => e.current === 1).length;
      return { list, current, open, met, followUp };
    }),
  );
  return rows.sort((a, b) => (a.list.status === b.list.status ? b.list.importedAt - a.list.importedAt : a.list.status === 'active' ? -1 : 1));
}

/** What storing this version would do, for the dialog to show before the operator stores it. */
export async function previewVersion(db: CheckpointDB, listId: string, mode: VersionMode, entries: readonly ParsedEntry[]): Promise<VersionCounts> {
  const existing = await entriesOfList(db, listId);
  return planVersion(existing, entries, mode, listId, () => '').counts;
}

/** Stores a new list or a newer version of one, with its audit entry, in one transaction. */
export async function storeWatchList(db: CheckpointDB, actor: Actor | null, input: ListImport, now: number = Date.now()): Promise<Result<StoredList>> {
  if (!actor || !can(actor, 'manageWatchlists')) return forbidden();
  if (input.entries.length === 0) return fail('watchlist.noEntries', '名单中没有可导入的条目', 'The list has no entries to import');
  try {
    return await db.transaction('rw', [db.watchLists, db.watchEntries, db.audit], async () => {
      let list: WatchList;
      let existing: WatchEntry[] = [];
      let mode: VersionMode = 'add';
      if (input.kind === 'new') {
        const names = (await activeLists(db)).map((l) => l.name);
        const errors = validateListMeta(input, dayKey(now), names);
        if (Object.keys(errors).length > 0) return badMeta<StoredList>(errors);
        list = {
          id: newId(now),
          name: input.name.trim(),
          source: input.source.trim(),
          issuedOn: input.issuedOn.trim(),
          importedAt: now,
          importedBy: actor.name,
          version: 1,
          status: 'active',
          fileName: input.fileName,
        };
      } else {
        const stored = await db.watchLists.get(input.listId);
        if (!stored) return notFound<StoredList>();
        if (stored.status !== 'active') return retired<StoredList>();
        const errors = validateListMeta({ name: stored.name, source: stored.source, issuedOn: input.issuedOn }, dayKey(now));
        if (errors.issuedOn) return badMeta<StoredList>({ issuedOn: errors.issuedOn });
        existing = await entriesOfList(db, stored.id);
        mode = input.mode;
        list = { ...stored, issuedOn: input.issuedOn.trim(), importedAt: now, importedBy: actor.name, version: stored.version + 1, fileName: input.fileName };
      }
      const plan = planVersion(existing, input.entries, mode, list.id, () => newId(now));
      const currentBefore = existing.filter((e) => e.current === 1).length;
      list.currentEntries = currentBefore + plan.counts.added - plan.counts.removed;
      await db.watchLists.put(list);
      if (plan.put.length > 0) await db.watchEntries.bulkPut(plan.put);
      await appendAudit(db, {
        at: now,
        actor: actor.name,
        role: actor.role,
        action: 'watchlistImport',
        target: list.id,
        detail: { name: list.name, version: list.version, mode: input.kind === 'new' ? 'new' : input.mode, fileName: input.fileName, ...plan.counts },
      });
      return ok({ list, counts: plan.counts });
    });
  } catch (e) {
    return storageFailure(e, { zh: '保存布控名单', en: 'Storing the watchlist' });
  }
}

/** A retired list no longer raises alerts; its entries and their statuses stay for reconciliation. */
export async function retireWatchList(db: CheckpointDB, actor: Actor | null, listId: string, now: number = Date.now()): Promise<Result<WatchList>> {
  if (!actor || !can(actor, 'manageWatchlists')) return forbidden();
  try {
    return await db.transaction('rw', [db.watchLists, db.audit], async () => {
      const stored = await db.watchLists.get(listId);
      if (!stored) return notFound<WatchList>();
      if (stored.status === 'retired') return ok(stored);
      const list: WatchList = { ...stored, status: 'retired', retiredAt: now };
      await db.watchLists.put(list);
      await appendAudit(db, { at: now, actor: actor.name, role: actor.role, action: 'watchlistRetire', target: list.id, detail: { name: list.name, version: list.version } });
      return ok(list);
    });
  } catch (e) {
    return storageFailure(e, { zh: '停用布控名单', en: 'Retiring the watchlist' });
  }
}
