// The supervisor's district summary: handover workbooks from several booths, merged without
// counting any shift twice, totalled by checkpoint and day (its workbook: shared/excel/districtWorkbook.ts).
//
// Duplicate policy. A shift is identified by checkpoint + shift id (ids come from each booth's
// own app; the checkpoint guards against two booths that happen to produce the same id).
// - Same shift, same fingerprint: the same content again (a second copy on another USB stick,
//   or a masked and a full-ID export of one shift) → reported as a duplicate, counted once.
// - Same shift, different fingerprint: the shift was corrected after an earlier export
//   (amendments after close are allowed) → the later export (exportedAt) replaces the earlier
//   one, which is reported as replaced so the supervisor sees it. Ties on exportedAt, which only
//   a clock reset can produce, go to the larger fingerprint — arbitrary but fixed, so the result
//   never depends on the order the sticks were read in.
// - Provisional exports: a workbook exported before 交接班 (closedAt null, 未交班 in its file name)
//   is a provisional version of its shift. The closed export always replaces it, whatever the
//   export times say, and a provisional file never replaces a closed one. The district summary
//   counts how many shifts are still provisional, so the supervisor sees which figures may move.
import { emptyCounts, sumHourly, sumSummaries, type HourCount, type ShiftCounts } from '../shift/summary';
import type { ImportedShift } from '../excel/importHandover';

export interface MergeResult {
  /** One entry per shift, sorted by day, checkpoint, start time. */
  merged: ImportedShift[];
  /** Incoming workbooks already present with the same content: not counted again. */
  duplicates: ImportedShift[];
  /** Older exports of a shift that a later export superseded (from either list). */
  replaced: ImportedShift[];
}

export const shiftKey = (s: Pick<ImportedShift, 'checkpoint' | 'shiftId'>): string => `${s.checkpoint}\u0000${s.shiftId}`;

/** An export made before 交接班: a provisional version of its shift. */
export const isProvisional = (s: Pick<ImportedShift, 'closedAt'>): boolean => s.closedAt === null;

/** True when a should win over b (both the same shift, different content). */
function newer(a: ImportedShift, b: ImportedShift): boolean {
  if (isProvisional(a) !== isProvisional(b)) return isProvisional(b);
  return a.exportedAt !== b.exportedAt ? a.exportedAt > b.exportedAt : a.fingerprint > b.fingerprint;
}

function byDayCheckpointStart(a: ImportedShift, b: ImportedShift): number {
  return (
    a.day.localeCompare(b.day) ||
    a.checkpoint.localeCompare(b.checkpoint, 'zh') ||
    a.openedAt - b.openedAt ||
    a.shiftId.localeCompare(b.shiftId)
  );
}

export function mergeDistrict(existing: readonly ImportedShift[], incoming: readonly ImportedShift[]): MergeResult {
  const byKey = new Map<string, ImportedShift>();
  const duplicates: ImportedShift[] = [];
  const replaced: ImportedShift[] = [];
  for (const s of [...existing, ...incoming]) {
    const key = shiftKey(s);
    const had = byKey.get(key);
    if (!had) {
      byKey.set(key, s);
    } else if (had.fingerprint === s.fingerprint) {
      duplicates.push(s);
    } else if (newer(s, had)) {
      replaced.push(had);
      byKey.set(key, s);
    } else {
      replaced.push(s);
    }
  }
  return { merged: [...byKey.values()].sort(byDayCheckpointStart), duplicates, replaced };
}

export interface CheckpointDayTotal {
  checkpoint: string;
  day: string;
  shifts: number;
  /** Of these, shifts known only from an export made before 交接班. */
  provisional: number;
  counts: ShiftCounts;
  /** For the day view's hourly chart. */
  hourly: HourCount[];
}

export interface DayTotal {
  day: string;
  checkpoints: number;
  shifts: number;
  counts: ShiftCounts;
}

export interface DistrictTotals {
  byCheckpointDay: CheckpointDayTotal[];
  byDay: DayTotal[];
  total: { days: number; checkpoints: number; shifts: number; provisional: number; counts: ShiftCounts };
}

/** Totals of already merged shifts (run mergeDistrict first, or shifts are counted twice). */
export function districtTotals(merged: readonly ImportedShift[]): DistrictTotals {
  const groups = new Map<string, ImportedShift[]>();
  for (const s of merged) {
    const key = `${s.day}\u0000${s.checkpoint}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const byCheckpointDay: CheckpointDayTotal[] = [...groups.values()]
    .map((g) => {
      const first = g[0] as ImportedShift; // groups are never empty
      return {
        checkpoint: first.checkpoint,
        day: first.day,
        shifts: g.length,
        provisional: g.filter(isProvisional).length,
        counts: sumSummaries(g.map((s) => s.summary)),
        hourly: sumHourly(g.map((s) => s.hourly)),
      };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.checkpoint.localeCompare(b.checkpoint, 'zh'));

  const days = new Map<string, CheckpointDayTotal[]>();
  for (const t of byCheckpointDay) {
    const d = days.get(t.day);
    if (d) d.push(t);
    else days.set(t.day, [t]);
  }
  const byDay: DayTotal[] = [...days.entries()]
    .map(([day, list]) => ({
      day,
      checkpoints: list.length,
      shifts: list.reduce((n, t) => n + t.shifts, 0),
      counts: sumSummaries(list.map((t) => t.counts)),
    }))
    .sort((a, b) => a.day.localeCompare(b.day));

  return {
    byCheckpointDay,
    byDay,
    total: {
      provisional: merged.filter(isProvisional).length,
      days: byDay.length,
      checkpoints: new Set(merged.map((s) => s.checkpoint)).size,
      shifts: merged.length,
      counts: merged.length === 0 ? emptyCounts() : sumSummaries(merged.map((s) => s.summary)),
    },
  };
}
