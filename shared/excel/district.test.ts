import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { COUNT_KEYS, summarizeShift, sumSummaries } from '../shift/summary';
import { districtTotals, mergeDistrict } from '../district/merge';
import { buildDistrictWorkbook } from './districtWorkbook';
import { buildHandoverWorkbook } from './handoverWorkbook';
import { readHandoverWorkbook, type ImportedShift } from './importHandover';
import { makeShiftFixture, TZ_CHINA, type FixtureOptions, type ShiftFixture } from './testFixtures';
import { workbookToXlsx } from './toXlsx';

const T0 = Date.UTC(2020, 1, 18, 0, 30);

function exportFixture(f: ShiftFixture, exportedAt = T0, fullIds = false): Uint8Array {
  const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
  return workbookToXlsx(buildHandoverWorkbook({ ...f, summary, fullIds, exportedAt, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' }));
}

function importBytes(bytes: Uint8Array): ImportedShift {
  const r = readHandoverWorkbook(bytes);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

const booth = (opts: FixtureOptions) => {
  const f = makeShiftFixture(opts);
  return { f, bytes: exportFixture(f), summary: summarizeShift(f.vehicles, f.persons, f.incidents) };
};

// Three booths' USB sticks: two checkpoints on the 17th, one of them with a day shift too.
const a = booth({ checkpoint: '南江南卡点', idPrefix: 'nj', shiftName: 'night' });
const b = booth({ checkpoint: '成绵高速黄许出口卡点', idPrefix: 'hx', extraCars: 6 });
const c = booth({ checkpoint: '108国道漓江路口卡点', idPrefix: 'lj', extraCars: 2, day: '2020-02-18' });
const a2 = booth({ checkpoint: '南江南卡点', idPrefix: 'nj-day', shiftName: 'day', extraCars: 1 });

/** The same shift as exported before 交接班: open, no handover notes, no later corrections. */
function provisionalOf(opts: FixtureOptions, exportedAt: number): ImportedShift {
  const f = makeShiftFixture(opts);
  f.shift.status = 'open';
  delete f.shift.closedAt;
  delete f.shift.handover;
  for (const v of f.vehicles) v.amendments = v.amendments.filter((x) => !x.afterClose);
  for (const x of f.incidents) x.amendments = x.amendments.filter((y) => !y.afterClose);
  return importBytes(exportFixture(f, exportedAt));
}

describe('mergeDistrict: exports before 交接班 are provisional', () => {
  const opts = { checkpoint: '南江南卡点', idPrefix: 'nj', shiftName: 'night' };
  it('imports a provisional export, and the closed export later replaces it (summary shows which)', () => {
    const early = provisionalOf(opts, T0 - 3_600_000);
    expect(early.closedAt).toBe(null);
    const first = mergeDistrict([], [early]);
    expect(first.merged).toEqual([early]);
    expect(districtTotals(first.merged).total.provisional).toBe(1);
    expect(districtTotals(first.merged).byCheckpointDay[0]?.provisional).toBe(1);
    const closed = importBytes(a.bytes);
    const second = mergeDistrict(first.merged, [closed]);
    expect(second.merged).toEqual([closed]);
    expect(second.replaced).toEqual([early]);
    expect(districtTotals(second.merged).total.provisional).toBe(0);
  });

  it('never lets a provisional export replace the closed one, even when exported later (clock skew)', () => {
    const closed = importBytes(a.bytes);
    const late = provisionalOf(opts, T0 + 86_400_000);
    for (const order of [[closed, late], [late, closed]]) {
      const r = mergeDistrict([], order);
      expect(r.merged).toEqual([closed]);
      expect(r.replaced).toEqual([late]);
    }
  });

  it('lets a later provisional export replace an earlier one', () => {
    const e1 = provisionalOf({ ...opts, extraCars: 0 }, T0 - 7_200_000);
    const e2 = provisionalOf({ ...opts, extraCars: 2 }, T0 - 3_600_000);
    expect(mergeDistrict([e1], [e2]).merged).toEqual([e2]);
  });
});

describe('mergeDistrict', () => {
  it('merges three booths, four shifts, each counted once', () => {
    const { merged, duplicates, replaced } = mergeDistrict([], [a, b, c, a2].map((x) => importBytes(x.bytes)));
    expect(merged).toHaveLength(4);
    expect(duplicates).toEqual([]);
    expect(replaced).toEqual([]);
    expect(merged.map((s) => [s.day, s.checkpoint])).toEqual([
      ['2020-02-17', '成绵高速黄许出口卡点'],
      ['2020-02-17', '南江南卡点'],
      ['2020-02-17', '南江南卡点'],
      ['2020-02-18', '108国道漓江路口卡点'],
    ]);
  });

  it('recognises the same workbook imported twice and does not count it again', () => {
    const first = mergeDistrict([], [a, b].map((x) => importBytes(x.bytes)));
    const again = mergeDistrict(first.merged, [importBytes(a.bytes)]);
    expect(again.merged).toHaveLength(2);
    expect(again.duplicates.map((s) => s.shiftId)).toEqual([a.f.shift.id]);
    expect(districtTotals(again.merged).total.counts).toEqual(districtTotals(first.merged).total.counts);
  });

  it('treats a masked and a full-ID export of one shift as the same workbook', () => {
    const full = importBytes(exportFixture(makeShiftFixture({ checkpoint: '南江南卡点', idPrefix: 'nj' }), T0 + 60_000, true));
    const r = mergeDistrict([importBytes(a.bytes)], [full]);
    expect(r.merged).toHaveLength(1);
    expect(r.duplicates).toHaveLength(1);
  });

  it('lets a later, corrected export replace the earlier one, whatever the import order', () => {
    const corrected = makeShiftFixture({ checkpoint: '南江南卡点', idPrefix: 'nj' });
    const v = corrected.vehicles[1];
    if (!v) throw new Error('fixture');
    v.disinfected = true;
    v.amendments.push({ at: T0 - 60_000, by: '王队', reason: '补录消毒', changes: { disinfected: [false, true] }, afterClose: true });
    const newer = importBytes(exportFixture(corrected, T0 + 3_600_000));
    const older = importBytes(a.bytes);
    expect(newer.fingerprint).not.toBe(older.fingerprint);

    for (const [existing, incoming] of [
      [[older], [newer]],
      [[newer], [older]],
    ] as const) {
      const r = mergeDistrict(existing, incoming);
      expect(r.merged).toEqual([newer]);
      expect(r.replaced).toEqual([older]);
      expect(r.duplicates).toEqual([]);
    }
    const merged = mergeDistrict([older], [newer]).merged;
    expect(districtTotals(merged).total.counts.vehiclesDisinfected).toBe(a.summary.vehiclesDisinfected + 1);
    expect(districtTotals(merged).total.counts.amendmentsAfterClose).toBe(a.summary.amendmentsAfterClose + 1);
  });

  it('keeps shifts of different checkpoints apart even if their ids collide', () => {
    const x = importBytes(exportFixture(makeShiftFixture({ checkpoint: '甲卡点', idPrefix: 'same' })));
    const y = importBytes(exportFixture(makeShiftFixture({ checkpoint: '乙卡点', idPrefix: 'same' })));
    expect(x.shiftId).toBe(y.shiftId);
    expect(mergeDistrict([x], [y]).merged).toHaveLength(2);
  });
});

describe('districtTotals', () => {
  const { merged } = mergeDistrict([], [a, b, c, a2].map((x) => importBytes(x.bytes)));
  const t = districtTotals(merged);

  it('totals by checkpoint and day', () => {
    expect(t.byCheckpointDay.map((r) => [r.day, r.checkpoint, r.shifts])).toEqual([
      ['2020-02-17', '成绵高速黄许出口卡点', 1],
      ['2020-02-17', '南江南卡点', 2],
      ['2020-02-18', '108国道漓江路口卡点', 1],
    ]);
    const nj = t.byCheckpointDay[1];
    expect(nj?.counts).toEqual(sumSummaries([a.summary, a2.summary]));
    expect(nj?.counts.vehiclesChecked).toBe(4 + 5);
    expect(nj?.hourly[20]?.vehicles).toBe(4); // both shifts' fixtures start at 20:00
    expect(nj?.hourly).toHaveLength(24);
  });

  it('totals by day and overall, equal to the records', () => {
    expect(t.byDay.map((d) => [d.day, d.checkpoints, d.shifts])).toEqual([
      ['2020-02-17', 2, 3],
      ['2020-02-18', 1, 1],
    ]);
    const all = sumSummaries([a, b, c, a2].map((x) => x.summary));
    expect(t.total.counts).toEqual(all);
    expect(t.total).toMatchObject({ days: 2, checkpoints: 3, shifts: 4 });
    expect(t.total.counts.vehiclesChecked).toBe(4 + 10 + 6 + 5);
    for (const k of COUNT_KEYS) expect(t.byDay.reduce((n, d) => n + d.counts[k], 0)).toBe(all[k]);
  });

  it('is empty for no shifts', () => {
    const e = districtTotals([]);
    expect(e.byCheckpointDay).toEqual([]);
    expect(e.total.shifts).toBe(0);
    expect(e.total.counts.vehiclesChecked).toBe(0);
  });
});

describe('buildDistrictWorkbook', () => {
  const { merged } = mergeDistrict([], [a, b, c, a2].map((x) => importBytes(x.bytes)));
  const model = buildDistrictWorkbook(merged, T0 + 7_200_000, TZ_CHINA);
  const wb = XLSX.read(workbookToXlsx(model), { type: 'array', cellNF: true });
  const cell = (sheet: string, addr: string) => wb.Sheets[sheet]?.[addr] as XLSX.CellObject | undefined;

  it('has 区域汇总 by checkpoint × day with a totals row outside the filter', () => {
    expect(wb.SheetNames).toEqual(['区域汇总', '班次明细']);
    const ws = wb.Sheets['区域汇总'];
    if (!ws) throw new Error('sheet');
    expect(cell('区域汇总', 'A1')?.v).toBe('日期');
    expect(cell('区域汇总', 'D1')?.v).toBe('其中未交班');
    expect(cell('区域汇总', 'E1')?.v).toBe('检查车辆');
    expect(cell('区域汇总', 'A2')).toMatchObject({ t: 's', v: '2020-02-17' });
    expect(cell('区域汇总', 'B3')?.v).toBe('南江南卡点');
    expect(cell('区域汇总', 'C3')?.v).toBe(2);
    expect(cell('区域汇总', 'D3')?.v).toBe(0);
    expect(cell('区域汇总', 'E3')?.v).toBe(9);
    expect(cell('区域汇总', 'A5')?.v).toBe('合计');
    expect(cell('区域汇总', 'C5')?.v).toBe(4);
    expect(cell('区域汇总', 'E5')?.v).toBe(25);
    expect(ws['!autofilter']?.ref).toBe('A1:Q4');
  });

  it('has 班次明细 one row per shift with real dates and the fingerprint', () => {
    const ws = wb.Sheets['班次明细'];
    if (!ws) throw new Error('sheet');
    expect(XLSX.utils.decode_range(ws['!ref'] ?? 'A1').e.r).toBe(4);
    expect(cell('班次明细', 'C2')?.v).toBe('夜班');
    expect(cell('班次明细', 'D2')).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm' });
    expect(cell('班次明细', 'F2')?.v).toBe('王队');
    const fpCol = XLSX.utils.encode_col(9 + COUNT_KEYS.length);
    expect(cell('班次明细', `${fpCol}2`)).toMatchObject({ t: 's', v: merged[0]?.fingerprint });
    expect(wb.Props?.Title).toBe('区域汇总 2020-02-17 至 2020-02-18');
  });
});
