// The ONE way a correction is shown to people: `字段：旧值 → 新值`, with the field's label and
// the values in words, in Chinese or English. The record dialog (screen), the printed handover
// and the workbook's 更正内容 all call this, so the three can never disagree.
// ID numbers and phones are always masked here, even in a full-ID export: the person sheets carry
// the full values, and this way the summary sheet — and its fingerprint — is the same in both.
import type { Amendment, Locale } from '../model';
import { maskId, maskPhone, maskText } from '../privacy/mask';
import { FIELD_LABELS, LABELS, LIST_SEPARATOR, enumLabel, formatKeyAreaReasons, yesNo, type EnumTable } from '../i18n/labels';

const PERSON_PATH = /^persons\[(\d+)\](?:\.(.+))?$/;

/** Which enum table words a field's codes, for vehicle and for person fields. */
const VEHICLE_ENUMS: Readonly<Record<string, EnumTable>> = {
  vehicleType: 'vehicleType',
  direction: 'direction',
  plateKind: 'plateKind',
  disposition: 'vehicleDisposition',
  kind: 'incidentKind',
};
const PERSON_ENUMS: Readonly<Record<string, EnumTable>> = {
  role: 'role',
  docType: 'docType',
  disposition: 'personDisposition',
};

function fieldWord(field: string, locale: Locale): string {
  return FIELD_LABELS[field]?.[locale] ?? field;
}

/** 'origin' → 来自何地; 'persons[1].docNumber' → 人员2 证件号码; 'persons[1]' → 人员2. */
export function changeLabel(path: string, locale: Locale): string {
  const m = PERSON_PATH.exec(path);
  if (!m) return fieldWord(path, locale);
  const who = `${fieldWord('person', locale)}${locale === 'en' ? ' ' : ''}${Number(m[1]) + 1}`;
  return m[2] ? `${who} ${fieldWord(m[2], locale)}` : who;
}

function isReading(v: unknown): v is { celsius: number; method?: string } {
  return typeof v === 'object' && v !== null && typeof (v as { celsius?: unknown }).celsius === 'number';
}

/** One value in words: codes as labels, readings as ℃ with the method, IDs and phones (also inside free text) masked. */
export function changeValue(path: string, v: unknown, locale: Locale): string {
  const empty = FIELD_LABELS.empty?.[locale] ?? '';
  if (v === null || v === undefined || v === '') return empty;
  const m = PERSON_PATH.exec(path);
  const field = m ? (m[2] ?? '') : path;
  if (typeof v === 'boolean') return yesNo(v, locale);
  if (isReading(v)) {
    const method = typeof v.method === 'string' ? enumLabel('method', v.method as never, locale) : '';
    const c = `${v.celsius.toFixed(1)} ℃`;
    if (!method) return c;
    return locale === 'en' ? `${c} (${method})` : `${c}（${method}）`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return empty;
    if (field === 'keyAreaReasons') return formatKeyAreaReasons(v.map(String), locale);
    if (field === 'symptoms') return v.map((s) => enumLabel('symptom', String(s) as never, locale)).join(LIST_SEPARATOR[locale]);
    return v.map(String).join(LIST_SEPARATOR[locale]);
  }
  if (typeof v === 'number') return field === 'maxTemp' ? `${v.toFixed(1)} ℃` : String(v);
  if (typeof v === 'string') {
    if (field === 'docNumber' || field === 'docRev') return maskId(v);
    if (field === 'phone') return maskPhone(v);
    const table = (m ? PERSON_ENUMS : VEHICLE_ENUMS)[field];
    if (table && Object.hasOwn(LABELS[table], v)) return enumLabel(table, v as never, locale);
    // Free text (remarks, local contact …): an ID or phone typed into it is masked too.
    return maskText(v);
  }
  // Nothing the booth records reaches here; an unknown shape is shown short rather than dropped.
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 120 ? `${json.slice(0, 120)}…` : json;
}

/** `字段：旧值 → 新值` (zh) / `Field: old → new` (en). */
export function formatChange(path: string, [before, after]: readonly [unknown, unknown], locale: Locale): string {
  const colon = locale === 'en' ? ': ' : '：';
  return `${changeLabel(path, locale)}${colon}${changeValue(path, before, locale)} → ${changeValue(path, after, locale)}`;
}

/** Every change of one amendment, one line each, in the order they were recorded. */
export function formatChanges(changes: Amendment['changes'], locale: Locale): string[] {
  return Object.entries(changes).map(([path, pair]) => formatChange(path, pair, locale));
}

/** The changes as one line (a printed cell, a workbook cell). */
export function changesText(changes: Amendment['changes'], locale: Locale): string {
  return formatChanges(changes, locale).join(locale === 'en' ? '; ' : '；');
}
