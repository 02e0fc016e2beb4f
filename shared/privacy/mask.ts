// The one home of masking (个人信息去标识化展示): every screen, the printed handover and the
// workbook show resident IDs, phones and the ID / phone numbers hidden in free text through these
// functions. A full value is shown only through a reveal (db/reveal.ts: by role, with a reason,
// for a short time, audited) or a full export by a role that may (`can(actor, 'exportFull')`).
//
// Every mask here keeps the value's length and at least its first 2 and last 2 characters, and
// masking a masked value changes nothing. The workbook's content fingerprint relies on that
// (shared/excel/cells.ts fingerprintMask): a masked and a full export of one shift fingerprint alike.

/** Keeps `head` leading and `tail` trailing characters and stars the rest; length is preserved. */
function keepEnds(s: string, head: number, tail: number): string {
  if (s.length <= head + tail) return '*'.repeat(s.length);
  return s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/**
 * A document number. A resident ID (18 or 15 characters) keeps the area code and the last 4:
 * 510722********1234 — enough to tell two people apart on the phone, not enough to misuse. Other
 * documents and short numbers keep first 2 and last 2; 4 characters or fewer are starred entirely.
 */
export function maskId(id: string, docType: string = 'residentId'): string {
  if (id === '') return '';
  if (docType === 'residentId' && id.length >= 15) return keepEnds(id, 6, 4);
  return id.length <= 4 ? '*'.repeat(id.length) : keepEnds(id, 2, 2);
}

/** +86 / 0086 in front of a mainland number (digits or an already masked number follow). */
const MAINLAND_PREFIX = /^(?:\+|00)86(?=[\d*]{9,})/;
/** Any other international prefix: `+` or `00`. */
const INTL_PREFIX = /^(?:\+|00)/;

/**
 * A phone number: 138****5678; landlines 028****1234; +86 numbers as the mainland number after
 * the +86; other international numbers (stored as +85291234567) keep the + and up to 3 digits of
 * the country code and the last 4 (+852****4567), with at least 4 digits starred. Short numbers
 * keep first 2 and last 2.
 */
export function maskPhone(phone: string): string {
  if (phone === '') return '';
  const cn = MAINLAND_PREFIX.exec(phone);
  if (cn) return cn[0] + maskPhone(phone.slice(cn[0].length));
  const intl = INTL_PREFIX.exec(phone);
  if (intl && phone.length >= 10) {
    const head = Math.max(2, Math.min(intl[0].length + 3, phone.length - 4 - 4));
    return keepEnds(phone, head, 4);
  }
  if (phone.length >= 9) return keepEnds(phone, 3, 4);
  return phone.length <= 4 ? '*'.repeat(phone.length) : keepEnds(phone, 2, 2);
}

// ---- free text: remarks, incident descriptions, local contact, reasons ----

/** Runs of digits (full-width too), joined by single spaces or hyphens, with a `+` or `00` in front and an ID's X at the end. */
const NUMBER_RUN = /(?<![0-9０-９])\+?[0-9０-９]+(?:[ -][0-9０-９]+)*[XxＸｘ]?(?![0-9０-９])/g;
/** Fewer digits than this in a run is never an ID or a phone (temperatures, times, counts, plates). */
const MIN_DIGITS = 7;

const halfDigits = (s: string): string => s.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** 20200217: an 8-digit date (1900–2099, a real month and day) stays readable. */
function isCompactDate(d: string): boolean {
  const m = /^(19|20)\d\d(\d\d)(\d\d)$/.exec(d);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Is this digit string (with its prefix), whose parts were typed apart, one phone number or ID? */
function groupedNumber(prefix: string, groups: readonly string[], x: string): 'phone' | 'id' | null {
  const d = groups.join('');
  if (prefix === '+' || d.startsWith('00')) return d.length >= 8 && d.length <= 17 ? 'phone' : null;
  if (/^(86)?1[3-9]\d{9}$/.test(d)) return 'phone'; // 138 1234 5678, 86 138-1234-5678
  if (/^0\d{2,3}$/.test(groups[0] ?? '') && /^0\d{9,11}$/.test(d)) return 'phone'; // 028-86001234
  if ((d.length === 17 && x !== '') || (x === '' && (d.length === 18 || d.length === 15))) {
    return groups[0]?.length === 6 ? 'id' : null; // 510722 19850101 1234
  }
  return null;
}

/** Masks one digit string (half-width, X upper-case) of a given kind. */
function maskDigits(kind: 'phone' | 'id', value: string): string {
  return kind === 'id' ? maskId(value) : maskPhone(value);
}

/** Writes `masked` (no separators) back over the characters of `original`, keeping its separators. */
function overlay(original: string, masked: string): string {
  let k = 0;
  let out = '';
  for (const ch of original) {
    if (ch === ' ' || ch === '-') out += ch;
    else out += masked[k++] === '*' ? '*' : ch;
  }
  return out;
}

function maskRun(run: string): string {
  const half = halfDigits(run).toUpperCase();
  const prefix = half.startsWith('+') ? '+' : '';
  const x = half.endsWith('X') ? 'X' : '';
  const body = half.slice(prefix.length, half.length - x.length);
  const groups = body.split(/[ -]/);
  const grouped = groups.length > 1 || prefix !== '' ? groupedNumber(prefix, groups, x) : null;
  if (grouped) return overlay(run, maskDigits(grouped, prefix + groups.join('') + x));
  // Otherwise each group on its own: a long run is an ID (15+) or a phone; short ones and dates stay.
  let out = '';
  let at = 0;
  groups.forEach((g, i) => {
    const last = i === groups.length - 1;
    const withX = last ? g + x : g;
    const start = at + (i === 0 ? prefix.length : 0);
    const original = run.slice(start, start + withX.length);
    const sep = last ? '' : run.charAt(start + withX.length);
    const masked = g.length < MIN_DIGITS || (withX === g && isCompactDate(g)) ? original : overlay(original, maskDigits(withX.length >= 15 ? 'id' : 'phone', withX));
    out += (i === 0 ? run.slice(0, prefix.length) : '') + masked + sep;
    at = start + withX.length + sep.length;
  });
  return out;
}

/**
 * Free text with the ID numbers and phones typed into it masked (备注, 事件描述, 本地联系人, reasons):
 * any run of 7 or more digits — an 18-character ID with its X, a 15-digit old ID, a mobile or a
 * landline, also written in groups (138 1234 5678, 028-86001234, +86 138-1234-5678, +852 9123 4567,
 * full-width digits). Temperatures (37.5), times (03:12), dates (2020-02-17, 20200217), plates
 * (川A12345) and counts stay as typed. Length and everything around the numbers is kept.
 */
export function maskText(text: string): string {
  if (text === '') return '';
  return text.replace(NUMBER_RUN, (run) => maskRun(run));
}

/** Does this text still hold an unmasked ID or phone number? (for tests and assertions) */
export function hasUnmaskedNumber(text: string): boolean {
  return maskText(text) !== text;
}
