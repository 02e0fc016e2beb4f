import { describe, expect, it } from 'vitest';
import { summarizeShift } from '../../../shared/shift/summary';
import { makeShiftFixture, TZ_CHINA } from '../../../shared/excel/testFixtures';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import { shiftTotals } from '../../../shared/shift/totals';
import { buildDayView, countyRow, importedRow, localRow } from './dayView';

function asImported(f: ReturnType<typeof makeShiftFixture>): ImportedShift {
  const s = summarizeShift(f.vehicles, f.persons, f.incidents);
  const { feverCases: _omit, ...summary } = s;
  return {
    shiftId: f.shift.id,
    checkpoint: f.shift.checkpoint,
    day: f.shift.day,
    shiftName: f.shift.shiftName,
    leadName: f.shift.leadName,
    receivingLead: f.shift.handover?.receivingLead ?? '',
    openedAt: f.shift.openedAt,
    closedAt: f.shift.closedAt ?? null,
    exportedAt: 0,
    appVersion: 't',
    fullIds: false,
    tzOffsetMinutes: TZ_CHINA,
    summary,
    hourly: localRow(f.shift, shiftTotals(f.vehicles, f.persons, f.incidents, TZ_CHINA)).hourly,
    fingerprint: 'f',
  };
}

describe('day view', () => {
  const a = makeShiftFixture({ checkpoint: '南江南卡点', idPrefix: 'a' });
  const a2 = makeShiftFixture({ checkpoint: '南江南卡点', idPrefix: 'a2', shiftName: 'day', extraCars: 3 });
  const b = makeShiftFixture({ checkpoint: '黄许卡点', idPrefix: 'b', extraCars: 2 });

  it('groups shifts by checkpoint with totals and hourly sums', () => {
    const view = buildDayView(
      [localRow(a.shift, shiftTotals(a.vehicles, a.persons, a.incidents, TZ_CHINA))],
      [importedRow(asImported(a2)), importedRow(asImported(b))],
    );
    expect(view.map((c) => c.checkpoint)).toEqual(['黄许卡点', '南江南卡点'].sort((x, y) => x.localeCompare(y, 'zh')));
    const nanjiang = view.find((c) => c.checkpoint === '南江南卡点');
    const va = summarizeShift(a.vehicles, a.persons, a.incidents).vehiclesChecked;
    const va2 = summarizeShift(a2.vehicles, a2.persons, a2.incidents).vehiclesChecked;
    expect(nanjiang?.shifts.map((s) => s.source).sort()).toEqual(['imported', 'local']);
    expect(nanjiang?.total.vehiclesChecked).toBe(va + va2);
    expect(nanjiang?.hourly.reduce((n, h) => n + h.vehicles, 0)).toBe(va + va2);
    expect(nanjiang?.total).not.toHaveProperty('feverCases');
  });

  it('counts a shift that is both local and imported once, from the local records', () => {
    const local = localRow(a.shift, shiftTotals(a.vehicles, a.persons, a.incidents, TZ_CHINA));
    const imported = importedRow({ ...asImported(a), summary: { ...asImported(a).summary, vehiclesChecked: 999 } });
    const view = buildDayView([local], [imported]);
    expect(view).toHaveLength(1);
    expect(view[0]?.shifts).toHaveLength(1);
    expect(view[0]?.shifts[0]?.source).toBe('local');
    expect(view[0]?.total.vehiclesChecked).toBe(local.counts.vehiclesChecked);
  });

  it('takes county rows as the second source, the booth’s own shift still counted once from local records', () => {
    const fromCounty = (f: ReturnType<typeof makeShiftFixture>, vehiclesChecked?: number) => {
      const imp = asImported(f);
      return countyRow({ checkpoint: imp.checkpoint, shiftId: imp.shiftId, shiftName: imp.shiftName, leadName: imp.leadName, receivingLead: imp.receivingLead, openedAt: imp.openedAt, closedAt: imp.closedAt, counts: { ...imp.summary, ...(vehiclesChecked === undefined ? {} : { vehiclesChecked }) }, hourly: imp.hourly });
    };
    const local = localRow(a.shift, shiftTotals(a.vehicles, a.persons, a.incidents, TZ_CHINA));
    const view = buildDayView([local], [fromCounty(a, 999), fromCounty(b)]);
    expect(view.flatMap((c) => c.shifts.map((s) => [s.checkpoint, s.source]))).toEqual(
      expect.arrayContaining([['南江南卡点', 'local'], ['黄许卡点', 'county']]),
    );
    expect(view.find((c) => c.checkpoint === '南江南卡点')?.total.vehiclesChecked).toBe(local.counts.vehiclesChecked);
    expect(view.find((c) => c.checkpoint === '黄许卡点')?.total.vehiclesChecked).toBe(summarizeShift(b.vehicles, b.persons, b.incidents).vehiclesChecked);
  });

  it('is empty for a day without shifts', () => {
    expect(buildDayView([], [])).toEqual([]);
  });
});
