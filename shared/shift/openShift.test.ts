import { describe, expect, it } from 'vitest';
import { defaultShiftChoice, openShiftInput, SHIFT_STAFF_MAX, validateOpenShiftInput, type OpenShiftDraft } from './openShift';

const draft: OpenShiftDraft = { checkpoint: ' 南江南卡点 ', choice: 'night', customName: '', lead: ' 岳阳 ', staff: [{ name: ' 王医生 ', unit: 'health' }, { name: ' ', unit: 'police' }] };

describe('open-shift rules', () => {
  it('trim, name the shift and put the lead on the staff list', () => {
    expect(openShiftInput(draft)).toEqual({ checkpoint: '南江南卡点', shiftName: 'night', leadName: '岳阳', staff: [{ name: '岳阳', unit: 'police' }, { name: '王医生', unit: 'health' }] });
    expect(openShiftInput({ ...draft, choice: 'custom', customName: ' 中班 ' }).shiftName).toBe('中班');
    expect(validateOpenShiftInput(openShiftInput(draft))).toEqual({});
  });

  it('require checkpoint, shift name, lead and at least one named staff member', () => {
    const input = openShiftInput({ checkpoint: ' ', choice: 'custom', customName: '', lead: '', staff: [{ name: '', unit: 'health' }] });
    expect(validateOpenShiftInput(input)).toEqual({ checkpoint: 'shift.checkpointRequired', custom: 'shift.nameRequired', lead: 'shift.leadRequired', 'staff.0': 'shift.staffRequired' });
    // A lead alone does not make a staff list.
    expect(validateOpenShiftInput(openShiftInput({ ...draft, staff: [] }))).toEqual({ 'staff.0': 'shift.staffRequired' });
  });

  it('suggests 白班 by day and 夜班 by night', () => {
    expect(defaultShiftChoice(new Date(2020, 1, 1, 8, 0))).toBe('day');
    expect(defaultShiftChoice(new Date(2020, 1, 1, 20, 0))).toBe('night');
    expect(defaultShiftChoice(new Date(2020, 1, 1, 3, 0))).toBe('night');
  });

  it('refuses more than SHIFT_STAFF_MAX people (all of them go to the county with the shift, none is cut)', () => {
    const staff = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `队员${i}`, unit: 'police' as const }));
    const input = (n: number) => ({ checkpoint: '黄许卡点', shiftName: 'day', leadName: '队员0', staff: staff(n) });
    expect(validateOpenShiftInput(input(SHIFT_STAFF_MAX))).toEqual({});
    expect(validateOpenShiftInput(input(SHIFT_STAFF_MAX + 1))).toEqual({ 'staff.0': 'shift.staffTooMany' });
  });
});
