// The operator's PIN: what may be set, how many wrong tries are allowed and how long the wait is
// after them. Pure rules: the open-shift form, the sign-in dialog and renderer/src/db/operators.ts
// (which hashes and checks) read the same numbers.

export const PIN_MIN = 4;
export const PIN_MAX = 6;

/** PBKDF2-SHA-256 rounds. A 4–6 digit PIN is weak against anyone holding the database file; the
 * rounds only slow such a search down. What the PIN really guards is the booth screen (see
 * docs/ARCHITECTURE.md → Operators and roles). */
export const PIN_ITERATIONS = 150_000;

/** Wrong PINs allowed before the first wait. */
export const PIN_FREE_ATTEMPTS = 3;

export type PinCode = 'pin.required' | 'pin.format' | 'pin.mismatch';

/** Full-width digits are accepted as typed by a Chinese IME, and normalised to ASCII. */
export function normalisePin(pin: string): string {
  return pin.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
}

export function validatePin(pin: string): PinCode | undefined {
  const p = normalisePin(pin);
  if (p === '') return 'pin.required';
  if (!new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`).test(p)) return 'pin.format';
  return undefined;
}

/**
 * Milliseconds to wait after `failures` wrong PINs in a row: none for the first three, then 30 s,
 * doubling each further miss, at most 5 minutes. Short enough for a gloved typo, long enough that
 * trying all 10,000 four-digit PINs at the booth takes days.
 */
export function pinBackoffMs(failures: number): number {
  if (failures < PIN_FREE_ATTEMPTS) return 0;
  return Math.min(30_000 * 2 ** (failures - PIN_FREE_ATTEMPTS), 5 * 60_000);
}
