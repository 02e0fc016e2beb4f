import { describe, expect, it } from 'vitest';
import { fingerprintSheets, fnv1a64 } from './fingerprint';

/** Reference FNV-1a 64 with BigInt, to check the limb arithmetic. */
function reference(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(s)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('matches a BigInt reference on non-ASCII text', () => {
    for (const s of ['南江南卡点', '34052419800101001X', '😷 口罩', 'é\u0000\uffff', '\ud83d']) expect(fnv1a64(s)).toBe(reference(s));
  });
});

describe('fingerprintSheets', () => {
  const sheet = (rows: Parameters<typeof fingerprintSheets>[1][number]['rows']) => [{ name: 'S', rows }];

  it('ignores trailing empty cells and rows', () => {
    const a = fingerprintSheets(['x'], sheet([['a', 1]]), 480);
    expect(fingerprintSheets(['x'], sheet([['a', 1, null, ''], [], [null]]), 480)).toBe(a);
  });

  it('sees a changed cell, identity or sheet name', () => {
    const a = fingerprintSheets(['x'], sheet([['a', 1]]), 480);
    expect(fingerprintSheets(['x'], sheet([['a', 2]]), 480)).not.toBe(a);
    expect(fingerprintSheets(['y'], sheet([['a', 1]]), 480)).not.toBe(a);
    expect(fingerprintSheets(['x'], [{ name: 'T', rows: [['a', 1]] }], 480)).not.toBe(a);
  });

  it('treats a date cell like the serial number it is written as', () => {
    const ms = Date.UTC(2020, 1, 17, 12, 0, 0, 123);
    const serial = (ms + 480 * 60_000) / 86_400_000 + 25569;
    expect(fingerprintSheets([], sheet([[{ t: 'date', ms }]]), 480)).toBe(fingerprintSheets([], sheet([[serial]]), 480));
    expect(fingerprintSheets([], sheet([[serial * (1 + 1e-15)]]), 480)).toBe(fingerprintSheets([], sheet([[serial]]), 480));
  });

  it('masks ID and phone columns so masked and full exports agree', () => {
    const full = sheet([['证件号码', '联系电话', '姓名'], ['510722198501011234', '13812345678', '张三']]);
    const masked = sheet([['证件号码', '联系电话', '姓名'], ['510722********1234', '138****5678', '张三']]);
    expect(fingerprintSheets([], full, 480)).toBe(fingerprintSheets([], masked, 480));
    const other = sheet([['证件号码', '联系电话', '姓名'], ['510722198501011234', '13812345678', '张四']]);
    expect(fingerprintSheets([], other, 480)).not.toBe(fingerprintSheets([], full, 480));
  });
});

describe('fingerprintSheets empty cells', () => {
  it('treats an empty string, empty text and a missing cell alike, mid-row too', () => {
    const a = fingerprintSheets([], [{ name: 'S', rows: [['a', null, 'b']] }], 0);
    expect(fingerprintSheets([], [{ name: 'S', rows: [['a', '', 'b']] }], 0)).toBe(a);
    expect(fingerprintSheets([], [{ name: 'S', rows: [['a', { t: 'text', v: '' }, 'b']] }], 0)).toBe(a);
  });
});
