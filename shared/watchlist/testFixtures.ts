// Watchlists for tests and the bench (not product code): valid stored rows, the way an import
// leaves them, so the alert, the hits and the reconciliation can be tested apart from the import.
import type { WatchEntry, WatchList } from './model';
import { entryKeys } from './keys';

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function makeWatchList(partial: Partial<WatchList> = {}): WatchList {
  return {
    id: nextId('wl'),
    name: '重点人员核查名单',
    source: '县疫情防控数据专班',
    issuedOn: '2020-02-16',
    importedAt: Date.UTC(2020, 1, 16, 12),
    importedBy: '王队长',
    version: 1,
    status: 'active',
    fileName: '重点人员核查名单.xlsx',
    ...partial,
  };
}

/** An entry of `list`; `keys` follow from the normalised ID, plate and phone given. */
export function makeWatchEntry(list: Pick<WatchList, 'id'>, partial: Partial<Omit<WatchEntry, 'keys' | 'listId'>> = {}): WatchEntry {
  const base = { name: '', idNumber: '', phone: '', plate: '', origin: '', note: '', ...partial };
  const keys = entryKeys(base);
  return {
    id: nextId('we'),
    status: 'open',
    resolutions: [],
    current: 1,
    ...base,
    listId: list.id,
    keys,
  };
}
