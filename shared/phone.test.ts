import { describe, expect, it } from 'vitest';
import { validatePhone } from './phone';

describe('validatePhone', () => {
  it.each([
    ['13812345678', '13812345678', 'mobile'],
    ['138 1234 5678', '13812345678', 'mobile'],
    ['138-1234-5678', '13812345678', 'mobile'],
    ['１３８１２３４５６７８', '13812345678', 'mobile'],
    ['138\u300012345678', '13812345678', 'mobile'],
    ['+8613812345678', '13812345678', 'mobile'],
    ['+86 138 1234 5678', '13812345678', 'mobile'],
    ['+86-13812345678', '13812345678', 'mobile'],
    ['008613812345678', '13812345678', 'mobile'],
    ['＋８６１３８１２３４５６７８', '13812345678', 'mobile'],
    ['19912345678', '19912345678', 'mobile'],
    ['028-12345678', '02812345678', 'landline'],
    ['02812345678', '02812345678', 'landline'],
    ['010-1234567', '0101234567', 'landline'],
    ['0816-1234567', '08161234567', 'landline'],
    ['0816 1234567', '08161234567', 'landline'],
    ['08161234567', '08161234567', 'landline'],
    ['0816-12345678', '081612345678', 'landline'],
    ['0816-1234567-123', '08161234567-123', 'landline'],
    ['0816-1234567转123', '08161234567-123', 'landline'],
    ['0816-1234567 ext 8', '08161234567-8', 'landline'],
    ['0816-1234567#8', '08161234567-8', 'landline'],
    ['+86 028 12345678', '02812345678', 'landline'],
  ])('%j → %s (%s)', (raw, phone, kind) => {
    expect(validatePhone(raw)).toEqual({ ok: true, phone, kind });
  });

  it.each([
    ['', 'phone.empty'],
    ['   ', 'phone.empty'],
    ['\u3000', 'phone.empty'],
    ['1381234567', 'phone.format'], // 10 digits
    ['138123456789', 'phone.format'], // 12 digits
    ['12812345678', 'phone.format'], // second digit 2
    ['10812345678', 'phone.format'],
    ['23812345678', 'phone.format'],
    ['1381234567a', 'phone.format'],
    ['12345678', 'phone.format'], // landline without area code
    ['028-123456', 'phone.format'], // number too short
    ['028-123456789', 'phone.format'], // number too long
    ['0-12345678', 'phone.format'],
    ['+1 415 555 0100', 'phone.format'],
    ['无', 'phone.format'],
    ['0816-1234567-', 'phone.format'],
  ])('%j → %s', (raw, code) => {
    expect(validatePhone(raw)).toEqual({ ok: false, code });
  });
});
