import { describe, expect, it, vi } from 'vitest';
import { appendAudit, checkAuditChain, listAudit } from './audit';
import type { CheckpointDB } from './db';
import { freshDb, memoryJournalStore, withJournaledDb, type MemoryJournalStore } from './testing';
import { parseJournal } from '../../../shared/journal';
import { rebuildFromStore, restoreDataset } from './recovery';
import type { Actor } from '../../../shared/privacy/roles';

let db: CheckpointDB;
let store: MemoryJournalStore;
withJournaledDb((c) => ({ db, store } = c));

const base = { actor: '李所长', role: 'lead' as const };
const admin: Actor = { name: '赵管理', role: 'admin' };
const page = async (q: Parameters<typeof listAudit>[2], who: Actor = admin) => {
  const r = await listAudit(db, who, q);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};

describe('audit storage', () => {
  it('chains entries and lists them newest first by action', async () => {
    await appendAudit(db, { ...base, at: 1, action: 'signIn' });
    await appendAudit(db, { ...base, at: 2, action: 'export', detail: { masked: true } });
    await appendAudit(db, { ...base, at: 3, action: 'export', detail: { masked: false } });
    expect(await checkAuditChain(db)).toEqual({ ok: true, count: 3 });
    expect((await page({ action: 'export', limit: 10 })).map((e) => e.seq)).toEqual([3, 2]);
  });

  it('refuses every role but administrator in the storage read itself', async () => {
    await appendAudit(db, { ...base, at: 1, action: 'signIn' });
    for (const role of ['staff', 'health', 'lead'] as const) {
      const r = await listAudit(db, { name: 'x', role }, { limit: 10 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('audit.refused');
    }
    expect((await listAudit(db, null, { limit: 10 })).ok).toBe(false);
    expect(await page({ limit: 10 })).toHaveLength(1);
  });

  it('filters by operator and time, and pages newest first without skipping entries of the same millisecond', async () => {
    for (let i = 1; i <= 7; i++) await appendAudit(db, { actor: i % 2 ? '甲' : '乙', role: 'staff', at: 100 + Math.floor(i / 2), action: 'search' });
    expect((await page({ actor: '乙', limit: 10 })).map((e) => e.seq)).toEqual([6, 4, 2]);
    expect((await page({ from: 101, to: 102, limit: 10 })).map((e) => e.seq)).toEqual([5, 4, 3, 2]);
    const first = await page({ limit: 3 });
    expect(first.map((e) => e.seq)).toEqual([7, 6, 5]);
    const last = first[first.length - 1]!;
    const second = await page({ limit: 3, before: { at: last.at, seq: last.seq } });
    expect(second.map((e) => e.seq)).toEqual([4, 3, 2]);
    expect((await page({ action: 'search', actor: '甲', limit: 10 })).map((e) => e.seq)).toEqual([7, 5, 3, 1]);
  });

  it('finds a row deleted or edited outside the app', async () => {
    for (let i = 1; i <= 4; i++) await appendAudit(db, { ...base, at: i, action: 'reveal', target: `p${i}` });
    await db.audit.update(2, { actor: '别人' });
    expect(await checkAuditChain(db)).toEqual({ ok: false, seq: 2, problem: 'edited' });
    await db.audit.update(2, { actor: '李所长' });
    expect((await checkAuditChain(db)).ok).toBe(true);
    await db.audit.delete(3);
    expect(await checkAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'missing' });
  });

  it('finds the newest entries deleted, even with the mark in IndexedDB put back: the journal on disk holds the head', async () => {
    for (let i = 1; i <= 5; i++) await appendAudit(db, { ...base, at: i, action: 'reveal', target: `p${i}` });
    const markBefore = await db.settings.get('__journalMark');
    await appendAudit(db, { ...base, at: 6, action: 'export' });
    // Someone removes the newest entries and restores IndexedDB's own mark as it was before them.
    await db.audit.bulkDelete([5, 6]);
    await db.settings.put(markBefore!);
    expect(await checkAuditChain(db)).toEqual({ ok: false, seq: 5, problem: 'missing' });
    // Without the journal the IndexedDB mark (as put back) still reaches only seq 5: the delete of 5 shows.
    db.journal = undefined;
    expect(await checkAuditChain(db)).toEqual({ ok: false, seq: 5, problem: 'missing' });
  });

  it('finds the newest entry rewritten with a fresh valid hash (the head in the journal disagrees)', async () => {
    await appendAudit(db, { ...base, at: 1, action: 'signIn' });
    const e2 = await appendAudit(db, { ...base, at: 2, action: 'export', detail: { masked: false } });
    const { chainEntry } = await import('../../../shared/audit/model');
    const prev = await db.audit.get(1);
    await db.audit.put(chainEntry(prev, { ...base, at: 2, action: 'export', detail: { masked: true } }));
    expect((await db.audit.get(2))!.hash).not.toBe(e2.hash);
    expect(await checkAuditChain(db)).toEqual({ ok: false, seq: 2, problem: 'edited' });
  });

  it('journals every entry, joins a caller transaction, and a rebuild from the journal restores the trail', async () => {
    await appendAudit(db, { ...base, at: 1, action: 'signIn' });
    // Inside a caller's write transaction (with settings in scope, as every journaled write has).
    await db.transaction('rw', [db.audit, db.settings], async () => {
      await appendAudit(db, { ...base, at: 2, action: 'settings', detail: { before: 37.3, after: 37.5 } });
    });
    // …and one without settings: journaled by a follow-up after the commit.
    await db.transaction('rw', [db.audit], async () => {
      await appendAudit(db, { ...base, at: 3, action: 'purge', detail: { persons: 0 } });
    });
    const journaled = () => parseJournal(store.lines.join('\n')).entries.flatMap((e) => (e.put.audit ?? []) as { seq: number }[]).map((a) => a.seq);
    await vi.waitFor(() => expect(journaled()).toEqual([1, 2, 3]));
    const { entries } = parseJournal(store.lines.join('\n'));
    expect(entries[entries.length - 1]!.audit?.seq).toBe(3);

    const rebuilt = await rebuildFromStore(store);
    if (!rebuilt.ok) throw new Error('rebuild');
    const fresh = freshDb();
    fresh.journal = memoryJournalStore();
    expect((await restoreDataset(fresh, rebuilt.value.data, rebuilt.value.mark)).ok).toBe(true);
    expect(await checkAuditChain(fresh)).toEqual({ ok: true, count: 3 });
    fresh.close();
  });

  it('checks a chain longer than one page', async () => {
    for (let i = 1; i <= 12; i++) await appendAudit(db, { ...base, at: i, action: 'search' });
    expect(await checkAuditChain(db, 5)).toEqual({ ok: true, count: 12 });
  });
});
