// Turns a renderer-suggested name into one file name that is valid on Windows, Linux and a
// FAT32/exFAT USB stick, keeping Chinese text (plate numbers, station names) intact.

export type SaveKind = 'xlsx' | 'pdf' | 'jsonl';

/** Windows refuses these as names even with an extension (CON.xlsx), on every drive. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Forbidden on Windows/FAT, plus ASCII control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Invisible and bidi-control characters can disguise a name (e.g. "交接表\u202Excod.pdf"). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/**
 * ext4 and most USB file systems allow 255 bytes per name; leave room for the extension and
 * the ".tmp-xxxxxxxxxxxx" suffix the atomic write adds. Chinese is 3 bytes per character in UTF-8.
 */
const MAX_STEM_BYTES = 200;

export const DEFAULT_STEM: Readonly<Record<SaveKind, string>> = { xlsx: '卡口导出', pdf: '卡口打印', jsonl: '卡口快照' };

function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}

export function hasExtension(name: string, kind: SaveKind): boolean {
  return name.toLowerCase().endsWith(`.${kind}`);
}

/** The dialog on Linux may return a name without the extension the filter implied. */
export function ensureExtension(name: string, kind: SaveKind): string {
  return hasExtension(name, kind) ? name : `${name}.${kind}`;
}

export function sanitizeFileName(suggested: string, kind: SaveKind): string {
  // Only the last segment: the renderer names files, it never chooses folders.
  const lastSegment = suggested.split(/[\\/]/).pop() ?? '';
  let stem = lastSegment.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '_');
  if (hasExtension(stem, kind)) stem = stem.slice(0, -(kind.length + 1));
  // Windows drops trailing dots/spaces silently; leading dots hide the file on Linux.
  stem = stem.trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  stem = truncateUtf8(stem, MAX_STEM_BYTES).replace(/[.\s]+$/, '');
  if (stem === '' || /^_+$/.test(stem)) stem = DEFAULT_STEM[kind];
  const base = stem.split('.')[0] ?? stem;
  if (RESERVED.test(base.trim())) stem = `_${stem}`;
  return `${stem}.${kind}`;
}
