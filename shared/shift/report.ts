// The printable handover (A4, Chinese) as plain rows, built from the shift and its records: the
// same summary the close-shift screen showed, the fever cases with what became of them, the
// incidents, corrections made after the close (they stay visible), the lead's notes and the
// signature lines. Pure, so what is printed is tested without a browser.
import type { Incident, Person, Shift, Vehicle } from '../model';
import { COUNT_KEYS, type FeverCase, type ShiftSummary } from './summary';
import { LABELS, shiftNameLabel } from '../i18n/labels';
import { changesText } from '../registration/amendText';
import { maskId, maskPhone, maskText } from '../privacy/mask';
import { formatDateTime, formatTime } from '../time';

/**
 * A fever case's readings in words, for the printed handover and the workbook's summary sheet:
 * "37.9 ℃ 红外 / 复测 37.8 ℃ 水银腋温", or "… / 待复测" while the recheck is still open.
 */
export function feverReadingsText(f: Pick<FeverCase, 'first' | 'recheck' | 'awaitingRecheckSince'>): string {
  const reading = (r: NonNullable<FeverCase['recheck']>) => `${r.celsius.toFixed(1)} ℃ ${LABELS.method[r.method].zh}`;
  return (
    reading(f.first) +
    (f.recheck ? ` / 复测 ${reading(f.recheck)}` : '') +
    (f.awaitingRecheckSince !== undefined ? ` / ${LABELS.recheckOpen.zh}` : '')
  );
}

export interface ReportInput {
  shift: Shift;
  vehicles: Vehicle[];
  persons: Person[];
  incidents: Incident[];
  summary: ShiftSummary;
}

export interface HandoverReport {
  title: string;
  header: [label: string, value: string][];
  counts: { key: string; label: string; value: number }[];
  feverCases: { no: number; time: string; name: string; plate: string; doc: string; phone: string; readings: string; symptoms: string; disposition: string; remarks: string }[];
  incidents: { no: number; time: string; kind: string; plate: string; description: string; operator: string; voided: string }[];
  amendments: { time: string; record: string; by: string; reason: string; changes: string }[];
  pending: string;
  supplies: [label: string, value: string][];
  equipment: string;
  outgoingLead: string;
  receivingLead: string;
  closedAt: string;
  receivedAt: string;
}

const NONE = LABELS.none.zh;
const EMPTY = '（未填写）';


const orEmpty = (s: string | undefined) => (s && s.trim() !== '' ? s : EMPTY);

export function buildHandoverReport({ shift, vehicles, incidents, summary }: ReportInput): HandoverReport {
  const notes = shift.handover;
  const shiftLabel = shiftNameLabel(shift.shiftName);
  const header: [string, string][] = [
    ['卡点', shift.checkpoint],
    ['日期', shift.day],
    ['班次', shiftLabel],
    ['值班负责人', shift.leadName],
    ['开始时间', formatDateTime(shift.openedAt)],
    ['结束时间', shift.closedAt === undefined ? '未交班' : formatDateTime(shift.closedAt)],
    ['值班人员', shift.staff.map((s) => `${s.name}（${LABELS.staffUnit[s.unit].zh}）`).join('、')],
  ];

  const feverCases = summary.feverCases.map((f, i) => ({
    no: i + 1,
    time: formatTime(f.at),
    name: f.name,
    plate: f.plate,
    doc: f.docNumber ? `${LABELS.docType[f.docType].zh} ${maskId(f.docNumber, f.docType)}` : '',
    phone: maskPhone(f.phone),
    readings: feverReadingsText(f),
    symptoms: f.symptoms.map((s) => LABELS.symptom[s].zh).join('、'),
    disposition: LABELS.personDisposition[f.disposition].zh,
    remarks: maskText(f.remarks),
  }));

  const sortedIncidents = [...incidents].sort((a, b) => a.at - b.at);
  const incidentRows = sortedIncidents.map((x, i) => ({
    no: i + 1,
    time: formatTime(x.at),
    kind: LABELS.incidentKind[x.kind].zh,
    plate: x.plate,
    description: maskText(x.description),
    operator: x.operator,
    voided: x.voided === 1 ? `已作废：${maskText(x.voidMark?.reason ?? '')}` : '',
  }));

  const amendments: HandoverReport['amendments'] = [];
  const sortedVehicles = [...vehicles].sort((a, b) => a.createdAt - b.createdAt);
  sortedVehicles.forEach((v, i) => {
    for (const a of v.amendments) {
      if (a.afterClose) amendments.push({ time: formatDateTime(a.at), record: `车辆 #${i + 1} ${v.plate}`, by: a.by, reason: maskText(a.reason), changes: changesText(a.changes, 'zh') });
    }
  });
  sortedIncidents.forEach((x, i) => {
    for (const a of x.amendments) {
      if (a.afterClose) amendments.push({ time: formatDateTime(a.at), record: `事件 #${i + 1} ${LABELS.incidentKind[x.kind].zh}`, by: a.by, reason: maskText(a.reason), changes: changesText(a.changes, 'zh') });
    }
  });
  amendments.sort((a, b) => a.time.localeCompare(b.time));

  return {
    title: `${shift.checkpoint} 交接班记录`,
    header,
    counts: COUNT_KEYS.map((k) => ({ key: k, label: LABELS.counts[k].zh, value: summary[k] })),
    feverCases,
    incidents: incidentRows,
    amendments,
    pending: notes ? maskText(notes.pending) || NONE : EMPTY,
    supplies: [
      ['体温计', orEmpty(notes?.supplies.thermometers)],
      ['口罩', orEmpty(notes?.supplies.masks)],
      ['消毒液', orEmpty(notes?.supplies.disinfectant)],
      ['防护服', orEmpty(notes?.supplies.suits)],
    ],
    equipment: orEmpty(notes?.equipment),
    outgoingLead: shift.leadName,
    receivingLead: notes?.receivingLead ?? '',
    closedAt: shift.closedAt === undefined ? '' : formatDateTime(shift.closedAt),
    receivedAt: notes?.receivedConfirmedAt === undefined ? '' : formatDateTime(notes.receivedConfirmedAt),
  };
}
