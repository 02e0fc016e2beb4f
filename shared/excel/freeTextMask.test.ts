// IDs and phones typed into free text (备注, 经过, 作废原因) are masked in a masked export, kept in a
// full one; both fingerprint alike, and workbooks written before this rule still import.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { summarizeShift } from '../shift/summary';
import { buildHandoverWorkbook } from './handoverWorkbook';
import { fingerprintIdentity, INCIDENT_COLUMNS, SHEET, VEHICLE_COLUMNS } from './handoverFormat';
import { fingerprintSheets } from './fingerprint';
import { readHandoverWorkbook } from './importHandover';
import { makeShiftFixture, TZ_CHINA } from './testFixtures';
import { workbookToXlsx } from './toXlsx';
import type { CellValue, WorkbookModel } from './workbookModel';

const REMARK = '司机电话 137-1234-5678，体温 37.5，03:12 放行';
const DESCRIPTION = '司机 34052419800101001X 拒绝测温，川A12345';

function fixture() {
  const f = makeShiftFixture();
  f.vehicles[0]!.remarks = REMARK;
  f.incidents[0]!.description = DESCRIPTION;
  return f;
}

function build(fullIds: boolean): WorkbookModel {
  const f = fixture();
  return buildHandoverWorkbook({ ...f, summary: summarizeShift(f.vehicles, f.persons, f.incidents), fullIds, exportedAt: Date.UTC(2020, 1, 18), tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' });
}

const cellText = (v: CellValue | undefined): string => (typeof v === 'string' ? v : v && typeof v === 'object' && v.t === 'text' ? v.v : String(v));
const column = (m: WorkbookModel, name: string, defs: readonly { h: string }[], h: string) =>
  (m.sheets.find((s) => s.name === name)?.rows ?? []).map((r) => cellText(r[defs.findIndex((d) => d.h === h)]));
const metaFingerprint = (m: WorkbookModel) => m.sheets.at(-1)?.rows.find((r) => r[0] === 'fingerprint')?.[1];

describe('free text in the handover workbook', () => {
  it('masks IDs and phones inside remarks and descriptions in a masked export, keeps the rest', () => {
    const masked = build(false);
    expect(column(masked, SHEET.vehicles, VEHICLE_COLUMNS, '备注')).toContain('司机电话 137-****-5678，体温 37.5，03:12 放行');
    expect(column(masked, SHEET.incidents, INCIDENT_COLUMNS, '经过')).toContain('司机 340524********001X 拒绝测温，川A12345');
    const full = build(true);
    expect(column(full, SHEET.vehicles, VEHICLE_COLUMNS, '备注')).toContain(REMARK);
    expect(column(full, SHEET.incidents, INCIDENT_COLUMNS, '经过')).toContain(DESCRIPTION);
    expect(metaFingerprint(masked)).toEqual(metaFingerprint(full));
  });

  it('reads both back with the same fingerprint', () => {
    const a = readHandoverWorkbook(workbookToXlsx(build(false)));
    const b = readHandoverWorkbook(workbookToXlsx(build(true)));
    expect(a.ok && b.ok && a.value.fingerprint === b.value.fingerprint).toBe(true);
  });

  it('still imports a workbook written before free text was masked, and refuses it edited', () => {
    // As the app wrote it before: IDs masked, free text as typed, fingerprint without the free-text rule.
    const legacy = build(true);
    const meta = legacy.sheets.at(-1)!;
    const fullIdsRow = meta.rows.find((r) => r[0] === 'fullIds');
    if (fullIdsRow) fullIdsRow[1] = 0;
    const visible = legacy.sheets.slice(0, -1).map((s) => ({ name: s.name, rows: s.header.length > 0 ? [s.header, ...s.rows] : s.rows }));
    const shift = fixture().shift;
    const identity = fingerprintIdentity({ shiftId: shift.id, checkpoint: shift.checkpoint, day: shift.day, shiftName: shift.shiftName, openedAt: shift.openedAt, closedAt: shift.closedAt ?? null });
    const old = fingerprintSheets(identity, visible, TZ_CHINA, { freeText: false });
    expect(old).not.toBe(fingerprintSheets(identity, visible, TZ_CHINA));
    meta.rows.find((r) => r[0] === 'fingerprint')![1] = old;
    const bytes = workbookToXlsx(legacy);
    const r = readHandoverWorkbook(bytes);
    expect(r.ok).toBe(true);

    const wb = XLSX.read(bytes, { type: 'array' });
    const c = VEHICLE_COLUMNS.findIndex((d) => d.h === '备注');
    const ws = wb.Sheets[SHEET.vehicles]!;
    const addr = Object.keys(ws).find((a) => !a.startsWith('!') && XLSX.utils.decode_cell(a).c === c && (ws[a] as XLSX.CellObject).v === REMARK)!;
    ws[addr] = { t: 's', v: REMARK.replace('5678', '5679') };
    const edited = readHandoverWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(edited.ok).toBe(false);
  });
});
