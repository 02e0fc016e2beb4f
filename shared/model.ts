// The records a booth keeps. Plain data only: these shapes are stored in IndexedDB,
// sent over IPC and written to Excel, so no classes, no Dates (epoch ms), no functions.

export type Locale = 'zh' | 'en';

/** Epoch milliseconds. */
export type Millis = number;

/** Local calendar day of the booth, 'YYYY-MM-DD'. Indexed, so lists by day never scan. */
export type DayKey = string;

export const STAFF_UNITS = ['police', 'auxiliary', 'traffic', 'health', 'volunteer'] as const;
export type StaffUnit = (typeof STAFF_UNITS)[number];

export interface StaffMember {
  name: string;
  unit: StaffUnit;
}

export const SHIFT_NAMES = ['day', 'night'] as const;

export interface Shift {
  id: string;
  checkpoint: string;
  /** 'day' | 'night' or a custom label typed by the lead. */
  shiftName: string;
  leadName: string;
  staff: StaffMember[];
  openedAt: Millis;
  day: DayKey;
  status: 'open' | 'closed';
  closedAt?: Millis;
  /** Filled when the shift is closed (handover issue). */
  handover?: HandoverNotes;
  exports?: ExportRecord[];
  /** When the retention purge removed this shift's personal data (privacy); counts stay. */
  purgedAt?: Millis;
}

export interface HandoverNotes {
  pending: string;
  supplies: { thermometers: string; masks: string; disinfectant: string; suits: string };
  equipment: string;
  receivingLead: string;
  receivedConfirmedAt?: Millis;
}

export interface ExportRecord {
  at: Millis;
  /** Path in Electron, file name in the browser. */
  where: string;
  fullIds: boolean;
}

export const VEHICLE_TYPES = ['car', 'bus', 'truck', 'van', 'motorcycle', 'other'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PLATE_KINDS = [
  'ordinary',
  'newEnergy',
  'trailer',
  'drivingSchool',
  'police',
  'hkMacau',
  'embassy',
  'consulate',
  'armedPolice',
  'military',
  'unknown',
] as const;
export type PlateKind = (typeof PLATE_KINDS)[number];

export const VEHICLE_DISPOSITIONS = ['released', 'turnedBack', 'held'] as const;
export type VehicleDisposition = (typeof VEHICLE_DISPOSITIONS)[number];

export const PERSON_DISPOSITIONS = [
  'released',
  'turnedBack',
  'feverClinic',
  'observation',
  'homeIsolation',
] as const;
export type PersonDisposition = (typeof PERSON_DISPOSITIONS)[number];

export const PERSON_ROLES = ['driver', 'passenger'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const DOC_TYPES = [
  'residentId',
  'passport',
  'hkMacauPermit',
  'taiwanPermit',
  'foreignPermanent',
  'other',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const SYMPTOMS = ['fever', 'cough', 'fatigue', 'dyspnea', 'soreThroat', 'diarrhea'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const THERMOMETER_METHODS = ['infrared', 'mercuryAxillary', 'electronic'] as const;
export type ThermometerMethod = (typeof THERMOMETER_METHODS)[number];

export interface TemperatureReading {
  celsius: number;
  method: ThermometerMethod;
  at: Millis;
}

export interface Person {
  id: string;
  vehicleId: string;
  shiftId: string;
  createdAt: Millis;
  day: DayKey;
  /** Copied from the vehicle so a person row is searchable and exportable alone. */
  plate: string;
  role: PersonRole;
  /** Order within the vehicle, driver first. */
  seq: number;
  name: string;
  docType: DocType;
  /** Normalised (half-width, upper-case X); empty when the person had no document at all. */
  docNumber: string;
  /** docNumber reversed: an index on it answers "ends with" searches (last digits of an ID). */
  docRev: string;
  phone: string;
  /** Province from the resident-ID area code, when known. */
  homeProvince?: string;
  first: TemperatureReading;
  recheck?: TemperatureReading;
  /**
   * 待复测: set (to when the wait began) while a fever's recheck is still to be taken — the lane
   * moved on and the person rests before a mercury reading. Absent once the recheck is recorded
   * (shared/recheck.ts). While set, the person counts as a first-reading fever, and as a fever
   * after recheck too (no recheck yet), and the shift cannot be closed.
   */
  awaitingRecheckSince?: Millis;
  symptoms: Symptom[];
  /** Fever at the first reading (≥ the line in force when recorded). */
  feverFirst: boolean;
  /** Fever after the recheck; equals feverFirst when there was no recheck (or it is still awaited). */
  feverConfirmed: boolean;
  disposition: PersonDisposition;
  remarks: string;
  /** 1 when the vehicle is voided; people follow their vehicle. Kept as a number so it can be indexed. */
  voided: 0 | 1;
}

export interface Amendment {
  at: Millis;
  by: string;
  reason: string;
  /** Field → [before, after], shown in the record's history and the shift report. */
  changes: Record<string, [unknown, unknown]>;
  /** True when the shift was already closed when this change was made. */
  afterClose: boolean;
  /**
   * 'recheck': a 待复测 recheck completed from the list (not a correction of a mistake; the
   * list's 已更正 flag leaves it out). Absent for an ordinary correction.
   */
  kind?: 'recheck';
}

export interface VoidMark {
  at: Millis;
  by: string;
  reason: string;
}

export interface Vehicle {
  id: string;
  shiftId: string;
  checkpoint: string;
  operator: string;
  createdAt: Millis;
  updatedAt: Millis;
  day: DayKey;
  /** Normalised plate, e.g. 鄂A12345. */
  plate: string;
  /** plate without its first character, so "A12345" finds 鄂A12345 and 川A12345 alike. */
  plateBody: string;
  plateKind: PlateKind;
  /** Province character of registration, when the plate has one. */
  plateProvince?: string;
  /** The operator confirmed a plate of unknown format. */
  plateConfirmed: boolean;
  vehicleType: VehicleType;
  direction: Direction;
  origin: string;
  departedAt?: string;
  route: string;
  destination: string;
  purpose: string;
  localContact: string;
  keyArea: boolean;
  /** What made it a key-area vehicle: 'plate:鄂', 'origin:温州', 'route:武汉'. */
  keyAreaReasons: string[];
  inspected: boolean;
  disinfected: boolean;
  disposition: VehicleDisposition;
  remarks: string;
  personCount: number;
  /** Highest reading of any occupant (recheck counts over first reading), for the list. */
  maxTemp: number | null;
  anyFever: boolean;
  /** Watchlist hits found at save time (watchlist issue). */
  watchHits: string[];
  voided: 0 | 1;
  voidMark?: VoidMark;
  amendments: Amendment[];
}

export const INCIDENT_KINDS = ['obstruction', 'evasion', 'refusal', 'violence', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface Incident {
  id: string;
  shiftId: string;
  checkpoint: string;
  operator: string;
  at: Millis;
  day: DayKey;
  kind: IncidentKind;
  plate: string;
  description: string;
  voided: 0 | 1;
  voidMark?: VoidMark;
  amendments: Amendment[];
}

export interface KeyAreaEntry {
  /** Province or city name as staff write it: 湖北, 武汉, 温州, or a plate province char 鄂. */
  name: string;
  /** Plate province character that counts as key area, if this entry is a province. */
  plateProvince?: string;
  from: DayKey;
  /** Inclusive; absent = still in force. */
  to?: DayKey;
  note?: string;
}

export interface StationSettings {
  checkpoint: string;
  /** Default province character for plates typed without one, e.g. 川. */
  homeProvince: string;
  /** Fever line in °C, inclusive. */
  feverLine: number;
  keyAreas: KeyAreaEntry[];
  locale: Locale;
  theme: 'day' | 'night';
  /** Minutes without a key or click before the booth locks to the operator switch (shared/settings.ts). */
  idleLockMinutes: number;
}

export const DEFAULT_SETTINGS: StationSettings = {
  checkpoint: '',
  homeProvince: '川',
  feverLine: 37.3,
  keyAreas: [{ name: '湖北', plateProvince: '鄂', from: '2020-01-23' }],
  locale: 'zh',
  theme: 'day',
  idleLockMinutes: 5,
};
