import { describe, expect, it } from 'vitest';
import { fingerprintMask } from '../excel/cells';
import { hasUnmaskedNumber, maskId, maskPhone, maskText } from './mask';

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
  it('masks mainland mobiles and landlines', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02812345678')).toBe('028****5678');
    expect(maskPhone('123456')).toBe('12**56');
    expect(maskPhone('')).toBe('');
  });
  it('masks +86 / 0086 numbers as the mainland number after the prefix', () => {
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
    expect(maskPhone('008613812345678')).toBe('0086138****5678');
  });
  it('masks international numbers to country code + last 4', () => {
    expect(maskPhone('+85291234567')).toBe('+852****4567');
    expect(maskPhone('+886912345678')).toBe('+886*****5678');
    expect(maskPhone('+14155552671')).toBe('+141****2671');
    expect(maskPhone('+6591234567')).toBe('+65****4567'); // short: at least 4 starred
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
  it('masks IDs in text, with X and 15-digit old IDs', () => {
    expect(maskText('司机 34052419800101001X 拒绝出示')).toBe('司机 340524********001X 拒绝出示');
    expect(maskText('身份证34052419800101001x。')).toBe('身份证340524********001x。');
    expect(maskText('旧证 510722850101123')).toBe('旧证 510722*****1123');
    expect(maskText('证号 510722 19850101 1234')).toBe('证号 510722 ******** 1234');
  });

  it('masks phones in text: plain, grouped, +86, international, landline, full-width', () => {
    expect(maskText('母亲 13312345678')).toBe('母亲 133****5678');
    expect(maskText('电话138-1234-5678')).toBe('电话138-****-5678');
    expect(maskText('电话 138 1234 5678')).toBe('电话 138 **** 5678');
    expect(maskText('+86 138 1234 5678 转')).toBe('+86 138 **** 5678 转');
    expect(maskText('+8613812345678')).toBe('+86138****5678');
    expect(maskText('香港 +852 9123 4567')).toBe('香港 +852 **** 4567');
    expect(maskText('村委 028-86001234')).toBe('村委 028-****1234');
    expect(maskText('１３８１２３４５６７８')).toBe('１３８****５６７８');
    expect(maskText('张 028-86001234 / 34052419800101001X')).toBe('张 028-****1234 / 340524********001X');
  });

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
