// The reconciliation workbook (布控名单对账): for each list, every entry with its status — 已核查
// (met), 未见到 (not yet met), 待跟进 (follow-up) — and when, where and by whom it was decided, plus
// the list's totals. Masked by default like the handover; full IDs and phones only when the
// caller was allowed to ask (can(actor, 'exportFull')). Pure: the export job runs it in a worker.
import type { DayKey } from '../model';
import { LABELS } from '../i18n/labels';
import { sanitizeFileName, sanitizeNamePart } from '../fileName';
import { maskText as maskDigitsInText, maskId, maskPhone } from '../privacy/mask';
import { date, text, type CellValue, type SheetModel, type WorkbookModel } from '../excel/workbookModel';
import type { WatchEntry, WatchEntryStatus, WatchList } from './model';

export interface ReconciliationInput {
  lists: readonly WatchList[];
  /** Every entry of those lists, current and dropped by a newer version. */
  entries: readonly WatchEntry[];
  fullIds: boolean;
  exportedAt: number;
  tzOffsetMinutes: number;
}

export interface ListTotals {
  /** Current entries only: what the list asks for today. */
  entries: number;
  met: number;
  followUp: number;
  open: number;
  /** Sightings recorded against the list's entries (each decision is one). */
  hits: number;
}

export function listTotals(entries: readonly WatchEntry[]): ListTotals {
  const t: ListTotals = { entries: 0, met: 0, followUp: 0, open: 0, hits: 0 };
  for (const e of entries) {
    t.hits += e.resolutions.length;
    if (e.current !== 1) continue;
    t.entries++;
    t[e.status]++;
  }
  return t;
}

const statusLabel = (s: WatchEntryStatus) => LABELS.watchEntryStatus[s].zh;

export const SUMMARY_HEADER = ['名单', '来源', '下发日期', '版本', '名单状态', '条目数', '已核查', '待跟进', '未见到', '核查率', '命中次数', '文件'];
export const DETAIL_HEADER = ['名单', '序号', '姓名', '身份证号', '手机号', '车牌号', '来源地', '名单备注', '核查状态', '核查时间', '核查卡点', '核查人', '核查备注', '核查次数', '在现行名单'];

/** 布控名单对账 sheet names and the order of rows: lists by name, entries in list order. */
export function buildReconciliationWorkbook(input: ReconciliationInput): WorkbookModel {
  const lists = [...input.lists].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  const byList = new Map<string, WatchEntry[]>();
  for (const e of input.entries) byList.set(e.listId, [...(byList.get(e.listId) ?? []), e]);
  const id = (v: string) => text(input.fullIds ? v : maskId(v));
  const phone = (v: string) => text(input.fullIds ? v : maskPhone(v));
  const free = (v: string) => (input.fullIds ? v : maskDigitsInText(v));

  const summaryRows: CellValue[][] = [];
  const all: ListTotals = { entries: 0, met: 0, followUp: 0, open: 0, hits: 0 };
  const detailRows: CellValue[][] = [];
  for (const list of lists) {
    const entries = byList.get(list.id) ?? [];
    const t = listTotals(entries);
    for (const k of Object.keys(all) as (keyof ListTotals)[]) all[k] += t[k];
    summaryRows.push([
      list.name,
      list.source,
      text(list.issuedOn),
      list.version,
      list.status === 'active' ? '有效' : '已停用',
      t.entries,
      t.met,
      t.followUp,
      t.open,
      t.entries === 0 ? null : t.met / t.entries,
      t.hits,
      list.fileName,
    ]);
    entries.forEach((e, i) => {
      const last = e.resolutions[e.resolutions.length - 1];
      detailRows.push([
        list.name,
        i + 1,
        e.name,
        id(e.idNumber),
        phone(e.phone),
        text(e.plate),
        e.origin,
        free(e.note),
        statusLabel(e.status),
        last ? date(last.at) : null,
        last?.checkpoint ?? '',
        last?.by ?? '',
        free(last?.note ?? ''),
        e.resolutions.length,
        e.current === 1 ? LABELS.yes.zh : '已移出',
      ]);
    });
  }
  summaryRows.push(['合计', `${lists.length} 份名单`, null, null, null, all.entries, all.met, all.followUp, all.open, all.entries === 0 ? null : all.met / all.entries, all.hits, null]);

  const summary: SheetModel = {
    name: '对账汇总',
    header: SUMMARY_HEADER,
    rows: summaryRows,
    widths: [26, 20, 12, 6, 8, 8, 8, 8, 8, 8, 8, 28],
    autofilter: true,
    footerRows: 1,
    dateCols: [],
    textCols: [2],
    numberFormats: { 9: '0.0%' },
  };
  const detail: SheetModel = {
    name: '名单明细',
    header: DETAIL_HEADER,
    rows: detailRows,
    widths: [26, 6, 10, 21, 14, 11, 10, 28, 9, 17, 24, 10, 28, 8, 10],
    autofilter: true,
    dateCols: [9],
    textCols: [3, 4, 5],
  };
  return {
    sheets: [summary, detail],
    tzOffsetMinutes: input.tzOffsetMinutes,
    meta: {
      Title: `布控名单对账${input.fullIds ? '（含完整证件号码）' : ''}`,
      Subject: 'checkpoint-station/watchlist-reconciliation',
      Company: '卡口登记站 Checkpoint Station',
      Category: '布控名单对账',
      CreatedDate: new Date(input.exportedAt).toISOString(),
    },
  };
}

/** 布控名单对账_2020-02-17.xlsx (the export's local day); 含完整证件号码 is said in the name. */
export function reconciliationFileName(day: DayKey, fullIds: boolean): string {
  return sanitizeFileName(`布控名单对账_${sanitizeNamePart(day)}${fullIds ? '_含完整证件号码' : ''}.xlsx`, 'xlsx');
}
