// Resident ID (GB 11643-1999) and the other documents people show at the booth.
import type { DocType } from './model';
import { toHalfWidth } from './plate';
import { ID_REGION_NAMES, provinceByIdCode } from './provinces';

export type IdErrorCode = 'id.empty' | 'id.length' | 'id.chars' | 'id.checksum' | 'id.birth' | 'id.area' | 'id.excelMangled';

export interface ResidentIdInfo {
  /** Normalised number; a 15-digit ID stays 15 digits (upgrading it would invent a check digit). */
  id: string;
  legacy15: boolean;
  /** YYYY-MM-DD */
  birth: string;
  sex: 'male' | 'female';
  /** Two-digit province-level code, the key of ID_REGION_NAMES: '42'. */
  regionCode: string;
  /** '湖北' */
  regionName: string;
  /** Plate character of that province; absent for 71/81/82. */
  provinceChar?: string;
}

export function normalizeDocNumber(raw: string): string {
  return toHalfWidth(raw).toUpperCase().replace(/\s/g, '');
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The 18th character for 17 digits. Throws on anything else: callers pass checked digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`residentIdCheckChar needs 17 digits, got '${first17}'`);
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17.charAt(i)), 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

// What Excel shows after storing an 18-digit ID as a number: only 15 digits survive.
const SCIENTIFIC = /^\d[.,]?\d*E\+?\d+$/;

type IdResult = { ok: true; info: ResidentIdInfo } | { ok: false; code: IdErrorCode };

export function validateResidentId(raw: string, today: string): IdResult {
  const id = normalizeDocNumber(raw);
  if (id === '') return { ok: false, code: 'id.empty' };
  if (SCIENTIFIC.test(id)) return { ok: false, code: 'id.excelMangled' };
  if (/[^0-9X]/.test(id)) return { ok: false, code: 'id.chars' };
  if (id.length !== 18 && id.length !== 15) return { ok: false, code: 'id.length' };
  const legacy15 = id.length === 15;
  if (!(legacy15 ? /^\d{15}$/ : /^\d{17}[\dX]$/).test(id)) return { ok: false, code: 'id.chars' };

  const regionCode = id.slice(0, 2);
  const regionName = ID_REGION_NAMES[regionCode];
  if (regionName === undefined) return { ok: false, code: 'id.area' };

  // Legacy IDs were issued only to people born in the 1900s, so YY is 19YY.
  const ymd = legacy15 ? `19${id.slice(6, 12)}` : id.slice(6, 14);
  const birth = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  const realDate = isRealDate(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)));
  if (!realDate || birth < '1900-01-01' || birth > today) return { ok: false, code: 'id.birth' };

  if (!legacy15 && residentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) return { ok: false, code: 'id.checksum' };

  const seq = Number(id.charAt(legacy15 ? 14 : 16));
  const info: ResidentIdInfo = { id, legacy15, birth, sex: seq % 2 === 1 ? 'male' : 'female', regionCode, regionName };
  const province = provinceByIdCode(regionCode);
  if (province) info.provinceChar = province.char;
  return { ok: true, info };
}

export type DocErrorCode = IdErrorCode | 'doc.empty' | 'doc.format';

type DocResult = { ok: true; number: string; info?: ResidentIdInfo } | { ok: false; code: DocErrorCode };

const DOC_FORMATS: Record<Exclude<DocType, 'residentId' | 'other'>, RegExp> = {
  passport: /^[A-Z0-9]{5,17}$/,
  hkMacauPermit: /^[HM](?:\d{8}|\d{10})$/,
  taiwanPermit: /^(?:\d{8}|[A-Z0-9]{10})$/,
  foreignPermanent: /^(?:[A-Z]{3}\d{12}|9\d{17})$/,
};

export function validateDocument(docType: DocType, raw: string, today: string): DocResult {
  if (docType === 'residentId') {
    const r = validateResidentId(raw, today);
    return r.ok ? { ok: true, number: r.info.id, info: r.info } : r;
  }
  const number = normalizeDocNumber(raw);
  if (number === '') return { ok: false, code: 'doc.empty' };
  // Count code points, not UTF-16 units, so a name-like number in rare characters is not cut short.
  const fits = docType === 'other' ? [...number].length >= 2 && [...number].length <= 30 : DOC_FORMATS[docType].test(number);
  return fits ? { ok: true, number } : { ok: false, code: 'doc.format' };
}
