// The journal: a second copy of every confirmed write, kept outside IndexedDB (a file in the
// desktop data folder, the Origin Private File System in the browser). One JSON line per write:
// the complete rows the write stored, so replaying lines in order rebuilds every table, and a
// running sequence number + record counts, so a start-up check can tell that IndexedDB has lost
// something. Each line carries a hash of itself: a flipped byte or a torn last line is detected
// and reported, never replayed.
import { canonicalJson, hashText } from './hash';

/** The tables the journal carries, with their primary key. dayCounts is derived and rebuilt lazily. */
export const JOURNAL_TABLES = {
  shifts: 'id',
  vehicles: 'id',
  persons: 'id',
  incidents: 'id',
  settings: 'key',
  importedShifts: 'key',
  /** The audit trail (privacy): journaled like every write, so a restore brings its entries back. */
  audit: 'seq',
  // Watchlists (v9): the hits a vehicle save appends and the entries it checks off travel in the
  // same journal line as the vehicle, so a restore gives back the decisions with the car.
  watchLists: 'id',
  watchEntries: 'id',
  watchHits: 'id',
} as const;
export type JournalTable = keyof typeof JOURNAL_TABLES;
export const JOURNAL_TABLE_NAMES = Object.keys(JOURNAL_TABLES) as JournalTable[];

/** Records ever stored (voided ones included: they are never deleted). */
export interface RecordCounts {
  shifts: number;
  vehicles: number;
  persons: number;
  incidents: number;
}
export const ZERO_COUNTS: RecordCounts = { shifts: 0, vehicles: 0, persons: 0, incidents: 0 };

/** The high-water mark: stored in IndexedDB in the same transaction as the write, and in every journal line. */
export interface JournalMark {
  seq: number;
  counts: RecordCounts;
  /**
   * The audit trail's newest entry (seq + hash) when this write committed. Every line carries it
   * forward, so the journal's last line says how long the trail must be: deleting the newest audit
   * rows from IndexedDB (which the hash chain alone cannot see) is found by comparing with it.
   */
  audit?: AuditHead;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface JournalEntry extends JournalMark {
  /** ms since epoch, when the write committed. */
  at: number;
  /** Which write (saveVehicle, amendVehicle, …): for people reading the file. */
  op: string;
  /** Complete rows as stored, per table. */
  put: Partial<Record<JournalTable, unknown[]>>;
  /** Tables emptied by this write (only the supervisor's imported shifts can be). */
  clear?: JournalTable[];
}

export function encodeEntry(entry: JournalEntry): string {
  const body = canonicalJson(entry);
  return `{"h":"${hashText(body)}","e":${body}}`;
}

export type DecodedLine = { ok: true; entry: JournalEntry } | { ok: false; line: number; reason: 'json' | 'hash' | 'shape' };

function isEntry(e: unknown): e is JournalEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Partial<JournalEntry>;
  return typeof x.seq === 'number' && typeof x.at === 'number' && typeof x.op === 'string' && typeof x.put === 'object' && x.put !== null && typeof x.counts === 'object' && x.counts !== null;
}

export function decodeLine(text: string, line: number): DecodedLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, line, reason: 'json' };
  }
  const p = parsed as { h?: unknown; e?: unknown };
  if (typeof p !== 'object' || p === null || typeof p.h !== 'string' || !isEntry(p.e)) return { ok: false, line, reason: 'shape' };
  if (hashText(canonicalJson(p.e)) !== p.h) return { ok: false, line, reason: 'hash' };
  return { ok: true, entry: p.e };
}

export interface ParsedJournal {
  entries: JournalEntry[];
  /** Lines that failed their check (1-based line numbers). A torn last line shows up here too. */
  damaged: { line: number; reason: 'json' | 'hash' | 'shape' }[];
}

/** Every intact line, in file order. Empty lines are ignored. */
export function parseJournal(text: string): ParsedJournal {
  const entries: JournalEntry[] = [];
  const damaged: ParsedJournal['damaged'] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const d = decodeLine(raw, i + 1);
    if (d.ok) entries.push(d.entry);
    else damaged.push({ line: d.line, reason: d.reason });
  });
  return { entries, damaged };
}

/**
 * The mark of the newest intact line in the end of a journal (the start-up check reads only the
 * last few KiB, not the whole file). The first line of a tail may be cut by the read: skipped.
 * Newest = highest seq, not last in the file: an audit entry written inside another write's
 * transaction is appended when that transaction commits, which may be just before the write's own
 * line although its seq is higher.
 */
export function lastMark(tail: string): JournalMark | undefined {
  let best: JournalMark | undefined;
  tail.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const d = decodeLine(raw, i + 1);
    if (d.ok && (!best || d.entry.seq > best.seq)) best = markOf(d.entry);
  });
  return best;
}

/**
 * The journal after a retention purge: `head` (a line carrying the mark at the purge snapshot's
 * seq) and the intact lines written after it. Lines up to that seq — which may hold personal data
 * purged since — are dropped: the snapshot has everything they had, purged.
 */
export function compactJournal(text: string, keepAfterSeq: number, head: string): string {
  const kept = text.split('\n').filter((raw, i) => {
    if (raw.trim() === '') return false;
    const d = decodeLine(raw, i + 1);
    return d.ok && d.entry.seq > keepAfterSeq;
  });
  return [head, ...kept].map((l) => `${l}\n`).join('');
}

/** The mark a line carries (without its rows). */
export const markOf = (e: JournalMark): JournalMark => ({ seq: e.seq, counts: e.counts, ...(e.audit ? { audit: e.audit } : {}) });

export const addCounts = (a: RecordCounts, b: Partial<RecordCounts>): RecordCounts => ({
  shifts: a.shifts + (b.shifts ?? 0),
  vehicles: a.vehicles + (b.vehicles ?? 0),
  persons: a.persons + (b.persons ?? 0),
  incidents: a.incidents + (b.incidents ?? 0),
});
