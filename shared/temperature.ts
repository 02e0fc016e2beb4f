// Body temperatures as typed at the booth. Arithmetic is done in integer tenths of a degree,
// so 36.45 rounds to 36.5 and 37.3 compares equal to a 37.3 line.
import { toHalfWidth } from './plate';

export const PLAUSIBLE_MIN = 34.0;
export const PLAUSIBLE_MAX = 42.5;

export type TempParse =
  | { ok: true; celsius: number }
  | { ok: false; code: 'temp.empty' | 'temp.notNumber' | 'temp.implausible' }
  | { ok: false; code: 'temp.fahrenheit'; celsius: number };

// 34.0–42.5 °C expressed in °F; an entry in this band is a Fahrenheit reading, not a typo.
const F_MIN_TENTHS = 932;
const F_MAX_TENTHS = 1085;

const CELSIUS_UNIT = /\s*(?:°C|℃|度|°)$/;
const FAHRENHEIT_UNIT = /\s*(?:°F|℉)$/;

/** '36.45' → 365 tenths, rounding half up on the decimal digits rather than on a binary float. */
function toTenths(num: string): number | undefined {
  const m = /^(\d{1,4})(?:\.(\d*))?$/.exec(num);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  const roundUp = frac.charAt(1) !== '' && Number(frac.charAt(1)) >= 5 ? 1 : 0;
  return Number(m[1]) * 10 + Number(frac.charAt(0) || '0') + roundUp;
}

/** °F tenths → °C tenths, half up, in integers: C×10 = (F×10 − 320) × 5 / 9. */
function fahrenheitToCelsiusTenths(f: number): number {
  return Math.floor((2 * (f - 320) * 5 + 9) / 18);
}

export function parseTemperature(raw: string): TempParse {
  let s = toHalfWidth(raw).trim().replace(/,/g, '.');
  if (s === '') return { ok: false, code: 'temp.empty' };
  const saysFahrenheit = FAHRENHEIT_UNIT.test(s);
  s = s.replace(saysFahrenheit ? FAHRENHEIT_UNIT : CELSIUS_UNIT, '');

  const tenths = toTenths(s);
  if (tenths === undefined) return { ok: false, code: 'temp.notNumber' };

  // Fahrenheit is only ever offered back for confirmation, never taken silently.
  if (tenths >= F_MIN_TENTHS && tenths <= F_MAX_TENTHS) {
    return { ok: false, code: 'temp.fahrenheit', celsius: fahrenheitToCelsiusTenths(tenths) / 10 };
  }
  if (saysFahrenheit || tenths < PLAUSIBLE_MIN * 10 || tenths > PLAUSIBLE_MAX * 10) {
    return { ok: false, code: 'temp.implausible' };
  }
  return { ok: true, celsius: tenths / 10 };
}

/** Inclusive: a reading exactly on the line is a fever. */
export function isFever(celsius: number, line: number): boolean {
  return celsius >= line - 1e-9;
}

/**
 * '365' typed without its decimal point (a glove misses the '.' key): the reading it most likely
 * is, offered back for one key to accept — never applied silently, like a Fahrenheit reading.
 */
export function missingDecimalPoint(raw: string): number | undefined {
  const s = toHalfWidth(raw).trim();
  if (!/^\d{3}$/.test(s)) return undefined;
  const tenths = Number(s);
  return tenths >= PLAUSIBLE_MIN * 10 && tenths <= PLAUSIBLE_MAX * 10 ? tenths / 10 : undefined;
}
