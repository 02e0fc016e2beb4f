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

function cols<const T extends readonly ColumnDef[]>(defs: T): T {
  return defs;
}

export const VEHICLE_COLUMNS = cols([
  { h: '序号', w: 6 },
  { h: '登记时间', w: 17, kind: 'date' },
  { h: '车牌号', w: 11, kind: 'text' },
  { h: '车辆类型', w: 10 },
  { h: '方向', w: 6 },
  { h: '来自何地', w: 14 },
  { h: '途经', w: 14 },
  { h: '目的地', w: 18 },
  { h: '事由', w: 12 },
  { h: '本地联系人', w: 14, kind: 'text' },
  { h: '乘员人数', w: 8 },
  { h: '重点地区', w: 8 },
  { h: '重点地区依据', w: 16 },
  { h: '全面查验', w: 8 },
  { h: '消毒', w: 6 },
  { h: '布控命中', w: 8 },
  { h: '处置', w: 9 },
  { h: '最高体温', w: 8, kind: 'temp' },
  { h: '备注', w: 20 },
  { h: '登记人', w: 8 },
  { h: '已作废', w: 6 },
  { h: '作废原因', w: 16 },
]);

/**
 * Workbooks written before the always-empty 出发时间 column was dropped have it after 来自何地.
 * They still import: the column is left out when the rows are read (the fingerprint is computed
 * over the sheet as written, so it still matches).
 */
export const LEGACY_VEHICLE_COLUMN = { h: '出发时间', after: '来自何地' } as const;

export const PERSON_COLUMNS = cols([
  { h: '序号', w: 6 },
  { h: '车辆序号', w: 8 },
  { h: '登记时间', w: 17, kind: 'date' },
  { h: '车牌号', w: 11, kind: 'text' },
  { h: '身份', w: 7 },
  { h: '姓名', w: 10, kind: 'text' },
  { h: '证件类型', w: 14 },
  { h: '证件号码', w: 21, kind: 'text' },
  { h: '联系电话', w: 14, kind: 'text' },
  { h: '户籍省份', w: 8 },
  { h: '初测体温', w: 8, kind: 'temp' },
  { h: '初测方式', w: 9 },
  { h: '初测时间', w: 17, kind: 'date' },
  { h: '复测体温', w: 8, kind: 'temp' },
  { h: '复测方式', w: 9 },
  { h: '复测时间', w: 17, kind: 'date' },
  { h: '初测发热', w: 8 },
  { h: '复测发热', w: 8 },
  { h: '症状', w: 16 },
  { h: '处置', w: 16 },
  { h: '备注', w: 20 },
  { h: '已作废', w: 6 },
]);

export const FEVER_COLUMNS = cols([
  { h: '序号', w: 6 },
  { h: '人员序号', w: 8 },
  { h: '登记时间', w: 17, kind: 'date' },
  { h: '车牌号', w: 11, kind: 'text' },
  { h: '身份', w: 7 },
  { h: '姓名', w: 10, kind: 'text' },
  { h: '证件类型', w: 14 },
  { h: '证件号码', w: 21, kind: 'text' },
  { h: '联系电话', w: 14, kind: 'text' },
  { h: '初测体温', w: 8, kind: 'temp' },
  { h: '初测方式', w: 9 },
  { h: '复测体温', w: 8, kind: 'temp' },
  { h: '复测方式', w: 9 },
  { h: '复测时间', w: 17, kind: 'date' },
  { h: '复测发热', w: 8 },
  { h: '症状', w: 16 },
  { h: '处置去向', w: 18 },
  { h: '备注', w: 20 },
]);

export const INCIDENT_COLUMNS = cols([
  { h: '序号', w: 6 },
  { h: '时间', w: 17, kind: 'date' },
  { h: '类型', w: 12 },
  { h: '车牌号', w: 11, kind: 'text' },
  { h: '经过', w: 40 },
  { h: '登记人', w: 8 },
  { h: '更正次数', w: 8 },
  { h: '已作废', w: 6 },
  { h: '作废原因', w: 16 },
]);

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
