// The role each member of a shift signs in with: the lead who opens the shift is 带班领导 (lead),
// a health worker 医务人员 (health), everyone else booth staff. The administrator is a station
// account, not a shift member (renderer/src/db/operators.ts).
import type { Shift, StaffMember } from '../model';
import type { Role } from './roles';

export function roleOfMember(leadName: string, member: Pick<StaffMember, 'name' | 'unit'>): Role {
  if (member.name === leadName) return 'lead';
  return member.unit === 'health' ? 'health' : 'staff';
}

/** The shift's members with their roles, lead first, each name once. */
export function shiftMembers(shift: Pick<Shift, 'leadName' | 'staff'>): { name: string; role: Role }[] {
  const out: { name: string; role: Role }[] = [];
  const seen = new Set<string>();
  // The lead is on duty even when the staff list does not name them (storage accepts that).
  const lead = shift.staff.find((s) => s.name === shift.leadName) ?? (shift.leadName ? { name: shift.leadName, unit: 'police' as const } : undefined);
  for (const m of lead ? [lead, ...shift.staff] : shift.staff) {
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    out.push({ name: m.name, role: roleOfMember(shift.leadName, m) });
  }
  return out;
}
