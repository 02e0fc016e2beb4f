// The names of the workbooks the app writes. The rule for any file name (valid on Windows and
// USB sticks, never disguised, bounded in bytes) is shared/fileName.ts, also used by main.
import type { Shift } from './model';
import { MAX_FILE_NAME_BYTES, sanitizeFileName, sanitizeNamePart, truncateUtf8, utf8Length } from './fileName';
import { shiftNameLabel } from './i18n/labels';

export { MAX_FILE_NAME_BYTES } from './fileName';

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
  return sanitizeFileName(truncateUtf8(checkpoint, room) + suffix, 'xlsx');
}

/** 区域汇总_2020-02-17.xlsx (or a day range) for the supervisor's export. */
export function districtFileName(firstDay: string, lastDay: string): string {
  const a = sanitizeNamePart(firstDay);
  const b = sanitizeNamePart(lastDay);
  return sanitizeFileName(`区域汇总_${a === b ? a : `${a}至${b}`}.xlsx`, 'xlsx');
}
