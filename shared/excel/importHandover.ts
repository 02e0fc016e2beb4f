// Reads a handover workbook this app exported (from a booth's USB stick) for the supervisor's
// district summary. All-or-nothing: either every check passes and one ImportedShift comes back,
// or a Result error says, in both languages, what is wrong — nothing is half-imported.
//
// Checks, in order: the bytes are a zip (every .xlsx is), SheetJS can read it, it has our _meta
// sheet and format id, a version we know, complete meta fields, all five sheets with our headers,
// then the counts in _meta are recounted from the rows (with the same countShift the export
// used) and the content fingerprint is recomputed from the cells. Any disagreement means the
// file was edited after export and its numbers cannot be trusted.
//
// SheetJS is pinned to 0.20.3 because it fixes the reader's prototype-pollution (CVE-2023-30533)
// and ReDoS (CVE-2024-22363) bugs: files from USB sticks are untrusted input.
import * as XLSX from 'xlsx';
import { fail, ok, type Result } from '../result';
import {
  countShift,
  COUNT_KEYS,
  emptyCounts,
  localHour,
  emptyHourly,
  type CountableIncident,
  type CountablePerson,
  type CountableVehicle,
  type HourCount,
  type ShiftCounts,
} from '../shift/summary';
import { fromExcelDate, restoreNeutralized } from './cells';
import { fingerprintSheets, type FingerprintSheet } from './fingerprint';
import { verifyWorkbookRows } from './signature';
import {
  AMENDMENTS_SECTION,
  AMENDMENTS_SECTION_LEGACY,
  LEGACY_VEHICLE_COLUMN,
  fingerprintIdentity,
  FEVER_COLUMNS,
  HANDOVER_FORMAT_ID,
  HANDOVER_FORMAT_VERSION,
  INCIDENT_COLUMNS,
  metaCountKey,
  metaHourKey,
  PERSON_COLUMNS,
  SHEET,
  VEHICLE_COLUMNS,
  VISIBLE_SHEETS,
  type ColumnDef,
} from './handoverFormat';
import { keyForZh, LABELS } from '../i18n/labels';
import type { CellValue } from './workbookModel';
import { zipProblem } from './zipCheck';

export interface ImportedShift {
  shiftId: string;
  checkpoint: string;
  day: string;
  /** 'day' | 'night' or the label the lead typed. */
  shiftName: string;
  leadName: string;
  receivingLead: string;
  openedAt: number;
  /** null when the workbook was exported before the shift was closed. */
  closedAt: number | null;
  exportedAt: number;
  appVersion: string;
  fullIds: boolean;
  tzOffsetMinutes: number;
  summary: ShiftCounts;
  hourly: HourCount[];
  fingerprint: string;
  /**
   * The station that signed the workbook, after its signature was verified (readVerified…);
   * null for an unsigned workbook (older versions) or when read without verifying.
   */
  station?: { publicKey: string; fingerprint: string } | null;
}

const NOT_EXCEL = (detail?: string) =>
  fail<ImportedShift>(
    'import.notExcel',
    '文件已损坏或不是 Excel 文件' + (detail ? `（${detail}）` : ''),
    'The file is damaged or is not an Excel workbook' + (detail ? ` (${detail})` : ''),
  );
const FOREIGN = (detail: string, detailEn: string) =>
  fail<ImportedShift>(
    'import.foreign',
    `不是卡口登记站导出的交接表：${detail}`,
    `Not a handover workbook exported by Checkpoint Station: ${detailEn}`,
  );
const TAMPERED = (detail: string, detailEn: string) =>
  fail<ImportedShift>(
    'import.tampered',
    `交接表内容与校验值不符，可能被修改：${detail}`,
    `The workbook's content does not match its check values; it may have been edited: ${detailEn}`,
  );
const BAD_META = (key: string) =>
  fail<ImportedShift>(
    'import.badMeta',
    `交接表的元数据不完整或已损坏（${key}）`,
    `The workbook's metadata is incomplete or damaged (${key})`,
  );

/** Thrown inside the row parsers and turned into a Result at the top; never escapes. */
class ImportProblem extends Error {
  constructor(
    readonly result: Result<ImportedShift>,
  ) {
    super('import problem');
  }
}

type Row = CellValue[];

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return cell.v === undefined || cell.v === null ? null : restoreNeutralized(String(cell.v));
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 'b':
      return cell.v === true;
    default:
      // 'e' (error), 'z' (stub), 'd' (not produced with cellDates off): nothing we wrote.
      return null;
  }
}

/**
 * Cell values by absolute position from A1 — where the writer put them. Read straight from the
 * cells rather than through sheet_to_json, which turns date-formatted numbers into local-time
 * Date objects: the importer wants the serial, in the booth's zone from _meta. The workbook is
 * read in dense mode and only cells that exist are visited, so a doctored sheet dimension
 * (A1:XFD1048576) cannot make this loop over billions of empty cells.
 */
function readRows(ws: XLSX.WorkSheet): Row[] {
  const dense = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  const rows: Row[] = [];
  for (let r = 0; r < dense.length; r++) {
    const cells = dense[r] ?? [];
    const row: Row = [];
    for (let c = 0; c < cells.length; c++) row.push(cellValue(cells[c]));
    rows.push(row);
  }
  return rows;
}

const isBlank = (row: Row | undefined) => !row || row.every((v) => v === null || v === '');

function colIndex(defs: readonly ColumnDef[], h: string): number {
  const i = defs.findIndex((d) => d.h === h);
  if (i < 0) throw new Error(`no column ${h}`); // programming error: a header constant changed
  return i;
}

/** The vehicle sheet of an older workbook without its always-empty 出发时间 column. */
function withoutLegacyColumn(rows: Row[]): Row[] {
  const header = rows[0] ?? [];
  const at = colIndex(VEHICLE_COLUMNS, LEGACY_VEHICLE_COLUMN.after) + 1;
  if (header[at] !== LEGACY_VEHICLE_COLUMN.h) return rows;
  return rows.map((r) => [...r.slice(0, at), ...r.slice(at + 1)]);
}

/** Data rows of a table sheet after checking its header; trailing blank rows dropped. */
function tableRows(sheetName: string, rows: Row[], defs: readonly ColumnDef[]): Row[] {
  const header = rows[0] ?? [];
  const bad = defs.findIndex((d, i) => header[i] !== d.h);
  if (bad >= 0) {
    const expected = defs[bad]?.h ?? '';
    throw new ImportProblem(
      FOREIGN(
        `工作表「${sheetName}」第 ${bad + 1} 列应为「${expected}」`,
        `sheet "${sheetName}" column ${bad + 1} should be "${expected}"`,
      ),
    );
  }
  const data = rows.slice(1);
  while (data.length > 0 && isBlank(data[data.length - 1])) data.pop();
  return data;
}

function rowProblem(sheet: string, rowNo: number, col: string, value: CellValue | undefined): ImportProblem {
  const shown = value === null || value === undefined ? '' : String(value);
  return new ImportProblem(
    TAMPERED(
      `工作表「${sheet}」第 ${rowNo} 行「${col}」的值「${shown}」无法识别`,
      `sheet "${sheet}" row ${rowNo}: "${col}" value "${shown}" is not recognised`,
    ),
  );
}

function parseYesNo(sheet: string, rowNo: number, col: string, v: CellValue | undefined): boolean {
  if (v === LABELS.yes.zh) return true;
  if (v === LABELS.no.zh) return false;
  throw rowProblem(sheet, rowNo, col, v);
}

/** The 已作废 column is 是 or empty. */
function parseVoided(sheet: string, rowNo: number, v: CellValue | undefined): 0 | 1 {
  if (v === null || v === '' || v === undefined) return 0;
  if (v === LABELS.yes.zh) return 1;
  throw rowProblem(sheet, rowNo, '已作废', v);
}

function parseLabel<K extends string>(
  table: Readonly<Record<K, { zh: string; en: string }>>,
  sheet: string,
  rowNo: number,
  col: string,
  v: CellValue | undefined,
): K {
  const k = typeof v === 'string' ? keyForZh(table, v) : undefined;
  if (k === undefined) throw rowProblem(sheet, rowNo, col, v);
  return k;
}

function addHour(hourly: HourCount[], serial: CellValue | undefined, tz: number, what: 'vehicles' | 'people', sheet: string, rowNo: number): void {
  if (typeof serial !== 'number' || !Number.isFinite(serial)) throw rowProblem(sheet, rowNo, '登记时间', serial);
  const row = hourly[localHour(fromExcelDate(serial, tz), tz)];
  if (row) row[what]++;
}

/** Far above any real vehicle; bounds the array built for countShift. */
const MAX_HITS_PER_VEHICLE = 1000;

interface Recount {
  counts: ShiftCounts;
  hourly: HourCount[];
}

function recount(sheets: Record<string, Row[]>, tz: number): Recount {
  const hourly = emptyHourly();

  const vRows = tableRows(SHEET.vehicles, withoutLegacyColumn(sheets[SHEET.vehicles] ?? []), VEHICLE_COLUMNS);
  const V = (h: string) => colIndex(VEHICLE_COLUMNS, h);
  const [vSeq, vTime, vKey, vInsp, vDis, vHits, vDisp, vVoid] = [
    V('序号'), V('登记时间'), V('重点地区'), V('全面查验'), V('消毒'), V('布控命中'), V('处置'), V('已作废'),
  ];
  const vehicles: CountableVehicle[] = vRows.map((r, i) => {
    const rowNo = i + 2;
    const s = SHEET.vehicles;
    const hits = r[vHits];
    if (typeof hits !== 'number' || !Number.isInteger(hits) || hits < 0 || hits > MAX_HITS_PER_VEHICLE) {
      throw rowProblem(s, rowNo, '布控命中', hits);
    }
    const v: CountableVehicle = {
      id: String(r[vSeq] ?? ''),
      voided: parseVoided(s, rowNo, r[vVoid]),
      keyArea: parseYesNo(s, rowNo, '重点地区', r[vKey]),
      inspected: parseYesNo(s, rowNo, '全面查验', r[vInsp]),
      disinfected: parseYesNo(s, rowNo, '消毒', r[vDis]),
      disposition: parseLabel(LABELS.vehicleDisposition, s, rowNo, '处置', r[vDisp]),
      watchHits: new Array<null>(hits).fill(null),
      amendments: [],
    };
    if (v.voided === 0) addHour(hourly, r[vTime], tz, 'vehicles', s, rowNo);
    return v;
  });

  const pRows = tableRows(SHEET.persons, sheets[SHEET.persons] ?? [], PERSON_COLUMNS);
  const P = (h: string) => colIndex(PERSON_COLUMNS, h);
  const [pVeh, pTime, pFirst, pConf, pDisp, pVoid] = [P('车辆序号'), P('登记时间'), P('初测发热'), P('复测发热'), P('处置'), P('已作废')];
  const persons: CountablePerson[] = pRows.map((r, i) => {
    const rowNo = i + 2;
    const s = SHEET.persons;
    const p: CountablePerson = {
      vehicleId: r[pVeh] === null || r[pVeh] === undefined ? '' : String(r[pVeh]),
      voided: parseVoided(s, rowNo, r[pVoid]),
      feverFirst: parseYesNo(s, rowNo, '初测发热', r[pFirst]),
      feverConfirmed: parseYesNo(s, rowNo, '复测发热', r[pConf]),
      disposition: parseLabel(LABELS.personDisposition, s, rowNo, '处置', r[pDisp]),
    };
    if (p.voided === 0) addHour(hourly, r[pTime], tz, 'people', s, rowNo);
    return p;
  });

  // 发热处置 is a view of the people sheet: only its header is checked here, its cells are
  // covered by the fingerprint.
  tableRows(SHEET.fever, sheets[SHEET.fever] ?? [], FEVER_COLUMNS);

  const iRows = tableRows(SHEET.incidents, sheets[SHEET.incidents] ?? [], INCIDENT_COLUMNS);
  const iVoid = colIndex(INCIDENT_COLUMNS, '已作废');
  const incidents: CountableIncident[] = iRows.map((r, i) => ({
    voided: parseVoided(SHEET.incidents, i + 2, r[iVoid]),
    amendments: [],
  }));

  const counts = countShift(vehicles, persons, incidents);
  counts.amendmentsAfterClose = countAmendmentRows(sheets[SHEET.summary] ?? []);
  return { counts, hourly };
}

/** Rows of the 更正记录 block in 交接汇总: each starts with the correction's time (a date number). */
function countAmendmentRows(rows: Row[]): number {
  const start = rows.findIndex((r) => r[0] === AMENDMENTS_SECTION || r[0] === AMENDMENTS_SECTION_LEGACY);
  if (start < 0) {
    throw new ImportProblem(
      FOREIGN(`工作表「${SHEET.summary}」缺少「${AMENDMENTS_SECTION}」`, `sheet "${SHEET.summary}" lacks "${AMENDMENTS_SECTION}"`),
    );
  }
  let n = 0;
  for (let r = start + 2; r < rows.length && !isBlank(rows[r]); r++) if (typeof rows[r]?.[0] === 'number') n++;
  return n;
}

function readMeta(rows: Row[]): Map<string, CellValue> {
  const meta = new Map<string, CellValue>();
  for (const r of rows.slice(1)) {
    const k = r[0];
    if (typeof k === 'string' && k !== '') meta.set(k, r[1] ?? null);
  }
  return meta;
}

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
function isOleCompound(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/**
 * Reads and checks a workbook, without its signature (tests, tools). The supervisor's import
 * uses readVerifiedHandoverWorkbook.
 */
export function readHandoverWorkbook(bytes: Uint8Array, keep?: { sheets?: FingerprintSheet[] }): Result<ImportedShift> {
  try {
    return readUnchecked(bytes, keep);
  } catch (e) {
    if (e instanceof ImportProblem) return e.result;
    // Anything else SheetJS or our parsing threw on malformed content is damage, not a crash.
    return NOT_EXCEL(e instanceof Error ? e.message.slice(0, 120) : undefined);
  }
}

/**
 * readHandoverWorkbook, then the station's signature: a signed workbook whose signature does not
 * verify is refused, naming the checkpoint it claims. Pinning the key to the checkpoint is the
 * store's job (db/imported.ts), where the pinned keys live.
 */
export async function readVerifiedHandoverWorkbook(bytes: Uint8Array): Promise<Result<ImportedShift>> {
  const keep: { sheets?: FingerprintSheet[] } = {};
  const r = readHandoverWorkbook(bytes, keep);
  if (!r.ok || !keep.sheets) return r;
  const check = await verifyWorkbookRows(keep.sheets, r.value.tzOffsetMinutes);
  if (check.status === 'invalid') {
    const cp = r.value.checkpoint;
    const fp = check.fingerprint ?? '—';
    return fail(
      'import.signature',
      `「${cp}」交接表的签名无效（密钥指纹 ${fp}）：文件在导出后被修改，或不是该卡点导出的，未导入`,
      `The signature of the workbook from "${cp}" does not verify (key fingerprint ${fp}): the file was changed after export or was not written by that checkpoint; not imported`,
    );
  }
  return ok({ ...r.value, station: check.status === 'valid' ? { publicKey: check.publicKey, fingerprint: check.fingerprint } : null });
}

function readUnchecked(bytes: Uint8Array, keep?: { sheets?: FingerprintSheet[] }): Result<ImportedShift> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return NOT_EXCEL('空文件 / empty');
  if (isOleCompound(bytes)) return FOREIGN('这是旧版 .xls 文件', 'this is an old .xls file');
  // Every .xlsx is a zip. Checking first matters: SheetJS happily parses arbitrary bytes as CSV
  // or text, which would turn a damaged file into a "foreign workbook" instead of "damaged".
  if (!isZip(bytes)) return NOT_EXCEL();
  // SheetJS can spin forever on a truncated or corrupted zip; see zipCheck.ts.
  const damage = zipProblem(bytes);
  if (damage?.kind === 'limit') return fail('import.tooLarge', damage.zh, damage.en);
  if (damage) {
    return fail('import.notExcel', `文件已损坏或不是 Excel 文件（${damage.zh}）`, `The file is damaged or is not an Excel workbook (${damage.en})`);
  }

  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
    });
  } catch (e) {
    return NOT_EXCEL(e instanceof Error ? e.message.slice(0, 120) : undefined);
  }
  if (!wb || !Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) return NOT_EXCEL();

  const metaWs = wb.Sheets[SHEET.meta];
  if (!metaWs) return FOREIGN('缺少元数据工作表 _meta', 'no _meta sheet');
  const metaRows = readRows(metaWs);
  const meta = readMeta(metaRows);
  if (meta.get('format') !== HANDOVER_FORMAT_ID) return FOREIGN('文件格式标识不符', 'format id does not match');
  const version = meta.get('formatVersion');
  if (version !== HANDOVER_FORMAT_VERSION) {
    if (typeof version === 'number' && version > HANDOVER_FORMAT_VERSION) {
      return fail(
        'import.version',
        `该交接表由较新版本的卡口登记站导出（格式版本 ${version}），请升级软件后再导入`,
        `This workbook was exported by a newer Checkpoint Station (format version ${version}); please update the app`,
      );
    }
    return fail(
      'import.version',
      `不支持的交接表格式版本：${String(version)}`,
      `Unsupported handover format version: ${String(version)}`,
    );
  }

  const str = (k: string, required = true): string | undefined => {
    const v = meta.get(k);
    if (typeof v === 'string' && (v !== '' || !required)) return v;
    if ((v === null || v === undefined) && !required) return '';
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return undefined;
  };
  const num = (k: string): number | undefined => {
    const v = meta.get(k);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  const shiftId = str('shiftId');
  if (shiftId === undefined) return BAD_META('shiftId');
  const checkpoint = str('checkpoint', false);
  if (checkpoint === undefined) return BAD_META('checkpoint');
  const day = str('day');
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return BAD_META('day');
  const shiftName = str('shiftName', false);
  if (shiftName === undefined) return BAD_META('shiftName');
  const leadName = str('leadName', false);
  if (leadName === undefined) return BAD_META('leadName');
  const receivingLead = str('receivingLead', false);
  if (receivingLead === undefined) return BAD_META('receivingLead');
  const appVersion = str('appVersion', false);
  if (appVersion === undefined) return BAD_META('appVersion');
  const fingerprint = str('fingerprint');
  if (fingerprint === undefined) return BAD_META('fingerprint');
  const openedAt = num('openedAt');
  if (openedAt === undefined) return BAD_META('openedAt');
  const closedRaw = meta.get('closedAt');
  const closedAt = closedRaw === null || closedRaw === undefined || closedRaw === '' ? null : num('closedAt');
  if (closedAt === undefined) return BAD_META('closedAt');
  const tz = num('tzOffsetMinutes');
  if (tz === undefined || Math.abs(tz) > 14 * 60) return BAD_META('tzOffsetMinutes');
  const exportedAt = num('exportedAt');
  if (exportedAt === undefined) return BAD_META('exportedAt');
  const fullIds = num('fullIds');
  if (fullIds !== 0 && fullIds !== 1) return BAD_META('fullIds');

  const metaCounts = emptyCounts();
  for (const k of COUNT_KEYS) {
    const v = num(metaCountKey(k));
    if (v === undefined || !Number.isInteger(v) || v < 0) return BAD_META(metaCountKey(k));
    metaCounts[k] = v;
  }
  const metaHourly = emptyHourly();
  for (const h of metaHourly) {
    for (const what of ['vehicles', 'people'] as const) {
      const v = num(metaHourKey(h.hour, what));
      if (v === undefined || !Number.isInteger(v) || v < 0) return BAD_META(metaHourKey(h.hour, what));
      h[what] = v;
    }
  }

  const sheetRows: Record<string, Row[]> = {};
  for (const name of VISIBLE_SHEETS) {
    const ws = wb.Sheets[name];
    if (!ws) {
      return fail('import.missingSheet', `交接表缺少工作表「${name}」`, `The workbook lacks the sheet "${name}"`);
    }
    sheetRows[name] = readRows(ws);
  }

  const m = { shiftId, checkpoint, day, shiftName, openedAt, closedAt };

  const { counts, hourly } = recount(sheetRows, tz);
  for (const k of COUNT_KEYS) {
    if (counts[k] !== metaCounts[k]) {
      const label = LABELS.counts[k];
      return TAMPERED(
        `「${label.zh}」记为 ${metaCounts[k]}，按表中记录应为 ${counts[k]}`,
        `"${label.en}" says ${metaCounts[k]} but the rows give ${counts[k]}`,
      );
    }
  }
  for (const h of hourly) {
    const mh = metaHourly[h.hour];
    if (!mh || mh.vehicles !== h.vehicles || mh.people !== h.people) {
      return TAMPERED(`${h.hour} 时的分时统计与记录不符`, `hourly counts for hour ${h.hour} do not match the rows`);
    }
  }

  const visible = VISIBLE_SHEETS.map((name) => ({ name, rows: sheetRows[name] ?? [] }));
  const recomputed = fingerprintSheets(fingerprintIdentity(m), visible, tz);
  // A workbook written before free text was masked was fingerprinted without that rule.
  if (recomputed !== fingerprint && fingerprintSheets(fingerprintIdentity(m), visible, tz, { freeText: false }) !== fingerprint) {
    return TAMPERED('内容校验值不一致', 'content fingerprint differs');
  }
  if (keep) keep.sheets = [...VISIBLE_SHEETS.map((name) => ({ name, rows: sheetRows[name] ?? [] })), { name: SHEET.meta, rows: metaRows }];

  return ok({
    ...m,
    leadName,
    receivingLead,
    exportedAt,
    appVersion,
    fullIds: fullIds === 1,
    tzOffsetMinutes: tz,
    summary: counts,
    hourly,
    fingerprint: recomputed,
    station: null,
  });
}
