// The handover workbook's format, shared by the writer (handoverWorkbook.ts) and the reader
// (importHandover.ts): sheet names, column headers, meta keys. Changing a header or a column's
// meaning is a format change: bump HANDOVER_FORMAT_VERSION and teach the importer the old one.

export const HANDOVER_FORMAT_ID = 'checkpoint-station/handover';
export const HANDOVER_FORMAT_VERSION = 1;

export const SHEET = {
  summary: '交接汇总',
  vehicles: '车辆登记',
  persons: '人员体温',
  fever: '发热处置',
  incidents: '事件记录',
  meta: '_meta',
} as const;

/** Visible sheets in workbook order; all of them are covered by the fingerprint. */
export const VISIBLE_SHEETS = [SHEET.summary, SHEET.vehicles, SHEET.persons, SHEET.fever, SHEET.incidents] as const;

export interface ColumnDef {
  /** Chinese header, also the key the importer finds the column by. */
  h: string;
  /** Width in characters. */
  w: number;
  kind?: 'date' | 'text' | 'temp';
}

/**
 * Every column of the handover sheets, once: a header means the same thing, with the same width
 * and cell kind, on every sheet that has it (the vehicle's and the person's 处置 are two columns).
 */
const COLUMN = {
  seq: { h: '序号', w: 6 },
  vehicleSeq: { h: '车辆序号', w: 8 },
  personSeq: { h: '人员序号', w: 8 },
  registeredAt: { h: '登记时间', w: 17, kind: 'date' },
  at: { h: '时间', w: 17, kind: 'date' },
  plate: { h: '车牌号', w: 11, kind: 'text' },
  vehicleType: { h: '车辆类型', w: 10 },
  direction: { h: '方向', w: 6 },
  origin: { h: '来自何地', w: 14 },
  via: { h: '途经', w: 14 },
  destination: { h: '目的地', w: 18 },
  purpose: { h: '事由', w: 12 },
  localContact: { h: '本地联系人', w: 14, kind: 'text' },
  occupants: { h: '乘员人数', w: 8 },
  keyArea: { h: '重点地区', w: 8 },
  keyAreaReasons: { h: '重点地区依据', w: 16 },
  fullCheck: { h: '全面查验', w: 8 },
  disinfected: { h: '消毒', w: 6 },
  watchHit: { h: '布控命中', w: 8 },
  vehicleDisposition: { h: '处置', w: 9 },
  maxTemp: { h: '最高体温', w: 8, kind: 'temp' },
  role: { h: '身份', w: 7 },
  name: { h: '姓名', w: 10, kind: 'text' },
  docType: { h: '证件类型', w: 14 },
  docNumber: { h: '证件号码', w: 21, kind: 'text' },
  phone: { h: '联系电话', w: 14, kind: 'text' },
  homeProvince: { h: '户籍省份', w: 8 },
  firstTemp: { h: '初测体温', w: 8, kind: 'temp' },
  firstMethod: { h: '初测方式', w: 9 },
  firstAt: { h: '初测时间', w: 17, kind: 'date' },
  recheckTemp: { h: '复测体温', w: 8, kind: 'temp' },
  recheckMethod: { h: '复测方式', w: 9 },
  recheckAt: { h: '复测时间', w: 17, kind: 'date' },
  firstFever: { h: '初测发热', w: 8 },
  recheckFever: { h: '复测发热', w: 8 },
  symptoms: { h: '症状', w: 16 },
  personDisposition: { h: '处置', w: 16 },
  referredTo: { h: '处置去向', w: 18 },
  incidentKind: { h: '类型', w: 12 },
  description: { h: '经过', w: 40 },
  amendments: { h: '更正次数', w: 8 },
  remarks: { h: '备注', w: 20 },
  operator: { h: '登记人', w: 8 },
  voided: { h: '已作废', w: 6 },
  voidReason: { h: '作废原因', w: 16 },
} as const satisfies Record<string, ColumnDef>;

type ColumnKey = keyof typeof COLUMN;

/** A sheet's columns in order, by key (literal headers kept for the readers' lookups). */
type Columns<K extends readonly ColumnKey[]> = { readonly [I in keyof K]: (typeof COLUMN)[K[I]] };
function cols<const K extends readonly ColumnKey[]>(keys: K): Columns<K> {
  // map() loses the tuple's positions; the keys are the positions.
  return keys.map((k) => COLUMN[k]) as unknown as Columns<K>;
}

export const VEHICLE_COLUMNS = cols([
  'seq', 'registeredAt', 'plate', 'vehicleType', 'direction', 'origin', 'via', 'destination', 'purpose', 'localContact', 'occupants',
  'keyArea', 'keyAreaReasons', 'fullCheck', 'disinfected', 'watchHit', 'vehicleDisposition', 'maxTemp', 'remarks', 'operator', 'voided', 'voidReason',
]);

/**
 * Workbooks written before the always-empty 出发时间 column was dropped have it after 来自何地.
 * They still import: the column is left out when the rows are read (the fingerprint is computed
 * over the sheet as written, so it still matches).
 */
export const LEGACY_VEHICLE_COLUMN = { h: '出发时间', after: '来自何地' } as const;

export const PERSON_COLUMNS = cols([
  'seq', 'vehicleSeq', 'registeredAt', 'plate', 'role', 'name', 'docType', 'docNumber', 'phone', 'homeProvince', 'firstTemp', 'firstMethod', 'firstAt',
  'recheckTemp', 'recheckMethod', 'recheckAt', 'firstFever', 'recheckFever', 'symptoms', 'personDisposition', 'remarks', 'voided',
]);

export const FEVER_COLUMNS = cols([
  'seq', 'personSeq', 'registeredAt', 'plate', 'role', 'name', 'docType', 'docNumber', 'phone', 'firstTemp', 'firstMethod',
  'recheckTemp', 'recheckMethod', 'recheckAt', 'recheckFever', 'symptoms', 'referredTo', 'remarks',
]);

export const INCIDENT_COLUMNS = cols(['seq', 'at', 'incidentKind', 'plate', 'description', 'operator', 'amendments', 'voided', 'voidReason']);

/** Title of the corrections block in 交接汇总; the importer counts its rows. */
export const AMENDMENTS_SECTION = '更正记录（交班后）';
/** The same section as workbooks written before 交班 became the one word for closing a shift. */
export const AMENDMENTS_SECTION_LEGACY = '更正记录（关班后）';
export const AMENDMENT_HEADER = ['更正时间', '记录', '更正人', '原因', '更正内容'] as const;

/** The _meta sheet (元数据) is read by the importer; its header asks people to leave it alone. */
export const META_HEADER = ['元数据（请勿修改）', '值', '说明'] as const;

/** Meta keys and their Chinese descriptions (third column of _meta, for a curious reader). */
export const META_KEYS = {
  format: '文件格式',
  formatVersion: '格式版本',
  shiftId: '班次编号',
  checkpoint: '卡点',
  day: '日期',
  shiftName: '班次',
  leadName: '值班负责人',
  receivingLead: '接班负责人',
  openedAt: '开始时间（毫秒）',
  closedAt: '结束时间（毫秒）',
  tzOffsetMinutes: '时区（东经分钟）',
  exportedAt: '导出时间（毫秒）',
  appVersion: '软件版本',
  fullIds: '含完整证件号码',
  fingerprint: '内容校验值',
} as const;

export const metaCountKey = (k: string): string => `count.${k}`;
export const metaHourKey = (hour: number, what: 'vehicles' | 'people'): string =>
  `hourly.${String(hour).padStart(2, '0')}.${what}`;

/** Identity fields hashed into the fingerprint, in this order. */
export function fingerprintIdentity(m: {
  shiftId: string;
  checkpoint: string;
  day: string;
  shiftName: string;
  openedAt: number;
  closedAt: number | null;
}): string[] {
  return [
    HANDOVER_FORMAT_ID,
    String(HANDOVER_FORMAT_VERSION),
    m.shiftId,
    m.checkpoint,
    m.day,
    m.shiftName,
    String(Math.round(m.openedAt)),
    m.closedAt === null ? '' : String(Math.round(m.closedAt)),
  ];
}
