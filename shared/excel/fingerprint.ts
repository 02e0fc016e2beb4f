// Content fingerprint of a handover workbook: 64-bit FNV-1a over a canonical form of the shift's
// identity and every visible sheet. Computed by the exporter from the model and again by the
// importer from the cells it read, so the two must see the same canonical values:
// - text: as typed (the importer undoes formula neutralising), clipped like the writer clips it;
//   in ID / phone columns masked with the coarsest mask, so a masked and a full-ID export of the
//   same shift have the same fingerprint and are recognised as the same workbook;
// - numbers (dates are Excel serials): rounded to 1/86 400 000 — one millisecond of a date — so
//   float noise from a spreadsheet program re-saving the file cannot change the hash;
// - trailing empty cells and rows ignored (Excel drops them on save).
// FNV-1a is not a cryptographic hash: it recognises the same content and catches edits by hand
// or by another program, not a forger who recomputes it. That is the threat at a booth.
import { excelDate, fingerprintFreeText, fingerprintMask } from './cells';
import type { CellValue } from './workbookModel';

/** Headers of columns holding IDs and phones, masked inside the fingerprint. */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set(['证件号码', '联系电话', '本地联系人']);
/**
 * Headers of free-text columns, whose ID / phone numbers a masked export masks (maskText): inside
 * the fingerprint their long digit runs get the coarsest mask. Workbooks written before this rule
 * kept such text unmasked and were fingerprinted without it: the importer accepts either.
 */
export const FREE_TEXT_HEADERS: ReadonlySet<string> = new Set(['备注', '经过', '作废原因']);

export interface FingerprintRules {
  /** Mask digit runs in FREE_TEXT_HEADERS columns (default true; false = the rule before it). */
  freeText: boolean;
}

/** Writer's text limit minus room for the neutralising apostrophe. */
export const MAX_TEXT_BEFORE_PREFIX = 32_766;
export function clipText(s: string): string {
  return s.length > MAX_TEXT_BEFORE_PREFIX ? s.slice(0, MAX_TEXT_BEFORE_PREFIX) : s;
}

/**
 * 64-bit FNV-1a over the UTF-8 bytes of the strings fed to it, in four 16-bit limbs so it runs on
 * plain JS numbers (no BigInt, no crypto import; a few ms for a 20 000-person shift).
 */
export class Fnv1a64 {
  // offset basis 0xcbf29ce484222325, least significant limb first
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  private byte(b: number): void {
    // h ^= b; h *= 0x100000001b3 (= 2^40 + 0x1b3), mod 2^64
    const h0 = this.h0 ^ b;
    const t0 = h0 * 0x1b3;
    let t1 = this.h1 * 0x1b3;
    let t2 = this.h2 * 0x1b3 + (h0 << 8);
    const t3 = this.h3 * 0x1b3 + (this.h1 << 8);
    t1 += t0 >>> 16;
    t2 += t1 >>> 16;
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = (t3 + (t2 >>> 16)) & 0xffff;
  }

  update(s: string): this {
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        this.byte(c);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        // Surrogates: a pair is one code point; a lone one becomes U+FFFD, as TextEncoder does.
        const d = c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        } else {
          c = 0xfffd;
        }
      }
      if (c < 0x800) {
        this.byte(0xc0 | (c >> 6));
      } else if (c < 0x10000) {
        this.byte(0xe0 | (c >> 12));
        this.byte(0x80 | ((c >> 6) & 0x3f));
      } else {
        this.byte(0xf0 | (c >> 18));
        this.byte(0x80 | ((c >> 12) & 0x3f));
        this.byte(0x80 | ((c >> 6) & 0x3f));
      }
      this.byte(0x80 | (c & 0x3f));
    }
    return this;
  }

  hex(): string {
    const p = (n: number) => n.toString(16).padStart(4, '0');
    return p(this.h3) + p(this.h2) + p(this.h1) + p(this.h0);
  }
}

export function fnv1a64(s: string): string {
  return new Fnv1a64().update(s).hex();
}

/**
 * One definition of "empty" for the whole fingerprint: whatever the writer leaves out of the file
 * (null, '', and an explicit text('') — toXlsx writes no cell for any of them), so the exporter,
 * hashing its model, and the importer, hashing the cells it found, trim the same trailing cells.
 * Before this, a trailing text('') (a blank supply, every export before 交接班) was hashed as a
 * cell by the exporter and was nothing to the importer: genuine files were called edited.
 */
export function isEmptyCell(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (typeof v === 'number') return !Number.isFinite(v); // written as an empty cell, not #NUM!
  if (typeof v !== 'object') return false;
  return v.t === 'text' ? v.v === '' : !Number.isFinite(v.ms);
}

/** Text as a reader gets it back: clipped like the writer clips, CR LF read as LF (escapeOoxmlText). */
const canonicalText1 = (s: string): string => clipText(s).replace(/\r\n/g, '\n');

type TextMask = 'none' | 'sensitive' | 'freeText';
const maskFor = (t: string, mask: TextMask): string => (mask === 'sensitive' ? fingerprintMask(t) : mask === 'freeText' ? fingerprintFreeText(t) : t);

function canonicalCell(v: CellValue | undefined, mask: TextMask, tz: number): string {
  if (isEmptyCell(v) || v === null || v === undefined) return '';
  if (typeof v === 'string') return 's' + maskFor(canonicalText1(v), mask);
  if (typeof v === 'number') return 'n' + String(Math.round(v * 86_400_000));
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  if (v.t === 'text') return 's' + maskFor(canonicalText1(v.v), mask);
  return 'n' + String(Math.round(excelDate(v.ms, tz) * 86_400_000));
}

export interface FingerprintSheet {
  name: string;
  /** All rows as they appear in the sheet, header (if any) first. Strings already un-neutralised. */
  rows: readonly (readonly CellValue[])[];
}

/**
 * A sheet's canonical text, piece by piece (fingerprint and signature both read it): the name
 * between group separators, then every row up to the last non-empty one and every cell up to the
 * row's last non-empty one, cells separated by \x1f and rows ended by \x1e. `masked(c)` says
 * whether column c is masked below the header.
 */
function emitSheet(sheet: FingerprintSheet, tz: number, maskOf: (c: number) => TextMask, emit: (s: string) => void): void {
  emit('\x1d');
  emit(sheet.name);
  emit('\x1d');
  const rows = sheet.rows;
  let lastRow = rows.length - 1;
  while (lastRow >= 0 && (rows[lastRow] ?? []).every(isEmptyCell)) lastRow--;
  for (let r = 0; r <= lastRow; r++) {
    const row = rows[r] ?? [];
    let last = row.length - 1;
    while (last >= 0 && isEmptyCell(row[last])) last--;
    for (let c = 0; c <= last; c++) {
      if (c > 0) emit('\x1f');
      emit(canonicalCell(row[c], r > 0 ? maskOf(c) : 'none', tz));
    }
    emit('\x1e');
  }
}

/**
 * Hashes identity fields and sheets. Columns whose row-0 text is a SENSITIVE_HEADERS entry are
 * masked in every later row (form-like sheets have no such header and mask nothing).
 */
export function fingerprintSheets(identity: readonly string[], sheets: readonly FingerprintSheet[], tz: number, rules: FingerprintRules = { freeText: true }): string {
  const h = new Fnv1a64();
  for (const part of identity) h.update(part).update('\x1f');
  for (const sheet of sheets) {
    const masks = new Map<number, TextMask>();
    (sheet.rows[0] ?? []).forEach((v, c) => {
      if (typeof v === 'string' && SENSITIVE_HEADERS.has(v)) masks.set(c, 'sensitive');
      else if (typeof v === 'string' && rules.freeText && FREE_TEXT_HEADERS.has(v)) masks.set(c, 'freeText');
    });
    emitSheet(sheet, tz, (c) => masks.get(c) ?? 'none', (s) => void h.update(s));
  }
  return h.hex();
}

/**
 * The exact content of sheets as one string, nothing masked: what a station's signature covers
 * (signature.ts). Same cell canonicalisation and trailing-empty rule as the fingerprint, so the
 * writer (from its model) and the reader (from the cells) build the same text.
 */
export function canonicalText(sheets: readonly FingerprintSheet[], tz: number): string {
  const out: string[] = [];
  for (const sheet of sheets) emitSheet(sheet, tz, () => 'none', (s) => void out.push(s));
  return out.join('');
}
