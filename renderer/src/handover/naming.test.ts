// One thing, one name: the screen (translator labels, the record dialog's change lines), the
// printed handover and the workbook must call every coded value and every correction the same.
// Built from one shift fixture, read back from each of the three outputs, compared.
import { describe, expect, it } from 'vitest';
import { COUNT_KEYS, summarizeShift } from '../../../shared/shift/summary';
import { makeShiftFixture, TZ_CHINA } from '../../../shared/excel/testFixtures';
import { buildHandoverWorkbook } from '../../../shared/excel/handoverWorkbook';
import { readHandoverWorkbook } from '../../../shared/excel/importHandover';
import { workbookToXlsx } from '../../../shared/excel/toXlsx';
import { INCIDENT_COLUMNS, PERSON_COLUMNS, SHEET, VEHICLE_COLUMNS } from '../../../shared/excel/handoverFormat';
import type { CellValue, SheetModel } from '../../../shared/excel/workbookModel';
import { formatKeyAreaReasons, LABELS } from '../../../shared/i18n/labels';
import { formatChanges } from '../../../shared/registration/amendText';
import { makeTranslator } from '../runtime/i18n';
import { buildHandoverReport } from '../../../shared/shift/report';

const f = makeShiftFixture();
const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
const report = buildHandoverReport({ ...f, summary });
const workbook = buildHandoverWorkbook({ ...f, summary, fullIds: false, exportedAt: 0, tzOffsetMinutes: TZ_CHINA, appVersion: 'test' });
const screen = makeTranslator('zh');

const sheet = (name: string): SheetModel => {
  const s = workbook.sheets.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
};
const cellText = (v: CellValue | undefined): unknown => (v && typeof v === 'object' && 't' in v && v.t === 'text' ? v.v : v);
const column = (s: SheetModel, h: string) => s.rows.map((r) => cellText(r[s.header.indexOf(h)]));

describe('screen, print and workbook name the same thing the same way', () => {
  it('incident kinds', () => {
    const sorted = [...f.incidents].sort((a, b) => a.at - b.at);
    const onScreen = sorted.map((x) => screen.label('incidentKind', x.kind));
    expect(report.incidents.map((x) => x.kind)).toEqual(onScreen);
    expect(column(sheet(SHEET.incidents), '类型')).toEqual(onScreen);
    expect(INCIDENT_COLUMNS.some((c) => c.h === '类型')).toBe(true);
  });

  it('dispositions, document types and methods of the people', () => {
    const persons = sheet(SHEET.persons);
    const byName = new Map(persons.rows.map((r) => [cellText(r[persons.header.indexOf('姓名')]), r]));
    for (const c of report.feverCases) {
      const p = f.persons.find((x) => x.name === c.name);
      if (!p) throw new Error(c.name);
      const row = byName.get(p.name);
      expect(c.disposition).toBe(screen.label('personDisposition', p.disposition));
      expect(cellText(row?.[persons.header.indexOf('处置')])).toBe(c.disposition);
      expect(cellText(row?.[persons.header.indexOf('证件类型')])).toBe(screen.label('docType', p.docType));
      expect(c.doc.startsWith(screen.label('docType', p.docType))).toBe(true);
      expect(cellText(row?.[persons.header.indexOf('初测方式')])).toBe(screen.label('method', p.first.method));
    }
    expect(PERSON_COLUMNS.some((c) => c.h === '处置')).toBe(true);
  });

  it('vehicle types and key-area reasons', () => {
    const vehicles = sheet(SHEET.vehicles);
    const sorted = [...f.vehicles].sort((a, b) => a.createdAt - b.createdAt);
    expect(column(vehicles, '车辆类型')).toEqual(sorted.map((v) => screen.label('vehicleType', v.vehicleType)));
    expect(column(vehicles, '重点地区依据')).toEqual(sorted.map((v) => formatKeyAreaReasons(v.keyAreaReasons, screen.locale)));
    expect(VEHICLE_COLUMNS.some((c) => c.h === '重点地区依据')).toBe(true);
  });

  it('corrections: the record dialog lines, the printed 更正内容 and the workbook cell', () => {
    const printed = report.amendments.map((a) => a.changes);
    const summaryRows = sheet(SHEET.summary).rows;
    const start = summaryRows.findIndex((r) => r[0] === '更正记录（交班后）');
    const inWorkbook = summaryRows.slice(start + 2, start + 2 + printed.length).map((r) => r[4]);
    const withAfterClose = [...f.vehicles.flatMap((v) => v.amendments), ...f.incidents.flatMap((x) => x.amendments)].filter((a) => a.afterClose).sort((a, b) => a.at - b.at);
    const onScreen = withAfterClose.map((a) => formatChanges(a.changes, 'zh').join('；'));
    expect(printed.length).toBeGreaterThan(0);
    expect(printed).toEqual(onScreen);
    expect(inWorkbook).toEqual(onScreen);
  });

  it('the count names of the close-shift screen, the print and the workbook', () => {
    const summaryRows = sheet(SHEET.summary).rows.map((r) => r[0]);
    for (const c of report.counts) {
      expect(c.label).toBe(LABELS.counts[c.key as keyof typeof LABELS.counts].zh);
      expect(summaryRows).toContain(c.label);
    }
  });
});

describe('a recheck still open (待复测), as in a provisional export', () => {
  const open = makeShiftFixture();
  open.shift.status = 'open';
  delete open.shift.closedAt;
  const waiting = open.persons.find((p) => p.feverFirst && !p.voided);
  if (!waiting) throw new Error('the fixture has a fever at the first reading');
  delete waiting.recheck;
  waiting.awaitingRecheckSince = waiting.createdAt;
  const openSummary = summarizeShift(open.vehicles, open.persons, open.incidents);
  const openReport = buildHandoverReport({ ...open, summary: openSummary });
  const openWorkbook = buildHandoverWorkbook({ ...open, summary: openSummary, fullIds: false, exportedAt: 0, tzOffsetMinutes: TZ_CHINA, appVersion: 'test' });
  const word = screen.t('flag_recheck');

  it('is called 待复测 on screen, in the print and in the workbook, and its disposition is left as stored', () => {
    expect(word).toBe(LABELS.recheckOpen.zh);
    const printed = openReport.feverCases.find((c) => c.name === waiting.name);
    expect(printed?.readings.endsWith(` / ${word}`)).toBe(true);
    const persons = openWorkbook.sheets.find((s) => s.name === SHEET.persons);
    const row = persons?.rows.find((r) => cellText(r[persons.header.indexOf('姓名')]) === waiting.name);
    expect(cellText(row?.[persons?.header.indexOf('复测体温') ?? -1])).toBe(word);
    expect(cellText(row?.[persons?.header.indexOf('处置') ?? -1])).toBe(screen.label('personDisposition', waiting.disposition));
    // The summary sheet's fever list says the readings as the print does.
    const summaryRows = openWorkbook.sheets.find((s) => s.name === SHEET.summary)?.rows ?? [];
    expect(summaryRows.some((r) => r[4] === printed?.readings)).toBe(true);
  });

  it('and that workbook still imports at the supervisor’s with the same counts', () => {
    const r = readHandoverWorkbook(workbookToXlsx(openWorkbook));
    if (!r.ok) throw new Error(r.error.message.zh);
    for (const k of COUNT_KEYS) expect(r.value.summary[k], k).toBe(openSummary[k]);
    expect(openSummary.feverFirst).toBeGreaterThan(0);
  });
});
