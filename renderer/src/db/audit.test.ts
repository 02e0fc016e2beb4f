import { describe, expect, it } from 'vitest';
import { appendAudit, checkAuditChain, listAudit } from './audit';
import type { CheckpointDB } from './db';
import { withTestDb } from './testing';

let db: CheckpointDB;
withTestDb((c) => (db = c.db), false);

const base = { actor: '李所长', role: 'lead' as const };

describe('audit storage', () => {
  it('chains entries and lists them newest first by action', async () => {
    await appendAudit(db, { ...base, at: 1, action: 'signIn' });
    await appendAudit(db, { ...base, at: 2, action: 'export', detail: { masked: true } });
    await appendAudit(db, { ...base, at: 3, action: 'export', detail: { masked: false } });
    expect(await checkAuditChain(db)).toEqual({ ok: true, count: 3 });
    const exports = await listAudit(db, { action: 'export', limit: 10 });
    expect(exports.map((e) => e.seq)).toEqual([3, 2]);
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

  it('checks a chain longer than one page', async () => {
    for (let i = 1; i <= 12; i++) await appendAudit(db, { ...base, at: i, action: 'search' });
    expect(await checkAuditChain(db, 5)).toEqual({ ok: true, count: 12 });
  });
});
