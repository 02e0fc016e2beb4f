import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Shift, type StationSettings } from '../model';
import { buildRecords, draftFromRecords, emptyOccupant, emptyVehicleDraft, type VehicleDraft } from '../registration';
import { planAmendment } from './amend';

const DAY = '2020-02-17';
const SAVED_AT = 1_581_900_000_000;
const CORRECTED_AT = SAVED_AT + 3 * 3600_000;
const settings: StationSettings = { ...DEFAULT_SETTINGS, checkpoint: '南江南卡点', homeProvince: '川' };
const shift: Shift = { id: 'shift-1', checkpoint: '南江南卡点', shiftName: 'night', leadName: '岳阳', staff: [], openedAt: 0, day: DAY, status: 'open' };

let n = 0;
const newId = () => `id-${++n}`;

function saved() {
  const d: VehicleDraft = {
    ...emptyVehicleDraft('o1'),
    plateInput: 'a12345',
    origin: '巴中',
    destination: '南江',
    occupants: [
      { ...emptyOccupant('o1', 'driver'), name: '张三', docNumber: '34052419800101001x', phone: '13800138000', temp: '37.6', recheckTemp: '37.0' },
      { ...emptyOccupant('o2', 'passenger'), name: '李四', docNumber: '110101199003070011', temp: '36.4' },
    ],
  };
  return buildRecords(d, { shift, operator: '王医生', now: SAVED_AT, day: DAY, settings, newId });
}

/** What the booth's correction sends: the whole record rebuilt from the edited form, later. */
function corrected(before: ReturnType<typeof saved>, edit: (d: VehicleDraft) => VehicleDraft, over: Partial<StationSettings> = {}) {
  const d = edit(draftFromRecords(before.vehicle, before.persons, 'amend', newId));
  return buildRecords(d, { shift, operator: '值班员', now: CORRECTED_AT, day: '2020-02-18', settings: { ...settings, ...over }, newId, existing: before.vehicle });
}

describe('planAmendment', () => {
  it('a name correction changes the name only: every reading keeps its value, method and time', () => {
    const before = saved();
    const next = corrected(before, (d) => ({ ...d, occupants: d.occupants.map((o, i) => (i === 0 ? { ...o, name: '张叁' } : o)) }));
    const plan = planAmendment(before.vehicle, before.persons, next.vehicle, next.persons);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.changes).toEqual({ 'persons[0].name': ['张三', '张叁'] });
    const [zhang, li] = plan.value.active;
    expect(zhang).toEqual({ ...before.persons[0], name: '张叁' });
    expect(zhang?.first.at).toBe(SAVED_AT);
    expect(zhang?.recheck?.at).toBe(SAVED_AT);
    expect(li).toEqual(before.persons[1]);
    expect(plan.value.vehicle).toEqual(before.vehicle);
    expect(plan.value.removed).toEqual([]);
  });

  it('a changed reading takes the new value and time; its fever flags follow it', () => {
    const before = saved();
    const next = corrected(before, (d) => ({ ...d, occupants: d.occupants.map((o, i) => (i === 1 ? { ...o, temp: '38.2', recheckTemp: '38.0', disposition: 'feverClinic' as const } : o)) }));
    const plan = planAmendment(before.vehicle, before.persons, next.vehicle, next.persons);
    if (!plan.ok) throw new Error(plan.error.message.en);
    expect(Object.keys(plan.value.changes)).toEqual(['persons[1].disposition', 'persons[1].first', 'persons[1].recheck']);
    expect(plan.value.active[1]).toMatchObject({ first: { celsius: 38.2, at: CORRECTED_AT }, recheck: { celsius: 38, at: CORRECTED_AT }, feverFirst: true, feverConfirmed: true });
    expect(plan.value.active[0]).toEqual(before.persons[0]);
  });

  it('a changed fever line does not re-judge untouched readings, a new key-area list does not re-flag an untouched origin', () => {
    const before = saved();
    // The new list asks the form to tick the checks; the record's own reasons stay as judged then.
    const next = corrected(before, (d) => ({ ...d, remarks: '补记', inspected: true, disinfected: true }), {
      feverLine: 38.5,
      keyAreas: [...settings.keyAreas, { name: '巴中', from: '2020-01-01' }],
    });
    const plan = planAmendment(before.vehicle, before.persons, next.vehicle, next.persons);
    if (!plan.ok) throw new Error(plan.error.message.en);
    expect(plan.value.changes).toEqual({ inspected: [false, true], disinfected: [false, true], remarks: ['', '补记'] });
    expect(plan.value.active).toEqual(before.persons);
    expect(plan.value.vehicle).toEqual({ ...before.vehicle, remarks: '补记', inspected: true, disinfected: true });
  });

  it('an origin correction recomputes the key-area reasons with it', () => {
    const before = saved();
    const next = corrected(before, (d) => ({ ...d, origin: '武汉', inspected: true, disinfected: true }));
    const plan = planAmendment(before.vehicle, before.persons, next.vehicle, next.persons);
    if (!plan.ok) throw new Error(plan.error.message.en);
    expect(plan.value.changes).toEqual({
      origin: ['巴中', '武汉'],
      inspected: [false, true],
      disinfected: [false, true],
      keyAreaReasons: [[], ['origin:武汉']],
    });
    expect(plan.value.vehicle).toMatchObject({ keyArea: true, keyAreaReasons: ['origin:武汉'] });
  });

  it('a plate correction brings its class and confirmation with it, listed as the plate alone', () => {
    const before = saved();
    const odd = corrected(before, (d) => ({ ...d, plateInput: 'ea12345', plateConfirmed: true }));
    const plan = planAmendment(before.vehicle, before.persons, odd.vehicle, odd.persons);
    if (!plan.ok) throw new Error(plan.error.message.en);
    expect(plan.value.changes).toEqual({ plate: ['川A12345', 'EA12345'] });
    expect(plan.value.vehicle).toMatchObject({ plate: 'EA12345', plateBody: 'A12345', plateKind: 'military', plateConfirmed: true });
    expect(plan.value.vehicle.plateProvince).toBeUndefined();
  });

  it('removing a person lists them by name and returns the row to void; nothing else moves', () => {
    const before = saved();
    const next = corrected(before, (d) => ({ ...d, occupants: d.occupants.slice(0, 1) }));
    const plan = planAmendment(before.vehicle, before.persons, next.vehicle, next.persons);
    if (!plan.ok) throw new Error(plan.error.message.en);
    expect(plan.value.changes).toEqual({ 'persons[1]': ['李四', null] });
    expect(plan.value.removed).toEqual([{ ...before.persons[1], voided: 1 }]);
    expect(plan.value.active).toEqual([before.persons[0]]);
  });

  it('refuses no change, frozen fields, foreign and duplicate persons, and voided records', () => {
    const before = saved();
    const same = corrected(before, (d) => d);
    const code = (r: ReturnType<typeof planAmendment>) => (r.ok ? 'ok' : r.error.code);
    expect(code(planAmendment(before.vehicle, before.persons, same.vehicle, same.persons))).toBe('amend.noChanges');
    expect(code(planAmendment(before.vehicle, before.persons, { day: '2020-01-01' }))).toBe('amend.frozen');
    expect(code(planAmendment(before.vehicle, before.persons, {}, [{ ...before.persons[0]!, vehicleId: 'other' }]))).toBe('amend.personMismatch');
    expect(code(planAmendment(before.vehicle, before.persons, {}, [before.persons[0]!, before.persons[0]!]))).toBe('amend.duplicatePerson');
    expect(code(planAmendment(before.vehicle, before.persons, {}, []))).toBe('amend.noPersons');
    expect(code(planAmendment({ ...before.vehicle, voided: 1 }, before.persons, { origin: 'x' }))).toBe('amend.voided');
  });
});
