// What the retention purge removes from a record, and when a shift's records are due. Pure.
//
// Removed (personal data of travellers, and free text that may hold it): names, document numbers
// (docNumber and its reversed search copy docRev), phones, remarks, destinations (down to a village
// group), local contacts, purposes, incident descriptions, correction reasons and before/after
// values, void reasons, the handover's free-text notes.
// Kept (what the counts, the day view and the district totals are made of): the plate (a vehicle,
// not a traveller; the key-area and watchlist counts and the province breakdown read it), origin
// and route (key-area counts), vehicle type, dispositions, temperatures, symptoms, fever flags,
// document type, the province from the ID's area code, times, and the staff's own names (who did
// what stays accountable). The counter rows (dayCounts, shiftCounts, shiftSummaries) are never
// touched.
import type { Amendment, Incident, Person, Shift, Vehicle, VoidMark } from '../model';

const DAY = 86_400_000;

/** A shift is due when it closed at least `days` days before `now`. */
export const purgeCutoff = (now: number, days: number): number => now - days * DAY;

export function isDue(shift: Pick<Shift, 'status' | 'closedAt' | 'purgedAt'>, cutoff: number): boolean {
  return shift.status === 'closed' && shift.closedAt !== undefined && shift.closedAt <= cutoff && shift.purgedAt === undefined;
}

function purgeAmendments(list: readonly Amendment[]): Amendment[] {
  // Which fields were corrected, when and by whom stays (the 已更正 count); the values go.
  return list.map((a) => ({ ...a, reason: '', changes: Object.fromEntries(Object.keys(a.changes).map((k) => [k, ['', '']])) as Amendment['changes'] }));
}

const purgeVoid = (m: VoidMark | undefined): VoidMark | undefined => (m ? { ...m, reason: '' } : undefined);

export function purgePerson(p: Person): Person {
  return { ...p, name: '', docNumber: '', docRev: '', phone: '', remarks: '' };
}

export function purgeVehicle(v: Vehicle): Vehicle {
  const out: Vehicle = { ...v, destination: '', localContact: '', purpose: '', remarks: '', amendments: purgeAmendments(v.amendments) };
  const vm = purgeVoid(v.voidMark);
  if (vm) out.voidMark = vm;
  return out;
}

export function purgeIncident(i: Incident): Incident {
  const out: Incident = { ...i, description: '', amendments: purgeAmendments(i.amendments) };
  const vm = purgeVoid(i.voidMark);
  if (vm) out.voidMark = vm;
  return out;
}

export function purgeShift(s: Shift, at: number): Shift {
  const out: Shift = { ...s, purgedAt: at };
  if (s.handover) out.handover = { ...s.handover, pending: '', equipment: '' };
  return out;
}

export interface PurgeCounts {
  shifts: number;
  vehicles: number;
  persons: number;
  incidents: number;
}
