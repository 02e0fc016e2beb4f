// Every export path a booth can take must import at the supervisor's: a file the app wrote always
// imports (issue: genuine sheets were called "edited" whenever a supply field was blank and for
// every export made before 交接班). Each case exports with the real builder and writer, reads the
// bytes back with the real importer, and compares the counts.
import { describe, expect, it } from 'vitest';
import { COUNT_KEYS, summarizeShift } from '../shift/summary';
import { buildHandoverWorkbook } from './handoverWorkbook';
import { readHandoverWorkbook } from './importHandover';
import { makeShiftFixture, TZ_CHINA, type ShiftFixture } from './testFixtures';
import { workbookToXlsx } from './toXlsx';

const EXPORTED_AT = Date.UTC(2020, 1, 18, 0, 30);

function roundTrip(f: ShiftFixture, fullIds: boolean) {
  const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
  const bytes = workbookToXlsx(buildHandoverWorkbook({ ...f, summary, fullIds, exportedAt: EXPORTED_AT, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' }));
  const r = readHandoverWorkbook(bytes);
  if (!r.ok) throw new Error(`rejected: ${r.error.message.zh}`);
  for (const k of COUNT_KEYS) expect(r.value.summary[k], k).toBe(summary[k]);
  return r.value;
}

/** Before 交接班: the shift is open and has no handover notes at all. */
function beforeClose(f: ShiftFixture): ShiftFixture {
  f.shift.status = 'open';
  delete f.shift.closedAt;
  delete f.shift.handover;
  for (const v of f.vehicles) v.amendments = v.amendments.filter((a) => !a.afterClose);
  for (const x of f.incidents) x.amendments = x.amendments.filter((a) => !a.afterClose);
  return f;
}

function blankHandover(f: ShiftFixture): ShiftFixture {
  f.shift.handover = { pending: '', supplies: { thermometers: '', masks: '', disinfectant: '', suits: '' }, equipment: '', receivingLead: '' };
  return f;
}

/** Every optional record field left empty, as a quick registration leaves them. */
function blankOptionalFields(f: ShiftFixture): ShiftFixture {
  for (const v of f.vehicles) {
    Object.assign(v, { origin: '', route: '', destination: '', purpose: '', localContact: '', remarks: '' });
    delete v.departedAt;
  }
  for (const p of f.persons) {
    Object.assign(p, { phone: '', remarks: '', symptoms: [] });
    delete p.homeProvince;
  }
  for (const x of f.incidents) x.plate = '';
  return f;
}

/** A shift with incidents only: no vehicle, and so no person, was registered. */
function incidentsOnly(f: ShiftFixture): ShiftFixture {
  f.vehicles = [];
  f.persons = [];
  return f;
}

/** A shift in which nothing at all was recorded. */
function nothingRecorded(f: ShiftFixture): ShiftFixture {
  incidentsOnly(f).incidents = [];
  return f;
}

const SUPPLIES = ['thermometers', 'masks', 'disinfectant', 'suits'] as const;

const cases: [string, () => ShiftFixture][] = [
  ['closed shift, everything filled', () => makeShiftFixture()],
  ['export before 交接班 (open shift, no handover notes)', () => beforeClose(makeShiftFixture())],
  ['closed, every handover field blank', () => blankHandover(makeShiftFixture())],
  ...SUPPLIES.map((k): [string, () => ShiftFixture] => [
    `closed, only the supply "${k}" blank`,
    () => {
      const f = makeShiftFixture();
      if (f.shift.handover) f.shift.handover.supplies[k] = '';
      return f;
    },
  ]),
  ['blanks in every optional record field, closed', () => blankOptionalFields(makeShiftFixture())],
  ['blanks in every optional record field, before close', () => blankOptionalFields(beforeClose(makeShiftFixture()))],
  ['incident-only shift', () => incidentsOnly(makeShiftFixture())],
  ['incident-only shift before close', () => incidentsOnly(beforeClose(makeShiftFixture()))],
  ['empty shift, closed with blank notes', () => nothingRecorded(blankHandover(makeShiftFixture()))],
  ['empty shift before close', () => nothingRecorded(beforeClose(makeShiftFixture()))],
];

describe('handover round trip: every export path imports', () => {
  for (const [name, make] of cases) {
    for (const fullIds of [false, true]) {
      it(`${name}${fullIds ? ', full IDs ticked' : ''}`, () => {
        const f = make();
        const s = roundTrip(f, fullIds);
        expect(s.closedAt).toBe(f.shift.closedAt ?? null);
        expect(s.fullIds).toBe(fullIds);
      });
    }
  }

  it('corrections after close: the corrected export imports, with a different fingerprint', () => {
    const before = roundTrip(makeShiftFixture(), false);
    const f = makeShiftFixture();
    const v = f.vehicles[2];
    if (!v) throw new Error('fixture');
    v.amendments = [...v.amendments, { at: (f.shift.closedAt ?? 0) + 7_200_000, by: '王队', reason: '补录', changes: { route: ['', '温州-巴中'], remarks: ['', '复核'] }, afterClose: true }];
    const after = roundTrip(f, false);
    expect(after.summary.amendmentsAfterClose).toBe(before.summary.amendmentsAfterClose + 1);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('a masked and a full-ID export of an open shift are recognised as the same content', () => {
    const a = roundTrip(beforeClose(makeShiftFixture()), false);
    const b = roundTrip(beforeClose(makeShiftFixture()), true);
    expect(b.fingerprint).toBe(a.fingerprint);
  });
});
