import { describe, expect, it } from 'vitest';
import { fingerprintMask } from '../excel/cells';
import { hasUnmaskedNumber, maskId, maskPhone, maskText } from './mask';

const MASKS = { maskPhone, maskText };

/** What maskPhone shows of a stored number and maskText of free text: [mask, what, value, shown]. */
const SHOWN: [mask: keyof typeof MASKS, what: string, value: string, shown: string][] = [
  ['maskPhone', 'a mainland mobile', '13812345678', '138****5678'],
  ['maskPhone', 'a mainland landline', '02812345678', '028****5678'],
  ['maskPhone', 'a short number to its first 2 and last 2', '123456', '12**56'],
  ['maskPhone', 'no number as nothing', '', ''],
  ['maskPhone', '+86 as the mainland number after the prefix', '+8613812345678', '+86138****5678'],
  ['maskPhone', '0086 as the mainland number after the prefix', '008613812345678', '0086138****5678'],
  ['maskPhone', 'Hong Kong to country code + last 4', '+85291234567', '+852****4567'],
  ['maskPhone', 'Taiwan to country code + last 4', '+886912345678', '+886*****5678'],
  ['maskPhone', 'the US to its first 3 digits + last 4', '+14155552671', '+141****2671'],
  ['maskPhone', 'a short international number with at least 4 starred', '+6591234567', '+65****4567'],
  ['maskText', 'an ID with X', '司机 34052419800101001X 拒绝出示', '司机 340524********001X 拒绝出示'],
  ['maskText', 'an ID with a small x', '身份证34052419800101001x。', '身份证340524********001x。'],
  ['maskText', 'a 15-digit old ID', '旧证 510722850101123', '旧证 510722*****1123'],
  ['maskText', 'an ID typed in groups', '证号 510722 19850101 1234', '证号 510722 ******** 1234'],
  ['maskText', 'a plain mobile', '母亲 13312345678', '母亲 133****5678'],
  ['maskText', 'a mobile grouped with dashes', '电话138-1234-5678', '电话138-****-5678'],
  ['maskText', 'a mobile grouped with spaces', '电话 138 1234 5678', '电话 138 **** 5678'],
  ['maskText', 'a grouped +86 mobile', '+86 138 1234 5678 转', '+86 138 **** 5678 转'],
  ['maskText', 'a +86 mobile', '+8613812345678', '+86138****5678'],
  ['maskText', 'an international number', '香港 +852 9123 4567', '香港 +852 **** 4567'],
  ['maskText', 'a landline', '村委 028-86001234', '村委 028-****1234'],
  ['maskText', 'a full-width mobile', '１３８１２３４５６７８', '１３８****５６７８'],
  ['maskText', 'a landline and an ID in one text', '张 028-86001234 / 34052419800101001X', '张 028-****1234 / 340524********001X'],
];

describe('maskPhone and maskText (digits inside free text)', () => {
  it.each(SHOWN)('%s shows %s: %j → %j', (mask, _what, value, shown) => {
    expect(MASKS[mask](value)).toBe(shown);
    // What is shown, masked again, stays as it is: the workbook fingerprint relies on it.
    expect(MASKS[mask](shown)).toBe(shown);
  });
});

describe('maskId', () => {
  it('keeps area code + last 4 of a resident ID, X included', () => {
    expect(maskId('510722198501011234')).toBe('510722********1234');
    expect(maskId('34052419800101001X')).toBe('340524********001X');
  });
  it('masks a 15-digit old ID the same way', () => {
    expect(maskId('510722850101123')).toBe('510722*****1123');
  });
  it('keeps first 2 + last 2 of other documents and short numbers', () => {
    expect(maskId('E12345678', 'passport')).toBe('E1*****78');
    expect(maskId('12345', 'residentId')).toBe('12*45');
    expect(maskId('0101', 'other')).toBe('****');
    expect(maskId('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('stars at least 4 digits of a short international number', () => {
    expect(maskPhone('+6591234567')).not.toContain('9123');
  });

  it('is idempotent, length-preserving and keeps first 2 and last 2 (the fingerprint relies on it)', () => {
    for (const p of ['13812345678', '+8613812345678', '+85291234567', '02886001234', '12345678']) {
      const m = maskPhone(p);
      expect(maskPhone(m)).toBe(m);
      expect(m).toHaveLength(p.length);
      expect(fingerprintMask(m)).toBe(fingerprintMask(p));
    }
    for (const id of ['510722198501011234', 'E12345678', '0101', '510722850101123']) {
      expect(maskId(maskId(id))).toBe(maskId(id));
      expect(maskId(id)).toHaveLength(id.length);
    }
  });
});

describe('maskText (digits inside free text)', () => {
  it('leaves temperatures, plates, times, dates and counts as typed', () => {
    for (const s of [
      '体温 37.5 ℃，复测 38.1',
      '98.6 °F',
      '川A12345 鄂AD12345 粤Z1234港',
      '03:12 拦截，03:45 放行',
      '2020-02-17 03:12',
      '20200217 夜班',
      '2020/02/17',
      '共 3000 辆，12 人',
      '村委会 123',
      'EA12345',
    ]) {
      expect(maskText(s)).toBe(s);
      expect(hasUnmaskedNumber(s)).toBe(false);
    }
  });

  it('keeps length, text around and is idempotent; fingerprint-safe for the contact column', () => {
    const texts = ['母亲 13312345678', '+86 138 1234 5678', '证 34052419800101001X 电 02886001234'];
    for (const t of texts) {
      const m = maskText(t);
      expect(m).toHaveLength(t.length);
      expect(maskText(m)).toBe(m);
      expect(hasUnmaskedNumber(t)).toBe(true);
      expect(hasUnmaskedNumber(m)).toBe(false);
      expect(fingerprintMask(m)).toBe(fingerprintMask(t));
    }
    expect(maskText('')).toBe('');
  });
});
