// A tiny, library-free description of a workbook. Sheet builders produce this; toXlsx.ts is the
// only place that knows SheetJS. Keeping the model plain data lets tests check a sheet without
// parsing a file, lets a worker receive it by structured clone, and gives the writer a single
// choke point for formula neutralising and text typing, so no builder can forget either.

/**
 * - string: written as text (type 's'), formula-neutralised.
 * - number / boolean: written as such.
 * - null: empty cell.
 * - { t: 'date' }: an instant, written as an Excel serial date-time in the workbook's time zone
 *   with the sheet's date format (or the cell's own `z`).
 * - { t: 'text' }: text that must stay text even if it looks like a number — IDs, phones,
 *   '0101' — said explicitly so a reader of the builder sees the intent.
 */
export type CellValue =
  | string
  | number
  | boolean
  | null
  | { t: 'date'; ms: number; z?: string }
  | { t: 'text'; v: string };

/** Zero-based, inclusive cell range over the whole sheet (row 0 is the header when there is one). */
export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface SheetModel {
  /** ≤ 31 characters, none of []:*?/\ (Excel's rules). */
  name: string;
  /** Row 1 when non-empty; a form-like sheet (交接汇总) has none. */
  header: string[];
  rows: CellValue[][];
  /** Column widths in characters (a CJK character counts about 2). */
  widths: number[];
  /** Put an autofilter on the header row. */
  autofilter: boolean;
  /** Last rows (e.g. a 合计 row) kept out of the autofilter range, so sorting leaves them last. */
  footerRows?: number;
  /** Columns that hold instants (documentation for readers and the importer; cells say it too). */
  dateCols: number[];
  /** Columns that must stay text: IDs, phones, plates. */
  textCols: number[];
  /** Number formats by column for plain number cells, e.g. '0.0' for temperatures. */
  numberFormats?: Record<number, string>;
  merges?: CellRange[];
  /** Hidden sheets still open in Excel via 取消隐藏; used for the machine-readable _meta sheet. */
  hidden?: boolean;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Document properties: Title, Subject, Author, Comments, Keywords, Category, Company, CreatedDate (ISO). */
  meta: Record<string, string>;
  /** Minutes east of UTC used for every date cell (China: +480). */
  tzOffsetMinutes: number;
}

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

export const date = (ms: number, z?: string): CellValue => (z === undefined ? { t: 'date', ms } : { t: 'date', ms, z });
export const text = (v: string): CellValue => ({ t: 'text', v });
/** An optional instant: empty cell when absent. */
export const optDate = (ms: number | undefined | null): CellValue => (ms === undefined || ms === null ? null : date(ms));
