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
    // Outside the mainland: stored with the country code (E.164).
    ['85291234567', '+85291234567', 'international'],
    ['+852 9123 4567', '+85291234567', 'international'],
    ['+852-9123-4567', '+85291234567', 'international'],
    ['00852 2123 4567', '+85221234567', 'international'],
    ['00853 6612 3456', '+85366123456', 'international'],
    ['85366123456', '+85366123456', 'international'],
    ['+886 912 345 678', '+886912345678', 'international'],
    ['+886 0912 345 678', '+886912345678', 'international'],
    ['886912345678', '+886912345678', 'international'],
    ['+886 2 2345 6789', '+886223456789', 'international'],
    ['+1 415 555 0100', '+14155550100', 'international'],
    ['+44 20 7946 0958', '+442079460958', 'international'],
    ['＋８５２ ９１２３ ４５６７', '+85291234567', 'international'],
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
    ['无', 'phone.format'],
    ['0816-1234567-', 'phone.format'],
    ['+852 1234 5678', 'phone.format'], // no Hong Kong number starts with 1
    ['+852 9123 456', 'phone.format'], // one digit short
    ['00853 6612 34', 'phone.format'],
    ['+886 912 345', 'phone.format'],
    ['+44 12', 'phone.format'],
    ['+0 12345678', 'phone.format'],
    ['8529123456789', 'phone.format'],
  ])('%j → %s', (raw, code) => {
    expect(validatePhone(raw)).toEqual({ ok: false, code });
  });
});
