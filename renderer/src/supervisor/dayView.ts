// The supervisor's day view, pure: every shift of one date, from this PC's own records and from
// imported handover workbooks, grouped by checkpoint with totals (sumSummaries) and an hourly
// series (sumHourly). A shift present both here and in an import is counted once — the local
// records win, they are the source the workbook was made from.
import { sumHourly, sumSummaries, type HourCount, type ShiftCounts } from '../../../shared/shift/summary';
import { shiftKey } from '../../../shared/district/merge';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import type { Shift } from '../../../shared/model';
import type { CountyShiftRow } from '../../../shared/sync/batch';
import { countsOnly, type ShiftTotals } from '../../../shared/shift/totals';

/** A shift as the day view lists it: the county's row shape, with where it came from. */
export interface DayShiftRow extends CountyShiftRow {
  key: string;
  source: 'local' | 'imported' | 'county';
}

export interface CheckpointDay {
  checkpoint: string;
  shifts: DayShiftRow[];
  total: ShiftCounts;
  hourly: HourCount[];
}

/** One row from any source: the fields listed once, the counts without a fever-case list. */
function dayRow(source: DayShiftRow['source'], s: Omit<CountyShiftRow, 'counts'>, counts: ShiftCounts): DayShiftRow {
  return {
    key: shiftKey(s),
    source,
    shiftId: s.shiftId,
    checkpoint: s.checkpoint,
    shiftName: s.shiftName,
    leadName: s.leadName,
    receivingLead: s.receivingLead,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    counts: countsOnly(counts),
    hourly: s.hourly,
  };
}

/** A shift of this PC, with its totals (stored when it closed, or computed for an open shift). */
export function localRow(shift: Shift, totals: ShiftTotals): DayShiftRow {
  const { id: shiftId, checkpoint, shiftName, leadName, openedAt } = shift;
  const receivingLead = shift.handover?.receivingLead ?? '';
  return dayRow('local', { shiftId, checkpoint, shiftName, leadName, receivingLead, openedAt, closedAt: shift.closedAt ?? null, hourly: totals.hourly }, totals.counts);
}

export const importedRow = (s: ImportedShift): DayShiftRow => dayRow('imported', s, s.summary);

/** A shift as the county database reports it (sync configured): the same row, another source. */
export const countyRow = (s: CountyShiftRow): DayShiftRow => dayRow('county', s, s.counts);

/** `imported`: rows from imported workbooks, or from the county database when sync is set up. */
export function buildDayView(local: readonly DayShiftRow[], imported: readonly DayShiftRow[]): CheckpointDay[] {
  const rows = new Map<string, DayShiftRow>();
  for (const r of imported) rows.set(r.key, r);
  for (const r of local) rows.set(r.key, r);
  const groups = new Map<string, DayShiftRow[]>();
  for (const r of rows.values()) {
    const g = groups.get(r.checkpoint);
    if (g) g.push(r);
    else groups.set(r.checkpoint, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([checkpoint, shifts]) => {
      shifts.sort((a, b) => a.openedAt - b.openedAt || a.shiftId.localeCompare(b.shiftId));
      return {
        checkpoint,
        shifts,
        total: sumSummaries(shifts.map((s) => s.counts)),
        hourly: sumHourly(shifts.map((s) => s.hourly)),
      };
    });
}
