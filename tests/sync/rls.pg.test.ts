// Row-level security with a booth's own credentials: each forbidden act is attempted for real
// and must be refused by PostgreSQL itself, not by our client code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { syncOnce } from '../../renderer/src/sync/engine';
import { listRefused } from '../../renderer/src/db/outbox';
import { makePerson, makeVehicle } from '../../renderer/src/db/testing';
import { pushBatch } from '../../electron/main/sync/push';
import { newId } from '../../renderer/src/db/ids';
import { BOOTH_A as A, BOOTH_B as B, startTwoBoothCounty, type TwoBoothCounty } from './county.testkit';
import { openBooth, register, type Booth } from './booth.testkit';

/** The county with booths A and B (their main-process sides). */
let env: TwoBoothCounty;
let boothA: Booth;
let boothB: Booth;
let asA: pg.Client;

const refusedBy = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err as { code?: string; message: string });
  expect(e, 'the statement should have been refused').not.toBeNull();
  return e!;
};

beforeAll(async () => {
  env = await startTwoBoothCounty();
  boothA = await openBooth(A.checkpoint);
  boothB = await openBooth(B.checkpoint);
  await register(boothA, 20);
  await register(boothB, 20);
  expect((await syncOnce(boothA.db, env.sideA.transport, { checkpoint: A.checkpoint })).error).toBeNull();
  expect((await syncOnce(boothB.db, env.sideB.transport, { checkpoint: B.checkpoint })).error).toBeNull();
  asA = await env.county.connectAs(A.role, A.password);
}, 60_000);

afterAll(async () => {
  await env?.stop();
});

describe('row-level security for a booth role', () => {
  it('cannot read another checkpoint’s persons (sees only its own)', async () => {
    const all = await env.county.admin.query(`SELECT count(*)::int n FROM county.persons WHERE checkpoint = $1`, [B.checkpoint]);
    expect(all.rows[0].n).toBeGreaterThan(0);
    const seenByA = await asA.query(`SELECT count(*)::int n FROM county.persons WHERE checkpoint = $1`, [B.checkpoint]);
    expect(seenByA.rows[0].n).toBe(0);
    const byId = await asA.query(`SELECT * FROM county.persons_current WHERE vehicle_id = $1`, [boothB.vehicles[0]!.id]);
    expect(byId.rows).toEqual([]);
    const own = await asA.query(`SELECT DISTINCT checkpoint FROM county.persons`);
    expect(own.rows).toEqual([{ checkpoint: A.checkpoint }]);
  });

  it('cannot update or delete a synced row, even its own', async () => {
    const id = boothA.vehicles[0]!.id;
    expect((await refusedBy(asA.query(`UPDATE county.vehicles SET plate = '川A00000' WHERE id = $1`, [id]))).code).toBe('42501');
    expect((await refusedBy(asA.query(`DELETE FROM county.persons WHERE vehicle_id = $1`, [id]))).code).toBe('42501');
    expect((await refusedBy(asA.query(`DELETE FROM county.amendments`))).code).toBe('42501');
    expect((await refusedBy(asA.query(`TRUNCATE county.vehicles`))).code).toBe('42501');
    // Not even the owner: the append-only trigger stops it.
    const e = await refusedBy(env.county.admin.query(`UPDATE county.vehicles SET plate = '川A00000' WHERE id = $1`, [id]));
    expect(e.message).toMatch(/append-only/);
    const plate = await env.county.admin.query(`SELECT plate FROM county.vehicles WHERE id = $1`, [id]);
    expect(plate.rows[0].plate).toBe(boothA.vehicles[0]!.plate);
  });

  it('cannot insert rows for another checkpoint', async () => {
    const e = await refusedBy(
      asA.query(`INSERT INTO county.vehicles (id, checkpoint, shift_id, day, created_at, updated_at, plate, record, content_hash)
                 VALUES ($1, $2, $3, '2020-02-01', now(), now(), '川A99999', '{}', 'x')`, [newId(), B.checkpoint, newId()]),
    );
    expect(e.code).toBe('42501');
    expect(e.message).toMatch(/row-level security/);
    // Through the push path with our own check fooled (booth A's login claiming to be B): the
    // server refuses the record and its occupant; nothing of it is stored.
    const v = makeVehicle({ checkpoint: B.checkpoint, shiftId: boothA.shift.id });
    const batch = { batchId: newId(), checkpoint: B.checkpoint, shifts: [], vehicles: [v], persons: [makePerson({}, v)], incidents: [] };
    const out = await pushBatch(asA, batch as never, B.checkpoint);
    expect(out.refused.map((r) => [r.kind, r.id, r.code])).toEqual([
      ['vehicle', v.id, 'sync.forbidden'],
      ['person', batch.persons[0]!.id, 'sync.forbidden'],
    ]);
    const n = await env.county.admin.query(`SELECT count(*)::int n FROM county.vehicles WHERE id = $1`, [v.id]);
    expect(n.rows[0].n).toBe(0);
  });

  it('a record for another checkpoint is refused, kept at the booth with its reason, and the rest goes through', async () => {
    const stray = makeVehicle({ checkpoint: B.checkpoint, shiftId: boothA.shift.id, createdAt: Date.now(), updatedAt: Date.now() });
    // Written straight to the table: the form would never produce it, an old import might.
    await boothA.db.vehicles.add(stray);
    await register(boothA, 3);
    const r = await syncOnce(boothA.db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(r).toMatchObject({ error: null, refused: 1, done: true });
    const refused = await listRefused(boothA.db);
    expect(refused.map((x) => [x.kind, x.id, x.code])).toEqual([['vehicle', stray.id, 'sync.otherCheckpoint']]);
    expect(refused[0]!.reason.zh).toContain(B.checkpoint);
    expect(await boothA.db.vehicles.get(stray.id)).toBeDefined();
    const n = await env.county.admin.query(`SELECT count(*)::int n FROM county.vehicles WHERE checkpoint = $1`, [A.checkpoint]);
    expect(n.rows[0].n).toBe(23);
  });

  it('a supervisor reads the whole county and writes nothing', async () => {
    const sup = await env.county.connectAs('supervisor_1', 'sup-pw');
    const r = await sup.query(`SELECT checkpoint, count(*)::int n FROM county.vehicles GROUP BY 1 ORDER BY 1`);
    expect(r.rows.map((x) => x.checkpoint).sort()).toEqual([A.checkpoint, B.checkpoint].sort());
    const e = await refusedBy(sup.query(`INSERT INTO county.push_log (batch_id, checkpoint, stored, duplicates) VALUES ($1, $2, 0, 0)`, [newId(), A.checkpoint]));
    expect(e.code).toBe('42501');
  });

  it('a booth reads the county key-area list and settings, and a pull never touches its records', async () => {
    await env.county.admin.query(`INSERT INTO county.key_areas (name, plate_province, from_day, note) VALUES ('湖北', '鄂', '2020-01-23', NULL), ('温州', NULL, '2020-02-01', '浙江温州')`);
    await env.county.admin.query(`INSERT INTO county.settings (key, value) VALUES ('feverLine', '37.2')`);
    const before = await boothA.db.vehicles.count();
    const r = await syncOnce(boothA.db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(r.settingsChanged).toBe(true);
    expect((await boothA.db.settings.get('keyAreas'))?.value).toEqual([
      { name: '湖北', plateProvince: '鄂', from: '2020-01-23' },
      { name: '温州', from: '2020-02-01', note: '浙江温州' },
    ]);
    expect((await boothA.db.settings.get('feverLine'))?.value).toBe(37.2);
    expect(await boothA.db.vehicles.count()).toBe(before);
  });
});
