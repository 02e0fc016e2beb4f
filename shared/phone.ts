// Contact numbers as booth staff write them: mobiles mostly, sometimes an office landline, and —
// for travellers with 港澳 / 台湾 / foreign documents — a number from outside the mainland.
// Mainland numbers keep this file's own rules (digits only, as the booth has always stored them);
// every other number is checked against libphonenumber's per-country plans and stored in E.164
// (+ country code + number) so the country is never lost.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { toHalfWidth } from './plate';

export type PhoneKind = 'mobile' | 'landline' | 'international';

export type PhoneResult = { ok: true; phone: string; kind: PhoneKind } | { ok: false; code: 'phone.empty' | 'phone.format' };

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits, then a 7–8 digit number; the extension needs a marker to be told apart.
const LANDLINE = /^(0[1-9]\d{1,2})-?(\d{7,8})(?:(?:-|转|EXT\.?|X|#)(\d{1,6}))?$/;
// Hong Kong, Macau and Taiwan numbers are often written with the country code but without + or 00
// (85291234567); mainland numbers never start with 8, so the prefix is read as the country code.
const NEAR_ABROAD = /^(852|853|886)(\d{7,10})$/;
const INTERNATIONAL = /^(?:\+|00)(\d[\d-]{6,18})$/;

/** A number outside the mainland in E.164, when it is a possible number of its country. */
function international(digits: string): string | undefined {
  if (digits.startsWith('86')) return undefined;
  // Taiwan writes its trunk 0 after the code too (+886 0912…): drop it as dialling would.
  const e164 = `+${digits.replace(/^(886|853|852)0/, '$1')}`;
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * A mainland mobile is 11 digits; a mainland landline keeps its area code and an extension after
 * a '-' (area code and number are not split, since 0xx / 0xxx cannot be told apart without a
 * dialling-code table); any other number is stored as +<country code><number>.
 */
export function validatePhone(raw: string): PhoneResult {
  let s = toHalfWidth(raw).toUpperCase().replace(/[\s()]/g, '');
  if (s === '') return { ok: false, code: 'phone.empty' };
  s = s.replace(/^(?:\+|00)86-?/, '');

  const digits = s.replace(/-/g, '');
  if (MOBILE.test(digits)) return { ok: true, phone: digits, kind: 'mobile' };

  const m = LANDLINE.exec(s);
  if (m) {
    const ext = m[3] ? `-${m[3]}` : '';
    return { ok: true, phone: `${m[1] ?? ''}${m[2] ?? ''}${ext}`, kind: 'landline' };
  }

  const abroad = INTERNATIONAL.exec(s)?.[1]?.replace(/-/g, '') ?? (NEAR_ABROAD.test(digits) ? digits : undefined);
  const e164 = abroad ? international(abroad) : undefined;
  if (e164) return { ok: true, phone: e164, kind: 'international' };
  return { ok: false, code: 'phone.format' };
}
