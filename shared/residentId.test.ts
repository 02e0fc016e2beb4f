import { describe, expect, it } from 'vitest';
import type { DocType } from './model';
import { normalizeDocNumber, residentIdCheckChar, validateDocument, validateResidentId, type DocErrorCode, type IdErrorCode } from './residentId';

const TODAY = '2020-02-10';

/** A valid 18-character ID from area, birth (YYYYMMDD) and sequence. */
const makeId = (area: string, birth: string, seq: string) => `${area}${birth}${seq}${residentIdCheckChar(area + birth + seq)}`;

/** The same ID with a different (wrong) check character. */
const breakCheck = (id: string) => id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');

describe('residentIdCheckChar', () => {
  it.each([
    ['34052419800101001', 'X'],
    ['11010519491231002', 'X'],
    ['44030019900101123', '8'],
    ['00000000000000000', '1'],
    ['10000000000000000', '5'], // S = 7 → '10X98765432'[7]
    ['01000000000000000', '3'], // S = 9 → '10X98765432'[9]
    ['00000000000000001', 'X'], // S = 2 → '10X98765432'[2]
  ])('%s → %s', (first17, check) => {
    expect(residentIdCheckChar(first17)).toBe(check);
  });

  it.each([[''], ['3405241980010100'], ['340524198001010011'], ['3405241980010100A']])('throws on %j', (s) => {
    expect(() => residentIdCheckChar(s)).toThrow(RangeError);
  });
});

describe('normalizeDocNumber', () => {
  it.each([
    ['34052419800101001x', '34052419800101001X'],
    ['３４０５２４１９８００１０１００１Ｘ', '34052419800101001X'],
    [' 340524 19800101 001x ', '34052419800101001X'],
    ['340524\u300019800101001X', '34052419800101001X'],
    ['e12345678', 'E12345678'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeDocNumber(raw)).toBe(expected);
  });
});

describe('validateResidentId: valid', () => {
  it.each([
    ['34052419800101001X', '34052419800101001X', '1980-01-01', 'male', '34', '安徽', '皖'],
    ['34052419800101001x', '34052419800101001X', '1980-01-01', 'male', '34', '安徽', '皖'],
    ['３４０５２４１９８００１０１００１ｘ', '34052419800101001X', '1980-01-01', 'male', '34', '安徽', '皖'],
    [' 3405 2419 8001 0100 1X ', '34052419800101001X', '1980-01-01', 'male', '34', '安徽', '皖'],
    [makeId('420106', '19900307', '123'), makeId('420106', '19900307', '123'), '1990-03-07', 'male', '42', '湖北', '鄂'],
    [makeId('510722', '20000229', '002'), makeId('510722', '20000229', '002'), '2000-02-29', 'female', '51', '四川', '川'],
    [makeId('110101', '19000101', '011'), makeId('110101', '19000101', '011'), '1900-01-01', 'male', '11', '北京', '京'],
    [makeId('650102', '20200210', '008'), makeId('650102', '20200210', '008'), '2020-02-10', 'female', '65', '新疆', '新'],
  ])('%j', (raw, id, birth, sex, regionCode, regionName, provinceChar) => {
    expect(validateResidentId(raw, TODAY)).toEqual({
      ok: true,
      info: { id, legacy15: false, birth, sex, regionCode, regionName, provinceChar },
    });
  });

  it.each([
    [makeId('710000', '19850101', '003'), '71', '台湾'],
    [makeId('810000', '19850101', '003'), '81', '香港'],
    [makeId('820000', '19850101', '003'), '82', '澳门'],
  ])('%s: region %s without a plate province', (raw, regionCode, regionName) => {
    const r = validateResidentId(raw, TODAY);
    expect(r).toMatchObject({ ok: true, info: { regionCode, regionName } });
    expect(r.ok && r.info.provinceChar).toBeUndefined();
  });

  it.each([
    ['510722800101001', '1980-01-01', 'male', '51', '川'],
    ['420106650715002', '1965-07-15', 'female', '42', '鄂'],
    ['110105000101004', '1900-01-01', 'female', '11', '京'],
    ['110105991231003', '1999-12-31', 'male', '11', '京'],
  ])('legacy 15-digit %s', (raw, birth, sex, regionCode, provinceChar) => {
    expect(validateResidentId(raw, TODAY)).toMatchObject({ ok: true, info: { id: raw, legacy15: true, birth, sex, regionCode, provinceChar } });
  });
});

describe('validateResidentId: errors', () => {
  const good = makeId('420106', '19900307', '123');
  it.each<[string, IdErrorCode]>([
    ['', 'id.empty'],
    ['   ', 'id.empty'],
    ['\u3000', 'id.empty'],
    ['5.10722E+17', 'id.excelMangled'],
    ['5.10722e17', 'id.excelMangled'],
    ['5.10722E17', 'id.excelMangled'],
    ['5,10722E+17', 'id.excelMangled'],
    ['3.40524E+17', 'id.excelMangled'],
    ['５．１０７２２Ｅ＋１７', 'id.excelMangled'],
    ['3405241980010100', 'id.length'], // 16
    ['34052419800101001', 'id.length'], // 17
    ['34052419800101001X1', 'id.length'], // 19
    ['1234', 'id.length'],
    ['3405241980A101001X', 'id.chars'], // letter in the middle
    ['X40524198001010011', 'id.chars'],
    ['34052419800101001Y', 'id.chars'],
    ['3405241980-0101001X', 'id.chars'],
    ['51072280010100X', 'id.chars'], // no check character on 15-digit IDs
    ['E12345678', 'id.chars'],
    ['5.10722', 'id.chars'],
    [breakCheck('34052419800101001X'), 'id.checksum'],
    [breakCheck(good), 'id.checksum'],
    ['340524198001010011', 'id.checksum'],
    [makeId('990101', '19800101', '001'), 'id.area'],
    [makeId('000101', '19800101', '001'), 'id.area'],
    [makeId('100101', '19800101', '001'), 'id.area'],
    [makeId('720101', '19800101', '001'), 'id.area'],
    ['990101800101001', 'id.area'],
    [makeId('420106', '19800230', '001'), 'id.birth'], // Feb 30
    [makeId('420106', '20190229', '001'), 'id.birth'], // not a leap year
    [makeId('420106', '19000229', '001'), 'id.birth'], // 1900 was not a leap year
    [makeId('420106', '19801301', '001'), 'id.birth'],
    [makeId('420106', '19800100', '001'), 'id.birth'],
    [makeId('420106', '19800431', '001'), 'id.birth'],
    [makeId('420106', '20200211', '001'), 'id.birth'], // tomorrow
    [makeId('420106', '20300101', '001'), 'id.birth'],
    [makeId('420106', '18991231', '001'), 'id.birth'],
    ['420106800230001', 'id.birth'], // legacy Feb 30
    ['420106801301001', 'id.birth'],
  ])('%j → %s', (raw, code) => {
    expect(validateResidentId(raw, TODAY)).toEqual({ ok: false, code });
  });

  it('judges the birth date against the given day', () => {
    const id = makeId('420106', '20200211', '001');
    expect(validateResidentId(id, '2020-02-10').ok).toBe(false);
    expect(validateResidentId(id, '2020-02-11').ok).toBe(true);
  });
});

describe('validateDocument', () => {
  it.each<[DocType, string, string]>([
    ['residentId', '34052419800101001x', '34052419800101001X'],
    ['passport', 'E12345678', 'E12345678'],
    ['passport', 'e1234 5678', 'E12345678'],
    ['passport', 'AB123', 'AB123'],
    ['passport', '12345678901234567', '12345678901234567'],
    ['hkMacauPermit', 'H12345678', 'H12345678'],
    ['hkMacauPermit', 'm1234567890', 'M1234567890'],
    ['taiwanPermit', '12345678', '12345678'],
    ['taiwanPermit', 'ａ123456789', 'A123456789'],
    ['foreignPermanent', 'USA123456789012', 'USA123456789012'],
    ['foreignPermanent', '912345678901234567', '912345678901234567'],
    ['other', 'AB', 'AB'],
    ['other', '军官证 12345', '军官证12345'],
    ['other', 'x'.repeat(30), 'X'.repeat(30)],
  ])('%s %j → %s', (docType, raw, number) => {
    const r = validateDocument(docType, raw, TODAY);
    expect(r).toMatchObject({ ok: true, number });
  });

  it('returns the ID details for a resident ID', () => {
    expect(validateDocument('residentId', '34052419800101001X', TODAY)).toMatchObject({ ok: true, info: { provinceChar: '皖', sex: 'male' } });
    expect(validateDocument('passport', 'E12345678', TODAY)).not.toHaveProperty('info');
  });

  it.each<[DocType, string, DocErrorCode]>([
    ['residentId', '', 'id.empty'],
    ['residentId', '34052419800101001', 'id.length'],
    ['residentId', '5.10722E+17', 'id.excelMangled'],
    ['residentId', '340524198001010011', 'id.checksum'],
    ['passport', '', 'doc.empty'],
    ['passport', '  ', 'doc.empty'],
    ['passport', 'E123', 'doc.format'],
    ['passport', '123456789012345678', 'doc.format'],
    ['passport', 'E1234-5678', 'doc.format'],
    ['hkMacauPermit', 'H1234567', 'doc.format'],
    ['hkMacauPermit', 'H123456789', 'doc.format'],
    ['hkMacauPermit', 'C12345678', 'doc.format'],
    ['hkMacauPermit', '12345678', 'doc.format'],
    ['taiwanPermit', '1234567', 'doc.format'],
    ['taiwanPermit', '123456789', 'doc.format'],
    ['taiwanPermit', 'A12345678', 'doc.format'],
    ['foreignPermanent', 'US123456789012', 'doc.format'],
    ['foreignPermanent', 'USA12345678901', 'doc.format'],
    ['foreignPermanent', '812345678901234567', 'doc.format'],
    ['foreignPermanent', '91234567890123456', 'doc.format'],
    ['other', 'X', 'doc.format'],
    ['other', 'x'.repeat(31), 'doc.format'],
    ['other', '', 'doc.empty'],
  ])('%s %j → %s', (docType, raw, code) => {
    expect(validateDocument(docType, raw, TODAY)).toEqual({ ok: false, code });
  });
});
