// The registration form as data: what the booth typed (drafts, all strings), the rules a
// draft must pass before it may be saved, and the records built from a valid draft.
// One place for these rules, so the form, a correction and any importer agree.
import type {
  Direction,
  DocType,
  Millis,
  Person,
  PersonDisposition,
  PersonRole,
  Shift,
  StationSettings,
  Symptom,
  ThermometerMethod,
  Vehicle,
  VehicleDisposition,
  VehicleType,
} from './model';
import { previewPlateInput, type PlatePreview } from './plateInput';
import { validateDocument } from './residentId';
import { validatePhone } from './phone';
import { isFever, parseTemperature } from './temperature';
import { matchKeyArea } from './keyAreas';
import type { FieldErrors } from './messages';
import { checkRecheck, FEVER_DISPOSITIONS } from './recheck';

export { FEVER_DISPOSITIONS };
import { docRevOf, vehicleSummary } from './derived';

export interface OccupantDraft {
  /** Stable key for React and for keeping a person's id through a correction. */
  key: string;
  personId?: string;
  role: PersonRole;
  name: string;
  docType: DocType;
  docNumber: string;
  phone: string;
  temp: string;
  tempMethod: ThermometerMethod;
  recheckTemp: string;
  recheckMethod: ThermometerMethod;
  /**
   * 待复测: the operator marked the recheck as taken later, from the list (shared/recheck.ts).
   * Counts only while the first reading is a fever and no recheck is typed.
   */
  recheckPending?: boolean;
  symptoms: Symptom[];
  disposition: PersonDisposition;
  remarks: string;
}

export interface VehicleDraft {
  plateInput: string;
  /** The operator confirmed a plate whose format is unknown (temporary, foreign, odd). */
  plateConfirmed: boolean;
  vehicleType: VehicleType;
  direction: Direction;
  origin: string;
  route: string;
  destination: string;
  purpose: string;
  localContact: string;
  inspected: boolean;
  disinfected: boolean;
  disposition: VehicleDisposition;
  remarks: string;
  occupants: OccupantDraft[];
}

export type { FieldError, FieldErrors } from './messages';


const NAME_MAX = 40;
const TEXT_MAX = 200;

export function emptyOccupant(key: string, role: PersonRole): OccupantDraft {
  return {
    key,
    role,
    name: '',
    docType: 'residentId',
    docNumber: '',
    phone: '',
    temp: '',
    tempMethod: 'infrared',
    recheckTemp: '',
    recheckMethod: 'mercuryAxillary',
    symptoms: [],
    disposition: 'released',
    remarks: '',
  };
}

export function emptyVehicleDraft(firstOccupantKey: string): VehicleDraft {
  return {
    plateInput: '',
    plateConfirmed: false,
    vehicleType: 'car',
    direction: 'in',
    origin: '',
    route: '',
    destination: '',
    purpose: '',
    localContact: '',
    inspected: false,
    disinfected: false,
    disposition: 'released',
    remarks: '',
    occupants: [emptyOccupant(firstOccupantKey, 'driver')],
  };
}

/** What the form shows live while typing: the plate as it will be stored and its class. */
export function previewPlate(draft: Pick<VehicleDraft, 'plateInput'>, homeProvince: string): PlatePreview {
  return previewPlateInput(draft.plateInput, homeProvince);
}

export function keyAreaReasons(draft: VehicleDraft, settings: StationSettings, day: string): string[] {
  const { info } = previewPlate(draft, settings.homeProvince);
  return matchKeyArea({ plateProvince: info.province, origin: draft.origin, route: draft.route }, settings.keyAreas, day);
}

export interface OccupantReadings {
  first?: number;
  recheck?: number;
  feverFirst: boolean;
  feverConfirmed: boolean;
}

/** The parsed readings of one occupant; undefined values are not (yet) valid numbers. */
export function occupantReadings(o: OccupantDraft, feverLine: number): OccupantReadings {
  const first = parseTemperature(o.temp);
  const recheck = parseTemperature(o.recheckTemp);
  const f = first.ok ? first.celsius : undefined;
  const r = recheck.ok ? recheck.celsius : undefined;
  const feverFirst = f !== undefined && isFever(f, feverLine);
  const feverConfirmed = feverFirst && (r === undefined || isFever(r, feverLine));
  return { first: f, recheck: r, feverFirst, feverConfirmed };
}

/** The person is saved 待复测: a fever at the first reading, marked for a later recheck, none typed. */
export function awaitsRecheck(o: OccupantDraft, feverLine: number): boolean {
  return o.recheckPending === true && o.recheckTemp.trim() === '' && occupantReadings(o, feverLine).feverFirst;
}

/**
 * Characters that show nothing: white space, format characters (zero-width space / joiners, bidi
 * marks, soft hyphen, BOM) and the blank look-alike letters (Hangul fillers, braille blank).
 */
const INVISIBLE = /[\s\p{Cf}\p{Zs}\p{Cc}\u115f\u1160\u3164\uffa0\u2800]/gu;

/** True when text has characters but none a reader can see (a "name" of zero-width spaces). */
export function isInvisibleOnly(value: string): boolean {
  return value !== '' && value.replace(INVISIBLE, '') === '';
}

/**
 * Too long is refused with a message, never cut: the form's inputs carry no maxLength, so what
 * was typed or pasted is what is checked and, once fixed, saved.
 */
function checkText(errors: FieldErrors, path: string, value: string, max: number, required: boolean) {
  if (required && value.trim() === '') errors[path] = { code: 'required' };
  else if (value.trim() !== '' && isInvisibleOnly(value)) errors[path] = { code: 'text.invisible' };
  else if (value.length > max) errors[path] = { code: 'name.tooLong', params: { max } };
}

function validateOccupant(o: OccupantDraft, i: number, settings: StationSettings, today: string, errors: FieldErrors) {
  const p = `occupants.${i}`;
  checkText(errors, `${p}.name`, o.name, NAME_MAX, true);

  const doc = validateDocument(o.docType, o.docNumber, today);
  if (!doc.ok) errors[`${p}.docNumber`] = { code: doc.code };

  if (o.phone.trim() !== '' || o.role === 'driver') {
    const phone = validatePhone(o.phone);
    if (!phone.ok) errors[`${p}.phone`] = { code: phone.code };
  }

  const first = parseTemperature(o.temp);
  if (!first.ok) {
    errors[`${p}.temp`] = first.code === 'temp.fahrenheit' ? { code: first.code, params: { c: first.celsius.toFixed(1) } } : { code: first.code };
    return;
  }
  if (!isFever(first.celsius, settings.feverLine)) return;
  // 待复测: the recheck is completed from the list later, with these same rules.
  if (awaitsRecheck(o, settings.feverLine)) return;

  // At or above the line: a recheck is required, and its result decides what may follow.
  checkRecheck(o.recheckTemp, o.disposition, settings.feverLine, { temp: `${p}.recheckTemp`, disposition: `${p}.disposition` }, errors);
}

export function validateDraft(draft: VehicleDraft, settings: StationSettings, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const { plate, confirm } = previewPlate(draft, settings.homeProvince);
  if (plate === '') errors.plate = { code: 'plate.empty' };
  else if (confirm && !draft.plateConfirmed) errors.plate = { code: confirm === 'rare' ? 'plate.rare' : 'plate.unknown', params: { plate } };

  for (const [path, value] of [
    ['origin', draft.origin],
    ['route', draft.route],
    ['destination', draft.destination],
    ['purpose', draft.purpose],
    ['localContact', draft.localContact],
    ['remarks', draft.remarks],
  ] as const) {
    checkText(errors, path, value, TEXT_MAX, path === 'origin' || path === 'destination');
  }

  if (draft.disposition === 'released' && keyAreaReasons(draft, settings, today).length > 0) {
    if (!draft.inspected) errors.inspected = { code: 'keyArea.inspectRequired' };
    if (!draft.disinfected) errors.disinfected = { code: 'keyArea.disinfectRequired' };
  }

  draft.occupants.forEach((o, i) => validateOccupant(o, i, settings, today, errors));
  return errors;
}

export interface BuildContext {
  shift: Shift;
  operator: string;
  now: Millis;
  day: string;
  settings: StationSettings;
  newId: () => string;
  /** When correcting, the record keeps its identity and creation time. */
  existing?: Vehicle;
}

/**
 * Records from a draft that passed validateDraft. Throws if it did not: that is a
 * programming error, never a user-facing path.
 */
export function buildRecords(draft: VehicleDraft, ctx: BuildContext): { vehicle: Vehicle; persons: Person[] } {
  const errors = validateDraft(draft, ctx.settings, ctx.day);
  if (Object.keys(errors).length > 0) throw new Error(`buildRecords on an invalid draft: ${Object.keys(errors).join(', ')}`);

  const { plate, info, confirm } = previewPlate(draft, ctx.settings.homeProvince);
  const vehicleId = ctx.existing?.id ?? ctx.newId();
  const createdAt = ctx.existing?.createdAt ?? ctx.now;
  const day = ctx.existing?.day ?? ctx.day;
  const shiftId = ctx.existing?.shiftId ?? ctx.shift.id;

  const persons: Person[] = draft.occupants.map((o, seq) => {
    const r = occupantReadings(o, ctx.settings.feverLine);
    const doc = validateDocument(o.docType, o.docNumber, ctx.day);
    const docNumber = doc.ok ? doc.number : o.docNumber.trim();
    const phone = validatePhone(o.phone);
    const person: Person = {
      id: o.personId ?? ctx.newId(),
      vehicleId,
      shiftId,
      createdAt,
      day,
      plate,
      role: o.role,
      seq,
      name: o.name.trim(),
      docType: o.docType,
      docNumber,
      docRev: docRevOf(docNumber),
      phone: phone.ok ? phone.phone : '',
      first: { celsius: r.first as number, method: o.tempMethod, at: ctx.now },
      symptoms: [...o.symptoms],
      feverFirst: r.feverFirst,
      feverConfirmed: r.feverConfirmed,
      disposition: o.disposition,
      remarks: o.remarks.trim(),
      voided: 0,
    };
    if (doc.ok && doc.info?.provinceChar) person.homeProvince = doc.info.provinceChar;
    // A correction keeps a recheck that was taken even if the fever line has moved since.
    if (r.recheck !== undefined && (r.feverFirst || ctx.existing)) person.recheck = { celsius: r.recheck, method: o.recheckMethod, at: ctx.now };
    // The wait starts with the first reading; a correction keeps an earlier start (shared/registration/amend.ts).
    if (awaitsRecheck(o, ctx.settings.feverLine)) person.awaitingRecheckSince = ctx.now;
    return person;
  });

  // Judged by the record's own day: a correction keeps the list that was in force then.
  const reasons = keyAreaReasons(draft, ctx.settings, day);
  const vehicle: Vehicle = {
    id: vehicleId,
    shiftId,
    checkpoint: ctx.existing?.checkpoint ?? ctx.shift.checkpoint,
    operator: ctx.existing?.operator ?? ctx.operator,
    createdAt,
    updatedAt: ctx.now,
    day,
    plate,
    plateBody: plate.slice(1),
    plateKind: info.kind,
    plateConfirmed: confirm !== undefined && draft.plateConfirmed,
    vehicleType: draft.vehicleType,
    direction: draft.direction,
    origin: draft.origin.trim(),
    route: draft.route.trim(),
    destination: draft.destination.trim(),
    purpose: draft.purpose.trim(),
    localContact: draft.localContact.trim(),
    keyArea: reasons.length > 0,
    keyAreaReasons: reasons,
    inspected: draft.inspected,
    disinfected: draft.disinfected,
    disposition: draft.disposition,
    remarks: draft.remarks.trim(),
    ...vehicleSummary(persons),
    watchHits: ctx.existing?.watchHits ?? [],
    voided: 0,
    amendments: ctx.existing?.amendments ?? [],
  };
  if (info.province) vehicle.plateProvince = info.province;
  return { vehicle, persons };
}

/** A draft from a saved record: for a correction, or to recall a repeat vehicle's last visit. */
export function draftFromRecords(
  vehicle: Vehicle,
  persons: Person[],
  mode: 'amend' | 'recall',
  newKey: () => string,
): VehicleDraft {
  const amend = mode === 'amend';
  return {
    plateInput: vehicle.plate,
    plateConfirmed: vehicle.plateConfirmed,
    vehicleType: vehicle.vehicleType,
    direction: vehicle.direction,
    origin: vehicle.origin,
    route: vehicle.route,
    destination: vehicle.destination,
    purpose: vehicle.purpose,
    localContact: vehicle.localContact,
    // A repeat visit is a new check: inspection, disinfection and readings are done again.
    inspected: amend && vehicle.inspected,
    disinfected: amend && vehicle.disinfected,
    disposition: amend ? vehicle.disposition : 'released',
    remarks: amend ? vehicle.remarks : '',
    occupants: persons
      .filter((p) => p.voided === 0)
      .map((p) => ({
        key: amend ? p.id : newKey(),
        personId: amend ? p.id : undefined,
        role: p.role,
        name: p.name,
        docType: p.docType,
        docNumber: p.docNumber,
        phone: p.phone,
        temp: amend ? p.first.celsius.toFixed(1) : '',
        tempMethod: p.first.method,
        recheckTemp: amend && p.recheck ? p.recheck.celsius.toFixed(1) : '',
        recheckMethod: p.recheck?.method ?? 'mercuryAxillary',
        ...(amend && p.awaitingRecheckSince !== undefined ? { recheckPending: true } : {}),
        symptoms: amend ? [...p.symptoms] : [],
        disposition: amend ? p.disposition : 'released',
        remarks: amend ? p.remarks : '',
      })),
  };
}
