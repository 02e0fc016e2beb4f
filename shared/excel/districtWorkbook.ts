// The district summary as one workbook (区域汇总 and 班次明细), from the merge in shared/district/merge.ts.
import { COUNT_KEYS, type ShiftCounts } from '../shift/summary';
import { districtTotals } from '../district/merge';
import type { ImportedShift } from './importHandover';
import { LABELS, shiftNameLabel } from '../i18n/labels';
import { date, text, type CellValue, type SheetModel, type WorkbookModel } from './workbookModel';

const countHeaders = COUNT_KEYS.map((k) => LABELS.counts[k].zh);
const countCells = (c: ShiftCounts): CellValue[] => COUNT_KEYS.map((k) => c[k]);
const countWidths = COUNT_KEYS.map((k) => Math.max(8, LABELS.counts[k].zh.length * 2 + 2));

/**
 * 区域汇总 (checkpoint × day with a 合计 row outside the filter range) and 班次明细 (one row per
 * shift, with the fingerprint so a figure can be traced to the booth's workbook).
 */
export function buildDistrictWorkbook(merged: readonly ImportedShift[], exportedAt: number, tzOffsetMinutes: number): WorkbookModel {
  const totals = districtTotals(merged);
  const summaryRows: CellValue[][] = totals.byCheckpointDay.map((t) => [text(t.day), t.checkpoint, t.shifts, t.provisional, ...countCells(t.counts)]);
  summaryRows.push(['合计', `${totals.total.checkpoints} 个卡点`, totals.total.shifts, totals.total.provisional, ...countCells(totals.total.counts)]);
  const summary: SheetModel = {
    name: '区域汇总',
    header: ['日期', '卡点', '班次数', '其中未交班', ...countHeaders],
    rows: summaryRows,
    widths: [12, 24, 8, 10, ...countWidths],
    autofilter: true,
    footerRows: 1,
    dateCols: [],
    textCols: [0],
  };

  const detail: SheetModel = {
    name: '班次明细',
    header: ['日期', '卡点', '班次', '开始时间', '结束时间', '值班负责人', '接班负责人', ...countHeaders, '导出时间', '软件版本', '校验值'],
    rows: merged.map((s) => [
      text(s.day),
      s.checkpoint,
      shiftNameLabel(s.shiftName),
      date(s.openedAt),
      s.closedAt === null ? '未交班（中途导出）' : date(s.closedAt),
      s.leadName,
      s.receivingLead,
      ...countCells(s.summary),
      date(s.exportedAt),
      text(s.appVersion),
      text(s.fingerprint),
    ]),
    widths: [12, 24, 8, 17, 17, 10, 10, ...countWidths, 17, 10, 18],
    autofilter: true,
    dateCols: [3, 4, 7 + COUNT_KEYS.length],
    textCols: [0, 8 + COUNT_KEYS.length, 9 + COUNT_KEYS.length],
  };

  const days = totals.byDay.map((d) => d.day);
  const span = days.length === 0 ? '' : days[0] === days[days.length - 1] ? (days[0] ?? '') : `${days[0]} 至 ${days[days.length - 1]}`;
  return {
    sheets: [summary, detail],
    tzOffsetMinutes,
    meta: {
      Title: `区域汇总 ${span}`.trim(),
      Subject: 'checkpoint-station/district',
      Company: '卡口登记站 Checkpoint Station',
      Category: '区域汇总',
      CreatedDate: new Date(exportedAt).toISOString(),
    },
  };
}
