// fake-indexeddb: the transfer logic in Node. The real data path (two origins in Chromium,
// through main's migration module) is tests/e2e/originMigration.spec.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/result';
import type { OriginChunk } from '../../../shared/ipc';
import { CheckpointDB } from './db';
import { importChunks, summarizeDatabase, walkDatabase } from './originTransfer';

const opened: CheckpointDB[] = [];
let n = 0;
function freshDb(): CheckpointDB {
  const db = new CheckpointDB(`origin-transfer-${++n}-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function seed(db: CheckpointDB, persons: number) {
  await db.settings.put({ key: 'checkpoint', value: '成都东收费站' } as never);
  await db.persons.bulkPut(Array.from({ length: persons }, (_, i) => ({ id: `p${String(i).padStart(6, '0')}`, vehicleId: `v${i % 7}`, name: `张${i}`, day: '2026-12-03', createdAt: i, shiftId: 's1', voided: 0, nested: { a: [1, 'x', null], z: i } }) as never));
}

describe('origin transfer', () => {
  it('exports every table in bounded chunks and imports them into another database with equal counts and digest', async () => {
    const from = freshDb();
    const to = freshDb();
    await seed(from, 1234);
    const chunks: OriginChunk[] = [];
    const exported = await walkDatabase(from, async (c) => void chunks.push(c), 500);
    expect(exported.counts).toMatchObject({ persons: 1234, settings: 1, vehicles: 0, shifts: 0 });
    expect(chunks.map((c) => `${c.table}:${c.rows.length}`)).toEqual(['persons:500', 'persons:500', 'persons:234', 'settings:1']);

    const imported = await importChunks(to, { chunks: chunks.length, summary: exported }, { chunk: async (i) => ok(chunks[i]!) });
    expect(imported).toEqual(await summarizeDatabase(to));
    expect(await summarizeDatabase(to, 500)).toEqual(exported);
    expect(await to.persons.get('p001000')).toEqual(await from.persons.get('p001000'));
  });

  it('a second import of the same chunks changes nothing (keyed rows, no duplicates)', async () => {
    const from = freshDb();
    const to = freshDb();
    await seed(from, 40);
    const chunks: OriginChunk[] = [];
    const exported = await walkDatabase(from, async (c) => void chunks.push(c));
    const plan = { chunks: chunks.length, summary: exported };
    const source = { chunk: async (i: number) => ok(chunks[i]!) };
    await importChunks(to, plan, source);
    expect(await importChunks(to, plan, source)).toEqual(exported);
  });

  it('the digest changes when one field of one row changes', async () => {
    const db = freshDb();
    await seed(db, 3);
    const before = await summarizeDatabase(db);
    await db.persons.update('p000001', { name: '张1 ' } as never);
    const after = await summarizeDatabase(db);
    expect(after.counts).toEqual(before.counts);
    expect(after.digest).not.toBe(before.digest);
  });

  it('refuses values JSON would silently change, and unknown tables, and a missing chunk', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'when', value: new Date(0) } as never);
    await expect(summarizeDatabase(db)).rejects.toThrow(/not plain data/);
    const to = freshDb();
    const plan = { chunks: 1, summary: { counts: {}, digest: '0'.repeat(64) } };
    await expect(importChunks(to, plan, { chunk: async () => ok({ table: 'journal', rows: [{ id: 1 }] }) })).rejects.toThrow(/journal/);
    await expect(importChunks(to, plan, { chunk: async () => fail('origin.noChunk', '无', 'Migration chunk 0 does not exist.') })).rejects.toThrow(/chunk 0/);
  });
});
