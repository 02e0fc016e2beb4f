import { describe, expect, it } from 'vitest';
import type { CheckpointDB } from './db';
import { auditAsAdmin as listAudit, withTestDb, T0 } from './testing';
import { entriesOfList, listWatchLists, previewVersion, retireWatchList, storeWatchList, type ListImport } from './watchlists';
import { matchWatchKeys } from './watchHits';
import { checkAuditChain } from './audit';
import type { ParsedEntry } from '../../../shared/watchlist/rows';
import { watchKey } from '../../../shared/watchlist/model';
import { listId, listPhone, listPlate } from '../../../shared/watchlist/testFiles';
import type { Actor } from '../../../shared/privacy/roles';

let db: CheckpointDB;
withTestDb((c) => (db = c.db), false);

const lead: Actor = { name: '王队长', role: 'lead' };
const staff: Actor = { name: '李警官', role: 'staff' };

function person(n: number, over: Partial<ParsedEntry> = {}): ParsedEntry {
  const e = { name: `人员${n}`, idNumber: listId(n), phone: listPhone(n), plate: '', origin: '武汉', note: '', ...over };
  const keys = [e.idNumber && watchKey('id', e.idNumber), e.phone && watchKey('phone', e.phone), e.plate && watchKey('plate', e.plate)].filter((k): k is string => !!k);
  return { ...e, keys };
}

const newList = (entries: ParsedEntry[], name = '返乡人员名单'): Extract<ListImport, { kind: 'new' }> => ({ kind: 'new', name, source: '数据专班', issuedOn: '2020-02-01', fileName: 'v1.xlsx', entries });

/** A month after T0: every date on the lists below is in the past. */
const LATER = T0 + 30 * 86_400_000;

async function stored(input: ListImport, actor: Actor = lead, at = LATER) {
  const r = await storeWatchList(db, actor, input, at);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

describe('watchlist storage', () => {
  it('stores a list, its entries and the audit entry together, and finds entries by key', async () => {
    const { list, counts } = await stored(newList([person(1), person(2, { plate: listPlate(2) })]));
    expect(counts).toEqual({ added: 2, removed: 0, unchanged: 0, updated: 0 });
    expect(list).toMatchObject({ name: '返乡人员名单', source: '数据专班', issuedOn: '2020-02-01', version: 1, status: 'active', importedBy: '王队长', currentEntries: 2 });
    const matches = await matchWatchKeys(db, [watchKey('plate', listPlate(2)), watchKey('id', '11010519491231002X')]);
    expect(matches.map((m) => [m.list.id, m.entry.name, m.key])).toEqual([[list.id, '人员2', `plate:${listPlate(2)}`]]);
    expect(await matchWatchKeys(db, [])).toEqual([]);
    const audit = await listAudit(db, { action: 'watchlistImport', limit: 5 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: '王队长', role: 'lead', target: list.id, detail: { name: '返乡人员名单', mode: 'new', added: 2 } });
    expect(await checkAuditChain(db)).toEqual({ ok: true, count: 1 });
  });

  it('refuses an operator without the permission, and stores nothing', async () => {
    const r = await storeWatchList(db, staff, newList([person(1)]), T0);
    expect(!r.ok && r.error.code).toBe('watchlist.forbidden');
    expect(await storeWatchList(db, null, newList([person(1)]), T0)).toMatchObject({ ok: false });
    expect(await db.watchLists.count()).toBe(0);
    expect(await db.watchEntries.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    const { list } = await stored(newList([person(1)]));
    const retire = await retireWatchList(db, staff, list.id, T0);
    expect(!retire.ok && retire.error.code).toBe('watchlist.forbidden');
    expect((await db.watchLists.get(list.id))?.status).toBe('active');
  });

  it('stores all or nothing: a failing write leaves no list, no entry, no audit', async () => {
    await stored(newList([person(1)], '其他名单'));
    const before = { lists: await db.watchLists.count(), entries: await db.watchEntries.count(), audit: await db.audit.count() };
    // An entry IndexedDB cannot store (a function is not cloneable) aborts the transaction mid-way.
    const bad = [person(2), person(3), { ...person(4), note: (() => 0) as unknown as string }];
    const r = await storeWatchList(db, lead, newList(bad), T0);
    expect(r.ok).toBe(false);
    expect({ lists: await db.watchLists.count(), entries: await db.watchEntries.count(), audit: await db.audit.count() }).toEqual(before);
  });

  it('refuses a second active list of the same name and a list without name, source or date', async () => {
    await stored(newList([person(1)]));
    expect(await storeWatchList(db, lead, newList([person(2)]), T0)).toMatchObject({ ok: false, error: { code: 'watchlist.meta' } });
    expect(await storeWatchList(db, lead, { ...newList([person(2)], '新名单'), source: ' ' }, T0)).toMatchObject({ ok: false, error: { code: 'watchlist.meta' } });
    expect(await storeWatchList(db, lead, { ...newList([person(2)], '新名单'), issuedOn: '2020-02-30' }, T0)).toMatchObject({ ok: false, error: { code: 'watchlist.meta' } });
  });

  it('replaces a list with a newer version: statuses of unchanged entries kept, dropped entries kept as not current', async () => {
    const { list } = await stored(newList([person(1), person(2), person(3)]));
    // Person 1 was met at the booth and checked off; person 2 is waiting for follow-up.
    const [e1, e2] = await Promise.all([1, 2].map(async (n) => (await entriesOfList(db, list.id)).find((e) => e.idNumber === listId(n))));
    const resolution = { at: T0 + 1, by: '李警官', checkpoint: '黄许卡点', note: '已核查', hitId: 'h1' };
    await db.watchEntries.update(e1?.id ?? '', { status: 'met', resolutions: [{ status: 'met', ...resolution }] });
    await db.watchEntries.update(e2?.id ?? '', { status: 'followUp', resolutions: [{ status: 'followUp', ...resolution }] });

    // v2: person 1 unchanged, person 2 with a new phone, person 3 dropped, person 4 new.
    const v2 = [person(1), person(2, { phone: listPhone(222) }), person(4)];
    expect(await previewVersion(db, list.id, 'replace', v2)).toEqual({ added: 1, removed: 1, unchanged: 1, updated: 1 });
    const r = await stored({ kind: 'version', listId: list.id, mode: 'replace', fileName: 'v2.xlsx', issuedOn: '2020-02-05', entries: v2 });
    expect(r.counts).toEqual({ added: 1, removed: 1, unchanged: 1, updated: 1 });
    expect(r.list).toMatchObject({ version: 2, issuedOn: '2020-02-05', fileName: 'v2.xlsx', currentEntries: 3 });

    const after = await entriesOfList(db, list.id);
    expect(after).toHaveLength(4);
    const byId = (n: number) => after.find((e) => e.idNumber === listId(n));
    expect(byId(1)).toMatchObject({ id: e1?.id, status: 'met', current: 1 });
    expect(byId(1)?.resolutions).toHaveLength(1);
    expect(byId(2)).toMatchObject({ id: e2?.id, status: 'followUp', current: 1, phone: listPhone(222) });
    expect(byId(2)?.keys).not.toContain(watchKey('phone', listPhone(2)));
    expect(byId(3)).toMatchObject({ status: 'open', current: 0 });
    expect(byId(4)).toMatchObject({ status: 'open', current: 1 });
    // A dropped entry no longer raises an alert.
    expect(await matchWatchKeys(db, [watchKey('id', listId(3))])).toEqual([]);
    expect((await listAudit(db, { action: 'watchlistImport', limit: 5 }))[0]?.detail).toMatchObject({ mode: 'replace', version: 2, added: 1, removed: 1, unchanged: 1, updated: 1 });
  });

  it('adds to a list: nothing removed, a known person gains a number, a dropped one comes back', async () => {
    const { list } = await stored(newList([person(1), person(2)]));
    await stored({ kind: 'version', listId: list.id, mode: 'replace', fileName: 'v2.xlsx', issuedOn: '2020-02-02', entries: [person(1)] });
    const r = await stored({ kind: 'version', listId: list.id, mode: 'add', fileName: 'v3.xlsx', issuedOn: '2020-02-03', entries: [person(1, { phone: listPhone(111) }), person(2), person(5)] });
    expect(r.counts).toEqual({ added: 2, removed: 0, unchanged: 0, updated: 1 });
    expect(r.list.currentEntries).toBe(3);
    const one = (await entriesOfList(db, list.id)).find((e) => e.idNumber === listId(1));
    expect(one?.keys).toEqual(expect.arrayContaining([watchKey('phone', listPhone(1)), watchKey('phone', listPhone(111))]));
    expect((await matchWatchKeys(db, [watchKey('id', listId(2))])).length).toBe(1);
  });

  it('retires a list: its entries stay but raise no alert; a retired list cannot be updated', async () => {
    const { list } = await stored(newList([person(1)]));
    const r = await retireWatchList(db, lead, list.id, T0 + 5);
    expect(r.ok && r.value).toMatchObject({ status: 'retired', retiredAt: T0 + 5 });
    expect(await matchWatchKeys(db, [watchKey('id', listId(1))])).toEqual([]);
    expect(await db.watchEntries.count()).toBe(1);
    expect((await listAudit(db, { action: 'watchlistRetire', limit: 5 }))[0]).toMatchObject({ actor: '王队长', target: list.id });
    const again = await storeWatchList(db, lead, { kind: 'version', listId: list.id, mode: 'add', fileName: 'x', issuedOn: '2020-02-02', entries: [person(2)] }, T0);
    expect(!again.ok && again.error.code).toBe('watchlist.retired');
    // The same name may be used again once the old list is retired.
    await stored(newList([person(2)]));
    const overview = await listWatchLists(db);
    expect(overview.map((o) => [o.list.status, o.current, o.open])).toEqual([['active', 1, 1], ['retired', 1, 1]]);
    // A list stored without its figure (as county lists are) is counted from its entries.
    await db.watchLists.update(list.id, { currentEntries: undefined });
    expect((await listWatchLists(db)).find((o) => o.list.id === list.id)?.current).toBe(1);
  });

  // 20,000 here (fake-indexeddb writes ~1,500 rows/s on a loaded machine); 100,000 in real IndexedDB: npm run bench.
  it('stores a 20,000-entry list in one transaction and still finds one entry by one key', async () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => person(i, { plate: listPlate(i) }));
    const { counts } = await stored(newList(entries));
    expect(counts.added).toBe(20_000);
    const m = await matchWatchKeys(db, [watchKey('plate', listPlate(17_777))]);
    expect(m.map((x) => x.entry.idNumber)).toEqual([listId(17_777)]);
  }, 120_000);
});
