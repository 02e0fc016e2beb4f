// The handover workbook of one shift, as a WorkbookModel: five sheets for people and a hidden
// _meta sheet for the supervisor's import. Rows are plain arrays (no per-cell objects beyond
// dates), so writing a 5 000-vehicle shift costs about what SheetJS needs for the same cells.
import type { Amendment, Incident, Person, Shift, Vehicle } from '../model';
import {
  countShift,
  COUNT_KEYS,
  hourlyCounts,
  personVoided,
  type HourCount,
  type ShiftCounts,
  type ShiftSummary,
} from '../shift/summary';
import { maskId, maskPhone, maskText } from '../privacy/mask';
import { fingerprintSheets } from './fingerprint';
import {
  AMENDMENT_HEADER,
  AMENDMENTS_SECTION,
  FEVER_COLUMNS,
  fingerprintIdentity,
  HANDOVER_FORMAT_ID,
  HANDOVER_FORMAT_VERSION,
  INCIDENT_COLUMNS,
  META_HEADER,
  META_KEYS,
  metaCountKey,
  metaHourKey,
  PERSON_COLUMNS,
  SHEET,
  VEHICLE_COLUMNS,
  type ColumnDef,
} from './handoverFormat';
import { LABELS, formatKeyAreaReasons, shiftNameLabel, yesNo } from '../i18n/labels';
import { changesText } from '../registration/amendText';
import { feverReadingsText } from '../shift/report';
import { date, optDate, text, type CellRange, type CellValue, type SheetModel, type WorkbookModel } from './workbookModel';
import { countingReading } from '../derived';

export interface HandoverWorkbookInput {
  shift: Shift;
  vehicles: Vehicle[];
  persons: Person[];
  incidents: Incident[];
  /** summarizeShift of these same records (what the lead saw when closing). */
  summary: ShiftSummary;
  /** Full ID numbers and phones (health-department export, a deliberate choice of the lead). */
  fullIds: boolean;
  exportedAt: number;
  /** Minutes east of UTC (China: +480). */
  tzOffsetMinutes: number;
  appVersion: string;
}

const TEMP_FORMAT = '0.0';

function tableSheet(name: string, defs: readonly ColumnDef[], rows: CellValue[][]): SheetModel {
  const dateCols: number[] = [];
  const textCols: number[] = [];
  const numberFormats: Record<number, string> = {};
  defs.forEach((d, i) => {
    if (d.kind === 'date') dateCols.push(i);
    if (d.kind === 'text') textCols.push(i);
    if (d.kind === 'temp') numberFormats[i] = TEMP_FORMAT;
  });
  return {
    name,
    header: defs.map((d) => d.h),
    rows,
    widths: defs.map((d) => d.w),
    autofilter: true,
    dateCols,
    textCols,
    numberFormats,
  };
}

const byTimeThenId = <T extends { id: string }>(at: (x: T) => number) => (a: T, b: T) =>
  at(a) - at(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);



function sameCounts(a: ShiftCounts, b: ShiftCounts): boolean {
  return COUNT_KEYS.every((k) => a[k] === b[k]);
}

export function buildHandoverWorkbook(input: HandoverWorkbookInput): WorkbookModel {
  const { shift, summary, fullIds, tzOffsetMinutes: tz } = input;
  const counts = countShift(input.vehicles, input.persons, input.incidents);
  if (!sameCounts(summary, counts)) {
    // A workbook whose counts disagree with its rows would be rejected by every import: this is
    // a stale summary handed in by the caller, so fail loudly here instead of writing it.
    throw new Error('buildHandoverWorkbook: summary does not match the records (stale summary?)');
  }
  const maskDoc = (n: string, docType: string) => (fullIds ? n : maskId(n, docType));
  const maskTel = (n: string) => (fullIds ? n : maskPhone(n));
  /** 车牌号 … 联系电话: a person as the 人员体温 and 发热处置 sheets both show them. */
  const whoCells = (x: Pick<Person, 'plate' | 'role' | 'name' | 'docType' | 'docNumber' | 'phone'>): CellValue[] => [
    text(x.plate),
    LABELS.role[x.role].zh,
    text(x.name),
    LABELS.docType[x.docType].zh,
    text(maskDoc(x.docNumber, x.docType)),
    text(maskTel(x.phone)),
  ];
  /** 复测体温, 复测方式, 复测时间 (empty before a recheck). */
  // A recheck still open (待复测, e.g. in a provisional export) says so where the recheck would be:
  // the 处置 column keeps the stored disposition, which the supervisor's import reads back.
  const recheckCells = (p: Pick<Person, 'recheck' | 'awaitingRecheckSince'>): CellValue[] => {
    const r = p.recheck;
    if (!r && p.awaitingRecheckSince !== undefined) return [LABELS.recheckOpen.zh, '', null];
    return [r ? r.celsius : null, r ? LABELS.method[r.method].zh : '', optDate(r?.at)];
  };
  // The local contact is free text with a third party's phone in it, and remarks, descriptions and
  // reasons may hold an ID or a phone too: mask their digit runs (shared/privacy/mask.ts).
  const maskContact = (t: string) => (fullIds ? t : maskText(t));
  const maskFree = maskContact;

  // ---- vehicles ----
  const vehicles = [...input.vehicles].sort(byTimeThenId((v) => v.createdAt));
  const vehicleSeq = new Map<string, number>();
  const vehicleById = new Map<string, Vehicle>();
  vehicles.forEach((v, i) => {
    vehicleSeq.set(v.id, i + 1);
    vehicleById.set(v.id, v);
  });
  const occupants = new Map<string, Person[]>();
  for (const p of input.persons) {
    const list = occupants.get(p.vehicleId);
    if (list) list.push(p);
    else occupants.set(p.vehicleId, [p]);
  }
  const vehicleRows: CellValue[][] = vehicles.map((v, i) => {
    // A voided vehicle still shows the people it had; otherwise only people still on record.
    const people = (occupants.get(v.id) ?? []).filter((p) => v.voided === 1 || p.voided === 0);
    let maxTemp: number | null = null;
    for (const p of people) maxTemp = Math.max(maxTemp ?? -Infinity, countingReading(p));
    return [
      i + 1,
      date(v.createdAt),
      text(v.plate),
      LABELS.vehicleType[v.vehicleType].zh,
      LABELS.direction[v.direction].zh,
      v.origin,
      v.route,
      v.destination,
      v.purpose,
      text(maskContact(v.localContact)),
      people.length,
      yesNo(v.keyArea),
      formatKeyAreaReasons(v.keyAreaReasons, 'zh'),
      yesNo(v.inspected),
      yesNo(v.disinfected),
      v.watchHits.length,
      LABELS.vehicleDisposition[v.disposition].zh,
      maxTemp,
      maskFree(v.remarks),
      v.operator,
      v.voided === 1 ? LABELS.yes.zh : '',
      maskFree(v.voidMark?.reason ?? ''),
    ];
  });

  // ---- persons: grouped under their vehicle in sheet order, driver first ----
  const persons = [...input.persons].sort(
    (a, b) =>
      (vehicleSeq.get(a.vehicleId) ?? Infinity) - (vehicleSeq.get(b.vehicleId) ?? Infinity) ||
      a.seq - b.seq ||
      byTimeThenId<Person>((p) => p.createdAt)(a, b),
  );
  const personSeq = new Map<string, number>();
  const personRows: CellValue[][] = persons.map((p, i) => {
    personSeq.set(p.id, i + 1);
    return [
      i + 1,
      vehicleSeq.get(p.vehicleId) ?? null,
      date(p.createdAt),
      ...whoCells(p),
      p.homeProvince ?? '',
      p.first.celsius,
      LABELS.method[p.first.method].zh,
      date(p.first.at),
      ...recheckCells(p),
      yesNo(p.feverFirst),
      yesNo(p.feverConfirmed),
      p.symptoms.map((s) => LABELS.symptom[s].zh).join('、'),
      LABELS.personDisposition[p.disposition].zh,
      maskFree(p.remarks),
      personVoided(p, vehicleById) ? LABELS.yes.zh : '',
    ];
  });

  // ---- fever cases (non-voided, from the summary) ----
  const feverRows: CellValue[][] = summary.feverCases.map((f, i) => [
    i + 1,
    personSeq.get(f.personId) ?? null,
    date(f.at),
    ...whoCells(f),
    f.first.celsius,
    LABELS.method[f.first.method].zh,
    ...recheckCells(f),
    yesNo(f.feverConfirmed),
    f.symptoms.map((s) => LABELS.symptom[s].zh).join('、'),
    LABELS.personDisposition[f.disposition].zh,
    maskFree(f.remarks),
  ]);

  // ---- incidents ----
  const incidents = [...input.incidents].sort(byTimeThenId((x) => x.at));
  const incidentRows: CellValue[][] = incidents.map((x, i) => [
    i + 1,
    date(x.at),
    LABELS.incidentKind[x.kind].zh,
    text(x.plate),
    maskFree(x.description),
    x.operator,
    x.amendments.length,
    x.voided === 1 ? LABELS.yes.zh : '',
    maskFree(x.voidMark?.reason ?? ''),
  ]);

  // ---- amendments after close, for the summary sheet ----
  const amendments: { a: Amendment; record: string }[] = [];
  vehicles.forEach((v, i) => {
    for (const a of v.amendments) if (a.afterClose) amendments.push({ a, record: `车辆 #${i + 1} ${v.plate}` });
  });
  incidents.forEach((x, i) => {
    for (const a of x.amendments) {
      if (a.afterClose) amendments.push({ a, record: `事件 #${i + 1} ${LABELS.incidentKind[x.kind].zh}` });
    }
  });
  amendments.sort((p, q) => p.a.at - q.a.at);

  const hourly = hourlyCounts(input.vehicles, input.persons, tz);
  const summarySheet = buildSummarySheet(shift, summary, amendments);

  const sheets: SheetModel[] = [
    summarySheet,
    tableSheet(SHEET.vehicles, VEHICLE_COLUMNS, vehicleRows),
    tableSheet(SHEET.persons, PERSON_COLUMNS, personRows),
    tableSheet(SHEET.fever, FEVER_COLUMNS, feverRows),
    tableSheet(SHEET.incidents, INCIDENT_COLUMNS, incidentRows),
  ];

  const closedAt = shift.closedAt ?? null;
  const fingerprint = fingerprintSheets(
    fingerprintIdentity({
      shiftId: shift.id,
      checkpoint: shift.checkpoint,
      day: shift.day,
      shiftName: shift.shiftName,
      openedAt: shift.openedAt,
      closedAt,
    }),
    sheets.map((s) => ({ name: s.name, rows: s.header.length > 0 ? [s.header, ...s.rows] : s.rows })),
    tz,
  );

  sheets.push(
    buildMetaSheet({
      shift,
      counts,
      hourly,
      fingerprint,
      exportedAt: input.exportedAt,
      appVersion: input.appVersion,
      fullIds,
      tz,
    }),
  );

  const label = shiftNameLabel(shift.shiftName);
  return {
    sheets,
    tzOffsetMinutes: tz,
    meta: {
      Title: `${shift.checkpoint} ${shift.day} ${label} 交接表`,
      Subject: HANDOVER_FORMAT_ID,
      Author: shift.leadName,
      Company: '卡口登记站 Checkpoint Station',
      Category: '交接班',
      Comments: fullIds
        ? '含完整证件号码和电话，仅供卫健部门使用，注意保密 / Full ID numbers: health department use only'
        : '证件号码和电话已部分隐藏 / ID numbers and phones are masked',
      CreatedDate: new Date(input.exportedAt).toISOString(),
    },
  };
}

const SUMMARY_WIDTHS = [18, 18, 12, 18, 12, 34];
const LAST_COL = SUMMARY_WIDTHS.length - 1;

/** The form-like first sheet a lead prints and signs. */
function buildSummarySheet(
  shift: Shift,
  summary: ShiftSummary,
  amendments: { a: Amendment; record: string }[],
): SheetModel {
  const rows: CellValue[][] = [];
  const merges: CellRange[] = [];
  const mergeRest = (fromCol: number) => merges.push({ s: { r: rows.length - 1, c: fromCol }, e: { r: rows.length - 1, c: LAST_COL } });
  const section = (title: string) => {
    rows.push([]);
    rows.push([title]);
    mergeRest(0);
  };
  const notes = shift.handover;

  rows.push([`${shift.checkpoint} 交接班汇总表`]);
  mergeRest(0);
  rows.push(['卡点', shift.checkpoint, '日期', text(shift.day), '班次', shiftNameLabel(shift.shiftName)]);
  rows.push(['开始时间', date(shift.openedAt), '结束时间', shift.closedAt === undefined ? '未交班' : date(shift.closedAt), '值班负责人', shift.leadName]);
  rows.push(['值班人员', shift.staff.map((s) => `${s.name}（${LABELS.staffUnit[s.unit].zh}）`).join('、')]);
  mergeRest(1);

  section('数量统计');
  for (const k of COUNT_KEYS) rows.push([LABELS.counts[k].zh, summary[k]]);

  section('发热及转送人员');
  rows.push(['序号', '登记时间', '姓名', '车牌号', '体温（初测 / 复测）', '处置去向']);
  if (summary.feverCases.length === 0) rows.push([LABELS.none.zh]);
  summary.feverCases.forEach((f, i) => {
    rows.push([i + 1, date(f.at), text(f.name), text(f.plate), feverReadingsText(f), LABELS.personDisposition[f.disposition].zh]);
  });

  section('待办事项');
  rows.push([notes?.pending || LABELS.none.zh]);
  mergeRest(0);

  section('物资存量');
  rows.push(['体温计', text(notes?.supplies.thermometers ?? ''), '口罩', text(notes?.supplies.masks ?? '')]);
  rows.push(['消毒液', text(notes?.supplies.disinfectant ?? ''), '防护服', text(notes?.supplies.suits ?? '')]);
  rows.push(['设备状况', notes?.equipment ?? '']);
  mergeRest(1);

  section(AMENDMENTS_SECTION);
  rows.push([...AMENDMENT_HEADER]);
  mergeRest(4);
  if (amendments.length === 0) rows.push([LABELS.none.zh]);
  for (const { a, record } of amendments) {
    // Masked in every export, like changesText: the summary sheet is the same in masked and full.
    rows.push([date(a.at), record, a.by, maskText(a.reason), changesText(a.changes, 'zh')]);
    mergeRest(4);
  }

  section('交接签字');
  rows.push(['交班负责人', shift.leadName, '签字', '', '时间', optDate(shift.closedAt)]);
  rows.push(['接班负责人', notes?.receivingLead ?? '', '签字', '', '时间', optDate(notes?.receivedConfirmedAt)]);

  return {
    name: SHEET.summary,
    header: [],
    rows,
    widths: SUMMARY_WIDTHS,
    autofilter: false,
    dateCols: [],
    textCols: [],
    merges,
  };
}

function buildMetaSheet(m: {
  shift: Shift;
  counts: ShiftCounts;
  hourly: HourCount[];
  fingerprint: string;
  exportedAt: number;
  appVersion: string;
  fullIds: boolean;
  tz: number;
}): SheetModel {
  const { shift } = m;
  const rows: CellValue[][] = [
    ['format', text(HANDOVER_FORMAT_ID), META_KEYS.format],
    ['formatVersion', HANDOVER_FORMAT_VERSION, META_KEYS.formatVersion],
    ['shiftId', text(shift.id), META_KEYS.shiftId],
    ['checkpoint', text(shift.checkpoint), META_KEYS.checkpoint],
    ['day', text(shift.day), META_KEYS.day],
    ['shiftName', text(shift.shiftName), META_KEYS.shiftName],
    ['leadName', text(shift.leadName), META_KEYS.leadName],
    ['receivingLead', text(shift.handover?.receivingLead ?? ''), META_KEYS.receivingLead],
    ['openedAt', shift.openedAt, META_KEYS.openedAt],
    ['closedAt', shift.closedAt ?? null, META_KEYS.closedAt],
    ['tzOffsetMinutes', m.tz, META_KEYS.tzOffsetMinutes],
    ['exportedAt', m.exportedAt, META_KEYS.exportedAt],
    ['appVersion', text(m.appVersion), META_KEYS.appVersion],
    ['fullIds', m.fullIds ? 1 : 0, META_KEYS.fullIds],
    ['fingerprint', text(m.fingerprint), META_KEYS.fingerprint],
  ];
  for (const k of COUNT_KEYS) rows.push([metaCountKey(k), m.counts[k], LABELS.counts[k].zh]);
  for (const h of m.hourly) {
    rows.push([metaHourKey(h.hour, 'vehicles'), h.vehicles, `${h.hour}时 车辆`]);
    rows.push([metaHourKey(h.hour, 'people'), h.people, `${h.hour}时 人员`]);
  }
  return {
    name: SHEET.meta,
    header: [...META_HEADER],
    rows,
    widths: [28, 22, 18],
    autofilter: false,
    dateCols: [],
    textCols: [1],
    hidden: true,
  };
}
