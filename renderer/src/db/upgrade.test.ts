// A booth that ran version 1 must open under the current version with every record intact.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointDB } from './db';
import { newId } from './ids';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './schema';
import { T0, makePerson, makeShift, makeVehicle } from './testing';
import { currentShift, lastClosedShift } from './shifts';
import { personsOfShift, vehiclesOfShift } from './shiftData';

const toClose: Dexie[] = [];
afterEach(() => {
  for (const d of toClose.splice(0)) d.close();
});

describe('schema upgrade v1 → current', () => {
  it('opens a v1 database with data as the current version and keeps the data', async () => {
    const name = `upgrade-${newId()}`;
    // Version 1 exactly as shipped, with raw Dexie (not CheckpointDB, which opens the current version).
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    expect(v1.verno).toBe(1);
    const open = makeShift({ status: 'open' });
    const closed = makeShift({ status: 'closed', openedAt: open.openedAt - 12 * 3600_000, closedAt: open.openedAt - 1000 });
    const vehicle = makeVehicle({ shiftId: open.id });
    const person = makePerson({}, vehicle);
    await v1.table('shifts').bulkAdd([open, closed]);
    await v1.table('vehicles').add(vehicle);
    await v1.table('persons').add(person);
    await v1.table('settings').put({ key: 'station', value: { checkpoint: '南江南卡点' } });
    v1.close();

    const db = new CheckpointDB(name);
    toClose.push(db);
    await db.open();
    expect(db.verno).toBe(11);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['audit', 'dayCounts', 'importedShifts', 'incidents', 'operators', 'persons', 'pinnedStations', 'recheckQueue', 'settings', 'shiftCounts', 'shiftSummaries', 'shifts', 'stationKeys', 'syncRefused', 'vehicles', 'watchEntries', 'watchHits', 'watchLists']);
    expect(await db.shifts.count()).toBe(2);
    expect((await currentShift(db))?.id).toBe(open.id);
    expect((await lastClosedShift(db))?.id).toBe(closed.id);
    expect(await vehiclesOfShift(db, open.id)).toEqual([vehicle]);
    expect(await personsOfShift(db, open.id)).toEqual([person]);
    expect(await db.settings.get('station')).toEqual({ key: 'station', value: { checkpoint: '南江南卡点' } });
    expect(await db.importedShifts.count()).toBe(0);
    // v7's upgrade stored the totals of the shift closed before it, and none for the open one.
    expect((await db.shiftSummaries.get(closed.id))?.counts.vehiclesChecked).toBe(0);
    expect(await db.shiftSummaries.get(open.id)).toBeUndefined();
    // The v1 indexes still answer after the upgrade.
    expect(await db.persons.where('docRev').startsWith(person.docRev.slice(0, 4)).count()).toBe(1);
  });

  it('v7 backfills the totals of every shift closed under v3, counted from its records', async () => {
    const name = `upgrade-${newId()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const closed = makeShift({ status: 'closed', closedAt: T0 + 3600_000 });
    const a = makeVehicle({ shiftId: closed.id, createdAt: T0 });
    const b = makeVehicle({ shiftId: closed.id, createdAt: T0 + 1000, voided: 1 });
    await v3.table('shifts').add(closed);
    await v3.table('vehicles').bulkAdd([a, b]);
    await v3.table('persons').bulkAdd([makePerson({ seq: 0 }, a), makePerson({ seq: 1 }, a), makePerson({ seq: 0, voided: 1 }, b)]);
    v3.close();

    const db = new CheckpointDB(name);
    toClose.push(db);
    await db.open();
    const row = await db.shiftSummaries.get(closed.id);
    expect(row?.counts).toMatchObject({ vehiclesChecked: 1, peopleChecked: 2 });
    expect(row?.hourly.reduce((n, h) => n + h.vehicles, 0)).toBe(1);
    expect(row?.tzOffsetMinutes).toBe(-new Date(closed.openedAt).getTimezoneOffset());
  });
});
