// Contact numbers as booth staff write them: mobiles mostly, sometimes an office landline.
import { toHalfWidth } from './plate';

export type PhoneResult = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false; code: 'phone.empty' | 'phone.format' };

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits, then a 7–8 digit number; the extension needs a marker to be told apart.
const LANDLINE = /^(0\d{2,3})-?(\d{7,8})(?:(?:-|转|EXT\.?|X|#)(\d{1,6}))?$/;

/**
 * phone is digits only; a landline extension is kept after a '-' (area code and number are not
 * split, since 0xx / 0xxx cannot be told apart without a dialling-code table).
 */
export function validatePhone(raw: string): PhoneResult {
  let s = toHalfWidth(raw).toUpperCase().replace(/\s/g, '');
  if (s === '') return { ok: false, code: 'phone.empty' };
  s = s.replace(/^(?:\+|00)86-?/, '');

  const digits = s.replace(/-/g, '');
  if (MOBILE.test(digits)) return { ok: true, phone: digits, kind: 'mobile' };

  const m = LANDLINE.exec(s);
  if (m) {
    const ext = m[3] ? `-${m[3]}` : '';
    return { ok: true, phone: `${m[1] ?? ''}${m[2] ?? ''}${ext}`, kind: 'landline' };
  }
  return { ok: false, code: 'phone.format' };
}
