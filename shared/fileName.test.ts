import { describe, expect, it } from 'vitest';
import { DEFAULT_STEM, MAX_FILE_NAME_BYTES, ensureExtension, sanitizeFileName, type FileKind } from './fileName';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

/** Each rule of sanitizeFileName with the names that show it: [rule, suggested name, kind, saved name]. */
const CASES: [rule: string, suggested: string, kind: FileKind, saved: string][] = [
  ['keeps good names (and Chinese)', '交接表-2024-05-01-早班.xlsx', 'xlsx', '交接表-2024-05-01-早班.xlsx'],
  ['keeps good names (and Chinese)', '交接表', 'xlsx', '交接表.xlsx'],
  ['keeps good names (and Chinese)', 'report.PDF', 'pdf', 'report.pdf'],
  ['keeps good names (and Chinese)', '粤B·12345 登记', 'pdf', '粤B·12345 登记.pdf'],
  ['drops folders the renderer tried to choose', '../../etc/passwd', 'xlsx', 'passwd.xlsx'],
  ['drops folders the renderer tried to choose', 'C:\\Windows\\System32\\交接表.xlsx', 'xlsx', '交接表.xlsx'],
  ['replaces characters Windows and FAT refuse', 'a<b>c:d"e|f?g*h', 'xlsx', 'a_b_c_d_e_f_g_h.xlsx'],
  ['replaces characters Windows and FAT refuse', 'tab\there\u0001', 'xlsx', 'tab_here_.xlsx'],
  ['removes invisible and bidi characters that disguise a name', '交接表\u202Excod.pdf', 'pdf', '交接表xcod.pdf'],
  ['removes invisible and bidi characters that disguise a name', '\ufeff交\u200b接表', 'xlsx', '交接表.xlsx'],
  ['defuses reserved Windows device names, with or without extension or case', 'CON', 'xlsx', '_CON.xlsx'],
  ['defuses reserved Windows device names, with or without extension or case', 'nul.xlsx', 'xlsx', '_nul.xlsx'],
  ['defuses reserved Windows device names, with or without extension or case', 'Com1.backup', 'pdf', '_Com1.backup.pdf'],
  ['defuses reserved Windows device names, with or without extension or case', 'lpt9', 'pdf', '_lpt9.pdf'],
  ['defuses reserved Windows device names, with or without extension or case', 'console', 'pdf', 'console.pdf'],
  ['trims dots and spaces Windows would drop and leading dots that hide files', '  ..hidden. . ', 'xlsx', 'hidden.xlsx'],
  ['collapses whitespace and removes C1 controls too', '交接表   夜班\u0085.xlsx', 'xlsx', '交接表 夜班_.xlsx'],
  ['collapses whitespace and removes C1 controls too', 'report. . .xlsx', 'xlsx', 'report.xlsx'],
  ['normalises to NFC so the same name is the same file', 'Cafe\u0301', 'pdf', 'Caf\u00e9.pdf'],
  ['falls back to the default name of the kind when nothing of the name is left', '/abs/', 'pdf', `${DEFAULT_STEM.pdf}.pdf`],
  ['falls back to the default name of the kind when nothing of the name is left', '...', 'xlsx', `${DEFAULT_STEM.xlsx}.xlsx`],
  ['falls back to the default name of the kind when nothing of the name is left', '???', 'xlsx', `${DEFAULT_STEM.xlsx}.xlsx`],
];

describe('sanitizeFileName', () => {
  it.each(CASES)('%s: %j (%s) → %j', (_rule, suggested, kind, saved) => {
    expect(sanitizeFileName(suggested, kind)).toBe(saved);
  });

  it('keeps the name under 255 bytes with room for the temp suffix, without splitting characters', () => {
    const name = sanitizeFileName('卡'.repeat(200), 'xlsx');
    expect(utf8(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(MAX_FILE_NAME_BYTES + ' (2)'.length).toBeLessThanOrEqual(255 - '.tmp-xxxxxxxxxxxx'.length);
    expect(name).toMatch(/^卡+\.xlsx$/);
    const emoji = sanitizeFileName('🚗'.repeat(100), 'pdf');
    expect(emoji).toMatch(/^(🚗)+\.pdf$/u);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('ensureExtension', () => {
  it('adds the extension the dialog filter implied only when missing', () => {
    expect(ensureExtension('/usb/交接表', 'xlsx')).toBe('/usb/交接表.xlsx');
    expect(ensureExtension('/usb/交接表.XLSX', 'xlsx')).toBe('/usb/交接表.XLSX');
    expect(ensureExtension('/usb/a.pdf', 'xlsx')).toBe('/usb/a.pdf.xlsx');
  });
});
