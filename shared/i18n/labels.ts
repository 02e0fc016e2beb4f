// The Chinese (and English) words for every coded value the booth records — the ONE spelling of
// each, used by the screens (through the translator's `label`), the printed handover and the
// workbook. The workbook is written with the Chinese labels and the importer reads those same
// words back, so a zh label changes only together with an importer that still reads the old one.
import type { Bilingual } from '../result';
import type { Locale } from '../model';
import type {
  Direction,
  DocType,
  IncidentKind,
  PersonDisposition,
  PersonRole,
  PlateKind,
  StaffUnit,
  Symptom,
  ThermometerMethod,
  VehicleDisposition,
  VehicleType,
} from '../model';
import type { ShiftCounts } from '../shift/summary';
import type { WatchEntryStatus } from '../watchlist/model';

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const LABELS = {
  vehicleType: {
    car: b('小型客车', 'Car'),
    bus: b('大中型客车', 'Bus / coach'),
    truck: b('货车', 'Truck'),
    van: b('面包车', 'Van'),
    motorcycle: b('摩托车', 'Motorcycle'),
    other: b('其他', 'Other'),
  } satisfies Record<VehicleType, Bilingual>,
  direction: {
    in: b('进', 'In'),
    out: b('出', 'Out'),
  } satisfies Record<Direction, Bilingual>,
  plateKind: {
    ordinary: b('普通号牌', 'Ordinary'),
    newEnergy: b('新能源号牌', 'New energy'),
    trailer: b('挂车号牌', 'Trailer'),
    drivingSchool: b('教练车号牌', 'Driving school'),
    police: b('警用号牌', 'Police'),
    hkMacau: b('港澳号牌', 'Hong Kong / Macau'),
    embassy: b('使馆号牌', 'Embassy'),
    consulate: b('领馆号牌', 'Consulate'),
    armedPolice: b('武警号牌', 'Armed police'),
    military: b('军队号牌', 'Military'),
    unknown: b('未知格式', 'Unknown format'),
  } satisfies Record<PlateKind, Bilingual>,
  vehicleDisposition: {
    released: b('放行', 'Released'),
    turnedBack: b('劝返', 'Turned back'),
    held: b('暂扣待查', 'Held for checks'),
  } satisfies Record<VehicleDisposition, Bilingual>,
  personDisposition: {
    released: b('放行', 'Released'),
    turnedBack: b('劝返', 'Turned back'),
    feverClinic: b('送发热门诊', 'Sent to fever clinic'),
    observation: b('临时留观', 'Temporary observation'),
    homeIsolation: b('移交乡镇居家隔离', 'Handed to township for home isolation'),
  } satisfies Record<PersonDisposition, Bilingual>,
  role: {
    driver: b('驾驶员', 'Driver'),
    passenger: b('乘客', 'Passenger'),
  } satisfies Record<PersonRole, Bilingual>,
  docType: {
    residentId: b('居民身份证', 'Resident ID card'),
    passport: b('护照', 'Passport'),
    hkMacauPermit: b('港澳居民来往内地通行证', 'Mainland travel permit (HK/Macau)'),
    taiwanPermit: b('台湾居民来往大陆通行证', 'Mainland travel permit (Taiwan)'),
    foreignPermanent: b('外国人永久居留身份证', 'Foreign permanent resident ID'),
    other: b('其他证件', 'Other document'),
  } satisfies Record<DocType, Bilingual>,
  symptom: {
    fever: b('发热', 'Fever'),
    cough: b('咳嗽', 'Cough'),
    fatigue: b('乏力', 'Fatigue'),
    dyspnea: b('呼吸困难', 'Difficulty breathing'),
    soreThroat: b('咽痛', 'Sore throat'),
    diarrhea: b('腹泻', 'Diarrhoea'),
  } satisfies Record<Symptom, Bilingual>,
  method: {
    infrared: b('红外', 'Infrared'),
    mercuryAxillary: b('水银腋温', 'Mercury (axillary)'),
    electronic: b('电子', 'Electronic'),
  } satisfies Record<ThermometerMethod, Bilingual>,
  staffUnit: {
    police: b('公安民警', 'Police'),
    auxiliary: b('辅警', 'Auxiliary police'),
    traffic: b('交通', 'Traffic'),
    health: b('卫健', 'Health'),
    volunteer: b('志愿者', 'Volunteer'),
  } satisfies Record<StaffUnit, Bilingual>,
  incidentKind: {
    obstruction: b('阻碍检查', 'Obstructing the check'),
    evasion: b('冲关逃逸', 'Running the checkpoint'),
    refusal: b('拒不配合检查', 'Refusing the check'),
    violence: b('暴力抗法', 'Violence against staff'),
    other: b('其他', 'Other'),
  } satisfies Record<IncidentKind, Bilingual>,
  shiftName: {
    day: b('白班', 'Day shift'),
    night: b('夜班', 'Night shift'),
  } satisfies Record<'day' | 'night', Bilingual>,
  keyAreaReason: {
    plate: b('车牌', 'plate'),
    origin: b('来自', 'from'),
    route: b('途经', 'via'),
  } satisfies Record<string, Bilingual>,
  counts: {
    vehiclesChecked: b('检查车辆', 'Vehicles checked'),
    peopleChecked: b('检查人员', 'People checked'),
    keyAreaVehicles: b('重点地区车辆', 'Key-area vehicles'),
    vehiclesInspected: b('全面查验车辆', 'Vehicles fully inspected'),
    vehiclesDisinfected: b('消毒车辆', 'Vehicles disinfected'),
    feverFirst: b('初测发热', 'Fever at first reading'),
    feverConfirmed: b('复测确认发热', 'Fever after recheck'),
    feverReferred: b('转送处置人员', 'People referred'),
    vehiclesTurnedBack: b('劝返车辆', 'Vehicles turned back'),
    peopleTurnedBack: b('劝返人员', 'People turned back'),
    incidents: b('事件', 'Incidents'),
    watchlistHits: b('布控命中', 'Watchlist hits'),
    amendmentsAfterClose: b('交班后更正', 'Corrections after handover'),
  } satisfies Record<keyof ShiftCounts, Bilingual>,
  yes: b('是', 'Yes'),
  no: b('否', 'No'),
  none: b('无', 'None'),
  /** A fever at the first reading whose recheck is still open (shared/recheck.ts). */
  recheckOpen: b('待复测', 'Awaiting recheck'),
  // Watchlist entries (alert): the booth's decision buttons and the reconciliation sheet.
  watchEntryStatus: {
    open: b('未见到', 'Not yet met'),
    met: b('已核查', 'Checked off'),
    followUp: b('待跟进', 'Follow-up'),
  } satisfies Record<WatchEntryStatus, Bilingual>,
} as const;

/** 'day' → 白班, 'night' → 夜班, anything else as the lead typed it. */
export function shiftNameLabel(shiftName: string, locale: Locale = 'zh'): string {
  if (shiftName === 'day' || shiftName === 'night') return LABELS.shiftName[shiftName][locale];
  return shiftName;
}

export function yesNo(value: boolean, locale: Locale = 'zh'): string {
  return value ? LABELS.yes[locale] : LABELS.no[locale];
}

/** Reverse lookup for the importer: the key whose Chinese label is `zh`, or undefined. */
export function keyForZh<K extends string>(table: Readonly<Record<K, Bilingual>>, zh: string): K | undefined {
  for (const k of Object.keys(table) as K[]) if (table[k].zh === zh) return k;
  return undefined;
}

/** The tables a screen picks an enum's words from (`tr.label('vehicleType', v)`). */
export type EnumTable =
  | 'vehicleType'
  | 'direction'
  | 'plateKind'
  | 'vehicleDisposition'
  | 'personDisposition'
  | 'role'
  | 'docType'
  | 'symptom'
  | 'method'
  | 'staffUnit'
  | 'incidentKind'
  | 'watchEntryStatus';

export type EnumKey<T extends EnumTable> = keyof (typeof LABELS)[T] & string;

/** An enum value's word; an unknown value (old data, a newer version's file) is shown as stored. */
export function enumLabel<T extends EnumTable>(table: T, key: EnumKey<T>, locale: Locale): string {
  const entry = (LABELS[table] as Record<string, Bilingual | undefined>)[key];
  return entry ? entry[locale] : key;
}

/**
 * A key-area reason as stored ('origin:武汉') in words: '来自 武汉' / 'from 武汉'. The one
 * formatter for the form, the record dialog, the printed handover and the workbook.
 */
export function formatKeyAreaReason(reason: string, locale: Locale): string {
  const i = reason.indexOf(':');
  if (i <= 0) return reason;
  const entry = (LABELS.keyAreaReason as Record<string, Bilingual | undefined>)[reason.slice(0, i)];
  return entry ? `${entry[locale]} ${reason.slice(i + 1)}` : reason;
}

export function formatKeyAreaReasons(reasons: readonly string[], locale: Locale): string {
  return reasons.map((r) => formatKeyAreaReason(r, locale)).join(LIST_SEPARATOR[locale]);
}

/** How a list of words is joined in each language. */
export const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { zh: '、', en: ', ' };

/**
 * Record fields by name, as an amendment's changes name them (shared/registration/amendText.ts).
 * Person fields are the same words prefixed with the person (人员2 证件号码).
 */
export const FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  plate: b('车牌号', 'Plate'),
  plateConfirmed: b('车牌格式已确认', 'Plate format confirmed'),
  vehicleType: b('车辆类型', 'Vehicle type'),
  direction: b('方向', 'Direction'),
  origin: b('来自何地', 'Coming from'),
  departedAt: b('出发时间', 'Departed at'),
  route: b('途经', 'Route'),
  destination: b('去往何地', 'Going to'),
  purpose: b('事由', 'Purpose'),
  localContact: b('本地联系人', 'Local contact'),
  keyArea: b('重点地区', 'Key area'),
  keyAreaReasons: b('重点地区依据', 'Key area because'),
  inspected: b('全面查验', 'Fully inspected'),
  disinfected: b('消毒', 'Disinfected'),
  disposition: b('处置', 'Disposition'),
  remarks: b('备注', 'Remarks'),
  personCount: b('乘员人数', 'Occupants'),
  maxTemp: b('最高体温', 'Highest temperature'),
  anyFever: b('有发热', 'Any fever'),
  kind: b('类型', 'Kind'),
  description: b('经过', 'What happened'),
  name: b('姓名', 'Name'),
  docType: b('证件类型', 'Document type'),
  docNumber: b('证件号码', 'Document number'),
  phone: b('联系电话', 'Phone'),
  role: b('身份', 'Role'),
  symptoms: b('症状', 'Symptoms'),
  first: b('初测体温', 'First reading'),
  recheck: b('复测体温', 'Recheck'),
  feverFirst: b('初测发热', 'Fever at first reading'),
  feverConfirmed: b('复测发热', 'Fever after recheck'),
  person: b('人员', 'Person'),
  empty: b('（空）', '(empty)'),
};
