// Operators go up to county.operators, against a real PostgreSQL: each member of a shift opened
// with PINs, and the station's administrator, with their roles and never a PIN's salt or hash;
// a replay stores nothing new, a replaced administrator is a later state, another booth reads
// none of them, and a batch from a booth older than operator sync is still taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOnce } from '../../renderer/src/sync/engine';
import { openShift, setAdmin, signIn } from '../../renderer/src/db';
import { freshDb } from '../../renderer/src/db/testing';
import { newId } from '../../renderer/src/db/ids';
import { syncOperatorOf } from '../../renderer/src/db/outbox';
import type { CheckpointDB } from '../../renderer/src/db/db';
import type { Shift } from '../../shared/model';
import type { SyncBatch, SyncOperator } from '../../shared/sync/batch';
import { operatorUuid } from '../../shared/sync/operatorId';
import { BOOTH_A as A, BOOTH_B as B, startTwoBoothCounty, type TwoBoothCounty } from './county.testkit';

const INPUT = { checkpoint: A.checkpoint, shiftName: 'night', leadName: '岳阳', staff: [{ name: '王医生', unit: 'health' as const }, { name: '李警官', unit: 'auxiliary' as const }] };
const PINS = { 岳阳: '2468', 王医生: '1357', 李警官: '9012' };

/** The county with booths A and B (their main-process sides). */
let env: TwoBoothCounty;
let db: CheckpointDB;
let shift: Shift;

beforeAll(async () => {
  env = await startTwoBoothCounty();
  db = freshDb();
  const t = Date.now() - 60_000;
  const r = await openShift(db, INPUT, t, PINS);
  if (!r.ok) throw new Error(r.error.message.en);
  shift = r.value;
  expect((await setAdmin(db, null, '周管理', '8642', t)).ok).toBe(true);
  // Every member signs in with the PIN set when the shift was opened.
  for (const [name, pin] of Object.entries(PINS)) expect((await signIn(db, shift, name, pin, t + 1)).ok).toBe(true);
}, 60_000);

afterAll(async () => {
  await env?.stop();
});

const bare = (operators: SyncOperator[]): SyncBatch => ({ batchId: newId(), checkpoint: A.checkpoint, shifts: [], vehicles: [], persons: [], incidents: [], watchHits: [], audit: [], operators });
const countyRows = async () =>
  (await env.county.admin.query<{ id: string; name: string; role: string; record: Record<string, unknown>; text: string; content_hash: string; md5: string }>(
    `SELECT id, name, role, record, record::text AS text, content_hash, md5(record::text) AS md5 FROM county.operators WHERE checkpoint = $1 ORDER BY name`, [A.checkpoint])).rows;

describe('operators go up to the county', () => {
  it('each member with the right role, the administrator too, and no PIN salt or hash in the record', async () => {
    const r = await syncOnce(db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(r.error).toBeNull();
    expect(r.refused).toBe(0);
    const rows = await countyRows();
    expect(rows.map((x) => [x.name, x.role]).sort()).toEqual([['周管理', 'admin'], ['岳阳', 'lead'], ['李警官', 'staff'], ['王医生', 'health']].sort());
    for (const x of rows) {
      expect(Object.keys(x.record).sort()).toEqual(['checkpoint', 'createdAt', 'id', 'name', 'role', 'setBy', 'shiftId']);
      expect(x.content_hash).toBe(x.md5);
      expect(x.id).toBe(operatorUuid(A.checkpoint, x.name === '周管理' ? 'admin' : `${shift.id}\u0000${x.name}`));
    }
    // Not one salt or hash the booth holds reached the county, in any column.
    const all = JSON.stringify(rows);
    for (const op of await db.operators.toArray()) {
      expect(op.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(all).not.toContain(op.hash);
      expect(all).not.toContain(op.salt);
    }
  });

  it('a replay stores nothing new; a sync of the same shift again neither', async () => {
    const ops = (await db.operators.toArray()).map((o) => syncOperatorOf(o, A.checkpoint));
    const replay = await env.sideA.transport.push(bare(ops));
    expect(replay).toMatchObject({ ok: true, value: { stored: 0, duplicates: 4, refused: [] } });
    await syncOnce(db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(await countyRows()).toHaveLength(4);
    expect((await env.county.admin.query(`SELECT count(*)::int n FROM county.record_revisions WHERE kind = 'operator'`)).rows[0].n).toBe(0);
  });

  it('a replaced administrator is a later state; an old batch replayed afterwards does not bring the old one back', async () => {
    const oldAdmin = syncOperatorOf((await db.operators.get('admin'))!, A.checkpoint);
    expect((await setAdmin(db, { name: '周管理', role: 'admin' }, '吴管理', '7531', Date.now())).ok).toBe(true);
    const r = await syncOnce(db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(r.error).toBeNull();
    const current = async () => (await env.county.admin.query(`SELECT name, role FROM county.operators_current WHERE id = $1`, [oldAdmin.id])).rows;
    expect(await current()).toEqual([{ name: '吴管理', role: 'admin' }]);
    // The first copy stays as it arrived (append-only); the change is one revision row.
    expect((await countyRows()).map((x) => x.name)).toContain('周管理');
    expect((await env.county.admin.query(`SELECT count(*)::int n FROM county.record_revisions WHERE kind = 'operator'`)).rows[0].n).toBe(1);
    const replay = await env.sideA.transport.push(bare([oldAdmin]));
    expect(replay).toMatchObject({ ok: true, value: { stored: 0, duplicates: 1 } });
    expect(await current()).toEqual([{ name: '吴管理', role: 'admin' }]);
  });

  it('booth B reads none of A’s operators, cannot file one under A, and nobody rewrites them', async () => {
    const asB = await env.county.connectAs(B.role, B.password);
    expect((await asB.query('SELECT count(*)::int n FROM county.operators')).rows[0].n).toBe(0);
    expect((await asB.query('SELECT count(*)::int n FROM county.operators_current')).rows[0].n).toBe(0);
    await expect(asB.query(`INSERT INTO county.operators (id, checkpoint, name, role, record, content_hash) VALUES ($1, $2, 'x', 'staff', '{}', 'h')`, [operatorUuid(A.checkpoint, 'x'), A.checkpoint])).rejects.toThrow(/row-level security/);
    const asA = await env.county.connectAs(A.role, A.password);
    expect((await asA.query('SELECT count(*)::int n FROM county.operators')).rows[0].n).toBe(4);
    await expect(asA.query(`UPDATE county.operators SET role = 'admin'`)).rejects.toThrow();
  });

  it('an operator of another checkpoint, or with an id not derived from this one, is refused with its reason', async () => {
    const lead = syncOperatorOf((await db.operators.get(`${shift.id}\u0000岳阳`))!, A.checkpoint);
    const other = { ...lead, checkpoint: B.checkpoint, id: operatorUuid(B.checkpoint, `${shift.id}\u0000岳阳`) };
    const forged = { ...lead, name: '冒名', id: lead.id };
    const r = await env.sideA.transport.push(bare([other, forged]));
    expect(r.ok).toBe(true);
    const refused = r.ok ? r.value.refused : [];
    expect(refused.map((x) => [x.kind, x.id, x.code])).toEqual([
      ['operator', `${shift.id}\u0000岳阳`, 'sync.otherCheckpoint'],
      ['operator', `${shift.id}\u0000冒名`, 'sync.operatorId'],
    ]);
    expect(refused[0]!.reason.zh).toContain(B.checkpoint);
    expect((await env.county.admin.query('SELECT count(*)::int n FROM county.operators')).rows[0].n).toBe(4);
  });

  it('a batch from a booth older than operator sync (no operators field) is still taken', async () => {
    const old = { batchId: newId(), checkpoint: A.checkpoint, shifts: [], vehicles: [], persons: [], incidents: [] } as unknown as SyncBatch;
    expect(await env.sideA.transport.push(old)).toMatchObject({ ok: true, value: { stored: 0, duplicates: 0, refused: [] } });
  });
});
