import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointDB, SCHEMA_V1 } from './db';
import { dayKey, newId } from './ids';
import { openDb } from './openDb';
import { freshDb } from './testing';

const opened: CheckpointDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('CheckpointDB', () => {
  it('is opened with strict durability, even if a caller asks otherwise', async () => {
    const db = new CheckpointDB(`t-${newId()}`, { indexedDB, IDBKeyRange, chromeTransactionDurability: 'relaxed' });
    opened.push(db);
    expect(db._options.chromeTransactionDurability).toBe('strict');
    // And the native transactions really carry it (fake-indexeddb records the option).
    const durability = await db.transaction('rw', db.settings, async () => {
      const tx = Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction };
      return tx.idbtrans.durability;
    });
    expect(durability).toBe('strict');
  });

  it('defaults to the app database name and keeps strict durability with no options', () => {
    const db = new CheckpointDB();
    opened.push(db);
    expect(db.name).toBe('checkpoint-station');
    expect(db._options.chromeTransactionDurability).toBe('strict');
  });

  it('declares schema version 11: the documented v1 indexes plus importedShifts (v2), dayCounts (v3), shiftCounts and recheckQueue (v4), syncRefused (v6), shiftSummaries (v7), station keys (v8), watchlists (v9), audit (v10), operators (v11)', async () => {
    const db = freshDb();
    opened.push(db);
    await db.open();
    // The highest declared version (v11: operators who sign in, after v9's watchlists and v10's audit).
    expect(db.verno).toBe(11);
    expect(db.audit.schema.primKey.name).toBe('seq');
    expect(db.audit.schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['at', '[action+at]', '[actor+at]']));
    const idx = (t: keyof typeof SCHEMA_V1) => db.table(t).schema.indexes.map((i) => i.name);
    expect(idx('vehicles')).toEqual(expect.arrayContaining(['[day+createdAt+id]', '[day+voided]', '[shiftId+createdAt]', '[plate+voided+createdAt]', '[plateBody+createdAt]', 'updatedAt']));
    expect(idx('persons')).toEqual(expect.arrayContaining(['vehicleId', '[shiftId+createdAt]', '[day+createdAt]', '[day+voided]', 'docNumber', 'docRev', 'name', 'phone']));
    expect(idx('incidents')).toEqual(expect.arrayContaining(['[day+at]', '[shiftId+at]']));
    expect(idx('shifts')).toEqual(expect.arrayContaining(['[status+openedAt]', 'openedAt', 'day']));
    expect(db.importedShifts.schema.primKey.name).toBe('key');
    expect(db.importedShifts.schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['day', 'checkpoint']));
    expect(db.dayCounts.schema.primKey.name).toBe('day');
    expect(db.syncRefused.schema.primKey.name).toBe('key');
    expect(db.syncRefused.schema.indexes.map((i) => i.name)).toEqual(['at']);
    expect(db.shiftCounts.schema.primKey.name).toBe('shiftId');
    expect(db.recheckQueue.schema.primKey.name).toBe('personId');
    expect(db.recheckQueue.schema.indexes.map((i) => i.name)).toEqual(['[shiftId+since]']);
    expect(db.shiftSummaries.schema.primKey.name).toBe('shiftId');
    expect(db.stationKeys.schema.primKey.name).toBe('id');
    expect(db.pinnedStations.schema.primKey.name).toBe('checkpoint');
    expect(db.watchEntries.schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['keys', '[listId+status]']));
    expect(db.watchEntries.schema.indexes.find((i) => i.name === 'keys')?.multi).toBe(true);
    expect(db.watchHits.schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['[shiftId+at]', '[day+at]', 'entryId']));
    expect(db.audit.schema.primKey.name).toBe('seq');
    expect(db.audit.schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['at', '[action+at]', '[actor+at]']));
    expect(db.operators.schema.primKey.name).toBe('id');
    expect(db.operators.schema.indexes.map((i) => i.name)).toEqual(['shiftId']);
  });
});

describe('openDb', () => {
  it('returns one instance per name and replaces it for another name', () => {
    const a = openDb(`t-${newId()}`);
    expect(openDb(a.name)).toBe(a);
    const b = openDb(`t-${newId()}`);
    expect(b).not.toBe(a);
    opened.push(b);
  });
});

describe('ids', () => {
  it('makes unique UUIDs', () => {
    const a = newId();
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(newId()).not.toBe(a);
  });

  it('uses the booth local day, not UTC', () => {
    expect(dayKey(new Date(2020, 0, 23, 0, 30).getTime())).toBe('2020-01-23');
    expect(dayKey(new Date(2020, 11, 31, 23, 59).getTime())).toBe('2020-12-31');
  });
});
