import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PersonDisposition, type Shift, type StationSettings } from './model';
import { buildRecords, draftFromRecords, emptyOccupant, emptyVehicleDraft, validateDraft, type VehicleDraft } from './registration';
import { validateRecheck } from './recheck';

const TODAY = '2020-02-17';
const settings: StationSettings = { ...DEFAULT_SETTINGS, checkpoint: '南江南卡点', homeProvince: '川' };
const shift: Shift = {
  id: 'shift-1',
  checkpoint: '南江南卡点',
  shiftName: 'night',
  leadName: '岳阳',
  staff: [{ name: '王医生', unit: 'health' }],
  openedAt: 0,
  day: TODAY,
  status: 'open',
};

function draft(patch: Partial<VehicleDraft> = {}): VehicleDraft {
  const d = emptyVehicleDraft('o1');
  const driver = { ...emptyOccupant('o1', 'driver'), name: '张三', docNumber: '34052419800101001x', phone: '13800138000', temp: '36.5' };
  return { ...d, plateInput: 'a12345', origin: '巴中', destination: '南江', occupants: [driver], ...patch };
}

let n = 0;
const ctx = (over: object = {}) => ({ shift, operator: '王医生', now: 1_581_900_000_000, day: TODAY, settings, newId: () => `id-${++n}`, ...over });

describe('validateDraft', () => {
  it('accepts a complete local vehicle', () => {
    expect(validateDraft(draft(), settings, TODAY)).toEqual({});
  });

  it.each([
    ['empty plate', { plateInput: '' }, 'plate', 'plate.empty'],
    ['unknown plate format', { plateInput: '川A1O345' }, 'plate', 'plate.unknown'],
    ['missing origin', { origin: ' ' }, 'origin', 'required'],
    ['missing destination', { destination: '' }, 'destination', 'required'],
  ] as const)('%s', (_name, patch, field, code) => {
    expect(validateDraft(draft(patch), settings, TODAY)[field]?.code).toBe(code);
  });

  it('refuses a 100,000-character name with a message; nothing is cut', () => {
    const long = '张'.repeat(100_000);
    const d = draft();
    const o = d.occupants[0];
    if (!o) throw new Error('draft');
    const errors = validateDraft({ ...d, occupants: [{ ...o, name: long }] }, settings, TODAY);
    expect(errors['occupants.0.name']).toEqual({ code: 'name.tooLong', params: { max: 40 } });
    expect(() => buildRecords({ ...d, occupants: [{ ...o, name: long }] }, ctx())).toThrow();
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['zero-width joiners and a BOM', '\u200d\u200c\ufeff'],
    ['bidi marks', '\u200e\u202e\u2066'],
    ['Hangul filler', '\u3164\u3164'],
    ['soft hyphen and spaces', ' \u00ad '],
  ])('refuses a name of only invisible characters (%s)', (_what, name) => {
    const d = draft();
    const o = d.occupants[0];
    if (!o) throw new Error('draft');
    expect(validateDraft({ ...d, occupants: [{ ...o, name }] }, settings, TODAY)['occupants.0.name']?.code).toBe('text.invisible');
  });

  it('accepts a real name with a zero-width joiner inside it', () => {
    const d = draft();
    const o = d.occupants[0];
    if (!o) throw new Error('draft');
    expect(validateDraft({ ...d, occupants: [{ ...o, name: '阿依\u200d古丽' }] }, settings, TODAY)['occupants.0.name']).toBeUndefined();
  });

  it('asks to confirm a military shape typed for a plate (ea12345) and records the confirmation', () => {
    expect(validateDraft(draft({ plateInput: 'ea12345' }), settings, TODAY).plate).toEqual({ code: 'plate.rare', params: { plate: 'EA12345' } });
    const confirmed = draft({ plateInput: 'ea12345', plateConfirmed: true });
    expect(validateDraft(confirmed, settings, TODAY).plate).toBeUndefined();
    const { vehicle } = buildRecords(confirmed, ctx());
    expect(vehicle).toMatchObject({ plate: 'EA12345', plateKind: 'military', plateConfirmed: true });
  });

  it('lets the operator confirm an unknown plate instead of rejecting it', () => {
    expect(validateDraft(draft({ plateInput: '临A1234', plateConfirmed: true }), settings, TODAY).plate).toBeUndefined();
  });

  it('requires inspection and disinfection before releasing a key-area vehicle, not before turning it back', () => {
    const e = validateDraft(draft({ plateInput: 'e a12345' }), settings, TODAY);
    expect(e.inspected?.code).toBe('keyArea.inspectRequired');
    expect(e.disinfected?.code).toBe('keyArea.disinfectRequired');
    expect(validateDraft(draft({ plateInput: 'e a12345', disposition: 'turnedBack' }), settings, TODAY)).toEqual({});
    expect(validateDraft(draft({ origin: '武汉', inspected: true, disinfected: true }), settings, TODAY)).toEqual({});
  });

  it.each([
    ['bad ID checksum', { docNumber: '340524198001010011' }, 'docNumber', 'id.checksum'],
    ['driver without phone', { phone: '' }, 'phone', 'phone.empty'],
    ['Fahrenheit reading', { temp: '98.6' }, 'temp', 'temp.fahrenheit'],
    ['implausible reading', { temp: '45' }, 'temp', 'temp.implausible'],
    ['no name', { name: '' }, 'name', 'required'],
  ] as const)('occupant: %s', (_name, patch, field, code) => {
    const d = draft();
    const o = { ...d.occupants[0]!, ...patch };
    expect(validateDraft({ ...d, occupants: [o] }, settings, TODAY)[`occupants.0.${field}`]?.code).toBe(code);
  });

  it('offers the Fahrenheit conversion in the error, never applies it', () => {
    const d = draft();
    const e = validateDraft({ ...d, occupants: [{ ...d.occupants[0]!, temp: '98.6' }] }, settings, TODAY);
    expect(e['occupants.0.temp']).toEqual({ code: 'temp.fahrenheit', params: { c: '37.0' } });
  });

  it('a passenger may have no phone', () => {
    const d = draft();
    const p = { ...emptyOccupant('o2', 'passenger'), name: '李四', docNumber: '34052419800101001X', temp: '36.6' };
    expect(validateDraft({ ...d, occupants: [...d.occupants, p] }, settings, TODAY)).toEqual({});
  });

  describe('fever workflow', () => {
    const withTemps = (temp: string, recheckTemp: string, disposition: PersonDisposition = 'released') => {
      const d = draft();
      return { ...d, occupants: [{ ...d.occupants[0]!, temp, recheckTemp, disposition }] };
    };
    it('a reading at the line asks for a recheck', () => {
      expect(validateDraft(withTemps('37.3', ''), settings, TODAY)['occupants.0.recheckTemp']?.code).toBe('recheck.required');
      expect(validateDraft(withTemps('37.2', ''), settings, TODAY)).toEqual({});
    });
    it('a confirmed fever cannot simply be released', () => {
      expect(validateDraft(withTemps('37.8', '38.0'), settings, TODAY)['occupants.0.disposition']?.code).toBe('disposition.feverRequired');
      const d = withTemps('37.8', '38.0');
      d.occupants[0]!.disposition = 'feverClinic';
      expect(validateDraft(d, settings, TODAY)).toEqual({});
    });
    it('a recheck below the line allows release', () => {
      expect(validateDraft(withTemps('37.5', '36.9'), settings, TODAY)).toEqual({});
    });
    it('follows a configured fever line', () => {
      expect(validateDraft(withTemps('37.2', ''), { ...settings, feverLine: 37.2 }, TODAY)['occupants.0.recheckTemp']?.code).toBe('recheck.required');
    });
  });
});

describe('buildRecords', () => {
  it('builds a vehicle and its people with normalised values and derived flags', () => {
    const d = draft({ plateInput: 'e a12345', inspected: true, disinfected: true });
    const passenger = { ...emptyOccupant('o2', 'passenger'), name: '李四', docNumber: '34052419800101001X', temp: '37.8', recheckTemp: '38.1', disposition: 'feverClinic' as const };
    const { vehicle, persons } = buildRecords({ ...d, occupants: [...d.occupants, passenger] }, ctx());
    expect(vehicle.plate).toBe('鄂A12345');
    expect(vehicle.plateBody).toBe('A12345');
    expect(vehicle.plateProvince).toBe('鄂');
    expect(vehicle.keyArea).toBe(true);
    expect(vehicle.keyAreaReasons).toContain('plate:鄂');
    expect(vehicle.personCount).toBe(2);
    expect(vehicle.maxTemp).toBe(38.1);
    expect(vehicle.anyFever).toBe(true);
    expect(vehicle.shiftId).toBe('shift-1');
    expect(vehicle.operator).toBe('王医生');
    expect(persons[0]!.docNumber).toBe('34052419800101001X');
    expect(persons[0]!.docRev).toBe('X10010100891425043');
    expect(persons[0]!.homeProvince).toBe('皖');
    expect(persons[1]!.recheck?.celsius).toBe(38.1);
    expect(persons[1]!.feverFirst).toBe(true);
    expect(persons[1]!.feverConfirmed).toBe(true);
    expect(persons.map((p) => p.vehicleId)).toEqual([vehicle.id, vehicle.id]);
    expect(persons.map((p) => p.seq)).toEqual([0, 1]);
  });

  it('refuses an invalid draft: that is a programming error', () => {
    expect(() => buildRecords(draft({ plateInput: '' }), ctx())).toThrow(/invalid draft/);
  });

  it('a correction keeps the identity, creation time and history of the record', () => {
    const first = buildRecords(draft(), ctx());
    const again = draftFromRecords(first.vehicle, first.persons, 'amend', () => 'unused');
    const corrected = buildRecords({ ...again, destination: '南江县城' }, ctx({ now: 1_581_900_600_000, existing: first.vehicle }));
    expect(corrected.vehicle.id).toBe(first.vehicle.id);
    expect(corrected.vehicle.createdAt).toBe(first.vehicle.createdAt);
    expect(corrected.persons[0]!.id).toBe(first.persons[0]!.id);
    expect(corrected.vehicle.destination).toBe('南江县城');
  });

  it('recalling a last visit copies vehicle and people but not readings, checks or outcomes', () => {
    const first = buildRecords(draft({ origin: '武汉', inspected: true, disinfected: true }), ctx());
    const recalled = draftFromRecords(first.vehicle, first.persons, 'recall', () => 'new-key');
    expect(recalled.origin).toBe('武汉');
    expect(recalled.inspected).toBe(false);
    expect(recalled.disinfected).toBe(false);
    expect(recalled.occupants[0]!.name).toBe('张三');
    expect(recalled.occupants[0]!.temp).toBe('');
    expect(recalled.occupants[0]!.personId).toBeUndefined();
  });
});

describe('待复测 in the registration form', () => {
  const feverDriver = (over: object = {}) => draft({ occupants: [{ ...draft().occupants[0]!, temp: '37.8', ...over }] });

  it('a fever without a recheck is refused unless marked 待复测', () => {
    expect(validateDraft(feverDriver(), settings, TODAY)['occupants.0.recheckTemp']?.code).toBe('recheck.required');
    expect(validateDraft(feverDriver({ recheckPending: true }), settings, TODAY)).toEqual({});
  });

  it('a typed recheck wins over the mark, with the same rules as the recheck dialog', () => {
    const still = feverDriver({ recheckPending: true, recheckTemp: '38.0' });
    expect(validateDraft(still, settings, TODAY)['occupants.0.disposition']?.code).toBe('disposition.feverRequired');
    expect(validateRecheck({ temp: '38.0', method: 'mercuryAxillary', symptoms: [], disposition: 'released' }, settings.feverLine).disposition?.code).toBe('disposition.feverRequired');
    expect(validateRecheck({ temp: '', method: 'mercuryAxillary', symptoms: [], disposition: 'released' }, settings.feverLine).temp?.code).toBe('recheck.required');
    expect(validateRecheck({ temp: '98.6', method: 'mercuryAxillary', symptoms: [], disposition: 'released' }, settings.feverLine).temp?.code).toBe('temp.fahrenheit');
  });

  it('saves the person awaiting a recheck: a first-reading fever, no recheck, the wait starting now', () => {
    const now = 1_581_955_200_000;
    const { vehicle, persons } = buildRecords(feverDriver({ recheckPending: true }), ctx({ now }));
    expect(persons[0]).toMatchObject({ feverFirst: true, feverConfirmed: true, awaitingRecheckSince: now, first: { celsius: 37.8, at: now } });
    expect(persons[0]?.recheck).toBeUndefined();
    expect(vehicle.anyFever).toBe(true);
  });

  it('the mark means nothing without a fever, and is kept through a correction draft', () => {
    const { persons } = buildRecords(draft({ occupants: [{ ...draft().occupants[0]!, recheckPending: true }] }), ctx());
    expect(persons[0]?.awaitingRecheckSince).toBeUndefined();
    const saved = buildRecords(feverDriver({ recheckPending: true }), ctx());
    const back = draftFromRecords(saved.vehicle, saved.persons, 'amend', () => 'k');
    expect(back.occupants[0]?.recheckPending).toBe(true);
    expect(draftFromRecords(saved.vehicle, saved.persons, 'recall', () => 'k').occupants[0]?.recheckPending).toBeUndefined();
  });
});
