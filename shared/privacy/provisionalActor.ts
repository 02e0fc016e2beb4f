// The role a shift member acts with before PIN sign-in exists: the shift's lead is 带班领导 (lead),
// a health worker 医务人员 (health), everyone else booth staff. Sign-in replaces this.
import type { Shift } from '../model';
import type { Actor } from './roles';

export function provisionalActor(shift: Pick<Shift, 'leadName' | 'staff'>, name: string): Actor {
  // Until PIN sign-in gives administrators their own accounts: a member named as 管理员/admin.
  if (/管理员|admin/i.test(name)) return { name, role: 'admin' };
  if (name === shift.leadName) return { name, role: 'lead' };
  const member = shift.staff.find((s) => s.name === name);
  return { name, role: member?.unit === 'health' ? 'health' : 'staff' };
}
