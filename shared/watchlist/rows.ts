// From a list file's grid and the confirmed column mapping to the entries that would be stored,
// with every problem listed by sheet and row. Values go through the booth's own validators
// (residentId, plate, phone), so a listed key and a typed key are normalised the same way.
// Nothing is guessed: an ID Excel turned into a number is reported as lost, an invalid value is
// left out of the keys and reported, a row without any usable ID, plate or phone is not imported.
import { validateResidentId, type IdErrorCode } from '../residentId';
import { classifyPlate } from '../plate';
import { validatePhone } from '../phone';
import { toHalfWidth } from '../text';
import { watchKey, type ListedPerson } from './model';
import { KEY_FIELDS, type ListField, type SheetMapping } from './header';
import type { ListCell, ListFile } from './readListFile';

export type RowProblemCode =
  /** The ID is a number in the file (or Excel's 5.10722E+17): its last digits are gone. */
  | 'idUnrecoverable'
  | 'idLength'
  | 'idChars'
  | 'idChecksum'
  | 'idBirth'
  | 'idArea'
  | 'phoneInvalid'
  /** Kept as written: temporary and foreign plates exist. */
  | 'plateUnknown'
  /** No usable ID, plate or phone: the row is not imported. */
  | 'noKey'
  /** Same ID, plate or phone as an earlier row: merged into it. */
  | 'duplicate'
  /** Merged rows name different people. */
  | 'nameConflict';

/** error: that value is left out; skipped: the row is not imported; warning: kept as written; merged: folded into another row. */
export type ProblemSeverity = 'error' | 'skipped' | 'warning' | 'merged';

export const PROBLEM_SEVERITY: Record<RowProblemCode, ProblemSeverity> = {
  idUnrecoverable: 'error',
  idLength: 'error',
  idChars: 'error',
  idChecksum: 'error',
  idBirth: 'error',
  idArea: 'error',
  phoneInvalid: 'error',
  plateUnknown: 'warning',
  noKey: 'skipped',
  duplicate: 'merged',
  nameConflict: 'warning',
};

export interface RowProblem {
  sheet: string;
  /** Excel's row number (1-based), as the operator finds it in the file. */
  row: number;
  field: ListField | null;
  code: RowProblemCode;
  /** The cell as the file shows it. */
  value: string;
  /** For duplicates and conflicts: the row it was merged into ('Sheet1!12'). */
  other?: string;
}

/** An entry as read from the file, before it meets the stored list (versions.ts). */
export interface ParsedEntry extends ListedPerson {
  keys: string[];
}

export interface ListPreview {
  entries: ParsedEntry[];
  problems: RowProblem[];
  totals: {
    /** Data rows read (blank rows and repeated header rows not counted). */
    rows: number;
    entries: number;
    /** Rows folded into an earlier row with the same ID, plate or phone. */
    merged: number;
    /** Rows not imported (no usable key). */
    skipped: number;
    /** Rows with at least one problem other than being a duplicate. */
    withProblems: number;
  };
}

const ID_CODES: Record<Exclude<IdErrorCode, 'id.empty'>, RowProblemCode> = {
  'id.excelMangled': 'idUnrecoverable',
  'id.length': 'idLength',
  'id.chars': 'idChars',
  'id.checksum': 'idChecksum',
  'id.birth': 'idBirth',
  'id.area': 'idArea',
};

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

/** A text cell as a person means it: half-width, no line breaks, single spaces, none between Chinese characters. */
export function cleanText(v: ListCell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : toHalfWidth(v);
  return s.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim().replace(SPACE_IN_CJK, '');
}

const shown = (v: ListCell) => (v === null ? '' : typeof v === 'number' ? String(v) : v.replace(/\s+/g, ' ').trim());

/** An ID cell → the normalised ID, or the problem. A numeric cell keeps only 15 significant digits. */
export function readIdCell(v: ListCell, today: string): { id: string } | { code: RowProblemCode } | null {
  if (v === null) return null;
  let text: string;
  if (typeof v === 'number') {
    // Only a 15-digit legacy ID survives as a number exactly; an 18-digit one lost its last digits.
    if (!(Number.isSafeInteger(v) && v >= 1e14 && v < 1e15)) return { code: 'idUnrecoverable' };
    text = String(v);
  } else {
    text = v;
  }
  if (cleanText(text) === '') return null;
  const r = validateResidentId(text, today);
  if (r.ok) return { id: r.info.id };
  return r.code === 'id.empty' ? null : { code: ID_CODES[r.code] };
}

interface RowRead {
  sheet: string;
  row: number;
  entry: ParsedEntry;
  problems: RowProblem[];
}

function readRow(cells: readonly ListCell[], columns: readonly (ListField | null)[], sheet: string, row: number, today: string): RowRead | null {
  const entry: ParsedEntry = { name: '', idNumber: '', phone: '', plate: '', origin: '', note: '', keys: [] };
  const problems: RowProblem[] = [];
  const texts: Record<'name' | 'origin' | 'note', string[]> = { name: [], origin: [], note: [] };
  let any = false;
  const addKey = (k: string) => {
    if (!entry.keys.includes(k)) entry.keys.push(k);
  };
  columns.forEach((field, c) => {
    const v = cells[c] ?? null;
    if (!field || v === null || cleanText(v) === '') return;
    any = true;
    const problem = (code: RowProblemCode) => problems.push({ sheet, row, field, code, value: shown(v) });
    if (field === 'idNumber') {
      const r = readIdCell(v, today);
      if (r && 'id' in r) {
        entry.idNumber ||= r.id;
        addKey(watchKey('id', r.id));
      } else if (r) problem(r.code);
    } else if (field === 'phone') {
      const r = validatePhone(typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : cleanText(v));
      if (r.ok) {
        entry.phone ||= r.phone;
        addKey(watchKey('phone', r.phone));
      } else problem('phoneInvalid');
    } else if (field === 'plate') {
      const p = classifyPlate(cleanText(v));
      if (!p.valid) problem('plateUnknown');
      entry.plate ||= p.plate;
      addKey(watchKey('plate', p.plate));
    } else {
      const t = cleanText(v);
      if (!texts[field].includes(t)) texts[field].push(t);
    }
  });
  if (!any) return null; // a blank row (or blank in every mapped column)
  entry.name = texts.name.join(' ');
  entry.origin = texts.origin.join('；');
  entry.note = texts.note.join('；');
  if (entry.keys.length === 0) problems.push({ sheet, row, field: null, code: 'noKey', value: entry.name });
  return { sheet, row, entry, problems };
}

/** A data row that repeats the header (lists printed with a header on every page). */
function isHeaderAgain(cells: readonly ListCell[], header: readonly ListCell[], columns: readonly (ListField | null)[]): boolean {
  let named = 0;
  for (let c = 0; c < columns.length; c++) {
    if (!columns[c]) continue;
    if (cleanText(cells[c] ?? null) !== cleanText(header[c] ?? null)) return false;
    named++;
  }
  return named > 0;
}

/** Union-find over rows that share a key: each group becomes one entry, the earliest row first. */
function mergeRows(reads: RowRead[]): { entries: ParsedEntry[]; merged: RowProblem[] } {
  const parent = reads.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] as number;
      parent[i] = parent[p] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const owner = new Map<string, number>();
  reads.forEach((r, i) => {
    for (const k of r.entry.keys) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else {
        const a = find(o);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, number[]>();
  reads.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  const entries: ParsedEntry[] = [];
  const merged: RowProblem[] = [];
  for (const [root, members] of groups) {
    const first = reads[root] as RowRead;
    const e: ParsedEntry = { ...first.entry, keys: [...first.entry.keys] };
    const where = `${first.sheet}!${first.row}`;
    for (const i of members) {
      if (i === root) continue;
      const r = reads[i] as RowRead;
      merged.push({ sheet: r.sheet, row: r.row, field: null, code: 'duplicate', value: (r.entry.keys[0] ?? '').replace(/^[a-z]+:/, ''), other: where });
      if (r.entry.name && e.name && r.entry.name !== e.name) {
        merged.push({ sheet: r.sheet, row: r.row, field: 'name', code: 'nameConflict', value: r.entry.name, other: where });
      }
      e.name ||= r.entry.name;
      e.idNumber ||= r.entry.idNumber;
      e.phone ||= r.entry.phone;
      e.plate ||= r.entry.plate;
      for (const k of r.entry.keys) if (!e.keys.includes(k)) e.keys.push(k);
      for (const f of ['origin', 'note'] as const) {
        const v = r.entry[f];
        if (v && !e[f].split('；').includes(v)) e[f] = e[f] ? `${e[f]}；${v}` : v;
      }
    }
    entries.push(e);
  }
  return { entries, merged };
}

/** What storing this file with this mapping would give: entries, problems by row, totals. */
export function buildListPreview(file: ListFile, mappings: readonly SheetMapping[], today: string): ListPreview {
  const reads: RowRead[] = [];
  const problems: RowProblem[] = [];
  let rows = 0;
  let skipped = 0;
  const problemRows = new Set<string>();
  for (const m of mappings) {
    const sheet = file.sheets[m.sheet];
    if (!m.include || !sheet || !m.columns.some((f) => f !== null && KEY_FIELDS.includes(f))) continue;
    const header = sheet.rows[m.headerRow] ?? [];
    for (let r = m.headerRow + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] ?? [];
      if (isHeaderAgain(cells, header, m.columns)) continue;
      const read = readRow(cells, m.columns, sheet.name, r + 1, today);
      if (!read) continue;
      rows++;
      if (read.problems.length > 0) {
        problems.push(...read.problems);
        problemRows.add(`${sheet.name}!${r + 1}`);
      }
      if (read.entry.keys.length === 0) skipped++;
      else reads.push(read);
    }
  }
  const { entries, merged } = mergeRows(reads);
  for (const p of merged) if (p.code !== 'duplicate') problemRows.add(`${p.sheet}!${p.row}`);
  problems.push(...merged);
  const order = new Map(file.sheets.map((s, i) => [s.name, i]));
  problems.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
  return {
    entries,
    problems,
    totals: { rows, entries: entries.length, merged: merged.filter((p) => p.code === 'duplicate').length, skipped, withProblems: problemRows.size },
  };
}
