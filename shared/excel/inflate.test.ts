import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, inflateRaw, InflateError } from './inflate';

function sample(n: number, seed: number): Uint8Array {
  // Text-like data with repeats, so deflate uses literals, lengths and distances.
  const words = ['南江南卡点', '鄂A12345', '放行', '劝返', '<c r="A1" t="s"><v>', '36.5', '\n'];
  let x = seed;
  let s = '';
  while (s.length < n) s += words[(x = (x * 1103515245 + 12345) >>> 0) % words.length] + String(x % 97);
  return new TextEncoder().encode(s.slice(0, n));
}

describe('inflateRaw', () => {
  it('matches zlib for stored, fixed and dynamic blocks', () => {
    for (const [n, level] of [[0, 6], [10, 6], [5000, 0], [70_000, 0], [300, 1], [200_000, 6], [200_000, 9]] as const) {
      const data = sample(n, n + level);
      const packed = new Uint8Array(deflateRawSync(data, { level }));
      expect(inflateRaw(packed, data.length)).toEqual(data);
    }
  });

  it('throws, never hangs, on truncated or damaged streams', () => {
    const data = sample(50_000, 1);
    const packed = new Uint8Array(deflateRawSync(data));
    for (const cut of [0, 1, 10, packed.length >> 1, packed.length - 1]) {
      expect(() => inflateRaw(packed.subarray(0, cut), data.length)).toThrow(InflateError);
    }
    let x = 7;
    for (let k = 0; k < 300; k++) {
      const bad = packed.slice();
      const at = (x = (x * 1103515245 + 12345) >>> 0) % bad.length;
      bad[at] = (bad[at] ?? 0) ^ (1 + (x % 255));
      try {
        const out = inflateRaw(bad, data.length);
        expect(out).toHaveLength(data.length); // decoded by chance: right size, CRC will tell
      } catch (e) {
        expect(e).toBeInstanceOf(InflateError);
      }
    }
  });

  it('refuses output larger or smaller than declared', () => {
    const data = sample(1000, 2);
    const packed = new Uint8Array(deflateRawSync(data));
    expect(() => inflateRaw(packed, data.length - 1)).toThrow(/more data/);
    expect(() => inflateRaw(packed, data.length + 1)).toThrow(/less data/);
  });
});

describe('crc32', () => {
  it('matches zlib', () => {
    for (const n of [0, 1, 1000]) {
      const d = sample(n, 3);
      expect(crc32(d)).toBe(zlibCrc32(d) >>> 0);
    }
  });
});
