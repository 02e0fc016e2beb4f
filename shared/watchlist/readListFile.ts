// Reading a watchlist file (名单) as data teams send it: .xlsx, old .xls, or .csv in UTF-8 (with
// or without BOM), UTF-16 or GBK (what Chinese Excel writes for "CSV"). The result is every
// sheet's cells as a grid, merged ranges filled in, with nothing interpreted yet: the header
// row and the columns are found afterwards (header.ts) so the operator can confirm or change
// them without reading the file again.
//
// Runs inside the parser host (shared/excel/parserHost.ts: a worker, a time limit, a cancel),
// behind the same zip check as handover imports (shared/excel/zipCheck.ts) with limits sized
// for a list rather than a shift.
import * as XLSX from 'xlsx';
import { fail, ok, type Result } from '../result';
import { IMPORT_LIMITS, zipProblem, type ImportLimits } from '../excel/zipCheck';

/** A cell as the file holds it: text, a number (Excel stored it as one), or empty. */
export type ListCell = string | number | null;

export interface ListSheet {
  name: string;
  /** Row 0 is the sheet's first row (Excel row 1). Merged ranges carry their value in every cell. */
  rows: ListCell[][];
}

export type ListFileKind = 'xlsx' | 'xls' | 'csv';

export interface ListFile {
  kind: ListFileKind;
  /** For .csv: how its bytes were decoded. */
  encoding?: 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';
  sheets: ListSheet[];
}

/**
 * A list is longer than any shift's workbook: the largest we plan for is 200,000 entries (the
 * issue's 100,000 with room). Every row of such a list is unique text (ID, phone, name), so the
 * shared-string table is about four strings a row. The other limits stay the handover's.
 */
export const LIST_LIMITS: ImportLimits = {
  ...IMPORT_LIMITS,
  rowsPerSheet: 200_000,
  cells: 3_000_000,
  sharedStrings: 1_200_000,
};

const TOO_LARGE = (zh: string, en: string) => fail<ListFile>('watchlist.tooLarge', `名单文件过大（${zh}），未读取`, `The list file is too large (${en}); not read`);
const UNREADABLE = (zh: string, en: string) => fail<ListFile>('watchlist.unreadable', `无法读取该文件：${zh}`, `Cannot read this file: ${en}`);
const EMPTY = () => fail<ListFile>('watchlist.empty', '文件是空的，没有可导入的内容', 'The file is empty; there is nothing to import');

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;

/**
 * Text of a .csv. A BOM decides; otherwise strict UTF-8, and when that fails GBK (gb18030, its
 * superset): Chinese Excel's "CSV" is GBK without a BOM. Both decoders ship with Chromium and
 * Node 20 (TextDecoder), so no code-page table is bundled.
 */
export function decodeCsv(b: Uint8Array): { text: string; encoding: NonNullable<ListFile['encoding']> } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'gbk' };
  }
}

function kindOf(bytes: Uint8Array, name: string): ListFileKind | null {
  if (isZip(bytes)) return 'xlsx';
  if (isOle(bytes)) return 'xls';
  if (/\.(csv|txt)$/i.test(name)) return 'csv';
  return null;
}

function cellOf(cell: XLSX.CellObject | undefined): ListCell {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return cell.v === undefined || cell.v === null || cell.v === '' ? null : String(cell.v);
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
    default:
      return null; // errors (#N/A) and stubs
  }
}

/** Dense rows of one sheet, merged ranges filled (a 来源地 merged over ten rows belongs to each). */
function gridOf(ws: XLSX.WorkSheet, budget: { cells: number }): ListCell[][] | null {
  const dense = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  const rows: ListCell[][] = [];
  for (let r = 0; r < dense.length; r++) {
    const src = dense[r] ?? [];
    const row: ListCell[] = new Array<ListCell>(src.length);
    for (let c = 0; c < src.length; c++) row[c] = cellOf(src[c]);
    rows.push(row);
  }
  for (const m of ws['!merges'] ?? []) {
    const value = rows[m.s.r]?.[m.s.c] ?? null;
    if (value === null) continue;
    // A doctored merge over a million rows must not fill a million cells: only rows that exist.
    const lastRow = Math.min(m.e.r, rows.length - 1);
    const lastCol = Math.min(m.e.c, m.s.c + 255);
    budget.cells -= (lastRow - m.s.r + 1) * (lastCol - m.s.c + 1);
    if (budget.cells < 0) return null;
    for (let r = m.s.r; r <= lastRow; r++) {
      const row = rows[r] ?? (rows[r] = []);
      for (let c = m.s.c; c <= lastCol; c++) if (r !== m.s.r || c !== m.s.c) row[c] = value;
    }
  }
  return rows;
}

const hasContent = (rows: ListCell[][]) => rows.some((r) => r.some((v) => v !== null && v !== undefined && String(v).trim() !== ''));

/** Every sheet of a list file as a grid, or what is wrong with the file. */
export function readListFile(bytes: Uint8Array, name: string, limits: ImportLimits = LIST_LIMITS): Result<ListFile> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return EMPTY();
  if (bytes.length > limits.fileBytes) {
    const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
    return TOO_LARGE(`${mb(bytes.length)}，上限 ${mb(limits.fileBytes)}`, `${mb(bytes.length)}, limit ${mb(limits.fileBytes)}`);
  }
  const kind = kindOf(bytes, name);
  if (!kind) return UNREADABLE('只能导入 .xlsx、.xls 或 .csv 文件', 'only .xlsx, .xls or .csv files can be imported');

  let wb: XLSX.WorkBook;
  let encoding: ListFile['encoding'];
  try {
    if (kind === 'xlsx') {
      // SheetJS can spin forever on a damaged zip: the same full check as handover imports first.
      const damage = zipProblem(bytes, limits);
      if (damage?.kind === 'limit') return TOO_LARGE(`超过 ${limits.rowsPerSheet} 行或 ${limits.cells} 个单元格`, `more than ${limits.rowsPerSheet} rows or ${limits.cells} cells`);
      if (damage) return UNREADABLE(`文件已损坏（${damage.zh}）`, `the file is damaged (${damage.en})`);
    }
    const opts: XLSX.ParsingOptions = { dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, cellStyles: false };
    if (kind === 'csv') {
      const decoded = decodeCsv(bytes);
      encoding = decoded.encoding;
      let lines = 1;
      for (let i = 0; i < decoded.text.length; i++) if (decoded.text.charCodeAt(i) === 10 && ++lines > limits.rowsPerSheet + 1) return TOO_LARGE(`超过 ${limits.rowsPerSheet} 行`, `more than ${limits.rowsPerSheet} rows`);
      // raw: every value stays the text the file holds (an ID is never read as a number here).
      wb = XLSX.read(decoded.text.replace(/^\uFEFF/, ''), { ...opts, type: 'string', raw: true });
    } else {
      wb = XLSX.read(bytes, { ...opts, type: 'array' });
    }
  } catch (e) {
    return UNREADABLE('文件已损坏或不是表格文件', `the file is damaged or not a spreadsheet${e instanceof Error ? ` (${e.message.slice(0, 80)})` : ''}`);
  }
  const budget = { cells: limits.cells };
  const sheets: ListSheet[] = [];
  for (const sheetName of wb.SheetNames ?? []) {
    const ws = wb.Sheets[sheetName];
    if (!ws) continue;
    const rows = gridOf(ws, budget);
    if (!rows) return TOO_LARGE(`合并单元格超过 ${limits.cells} 个`, `merged ranges cover more than ${limits.cells} cells`);
    if (kind === 'xls' && rows.length > limits.rowsPerSheet) return TOO_LARGE(`工作表超过 ${limits.rowsPerSheet} 行`, `a sheet has more than ${limits.rowsPerSheet} rows`);
    sheets.push({ name: sheetName, rows });
  }
  if (!sheets.some((s) => hasContent(s.rows))) return EMPTY();
  return ok(encoding ? { kind, encoding, sheets } : { kind, sheets });
}
