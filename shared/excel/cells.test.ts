import { describe, expect, it } from 'vitest';
import { excelDate, fingerprintMask, formatLocal, fromExcelDate, maskDigitsInText, maskId, maskPhone, neutralizeFormula, restoreNeutralized } from './cells';

describe('neutralizeFormula', () => {
  it('prefixes every trigger character with an apostrophe', () => {
    for (const s of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")']) {
      expect(neutralizeFormula(s)).toBe("'" + s);
    }
  });

  it('leaves ordinary text alone', () => {
    for (const s of ['张三', '0101', '鄂A12345', '34052419800101001X', '', ' =1', '１+1']) {
      expect(neutralizeFormula(s)).toBe(s);
    }
  });

  it('is undone exactly by restoreNeutralized, including text that starts with an apostrophe', () => {
    for (const s of ['=1', "'=1", "''", "'", "'abc", 'abc', '', '-', "'-"]) {
      expect(restoreNeutralized(neutralizeFormula(s))).toBe(s);
    }
    // A cell a user re-entered in Excel reads back without our apostrophe: still the original.
    expect(restoreNeutralized('=1')).toBe('=1');
  });
});

describe('masking', () => {
  it('masks resident IDs to area code + last 4', () => {
    expect(maskId('510722198501011234')).toBe('510722********1234');
    expect(maskId('34052419800101001X')).toBe('340524********001X');
    expect(maskId('510722850101123')).toBe('510722*****1123'); // old 15-digit ID
  });

  it('masks other documents and short numbers to first 2 + last 2', () => {
    expect(maskId('E12345678', 'passport')).toBe('E1*****78');
    expect(maskId('12345', 'residentId')).toBe('12*45');
    expect(maskId('0101', 'other')).toBe('****');
    expect(maskId('')).toBe('');
  });

  it('masks phones to 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02812345678')).toBe('028****5678');
    expect(maskPhone('123456')).toBe('12**56');
    expect(maskPhone('')).toBe('');
  });

  it('masks digit runs inside contact text', () => {
    expect(maskDigitsInText('母亲 13312345678')).toBe('母亲 133****5678');
    expect(maskDigitsInText('张 028-86001234 / 34052419800101001X')).toBe('张 028-86****34 / 340524********001X');
    expect(maskDigitsInText('村委会 123')).toBe('村委会 123');
    expect(fingerprintMask(maskDigitsInText('母亲 13312345678'))).toBe(fingerprintMask('母亲 13312345678'));
  });

  it('is idempotent and length-preserving', () => {
    for (const id of ['510722198501011234', 'E12345678', '0101']) {
      expect(maskId(maskId(id))).toBe(maskId(id));
      expect(maskId(id)).toHaveLength(id.length);
    }
    expect(maskPhone(maskPhone('13812345678'))).toBe('138****5678');
  });

  it('fingerprintMask is the same for a full and a masked value', () => {
    expect(fingerprintMask('510722198501011234')).toBe(fingerprintMask(maskId('510722198501011234')));
    expect(fingerprintMask('E12345678')).toBe(fingerprintMask(maskId('E12345678', 'passport')));
    expect(fingerprintMask('13812345678')).toBe(fingerprintMask(maskPhone('13812345678')));
    expect(fingerprintMask('0101')).toBe(fingerprintMask(maskId('0101', 'other')));
  });
});

describe('excelDate', () => {
  it('gives the serial of the booth-local time', () => {
    // 2020-02-17 20:00 Beijing = 12:00 UTC; Excel serial of 2020-02-17 is 43878.
    const ms = Date.UTC(2020, 1, 17, 12, 0);
    expect(excelDate(ms, 480)).toBeCloseTo(43878 + 20 / 24, 10);
    expect(excelDate(ms, 0)).toBeCloseTo(43878.5, 10);
    expect(excelDate(Date.UTC(1970, 0, 1), 0)).toBe(25569);
  });

  it('round-trips to the millisecond', () => {
    const ms = Date.UTC(2020, 1, 17, 12, 34, 56, 789);
    expect(fromExcelDate(excelDate(ms, 480), 480)).toBe(ms);
  });

  it('formats local time', () => {
    expect(formatLocal(Date.UTC(2020, 1, 17, 16, 5), 480)).toBe('2020-02-18 00:05');
  });
});
