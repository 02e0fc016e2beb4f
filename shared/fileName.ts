// The one rule for file names, used by the renderer (names it suggests: handover and district
// workbooks, PDFs) and by the main process (the name it finally writes). Names come from what
// staff typed (checkpoint, custom shift names) and travel on Windows PCs and FAT32/exFAT USB
// sticks, so they must be valid there, keep Chinese text intact, and never disguise their type
// (a right-to-left override can make "xslx.exe" read as "exe.xlsx").

export type FileKind = 'xlsx' | 'pdf' | 'jsonl';

/** Windows refuses these as names even with an extension (CON.xlsx), on every drive. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Forbidden on Windows / FAT, and C0 / C1 control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g;
/** Invisible and bidi-control characters can disguise a name (e.g. "交接表\u202Excod.pdf"). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Most file systems allow 255 bytes per name. The main process writes "<name>.tmp-xxxxxxxxxxxx"
 * (17 more bytes) before renaming, and a browser may add " (2)": 220 leaves room for both.
 */
export const MAX_FILE_NAME_BYTES = 220;

export const DEFAULT_STEM: Readonly<Record<FileKind, string>> = { xlsx: '卡口导出', pdf: '卡口打印', jsonl: '卡口快照' };

export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cuts whole code points (never half a surrogate pair) until the UTF-8 length fits. */
export function truncateUtf8(s: string, maxBytes: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const len = utf8Length(ch);
    if (n + len > maxBytes) break;
    out += ch;
    n += len;
  }
  return out;
}

/** One part of a name built from typed text: forbidden and invisible characters removed, whitespace collapsed, ends trimmed. */
export function sanitizeNamePart(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '').replace(/\s+/g, ' ').trim();
}

export function hasExtension(name: string, kind: FileKind): boolean {
  return name.toLowerCase().endsWith(`.${kind}`);
}

/** The save dialog on Linux may return a name without the extension its filter implied. */
export function ensureExtension(name: string, kind: FileKind): string {
  return hasExtension(name, kind) ? name : `${name}.${kind}`;
}

/**
 * A whole file name of the given kind: only the last path segment (a name never chooses a
 * folder), NFC, invisible characters removed, forbidden ones replaced by '_', no leading or
 * trailing dots and spaces (Windows drops trailing ones, a leading dot hides the file), a
 * reserved device name prefixed with '_', at most MAX_FILE_NAME_BYTES with the extension kept,
 * and the extension `.kind` (lower case) exactly once.
 */
export function sanitizeFileName(suggested: string, kind: FileKind, fallback: string = DEFAULT_STEM[kind]): string {
  const lastSegment = suggested.split(/[\\/]/).pop() ?? '';
  let stem = lastSegment.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  if (hasExtension(stem, kind)) stem = stem.slice(0, -(kind.length + 1));
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem === '' || /^_+$/.test(stem)) stem = fallback;
  const device = stem.split('.')[0] ?? stem;
  if (WINDOWS_RESERVED.test(device.trim())) stem = `_${stem}`;
  stem = truncateUtf8(stem, MAX_FILE_NAME_BYTES - kind.length - 1).replace(/[.\s]+$/, '');
  return `${stem}.${kind}`;
}
