// Text normalisation for search keys. Kept local (not shared/) because it only has to agree
// with how records are stored: plate, docNumber upper-case half-width; docRev = reversed.

/** Full-width ASCII (Ａ１２, typed with a Chinese IME) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Reverse by code point (not UTF-16 unit), so it stays correct for any character. */
export function reverseString(s: string): string {
  return Array.from(s).reverse().join('');
}

/** Length in characters as a person counts them (汉字 = 1). */
export function charLength(s: string): number {
  return Array.from(s).length;
}

/** Plate/ID form of user input: half-width, upper-case, no spaces or separators (· - ・). */
export function compactKey(s: string): string {
  return toHalfWidth(s).toUpperCase().replace(/[\s·・-]/g, '');
}
