// File names built from what staff typed (checkpoint, custom shift names) must be valid on the
// Windows PCs and FAT32 USB sticks the workbooks travel on, and must not be able to disguise
// their type (a right-to-left override can make "xslx.exe" read as "exe.xlsx").
import type { Shift } from '../model';
import { shiftNameLabel } from '../i18n/labels';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Forbidden on Windows / FAT, C0 and C1 controls, bidi controls and zero-width characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Most file systems allow 255 bytes per name; stay under it with room for " (2)" suffixes. */
export const MAX_FILE_NAME_BYTES = 240;

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cuts whole code points (never half a surrogate pair) until the UTF-8 length fits. */
function truncateUtf8(s: string, maxBytes: number): string {
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

/** One part of a file name: forbidden characters removed, whitespace collapsed, ends trimmed. */
export function sanitizeNamePart(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/\s+/g, ' ').trim();
}

/**
 * A whole file name (base + extension): sanitised, no leading/trailing dots or spaces (Windows
 * drops trailing ones, leading dots hide the file elsewhere), a reserved device name prefixed
 * with '_', and at most MAX_FILE_NAME_BYTES bytes with the extension kept.
 */
export function sanitizeFileName(name: string, fallback = '导出'): string {
  const clean = sanitizeNamePart(name);
  const dot = clean.lastIndexOf('.');
  const hasExt = dot >= 0 && dot >= clean.length - 6;
  const ext = hasExt ? clean.slice(dot) : '';
  let base = (hasExt ? clean.slice(0, dot) : clean).replace(/^[.\s]+|[.\s]+$/g, '');
  if (base === '') base = fallback;
  const stem = base.split('.')[0] ?? base;
  if (WINDOWS_RESERVED.test(stem.trim())) base = '_' + base;
  base = truncateUtf8(base, MAX_FILE_NAME_BYTES - utf8Length(ext)).replace(/[.\s]+$/, '');
  return base + ext;
}

/** Marks the file name of an export made before 交接班 (a provisional version of the shift). */
export const PROVISIONAL_MARK = '未交班中途导出';

/**
 * 南江南卡点_2020-02-17_夜班_交接表.xlsx; before 交接班
 * 南江南卡点_2020-02-17_夜班_未交班中途导出_交接表.xlsx, so nobody files it as the final sheet.
 */
export function handoverFileName(shift: Pick<Shift, 'checkpoint' | 'shiftName' | 'status'>, day: string): string {
  const checkpoint = sanitizeNamePart(shift.checkpoint).replace(/^[.\s]+|[.\s]+$/g, '') || '卡点';
  const dayPart = sanitizeNamePart(day) || '未知日期';
  const shiftPart = truncateUtf8(sanitizeNamePart(shiftNameLabel(shift.shiftName)), 60).trim() || '班次';
  const state = shift.status === 'closed' ? '' : `_${PROVISIONAL_MARK}`;
  const suffix = `_${dayPart}_${shiftPart}${state}_交接表.xlsx`;
  // Shorten the checkpoint, not the date or the shift, when the name is too long.
  const room = Math.max(MAX_FILE_NAME_BYTES - utf8Length(suffix), 12);
  return sanitizeFileName(truncateUtf8(checkpoint, room) + suffix);
}

/** 区域汇总_2020-02-17.xlsx (or a day range) for the supervisor's export. */
export function districtFileName(firstDay: string, lastDay: string): string {
  const a = sanitizeNamePart(firstDay);
  const b = sanitizeNamePart(lastDay);
  return sanitizeFileName(`区域汇总_${a === b ? a : `${a}至${b}`}.xlsx`);
}
