import { describe, expect, it } from 'vitest';
import { excelDate, formatLocal, fromExcelDate, neutralizeFormula, restoreNeutralized } from './cells';

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

// Masking itself is tested in shared/privacy/mask.test.ts (its one home).

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
