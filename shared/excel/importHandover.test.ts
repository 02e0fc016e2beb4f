import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { COUNT_KEYS, hourlyCounts, summarizeShift } from '../shift/summary';
import type { Result } from '../result';
import { buildHandoverWorkbook } from './handoverWorkbook';
import { PERSON_COLUMNS, SHEET, VEHICLE_COLUMNS, fingerprintIdentity } from './handoverFormat';
import { fingerprintSheets } from './fingerprint';
import { text } from './workbookModel';
import { readHandoverWorkbook, type ImportedShift } from './importHandover';
import { FORMULA_NAME, makeShiftFixture, TZ_CHINA, type FixtureOptions } from './testFixtures';
import { workbookToXlsx } from './toXlsx';

const EXPORTED_AT = Date.UTC(2020, 1, 18, 0, 30);

function exportBytes(opts: FixtureOptions = {}, fullIds = false) {
  const f = makeShiftFixture(opts);
  const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
  const model = buildHandoverWorkbook({ ...f, summary, fullIds, exportedAt: EXPORTED_AT, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' });
  return { f, summary, bytes: workbookToXlsx(model) };
}

/** Edits a workbook the way another program would: read it, change it, save it. */
function mutate(bytes: Uint8Array, fn: (wb: XLSX.WorkBook) => void): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true });
  fn(wb);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function ws(wb: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const s = wb.Sheets[name];
  if (!s) throw new Error(name);
  return s;
}

/** Address of the _meta value cell for a key. */
function metaAddr(wb: XLSX.WorkBook, key: string): string {
  const s = ws(wb, SHEET.meta);
  for (let r = 1; r < 200; r++) if (s[XLSX.utils.encode_cell({ r, c: 0 })]?.v === key) return XLSX.utils.encode_cell({ r, c: 1 });
  throw new Error(key);
}

/** Where a cell is: a fixed address, or one found in the workbook (a _meta key, a named column). */
type CellAt = string | ((wb: XLSX.WorkBook) => string);

/** Our own export with one cell of one sheet set, as someone editing it in another program would. */
function withCell(sheet: string, at: CellAt, cell: XLSX.CellObject): Uint8Array {
  return mutate(exportBytes().bytes, (wb) => {
    ws(wb, sheet)[typeof at === 'string' ? at : at(wb)] = cell;
  });
}

const metaCell = (key: string): CellAt => (wb) => metaAddr(wb, key);

/** The cell in data row `r` (1 = first row under the header) of the column headed `header`. */
const columnCell = (columns: readonly { h: string }[], header: string, r: number): CellAt => () =>
  XLSX.utils.encode_cell({ r, c: columns.findIndex((d) => d.h === header) });

function expectError(r: Result<ImportedShift>, code: string, zh: RegExp | string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message.zh).toMatch(zh);
  expect(r.error.message.en.length).toBeGreaterThan(10);
}

describe('readHandoverWorkbook: our own workbook', () => {
  it('imports identity, counts, hourly and fingerprint', () => {
    const { f, summary, bytes } = exportBytes();
    const r = readHandoverWorkbook(bytes);
    if (!r.ok) throw new Error(r.error.message.en);
    const s = r.value;
    expect(s).toMatchObject({
      shiftId: f.shift.id,
      checkpoint: '南江南卡点',
      day: '2020-02-17',
      shiftName: 'night',
      leadName: '王队',
      receivingLead: '赵队',
      openedAt: f.shift.openedAt,
      closedAt: f.shift.closedAt,
      exportedAt: EXPORTED_AT,
      appVersion: '0.1.0',
      fullIds: false,
      tzOffsetMinutes: TZ_CHINA,
    });
    for (const k of COUNT_KEYS) expect(s.summary[k], k).toBe(summary[k]);
    expect(s.hourly).toEqual(hourlyCounts(f.vehicles, f.persons, TZ_CHINA));
    expect(s.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives a full-ID export the same fingerprint as the masked one', () => {
    const a = readHandoverWorkbook(exportBytes().bytes);
    const b = readHandoverWorkbook(exportBytes({}, true).bytes);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(b.value.fullIds).toBe(true);
      expect(b.value.fingerprint).toBe(a.value.fingerprint);
    }
  });

  it('still accepts the workbook after another program re-saved it unchanged', () => {
    const { bytes } = exportBytes();
    const resaved = mutate(bytes, () => {});
    const r = readHandoverWorkbook(resaved);
    expect(r.ok).toBe(true);
  });

  it('still accepts it when someone re-entered a neutralised cell (Excel drops the apostrophe)', () => {
    const { bytes } = exportBytes();
    const edited = mutate(bytes, (wb) => {
      const s = ws(wb, SHEET.persons);
      const nameCol = PERSON_COLUMNS.findIndex((d) => d.h === '姓名');
      for (let r = 1; r < 20; r++) {
        const addr = XLSX.utils.encode_cell({ r, c: nameCol });
        if (s[addr]?.v === "'" + FORMULA_NAME) s[addr] = { t: 's', v: FORMULA_NAME };
      }
    });
    expect(readHandoverWorkbook(edited).ok).toBe(true);
  });

  it('imports an open shift (no closedAt)', () => {
    const f = makeShiftFixture();
    delete f.shift.closedAt;
    const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
    const bytes = workbookToXlsx(buildHandoverWorkbook({ ...f, summary, fullIds: false, exportedAt: EXPORTED_AT, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' }));
    const r = readHandoverWorkbook(bytes);
    expect(r.ok && r.value.closedAt).toBe(null);
  });
});

describe('readHandoverWorkbook: damaged files', () => {
  it('rejects random bytes', () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    expectError(readHandoverWorkbook(bytes), 'import.notExcel', '文件已损坏或不是 Excel 文件');
  });

  it('rejects plain text that SheetJS would read as CSV', () => {
    expectError(readHandoverWorkbook(new TextEncoder().encode('卡点,车牌\n南江南,鄂A12345\n')), 'import.notExcel', '文件已损坏或不是 Excel 文件');
  });

  it('rejects an empty file', () => {
    expectError(readHandoverWorkbook(new Uint8Array(0)), 'import.notExcel', '文件已损坏或不是 Excel 文件');
  });

  it('rejects a truncated workbook', () => {
    const { bytes } = exportBytes();
    for (const n of [10, 200, Math.floor(bytes.length / 2), bytes.length - 30]) {
      expectError(readHandoverWorkbook(bytes.slice(0, n)), 'import.notExcel', '文件已损坏或不是 Excel 文件');
    }
  });

  it('rejects a workbook whose inner file is corrupted', () => {
    const { bytes } = exportBytes();
    const bad = bytes.slice();
    for (let i = 200; i < bad.length - 200; i += 97) bad[i] = (bad[i] ?? 0) ^ 0xff;
    const r = readHandoverWorkbook(bad);
    expect(r.ok).toBe(false);
  });

  it('rejects damaged bytes anywhere in the file, quickly (SheetJS alone can hang on these)', { timeout: 60_000 }, () => {
    const { bytes } = exportBytes();
    let x = 2020;
    const next = () => (x = (x * 1103515245 + 12345) >>> 0);
    const started = performance.now();
    for (let k = 0; k < 300; k++) {
      const bad = bytes.slice();
      for (let j = 0, n = 1 + (next() % 4); j < n; j++) bad[next() % bad.length] = next() & 0xff;
      const r = readHandoverWorkbook(bad);
      // A flip in an unchecked zip field (a timestamp) may leave the workbook intact: then it must
      // import exactly as the original. Otherwise it must be refused with a message.
      if (r.ok) expect(r.value.fingerprint).toBe((readHandoverWorkbook(bytes) as { value: ImportedShift }).value.fingerprint);
      else expect(r.error.message.zh.length).toBeGreaterThan(5);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('rejects a zip that is not a workbook', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'photo.txt', new TextEncoder().encode('not a workbook'));
    const zip = new Uint8Array(XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array' }) as number[]);
    const r = readHandoverWorkbook(zip);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['import.notExcel', 'import.foreign']).toContain(r.error.code);
  });
});

describe('readHandoverWorkbook: workbooks from other programs', () => {
  it('rejects an ordinary Excel file', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['车牌号', '姓名'], ['鄂A12345', '张三']]), '登记表');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expectError(readHandoverWorkbook(bytes), 'import.foreign', '不是卡口登记站导出的交接表');
  });

  it('rejects a workbook with a _meta sheet of another format', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['键', '值'], ['format', 'other-app/report']]), '_meta');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expectError(readHandoverWorkbook(bytes), 'import.foreign', '不是卡口登记站导出的交接表');
  });

  it('rejects an old .xls workbook', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a']]), 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expectError(readHandoverWorkbook(bytes), 'import.foreign', /\.xls/);
  });

  it('rejects an .ods workbook', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a']]), 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'ods' }) as ArrayBuffer);
    expectError(readHandoverWorkbook(bytes), 'import.foreign', '不是卡口登记站导出的交接表');
  });

  it('rejects a newer format version with an upgrade hint', () => {
    const bytes = withCell(SHEET.meta, metaCell('formatVersion'), { t: 'n', v: 2 });
    expectError(readHandoverWorkbook(bytes), 'import.version', '请升级');
  });

  it('rejects a missing sheet', () => {
    const bytes = mutate(exportBytes().bytes, (wb) => {
      wb.SheetNames = wb.SheetNames.filter((n) => n !== SHEET.fever);
      delete wb.Sheets[SHEET.fever];
      wb.Workbook = { Sheets: wb.SheetNames.map((n) => ({ name: n, Hidden: n === SHEET.meta ? 1 : 0 })) };
    });
    expectError(readHandoverWorkbook(bytes), 'import.missingSheet', '发热处置');
  });

  it('rejects a changed column header', () => {
    const bytes = withCell(SHEET.vehicles, 'C1', { t: 's', v: '号牌' });
    expectError(readHandoverWorkbook(bytes), 'import.foreign', '车牌号');
  });

  it('rejects incomplete metadata', () => {
    const bytes = mutate(exportBytes().bytes, (wb) => {
      delete ws(wb, SHEET.meta)[metaAddr(wb, 'shiftId')];
    });
    expectError(readHandoverWorkbook(bytes), 'import.badMeta', 'shiftId');
  });
});

describe('readHandoverWorkbook: edited after export', () => {
  it.each<[string, () => Uint8Array, RegExp | string]>([
    ['a count in _meta that disagrees with the rows', () => withCell(SHEET.meta, metaCell('count.vehiclesChecked'), { t: 'n', v: 3 }), /交接表内容与校验值不符.*检查车辆/],
    ['rows changed so they no longer give the recorded counts', () => withCell(SHEET.persons, columnCell(PERSON_COLUMNS, '处置', 2), { t: 's', v: '劝返' }), '劝返人员'],
    ['an edited cell that changes no count (fingerprint)', () => withCell(SHEET.vehicles, columnCell(VEHICLE_COLUMNS, '车牌号', 1), { t: 's', v: '川A12345' }), '交接表内容与校验值不符'],
    ['an edited summary sheet', () => withCell(SHEET.summary, 'A1', { t: 's', v: '北江北卡点 交接班汇总表' }), '交接表内容与校验值不符'],
    ['an edited fingerprint', () => withCell(SHEET.meta, metaCell('fingerprint'), { t: 's', v: '0000000000000000' }), '交接表内容与校验值不符'],
    ['an unrecognised label', () => withCell(SHEET.vehicles, columnCell(VEHICLE_COLUMNS, '重点地区', 1), { t: 's', v: 'Y' }), '重点地区'],
    ['a changed shift identity in _meta', () => withCell(SHEET.meta, metaCell('checkpoint'), { t: 's', v: '北江北卡点' }), '交接表内容与校验值不符'],
  ])('rejects %s', (_what, edited, zh) => {
    expectError(readHandoverWorkbook(edited()), 'import.tampered', zh);
  });
});

describe('readHandoverWorkbook: workbooks written by earlier versions', () => {
  /** The same shift as an earlier version wrote it: an (always empty) 出发时间 column after 来自何地, the old section name. */
  function legacyBytes() {
    const f = makeShiftFixture();
    const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
    const model = buildHandoverWorkbook({ ...f, summary, fullIds: false, exportedAt: EXPORTED_AT, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' });
    const vehicles = model.sheets.find((s) => s.name === SHEET.vehicles);
    const summarySheet = model.sheets.find((s) => s.name === SHEET.summary);
    const meta = model.sheets.find((s) => s.name === SHEET.meta);
    if (!vehicles || !summarySheet || !meta) throw new Error('sheets');
    const at = VEHICLE_COLUMNS.findIndex((d) => d.h === '来自何地') + 1;
    vehicles.header.splice(at, 0, '出发时间');
    for (const r of vehicles.rows) r.splice(at, 0, '');
    for (const r of summarySheet.rows) if (r[0] === '更正记录（交班后）') r[0] = '更正记录（关班后）';
    // Signed as that version signed it: over the sheets as written.
    const fp = fingerprintSheets(
      fingerprintIdentity({ shiftId: f.shift.id, checkpoint: f.shift.checkpoint, day: f.shift.day, shiftName: f.shift.shiftName, openedAt: f.shift.openedAt, closedAt: f.shift.closedAt ?? null }),
      model.sheets.filter((s) => s !== meta).map((s) => ({ name: s.name, rows: s.header.length > 0 ? [s.header, ...s.rows] : s.rows })),
      TZ_CHINA,
    );
    const fpRow = meta.rows.find((r) => r[0] === 'fingerprint');
    if (!fpRow) throw new Error('fingerprint row');
    fpRow[1] = text(fp);
    return { summary, bytes: workbookToXlsx(model) };
  }

  it('still imports a workbook with the dropped 出发时间 column and the 关班后 section name', () => {
    const { summary, bytes } = legacyBytes();
    const r = readHandoverWorkbook(bytes);
    if (!r.ok) throw new Error(r.error.message.zh);
    expect(r.value.summary.vehiclesChecked).toBe(summary.vehiclesChecked);
    expect(r.value.summary.amendmentsAfterClose).toBe(summary.amendmentsAfterClose);
  });

  it('writes no 出发时间 column any more (it was never filled)', () => {
    const { bytes } = exportBytes();
    const wb = XLSX.read(bytes, { type: 'array' });
    const header = XLSX.utils.sheet_to_json<unknown[]>(ws(wb, SHEET.vehicles), { header: 1 })[0];
    expect(header).not.toContain('出发时间');
  });
});
