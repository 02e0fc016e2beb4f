// Text normalisation shared by what is stored and what is searched, so a typed key and a stored
// value are normalised the same way.

/**
 * Full-width ASCII (Ａ１．) → half-width and the ideographic space → a space. Booth PCs
 * often have a Chinese IME left in full-width mode, so every typed field goes through this.
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Separators people type inside plates and IDs: spaces, middle dots, dots, dashes, underscores. */
const SEPARATORS = /[\s·•・‧.\-_]/g;

/** Plate / ID form of typed text: half-width, upper-case, no separators. Stored plates use it too. */
export function compactKey(s: string): string {
  return toHalfWidth(s).toUpperCase().replace(SEPARATORS, '');
}

/** Reverse by code point (not UTF-16 unit), so it stays correct for any character. */
export function reverseString(s: string): string {
  return Array.from(s).reverse().join('');
}

/** Length in characters as a person counts them (汉字 = 1). */
export function charLength(s: string): number {
  return Array.from(s).length;
}
