// Cell-level rules for everything this app writes to a spreadsheet.

/**
 * Characters that make a spreadsheet program treat typed or pasted text as a formula (OWASP
 * "CSV injection"): = + - @, and tab / CR, which some programs skip before looking for '='.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const APOSTROPHE = "'";

function needsPrefix(text: string): boolean {
  const first = text.charAt(0);
  // An existing leading apostrophe is prefixed too, so the mapping is one-to-one and
  // restoreNeutralized gives back exactly what was typed.
  return FORMULA_TRIGGERS.has(first) || first === APOSTROPHE;
}

/**
 * Makes text that a spreadsheet would read as a formula inert by putting an apostrophe before it.
 *
 * Why an apostrophe, and why at all when our cells are already typed as strings: a string cell in
 * an .xlsx is never evaluated on opening, but the moment someone edits the cell (F2, Enter), copies
 * it, or saves the sheet as CSV for another office, Excel and WPS parse the text again and
 * `=HYPERLINK(...)` becomes live. With a leading apostrophe they keep it as text in every one of
 * those paths — the apostrophe is Excel's own "this is text" marker (OWASP's recommendation).
 * Excel and WPS show the apostrophe in the cell, which is acceptable and even useful: the reader
 * sees the value was altered. Rejected: a zero-width space (invisible, breaks search and copy into
 * health-department systems, and a reader cannot tell the value was changed); a leading tab or
 * space (trimmed by some programs, and tab is itself a trigger).
 *
 * The text survives a SheetJS round trip as `'` + original; restoreNeutralized undoes it.
 */
export function neutralizeFormula(text: string): string {
  return needsPrefix(text) ? APOSTROPHE + text : text;
}

/** Inverse of neutralizeFormula, used by the importer. Also correct for cells a user re-entered. */
export function restoreNeutralized(text: string): string {
  if (text.length > 1 && text.charAt(0) === APOSTROPHE && needsPrefix(text.slice(1))) return text.slice(1);
  return text;
}

/** Keeps `head` leading and `tail` trailing characters and stars the rest; length is preserved. */
function keepEnds(s: string, head: number, tail: number): string {
  if (s.length <= head + tail) return '*'.repeat(s.length);
  return s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/**
 * The coarsest mask, used only inside the content fingerprint: every mask of shared/privacy/mask.ts
 * (maskId, maskPhone, maskText) keeps at
 * least the first 2 and last 2 characters of anything longer than 4, so this mask of a full value
 * and of its masked export are the same string — a masked and a full-ID export of one shift have
 * the same fingerprint, and the importer can recompute it from either.
 */
export function fingerprintMask(s: string): string {
  return s.length <= 4 ? '*'.repeat(s.length) : keepEnds(s, 2, 2);
}

/** Runs of digits and stars (a masked number), joined by single spaces or hyphens, an ID's X at the end. */
const DIGIT_OR_STAR_RUN = /[0-9０-９*]+(?:[ -][0-9０-９*]+)*[XxＸｘ]?/g;

/**
 * Free text (备注, 经过, 作废原因) inside the fingerprint: every run of 7 or more digits or stars
 * gets the coarsest mask. maskText only ever turns digits of such runs into stars, keeping length
 * and the run's first 2 and last 2 characters, so a remark and its masked export canonicalise alike.
 */
export function fingerprintFreeText(s: string): string {
  return s.replace(DIGIT_OR_STAR_RUN, (run) => (run.replace(/[^0-9０-９*]/g, '').length >= 7 ? fingerprintMask(run) : run));
}

/** Days between the Excel epoch (1899-12-30, the 1900 leap-year bug included) and 1970-01-01. */
export const EXCEL_UNIX_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/**
 * Excel serial date-time of an instant, in the booth's local time. Excel dates carry no zone, so
 * the zone is applied here: tzOffsetMinutes is minutes EAST of UTC (China: +480 — note this is
 * the negative of JavaScript's getTimezoneOffset()).
 */
export function excelDate(ms: number, tzOffsetMinutes: number): number {
  return (ms + tzOffsetMinutes * 60_000) / DAY_MS + EXCEL_UNIX_EPOCH_DAYS;
}

/** Inverse of excelDate, rounded to the millisecond (an .xlsx keeps far more precision than that). */
export function fromExcelDate(serial: number, tzOffsetMinutes: number): number {
  return Math.round((serial - EXCEL_UNIX_EPOCH_DAYS) * DAY_MS) - tzOffsetMinutes * 60_000;
}

/** 'YYYY-MM-DD HH:mm' in booth local time, for text that mentions a time (amendment lines). */
export function formatLocal(ms: number, tzOffsetMinutes: number): string {
  const d = new Date(ms + tzOffsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * Keeps text byte for byte through an .xlsx. OOXML stores characters XML cannot hold as
 * `_xHHHH_`, and readers (SheetJS, Excel) decode that pattern wherever it appears — so typed
 * text such as `张_x4E09_` came back as `张三`, and the workbook was then refused as edited.
 * The standard escape is to write the underscore itself as `_x005F_` (readers match the x in
 * either case). The reader undoes it.
 *
 * One thing no escape keeps: SheetJS's reader turns CR LF into LF (even when the CR is written
 * as `_x000D_`). The form never produces CR (a textarea's value has LF line breaks), and the
 * fingerprint and signature read CR LF as LF, so such a file still imports.
 */
export function escapeOoxmlText(text: string): string {
  return text.replace(/_([xX][0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}
