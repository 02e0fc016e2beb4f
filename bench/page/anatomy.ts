// Where the time of a save or a search goes, request by request, on the NATIVE IndexedDB API
// (no Dexie in between): which step gets slower as the database grows, and by how much. This
// is diagnosis for the report, not a figure with a target.
import type { Person, Shift, Vehicle } from '../../shared/model';
import { dayKey } from '../../renderer/src/db';
import { Generator } from './generate';
import { connect, meta } from './measure';

const req = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });

const HIGH = '\uffff';

/** Steps a cursor request through at most `limit` rows. */
function walk(r: IDBRequest<IDBCursorWithValue | null>, limit: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let k = 0;
    r.onsuccess = () => {
      const c = r.result;
      if (!c || ++k >= limit) return resolve();
      c.continue();
    };
    r.onerror = () => reject(r.error);
  });
}

export type Anatomy = Record<string, number[]>;

/** The seeded database, its meta, the native handle, its open shift and a sample collector. */
async function probe(name: string) {
  const db = await connect(name);
  const m = await meta(name);
  const out: Anatomy = {};
  const push = (k: string, v: number) => (out[k] ??= []).push(v);
  return { db, m, idb: db.backendDB(), out, push, shift: (await db.shifts.get(m.openShiftId)) as Shift };
}

export async function anatomy(name: string, n: number, seed: number): Promise<Anatomy> {
  const { db, m, idb, out, push, shift } = await probe(name);
  const unique = m.probes.uniquePlate;
  const uniqueVehicle = (await db.vehicles.where('[plate+voided+createdAt]').between([unique], [unique + HIGH]).first()) as Vehicle;
  const last4Rev = [...m.probes.uniqueDriverId.slice(-4)].reverse().join('');
  const today = dayKey(Date.now());
  const gen = new Generator(seed, m.idMode ?? 'random');
  const saved: string[] = [];

  const readOnly = async (label: string, fn: (tx: IDBTransaction) => Promise<unknown>) => {
    const t0 = performance.now();
    const tx = idb.transaction(['shifts', 'vehicles', 'persons'], 'readonly');
    const finished = done(tx);
    await fn(tx);
    const t1 = performance.now();
    await finished;
    push(label, t1 - t0);
  };

  for (let i = 0; i < n + 1; i++) {
    const warm = i === 0;
    // ---- a save, step by step (as saveVehicle: shift read, vehicle add, persons add, commit) ----
    for (const durability of ['strict', 'relaxed'] as const) {
      const who = gen.identity();
      who.vehicleType = 'car';
      const pv = who.plate.charAt(0);
      who.occupants = [gen.occupant(pv, true), gen.occupant(pv, false), gen.occupant(pv, false)];
      const now = Date.now();
      const { vehicle, persons } = gen.records(gen.draft(who, dayKey(now), 0), shift, now, dayKey(now));
      const t0 = performance.now();
      const tx = idb.transaction(['shifts', 'vehicles', 'persons'], 'readwrite', { durability });
      const finished = done(tx);
      await req(tx.objectStore('shifts').get(shift.id));
      const t1 = performance.now();
      await req(tx.objectStore('vehicles').add(vehicle));
      const t2 = performance.now();
      for (const p of persons as Person[]) await req(tx.objectStore('persons').add(p));
      const t3 = performance.now();
      await finished;
      const t4 = performance.now();
      saved.push(vehicle.id);
      if (!warm) {
        if (durability === 'strict') {
          push('save: shift get', t1 - t0);
          push('save: vehicle add (7 index keys)', t2 - t1);
          push('save: 3 persons add (9 index keys each)', t3 - t2);
          push('save: commit (strict, fsync)', t4 - t3);
          push('save: total strict', t4 - t0);
        } else {
          push('save: total relaxed (no fsync)', t4 - t0);
        }
      }
      await new Promise((r) => setTimeout(r, 20));
    }

    // ---- reads, each in its own transaction like separate storage calls ----
    if (warm) continue;
    await readOnly('read: tiny point get (shifts)', (tx) => req(tx.objectStore('shifts').get(shift.id)));
    await readOnly('read: vehicle point get', (tx) => req(tx.objectStore('vehicles').get(uniqueVehicle.id)));
    await readOnly('read: plate index, forward getAll (1 match)', (tx) =>
      req(tx.objectStore('vehicles').index('[plate+voided+createdAt]').getAll(IDBKeyRange.bound([unique], [unique + HIGH]), 50)),
    );
    await readOnly('read: plate index, reverse cursor (1 match)', async (tx) => {
      const r = tx.objectStore('vehicles').index('[plate+voided+createdAt]').openCursor(IDBKeyRange.bound([unique], [unique + HIGH]), 'prev');
      await walk(r, 50);
    });
    await readOnly('read: name index, no match', (tx) => req(tx.objectStore('persons').index('name').getAll(IDBKeyRange.bound(unique, unique + HIGH), 50)));
    let docRevHits: Person[] = [];
    await readOnly('read: docRev index, ID last 4 (≤50 rows)', async (tx) => {
      docRevHits = (await req(tx.objectStore('persons').index('docRev').getAll(IDBKeyRange.bound(last4Rev, last4Rev + HIGH), 50))) as Person[];
    });
    push('rows: docRev hits', docRevHits.length);
    await readOnly('read: their vehicles, one get each', async (tx) => {
      const store = tx.objectStore('vehicles');
      await Promise.all(docRevHits.map((p) => req(store.get(p.vehicleId))));
    });
    await readOnly("read: count today's vehicles ([day+voided])", (tx) => req(tx.objectStore('vehicles').index('[day+voided]').count(IDBKeyRange.only([today, 0]))));
    await readOnly("read: count today's persons ([day+voided])", (tx) => req(tx.objectStore('persons').index('[day+voided]').count(IDBKeyRange.only([today, 0]))));
    await readOnly("read: today's first page, reverse cursor 50 rows", async (tx) => {
      const r = tx.objectStore('vehicles').index('[day+createdAt+id]').openCursor(IDBKeyRange.bound([today], [today, HIGH]), 'prev');
      await walk(r, 50);
    });
  }

  // Leave the data as seeded.
  await db.transaction('rw', db.vehicles, db.persons, async () => {
    await db.persons.where('vehicleId').anyOf(saved).delete();
    await db.vehicles.bulkDelete(saved);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Experiment (npm run bench -- --diagnose): are the slow person writes and row reads at 1M the
// cost of RANDOM keys? Records get random UUIDs (ids.ts newId → crypto.randomUUID), so the
// rows of one day — or of one vehicle — lie scattered over the whole database, and so do their
// index entries for name/ID/phone. Here 3 persons are added with
//   - random UUID ids (as now) or time-ordered ids (UUIDv7 layout: ms timestamp first), and
//   - fresh random index values (as now) or values copied from the newest person (hot keys),
// interleaved, each in its own strict transaction.

export async function idExperiment(name: string, n: number, seed: number): Promise<Anatomy> {
  const { db, idb, out, push, shift } = await probe(name);
  const newest = (await db.persons.orderBy('[day+createdAt]').last()) as Person;
  const gen = new Generator(seed);
  const added: string[] = [];
  const variants = [
    ['random ids, random index values (as now)', false, false],
    ['time-ordered ids, random index values', true, false],
    ['random ids, hot index values', false, true],
    ['time-ordered ids, hot index values', true, true],
  ] as const;

  for (let i = 0; i < n + 1; i++) {
    for (let j = 0; j < variants.length; j++) {
      const [label, ordered, hot] = variants[(i + j) % variants.length] as (typeof variants)[number];
      const now = Date.now();
      const who = gen.identity();
      who.vehicleType = 'car';
      const pv = who.plate.charAt(0);
      who.occupants = [gen.occupant(pv, true), gen.occupant(pv, false), gen.occupant(pv, false)];
      const { vehicle, persons } = gen.records(gen.draft(who, dayKey(now), 0), shift, now, dayKey(now));
      const vehicleId = ordered ? gen.rng.orderedId(now) : vehicle.id;
      const rows = persons.map((p, k) => ({
        ...p,
        id: ordered ? gen.rng.orderedId(now + k) : p.id,
        vehicleId: hot ? newest.vehicleId : vehicleId,
        ...(hot ? { name: newest.name, docNumber: newest.docNumber, docRev: newest.docRev, phone: newest.phone } : {}),
      }));
      const t0 = performance.now();
      const tx = idb.transaction(['persons'], 'readwrite', { durability: 'strict' });
      const finished = done(tx);
      for (const r of rows) await req(tx.objectStore('persons').add(r));
      await finished;
      if (i > 0) push(`add 3 persons: ${label}`, performance.now() - t0);
      added.push(...rows.map((r) => r.id));
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  await db.persons.bulkDelete(added);
  return out;
}
