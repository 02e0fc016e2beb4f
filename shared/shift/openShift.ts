// Opening a shift: the rules of the 开班 form, used by the screen (messages next to the fields)
// and by storage (renderer/src/db/shifts.ts openShift), so both refuse the same input with the
// same words. Nothing is registered outside a shift: every record carries checkpoint, shift and
// operator, so all three are required.
import type { ValidationCode } from '../messages';
import type { StaffMember, StaffUnit } from '../model';

export type ShiftChoice = 'day' | 'night' | 'custom';

export interface OpenShiftDraft {
  checkpoint: string;
  choice: ShiftChoice;
  customName: string;
  lead: string;
  staff: StaffMember[];
}

/** What storage receives: trimmed, the shift named, the staff list complete. */
export interface OpenShiftInput {
  checkpoint: string;
  shiftName: string;
  leadName: string;
  staff: StaffMember[];
}

/** Field → error: 'checkpoint', 'custom', 'lead', 'staff.0'. */
export type OpenShiftErrors = Partial<Record<'checkpoint' | 'custom' | 'lead' | 'staff.0', ValidationCode>>;

/** 白班 08:00–20:00, otherwise 夜班: the likely choice when the form opens. */
export function defaultShiftChoice(now: Date): ShiftChoice {
  const h = now.getHours();
  return h >= 8 && h < 20 ? 'day' : 'night';
}

/**
 * People on one shift, at most: a booth holds three, a large checkpoint a few dozen. Bounded so
 * every member travels to the county with the shift (shared/sync/limits.ts) — never a silent cut.
 */
export const SHIFT_STAFF_MAX = 100;

export function validateOpenShiftInput(input: OpenShiftInput): OpenShiftErrors {
  const errors: OpenShiftErrors = {};
  if (!input.checkpoint.trim()) errors.checkpoint = 'shift.checkpointRequired';
  if (!input.shiftName.trim()) errors.custom = 'shift.nameRequired';
  if (!input.leadName.trim()) errors.lead = 'shift.leadRequired';
  if (!input.staff.some((s) => s.name.trim() !== '')) errors['staff.0'] = 'shift.staffRequired';
  else if (input.staff.length > SHIFT_STAFF_MAX) errors['staff.0'] = 'shift.staffTooMany';
  return errors;
}

/**
 * The draft as storage receives it. The lead is on duty too, and may register: a lead not in the
 * staff list is added (as police) — but only to a list that already names someone, so an empty
 * staff list still fails validation.
 */
export function openShiftInput(d: OpenShiftDraft): OpenShiftInput {
  const lead = d.lead.trim();
  const named = d.staff.map((s) => ({ name: s.name.trim(), unit: s.unit })).filter((s) => s.name !== '');
  const staff = named.length === 0 || !lead || named.some((s) => s.name === lead) ? named : [{ name: lead, unit: 'police' as StaffUnit }, ...named];
  return { checkpoint: d.checkpoint.trim(), shiftName: d.choice === 'custom' ? d.customName.trim() : d.choice, leadName: lead, staff };
}
