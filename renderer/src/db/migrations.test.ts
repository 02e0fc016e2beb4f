// Every shipped schema version (1, 2, 3), built with its own definitions exactly as shipped and
// filled with rows of every table it had, is opened by the current code: every row survives, and
// the current indexes answer. An upgrade that throws leaves the old database untouched.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/journal';
import { CheckpointDB } from './db';
import { newId } from './ids';
import { makePerson, makeShift, makeVehicle, shippedDatabase } from './testing';
import { countPersonsByDay, countVehiclesByDay } from './vehicles';
import { currentShift } from './shifts';

const toClose: Dexie[] = [];
afterEach(() => {
  for (const d of toClose.splice(0)) d.close();
});

/** A database at `version` with the schema as it shipped, and rows in every table it has. */
async function fixture(version: 1 | 2 | 3): Promise<{ name: string; rows: Record<string, unknown[]> }> {
  const name = `fixture-v${version}-${newId()}`;
  const open = makeShift({ status: 'open' });
  const closed = makeShift({ status: 'closed', openedAt: open.openedAt - 43_200_000, closedAt: open.openedAt - 1 });
  const vehicles = Array.from({ length: 5 }, (_, i) => makeVehicle({ shiftId: open.id, plate: `鄂A1000${i}`, createdAt: open.openedAt + i * 1000, voided: i === 4 ? 1 : 0 }));
  const persons = vehicles.flatMap((v) => [makePerson({ seq: 0, voided: v.voided }, v), makePerson({ seq: 1, role: 'passenger', name: '李四', voided: v.voided }, v)]);
  const rows: Record<string, unknown[]> = {
    shifts: [open, closed],
    vehicles,
    persons,
    incidents: [{ id: newId(), shiftId: open.id, day: open.day, at: open.openedAt + 5, kind: 'evasion', plate: '川B12345', description: '冲卡', handledBy: '王', voided: 0 }],
    settings: [{ key: 'feverLine', value: 37.5 }],
  };
  if (version >= 2) rows.importedShifts = [{ key: `黄许\u0000${newId()}`, day: open.day, checkpoint: '黄许', shift: { counts: { vehicles: 3 } }, fileName: 'a.xlsx', importedAt: 1 }];
  if (version >= 3) rows.dayCounts = [{ day: open.day, vehicles: 4, persons: 8 }];
  await shippedDatabase(name, version, rows);
  return { name, rows };
}

describe('every shipped schema version opens under the current code with every row', () => {
  for (const version of [1, 2, 3] as const) {
    it(`v${version}`, async () => {
      const { name, rows } = await fixture(version);
      const db = new CheckpointDB(name);
      toClose.push(db);
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(3);
      // dayCounts holds derived counters, which v4 rebuilds in its own shape: checked below by value.
      for (const [t, expected] of Object.entries(rows).filter(([t]) => t !== 'dayCounts')) {
        const actual = await db.table(t).toArray();
        const byKey = (r: unknown) => canonicalJson(r);
        expect(actual.map(byKey).sort(), t).toEqual(expected.map(byKey).sort());
      }
      const shift = rows.shifts![0] as { id: string; day: string };
      expect((await currentShift(db))?.id).toBe(shift.id);
      // Counters: a stored row (v3) or a recount from the indexes (v1, v2) — the same numbers.
      expect(await countVehiclesByDay(db, shift.day)).toBe(4);
      expect(await countPersonsByDay(db, shift.day)).toBe(8);
    });
  }
});

describe('an upgrade that throws', () => {
  it('rejects the open and leaves the old database, its version and every row as they were', async () => {
    const { name, rows } = await fixture(3);
    class Broken extends CheckpointDB {
      constructor(n: string) {
        super(n);
        // A hypothetical future step that fails half-way: it has already rewritten one row.
        this.version(99)
          .stores({})
          .upgrade(async (tx) => {
            await tx.table('vehicles').toCollection().modify({ plate: 'BROKEN' });
            throw new Error('upgrade step failed');
          });
      }
    }
    const broken = new Broken(name);
    toClose.push(broken);
    await expect(broken.open()).rejects.toThrow(/upgrade step failed/);
    broken.close();

    const raw = new Dexie(name);
    toClose.push(raw);
    await raw.open(); // no version declared: opens whatever is on disk
    expect(raw.verno).toBe(3);
    const vehicles = await raw.table('vehicles').toArray();
    expect(vehicles.map((v) => canonicalJson(v)).sort()).toEqual(rows.vehicles!.map((v) => canonicalJson(v)).sort());
    expect(await raw.table('persons').count()).toBe(rows.persons!.length);
  });
});
