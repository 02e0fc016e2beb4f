import { describe, expect, it } from 'vitest';
import { DEFAULT_STEM, MAX_FILE_NAME_BYTES, ensureExtension, sanitizeFileName } from './fileName';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('sanitizeFileName', () => {
  it.each([
    ['交接表-2024-05-01-早班.xlsx', 'xlsx', '交接表-2024-05-01-早班.xlsx'],
    ['交接表', 'xlsx', '交接表.xlsx'],
    ['report.PDF', 'pdf', 'report.pdf'],
    ['粤B·12345 登记', 'pdf', '粤B·12345 登记.pdf'],
  ] as const)('keeps good names (and Chinese): %s', (input, kind, expected) => {
    expect(sanitizeFileName(input, kind)).toBe(expected);
  });

  it('drops folders the renderer tried to choose', () => {
    expect(sanitizeFileName('../../etc/passwd', 'xlsx')).toBe('passwd.xlsx');
    expect(sanitizeFileName('C:\\Windows\\System32\\交接表.xlsx', 'xlsx')).toBe('交接表.xlsx');
    expect(sanitizeFileName('/abs/', 'pdf')).toBe(`${DEFAULT_STEM.pdf}.pdf`);
  });

  it('replaces characters Windows and FAT refuse', () => {
    expect(sanitizeFileName('a<b>c:d"e|f?g*h', 'xlsx')).toBe('a_b_c_d_e_f_g_h.xlsx');
    expect(sanitizeFileName('tab\there\u0001', 'xlsx')).toBe('tab_here_.xlsx');
  });

  it('removes invisible and bidi characters that disguise a name', () => {
    expect(sanitizeFileName('交接表\u202Excod.pdf', 'pdf')).toBe('交接表xcod.pdf');
    expect(sanitizeFileName('\ufeff交\u200b接表', 'xlsx')).toBe('交接表.xlsx');
  });

  it('defuses reserved Windows device names, with or without extension or case', () => {
    expect(sanitizeFileName('CON', 'xlsx')).toBe('_CON.xlsx');
    expect(sanitizeFileName('nul.xlsx', 'xlsx')).toBe('_nul.xlsx');
    expect(sanitizeFileName('Com1.backup', 'pdf')).toBe('_Com1.backup.pdf');
    expect(sanitizeFileName('lpt9', 'pdf')).toBe('_lpt9.pdf');
    expect(sanitizeFileName('console', 'pdf')).toBe('console.pdf');
  });

  it('trims dots and spaces Windows would drop and leading dots that hide files', () => {
    expect(sanitizeFileName('  ..hidden. . ', 'xlsx')).toBe('hidden.xlsx');
    expect(sanitizeFileName('...', 'xlsx')).toBe(`${DEFAULT_STEM.xlsx}.xlsx`);
    expect(sanitizeFileName('???', 'xlsx')).toBe(`${DEFAULT_STEM.xlsx}.xlsx`);
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

  it('collapses whitespace and removes C1 controls too', () => {
    expect(sanitizeFileName('交接表   夜班\u0085.xlsx', 'xlsx')).toBe('交接表 夜班_.xlsx');
    expect(sanitizeFileName('report. . .xlsx', 'xlsx')).toBe('report.xlsx');
  });

  it('normalises to NFC so the same name is the same file', () => {
    expect(sanitizeFileName('Cafe\u0301', 'pdf')).toBe('Caf\u00e9.pdf');
  });
});

describe('ensureExtension', () => {
  it('adds the extension the dialog filter implied only when missing', () => {
    expect(ensureExtension('/usb/交接表', 'xlsx')).toBe('/usb/交接表.xlsx');
    expect(ensureExtension('/usb/交接表.XLSX', 'xlsx')).toBe('/usb/交接表.XLSX');
    expect(ensureExtension('/usb/a.pdf', 'xlsx')).toBe('/usb/a.pdf.xlsx');
  });
});
