// Signed handover workbooks: a genuine signed round trip verifies; a forged file whose
// fingerprint and counts were recomputed with the app's own builder (one fever case added, export
// time an hour later) and that carries the real station's key and signature is refused.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { summarizeShift } from '../shift/summary';
import { buildHandoverWorkbook } from './handoverWorkbook';
import { readHandoverWorkbook, readVerifiedHandoverWorkbook } from './importHandover';
import { generateStationKey, keyFingerprint, SIGNATURE_KEYS, signWorkbookModel } from './signature';
import { makeShiftFixture, TZ_CHINA, type ShiftFixture } from './testFixtures';
import { workbookToXlsx } from './toXlsx';
import { SHEET } from './handoverFormat';

const EXPORTED_AT = Date.UTC(2020, 1, 18, 0, 30);

function model(f: ShiftFixture, exportedAt = EXPORTED_AT, fullIds = false) {
  const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
  return buildHandoverWorkbook({ ...f, summary, fullIds, exportedAt, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' });
}

/** The _meta value of a key, as SheetJS reads it. */
function metaValue(bytes: Uint8Array, key: string): unknown {
  const ws = XLSX.read(bytes, { type: 'array' }).Sheets[SHEET.meta];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws as XLSX.WorkSheet, { header: 1 });
  return rows.find((r) => r[0] === key)?.[1];
}

function setMeta(bytes: Uint8Array, values: Record<string, string>): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array', cellNF: true });
  const ws = wb.Sheets[SHEET.meta] as XLSX.WorkSheet;
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  for (let r = 0; r <= range.e.r; r++) {
    const k = ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v;
    if (typeof k === 'string' && k in values) ws[XLSX.utils.encode_cell({ r, c: 1 })] = { t: 's', v: values[k] };
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('signed handover workbooks', () => {
  it('a genuine signed export verifies and names its station key, masked and with full IDs', async () => {
    const key = await generateStationKey();
    for (const fullIds of [false, true]) {
      const bytes = workbookToXlsx(await signWorkbookModel(model(makeShiftFixture(), EXPORTED_AT, fullIds), key));
      const r = await readVerifiedHandoverWorkbook(bytes);
      if (!r.ok) throw new Error(r.error.message.en);
      expect(r.value.station?.fingerprint).toBe(await keyFingerprint(key.publicKeyRaw));
      expect(r.value.station?.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    }
  });

  it('also verifies for an export before 交接班 with every optional field blank', async () => {
    const key = await generateStationKey();
    const f = makeShiftFixture();
    f.shift.status = 'open';
    delete f.shift.closedAt;
    delete f.shift.handover;
    for (const v of f.vehicles) v.amendments = v.amendments.filter((a) => !a.afterClose);
    for (const x of f.incidents) x.amendments = x.amendments.filter((a) => !a.afterClose);
    for (const v of f.vehicles) Object.assign(v, { origin: '', route: '', remarks: '', localContact: '' });
    const r = await readVerifiedHandoverWorkbook(workbookToXlsx(await signWorkbookModel(model(f), key)));
    expect(r.ok).toBe(true);
  });

  it('refuses a forged file with recomputed fingerprint and counts that carries the real signature', async () => {
    const key = await generateStationKey();
    const genuine = workbookToXlsx(await signWorkbookModel(model(makeShiftFixture()), key));
    // The forger: one more fever case, exported an hour later, built with the app's own code so
    // the fingerprint and every count agree — then the genuine station's key and signature pasted in.
    const f = makeShiftFixture();
    const p = f.persons.find((x) => x.first.celsius < 37);
    if (!p) throw new Error('fixture');
    Object.assign(p, { first: { ...p.first, celsius: 38.6 }, feverFirst: true, feverConfirmed: true, disposition: 'feverClinic' });
    const forgedUnsigned = workbookToXlsx(model(f, EXPORTED_AT + 3_600_000));
    expect(readHandoverWorkbook(forgedUnsigned).ok).toBe(true); // the old check alone is fooled
    const pasted = setMeta(
      workbookToXlsx(await signWorkbookModel(model(f, EXPORTED_AT + 3_600_000), await generateStationKey())),
      { [SIGNATURE_KEYS.publicKey]: String(metaValue(genuine, SIGNATURE_KEYS.publicKey)), [SIGNATURE_KEYS.signature]: String(metaValue(genuine, SIGNATURE_KEYS.signature)) },
    );
    expect(readHandoverWorkbook(pasted).ok).toBe(true);
    const r = await readVerifiedHandoverWorkbook(pasted);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import.signature');
      expect(r.error.message.zh).toContain('南江南卡点');
      expect(r.error.message.zh).toContain(await keyFingerprint(key.publicKeyRaw));
    }
  });

  it('refuses a genuine signed file edited by hand in one _meta value (export time)', async () => {
    const key = await generateStationKey();
    const genuine = workbookToXlsx(await signWorkbookModel(model(makeShiftFixture()), key));
    const wb = XLSX.read(genuine, { type: 'array', cellNF: true });
    const ws = wb.Sheets[SHEET.meta] as XLSX.WorkSheet;
    for (let r = 0; r < 60; r++) {
      if (ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v === 'exportedAt') ws[XLSX.utils.encode_cell({ r, c: 1 })] = { t: 'n', v: EXPORTED_AT + 3_600_000 };
    }
    const edited = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = await readVerifiedHandoverWorkbook(edited);
    expect(r.ok === false && r.error.code).toBe('import.signature');
  });

  it('reads an unsigned workbook (older versions) as unsigned, not as verified', async () => {
    const r = await readVerifiedHandoverWorkbook(workbookToXlsx(model(makeShiftFixture())));
    expect(r.ok && r.value.station).toBe(null);
  });
});
