// Booths for the sync tests: fake-indexeddb databases filled through the real storage functions.
import { amendVehicle, addIncident, openShift, saveVehicle, voidVehicle, voidIncident } from '../../renderer/src/db';
import { freshDb, makePerson, makeVehicle } from '../../renderer/src/db/testing';
import { dayKey, newId } from '../../renderer/src/db/ids';
import type { CheckpointDB } from '../../renderer/src/db/db';
import type { Incident, Shift, Vehicle } from '../../shared/model';

export interface Booth {
  db: CheckpointDB;
  checkpoint: string;
  shift: Shift;
  vehicles: Vehicle[];
}

export async function openBooth(checkpoint: string, now = Date.now()): Promise<Booth> {
  const db = freshDb();
  const s = await openShift(db, { checkpoint, shiftName: 'day', leadName: '王队长', staff: [{ name: '李警官', unit: 'police' }] }, now);
  if (!s.ok) throw new Error(s.error.message.en);
  return { db, checkpoint, shift: s.value, vehicles: [] };
}

/** Registers `n` vehicles with 1–4 occupants each through saveVehicle (the form's path). */
export async function register(b: Booth, n: number, at = Date.now()): Promise<void> {
  for (let i = 0; i < n; i++) {
    const t = at + i;
    const v = makeVehicle({ shiftId: b.shift.id, checkpoint: b.checkpoint, createdAt: t, updatedAt: t, day: dayKey(t), plate: `川A${String(10000 + i).slice(-5)}`, keyArea: i % 7 === 0, disposition: i % 11 === 0 ? 'turnedBack' : 'released' });
    const persons = Array.from({ length: 1 + (i % 4) }, (_, k) =>
      makePerson({ seq: k, role: k === 0 ? 'driver' : 'passenger', feverFirst: i % 13 === 0 && k === 0, feverConfirmed: i % 26 === 0 && k === 0, disposition: i % 26 === 0 && k === 0 ? 'feverClinic' : 'released' }, v),
    );
    const r = await saveVehicle(b.db, v, persons);
    if (!r.ok) throw new Error(r.error.message.en);
    b.vehicles.push(r.value);
  }
}

export async function amend(b: Booth, v: Vehicle, destination: string, now: number): Promise<void> {
  const r = await amendVehicle(b.db, v.id, { destination }, undefined, '目的地写错', '李警官', now);
  if (!r.ok) throw new Error(r.error.message.en);
}

export async function voidOne(b: Booth, v: Vehicle, now: number): Promise<void> {
  const r = await voidVehicle(b.db, v.id, '重复登记', '李警官', now);
  if (!r.ok) throw new Error(r.error.message.en);
}

export async function incident(b: Booth, at: number, voided = false): Promise<Incident> {
  const inc: Incident = { id: newId(at), shiftId: b.shift.id, checkpoint: b.checkpoint, operator: '李警官', at, day: dayKey(at), kind: 'refusal', plate: '鄂A00001', description: '拒绝配合测温', voided: 0, amendments: [] };
  const r = await addIncident(b.db, inc);
  if (!r.ok) throw new Error(r.error.message.en);
  if (voided) {
    const v = await voidIncident(b.db, inc.id, '误登记', '李警官', at + 5);
    if (!v.ok) throw new Error(v.error.message.en);
  }
  return inc;
}

/** What the booth itself holds: every row, and the non-voided ones. */
export async function ownCounts(db: CheckpointDB) {
  // Test-only full reads of a small test database.
  const vehicles = await db.vehicles.toArray();
  const persons = await db.persons.toArray();
  const voidedIds = new Set(vehicles.filter((v) => v.voided === 1).map((v) => v.id));
  return {
    vehicles: vehicles.length,
    persons: persons.length,
    activeVehicles: vehicles.length - voidedIds.size,
    activePersons: persons.filter((p) => p.voided === 0 && !voidedIds.has(p.vehicleId)).length,
    amendments: vehicles.reduce((n, v) => n + v.amendments.length + (v.voidMark ? 1 : 0), 0),
    incidents: await db.incidents.count(),
  };
}
