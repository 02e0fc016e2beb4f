// Two booths push to a real PostgreSQL at the same time: one loses its link in the middle of a
// batch, the other replays an old batch twice. The county must hold every record exactly once,
// keep both booths' amendments, and count what the booths count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { syncOnce, type SyncTransport } from '../../renderer/src/sync/engine';
import { countWaiting, listRefused, readSyncState } from '../../renderer/src/db/outbox';
import type { SyncBatch } from '../../shared/sync/batch';
import { BOOTH_A as A, BOOTH_B as B, startTwoBoothCounty, type TwoBoothCounty } from './county.testkit';
import { amend, incident, openBooth, ownCounts, register, voidOne, type Booth } from './booth.testkit';

/** The county with booths A and B (their main-process sides). */
let env: TwoBoothCounty;
let boothA: Booth;
let boothB: Booth;
/** Set to cut booth A's link before its next persons insert (mid-batch, after the vehicles). */
let dropA = false;
let drops = 0;

function cutLinkMidBatch(client: pg.Client): void {
  const query = client.query.bind(client) as (...a: unknown[]) => unknown;
  (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
    if (dropA && typeof args[0] === 'string' && args[0].includes('INSERT INTO county.persons')) {
      dropA = false;
      drops++;
      // The TCP connection dies as a flaky 4G link would: no COMMIT ever reaches the server.
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    }
    return query(...args);
  };
}

beforeAll(async () => {
  env = await startTwoBoothCounty(cutLinkMidBatch);
  const t = Date.now() - 3600_000;
  boothA = await openBooth(A.checkpoint, t - 1000);
  boothB = await openBooth(B.checkpoint, t - 1000);
  await register(boothA, 230, t);
  await register(boothB, 170, t);
  await incident(boothA, t + 500);
  await incident(boothA, t + 600, true);
  await incident(boothB, t + 700);
}, 60_000);

afterAll(async () => {
  await env?.stop();
});

async function countyCounts(checkpoint: string) {
  const q = async (sql: string) => Number((await env.county.admin.query<{ n: string }>(sql, [checkpoint])).rows[0]!.n);
  return {
    vehicles: await q('SELECT count(*) n FROM county.vehicles WHERE checkpoint = $1'),
    distinctVehicles: await q('SELECT count(DISTINCT id) n FROM county.vehicles WHERE checkpoint = $1'),
    persons: await q('SELECT count(*) n FROM county.persons WHERE checkpoint = $1'),
    activeVehicles: await q(`SELECT count(*) n FROM county.vehicles_current WHERE checkpoint = $1 AND (record->>'voided')::int = 0`),
    activePersons: await q(`SELECT count(*) n FROM county.persons_current p JOIN county.vehicles_current v ON v.id = p.vehicle_id
                            WHERE p.checkpoint = $1 AND (p.record->>'voided')::int = 0 AND (v.record->>'voided')::int = 0`),
    amendments: await q('SELECT count(*) n FROM county.amendments WHERE checkpoint = $1 AND kind = \'vehicle\''),
    incidents: await q('SELECT count(*) n FROM county.incidents WHERE checkpoint = $1'),
  };
}

/**
 * For booth A and booth B alike, each named county figure equals the booth's own figure it is
 * paired with (the county's distinct vehicle ids, for example, with the booth's vehicles).
 */
async function expectCountyHoldsOwnCounts(pairs: Partial<Record<keyof Awaited<ReturnType<typeof countyCounts>>, keyof Awaited<ReturnType<typeof ownCounts>>>>) {
  for (const [booth, cp] of [[boothA, A.checkpoint], [boothB, B.checkpoint]] as const) {
    const own = await ownCounts(booth.db);
    const c = await countyCounts(cp);
    for (const [county, mine] of Object.entries(pairs) as [keyof typeof c, keyof typeof own][]) expect(c[county], `${cp}: county ${county} = booth ${mine}`).toBe(own[mine]);
  }
}

describe('two booths pushing to the county at once', () => {
  let firstBatchOfB: SyncBatch | undefined;

  it('stores every record exactly once although A loses its link mid-batch and B runs alongside', async () => {
    const spyB: SyncTransport = {
      push: (batch) => {
        firstBatchOfB ??= structuredClone(batch);
        return env.sideB.transport.push(batch);
      },
      pull: () => env.sideB.transport.pull(),
      watchEntries: (r) => env.sideB.transport.watchEntries(r),
    };
    dropA = true;
    const [a1, b1] = await Promise.all([
      syncOnce(boothA.db, env.sideA.transport, { checkpoint: A.checkpoint, maxVehicles: 40 }),
      syncOnce(boothB.db, spyB, { checkpoint: B.checkpoint, maxVehicles: 40 }),
    ]);
    expect(drops).toBe(1);
    // A's first attempt failed and said so; its cursor did not move, nothing is lost.
    expect(a1.done).toBe(false);
    expect(a1.error?.en).toMatch(/reach|terminated|failed/i);
    expect((await readSyncState(boothA.db)).lastError).not.toBeNull();
    expect(await countWaiting(boothA.db, (await readSyncState(boothA.db)).cursor)).toBeGreaterThan(0);
    expect(b1).toMatchObject({ done: true, error: null, refused: 0 });
    expect(b1.batches).toBeGreaterThan(3);

    // The link is back: the next run sends the same batch again and continues.
    const a2 = await syncOnce(boothA.db, env.sideA.transport, { checkpoint: A.checkpoint, maxVehicles: 40 });
    expect(a2).toMatchObject({ done: true, error: null, refused: 0 });
    expect(await countWaiting(boothA.db, (await readSyncState(boothA.db)).cursor)).toBe(0);

    await expectCountyHoldsOwnCounts({ vehicles: 'vehicles', distinctVehicles: 'vehicles', persons: 'persons', incidents: 'incidents' });
  }, 60_000);

  it('keeps amendments from both booths as rows and shows the newest state', async () => {
    const t = Date.now();
    await amend(boothA, boothA.vehicles[3]!, '德阳市旌阳区东湖街道', t);
    await amend(boothA, boothA.vehicles[3]!, '德阳市旌阳区东湖街道2组', t + 10);
    await voidOne(boothA, boothA.vehicles[7]!, t + 20);
    await amend(boothB, boothB.vehicles[5]!, '绵阳市游仙区', t + 30);
    await voidOne(boothB, boothB.vehicles[9]!, t + 40);
    const [a, b] = await Promise.all([
      syncOnce(boothA.db, env.sideA.transport, { checkpoint: A.checkpoint }),
      syncOnce(boothB.db, env.sideB.transport, { checkpoint: B.checkpoint }),
    ]);
    expect(a.error).toBeNull();
    expect(b.error).toBeNull();
    await expectCountyHoldsOwnCounts({ amendments: 'amendments', activeVehicles: 'activeVehicles', activePersons: 'activePersons', vehicles: 'vehicles' });
    const cur = await env.county.admin.query(`SELECT record->>'destination' AS d FROM county.vehicles_current WHERE id = $1`, [boothA.vehicles[3]!.id]);
    expect(cur.rows[0].d).toBe('德阳市旌阳区东湖街道2组');
    const amendRows = await env.county.admin.query(`SELECT reason FROM county.amendments WHERE record_id = $1 ORDER BY ordinal`, [boothA.vehicles[3]!.id]);
    expect(amendRows.rows.map((r) => r.reason)).toEqual(['目的地写错', '目的地写错']);
  }, 60_000);

  it('a replayed old batch, sent twice, duplicates nothing and overwrites nothing', async () => {
    expect(firstBatchOfB).toBeDefined();
    const old = firstBatchOfB!;
    const amendedId = boothB.vehicles[5]!.id;
    expect(old.vehicles.map((v) => v.id)).toContain(amendedId);
    const before = await countyCounts(B.checkpoint);
    for (let i = 0; i < 2; i++) {
      const r = await env.sideB.transport.push(old);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value.stored).toBe(0);
        expect(r.value.refused).toEqual([]);
        expect(r.value.duplicates).toBeGreaterThan(0);
      }
    }
    expect(await countyCounts(B.checkpoint)).toEqual(before);
    const cur = await env.county.admin.query(`SELECT record->>'destination' AS d FROM county.vehicles_current WHERE id = $1`, [amendedId]);
    expect(cur.rows[0].d).toBe('绵阳市游仙区');
  });

  it('the county totals are the sum of the booths’ own counts', async () => {
    const a = await ownCounts(boothA.db);
    const b = await ownCounts(boothB.db);
    const all = await env.county.admin.query<{ v: string; p: string }>(`SELECT (SELECT count(*) FROM county.vehicles) v, (SELECT count(*) FROM county.persons) p`);
    expect(Number(all.rows[0]!.v)).toBe(a.vehicles + b.vehicles);
    expect(Number(all.rows[0]!.p)).toBe(a.persons + b.persons);
    expect(await listRefused(boothA.db)).toEqual([]);
  });
});
