// The audit trail as a workbook (administrators' export): one row per entry, newest first, with
// the chain's status at export time on a second sheet, so a printed or forwarded copy says whether
// the trail was intact. Pure: rows in, WorkbookModel out (toXlsx writes it).
import { catalogue, type StringKey } from '../i18n/strings';
import type { Locale } from '../model';
import { fill } from '../i18n/fill';
import { date, text, type WorkbookModel } from '../excel/workbookModel';
import type { AuditEntry, ChainCheck } from './model';
import { describeAuditDetail, auditActionKey, auditRoleKey, chainStatusText } from './words';

export function buildAuditWorkbook(entries: readonly AuditEntry[], chain: ChainCheck, opts: { locale: Locale; exportedAt: number; exportedBy: string; tzOffsetMinutes: number }): WorkbookModel {
  const c = catalogue(opts.locale);
  const w = (k: StringKey) => c[k];
  return {
    tzOffsetMinutes: opts.tzOffsetMinutes,
    meta: { Title: w('auditSheetName'), Author: opts.exportedBy, CreatedDate: new Date(opts.exportedAt).toISOString() },
    sheets: [
      {
        name: w('auditSheetName'),
        header: [w('auditColSeq'), w('auditColTime'), w('auditColActor'), w('auditColRole'), w('auditColAction'), w('auditColTarget'), w('auditColDetail'), 'hash'],
        rows: entries.map((e) => [e.seq, date(e.at, 'yyyy-mm-dd hh:mm:ss'), text(e.actor), w(auditRoleKey(e.role)), w(auditActionKey(e.action)), text(e.target ?? ''), text(describeAuditDetail(e.detail)), text(e.hash)]),
        widths: [8, 20, 14, 14, 16, 28, 60, 20],
        autofilter: true,
        dateCols: [1],
        textCols: [2, 5, 6, 7],
      },
      {
        name: w('auditSheetChain'),
        header: [],
        rows: [[chainStatusText(chain, opts.locale)], [fill(c.auditShown, { n: entries.length }, opts.locale)], [date(opts.exportedAt, 'yyyy-mm-dd hh:mm:ss')], [text(opts.exportedBy)]],
        widths: [80],
        autofilter: false,
        dateCols: [],
        textCols: [],
      },
    ],
  };
}
