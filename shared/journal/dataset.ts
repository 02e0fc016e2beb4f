// A whole station's data as plain rows: what a snapshot holds, what replaying the journal
// produces, and what is hashed to prove that a restore gave back exactly what was saved.
import { canonicalJson, hashText } from './hash';
import { JOURNAL_TABLES, JOURNAL_TABLE_NAMES, markOf, ZERO_COUNTS, type JournalEntry, type JournalMark, type JournalTable, type RecordCounts } from './format';

export type Dataset = Record<JournalTable, Map<string, unknown>>;

export const emptyDataset = (): Dataset =>
  Object.fromEntries(JOURNAL_TABLE_NAMES.map((t) => [t, new Map<string, unknown>()])) as Dataset;

const keyOf = (table: JournalTable, row: unknown): string | undefined => {
  const k = (row as Record<string, unknown> | null)?.[JOURNAL_TABLES[table]];
  // Audit entries are keyed by their number (seq); every other table by a string.
  return typeof k === 'string' ? k : typeof k === 'number' ? String(k) : undefined;
};

export function putRows(data: Dataset, table: JournalTable, rows: readonly unknown[]): void {
  const map = data[table];
  for (const row of rows) {
    const k = keyOf(table, row);
    if (k !== undefined) map.set(k, row);
  }
}

/** Applies entries with seq > `after` in order; later rows replace earlier ones with the same key. */
export function replay(data: Dataset, entries: readonly JournalEntry[], after = 0): JournalMark | undefined {
  let mark: JournalMark | undefined;
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (e.seq <= after) continue;
    for (const t of e.clear ?? []) if (t in data) data[t].clear();
    for (const t of JOURNAL_TABLE_NAMES) {
      const rows = e.put[t];
      if (Array.isArray(rows)) putRows(data, t, rows);
    }
    mark = markOf(e);
  }
  return mark;
}

export function countsOf(data: Dataset): RecordCounts {
  return { ...ZERO_COUNTS, shifts: data.shifts.size, vehicles: data.vehicles.size, persons: data.persons.size, incidents: data.incidents.size };
}

/** Hash over the four record tables (settings and imported shifts are not records), rows by key. */
export function contentHash(data: Dataset): string {
  const parts: string[] = [];
  for (const t of ['shifts', 'vehicles', 'persons', 'incidents'] as const) {
    const keys = [...data[t].keys()].sort();
    // One push per row: a spread of a hundred thousand rows overflows the call stack.
    parts.push(t);
    for (const k of keys) parts.push(canonicalJson(data[t].get(k)));
  }
  return hashText(parts.join('\n'));
}

// Snapshot file: a header line, then one line per row ({"t":table,"r":row}). Lines rather than one
// JSON document: a million-person station is far larger than the longest string JSON.parse takes.
export const SNAPSHOT_FORMAT = 'checkpoint-station-snapshot';

export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  /** Journal sequence the snapshot includes (lines after it are replayed on top). */
  seq: number;
  at: number;
  counts: RecordCounts;
  hash: string;
  rows: number;
}

export function encodeSnapshot(data: Dataset, seq: number, at: number): string {
  const lines: string[] = [];
  for (const t of JOURNAL_TABLE_NAMES) for (const row of data[t].values()) lines.push(JSON.stringify({ t, r: row }));
  const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, version: 1, seq, at, counts: countsOf(data), hash: contentHash(data), rows: lines.length };
  return `${JSON.stringify(header)}\n${lines.join('\n')}\n`;
}

export type DecodedSnapshot = { ok: true; header: SnapshotHeader; data: Dataset } | { ok: false; reason: 'format' | 'rows' | 'hash' };

/** A snapshot is used only whole: a row count or hash that does not match rejects it. */
export function decodeSnapshot(text: string): DecodedSnapshot {
  const lines = text.split('\n');
  let header: SnapshotHeader;
  try {
    header = JSON.parse(lines[0] ?? '') as SnapshotHeader;
  } catch {
    return { ok: false, reason: 'format' };
  }
  if (header?.format !== SNAPSHOT_FORMAT || header.version !== 1) return { ok: false, reason: 'format' };
  const data = emptyDataset();
  let rows = 0;
  for (const raw of lines.slice(1)) {
    if (raw.trim() === '') continue;
    try {
      const { t, r } = JSON.parse(raw) as { t: JournalTable; r: unknown };
      if (!(t in JOURNAL_TABLES)) return { ok: false, reason: 'rows' };
      putRows(data, t, [r]);
      rows++;
    } catch {
      return { ok: false, reason: 'rows' };
    }
  }
  if (rows !== header.rows) return { ok: false, reason: 'rows' };
  if (contentHash(data) !== header.hash) return { ok: false, reason: 'hash' };
  return { ok: true, header, data };
}

export interface RebuildResult {
  data: Dataset;
  mark: JournalMark | undefined;
  /** The snapshot used as the base, if any. */
  snapshotSeq: number | undefined;
  damagedLines: number;
  /** Sequence numbers missing between the base and the last line: lost lines. */
  gaps: number;
}

/**
 * Rebuilds the station from the newest usable snapshot plus the journal lines after it. Without
 * a snapshot the journal alone is replayed from its first line.
 */
export function rebuild(snapshots: readonly string[], journal: { entries: JournalEntry[]; damaged: unknown[] }): RebuildResult {
  let base: { header: SnapshotHeader; data: Dataset } | undefined;
  for (const s of snapshots) {
    const d = decodeSnapshot(s);
    if (d.ok && (!base || d.header.seq > base.header.seq)) base = d;
  }
  const data = base?.data ?? emptyDataset();
  const after = base?.header.seq ?? 0;
  const replayed = replay(data, journal.entries, after);
  const mark = replayed ?? (base ? { seq: base.header.seq, counts: base.header.counts } : undefined);
  const seqs = new Set(journal.entries.filter((e) => e.seq > after).map((e) => e.seq));
  let gaps = 0;
  for (let s = after + 1; s <= (mark?.seq ?? 0); s++) if (!seqs.has(s)) gaps++;
  return { data, mark, snapshotSeq: base?.header.seq, damagedLines: journal.damaged.length, gaps };
}
