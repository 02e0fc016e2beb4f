import { describe, expect, it } from 'vitest';
import { PLAUSIBLE_MAX, PLAUSIBLE_MIN, isFever, missingDecimalPoint, parseTemperature } from './temperature';

describe('parseTemperature: accepted', () => {
  it.each([
    ['36.5', 36.5],
    ['36', 36],
    ['36.', 36],
    [' 37.3 ', 37.3],
    ['３６．５', 36.5],
    ['36．5', 36.5],
    ['36,5', 36.5],
    ['36.5°C', 36.5],
    ['36.5 ℃', 36.5],
    ['36.5℃', 36.5],
    ['36.5度', 36.5],
    ['36.5°', 36.5],
    ['36.45', 36.5], // half up in decimal, not in binary (36.45 is 36.4499… as a double)
    ['36.449', 36.4],
    ['36.95', 37],
    ['37.25', 37.3],
    ['37.24', 37.2],
    ['37.349', 37.3],
    ['34', 34],
    ['34.0', 34],
    ['42.5', 42.5],
    ['42.54', 42.5],
    ['33.95', 34], // rounds into range
  ])('%j → %s', (raw, celsius) => {
    expect(parseTemperature(raw)).toEqual({ ok: true, celsius });
  });

  it('yields the same number as the literal, so comparisons against a line hold', () => {
    const r = parseTemperature('37.3');
    expect(r.ok && r.celsius === 37.3).toBe(true);
  });
});

describe('parseTemperature: rejected', () => {
  it.each([
    ['', 'temp.empty'],
    ['  ', 'temp.empty'],
    ['\u3000', 'temp.empty'],
    ['abc', 'temp.notNumber'],
    ['36.5.1', 'temp.notNumber'],
    ['3 6.5', 'temp.notNumber'],
    ['-36.5', 'temp.notNumber'],
    ['.5', 'temp.notNumber'],
    ['36.5c度', 'temp.notNumber'],
    ['正常', 'temp.notNumber'],
    ['365', 'temp.implausible'], // missing point: never guessed
    ['373', 'temp.implausible'],
    ['3650', 'temp.implausible'],
    ['33.9', 'temp.implausible'],
    ['42.6', 'temp.implausible'],
    ['42.55', 'temp.implausible'],
    ['0', 'temp.implausible'],
    ['3.65', 'temp.implausible'],
    ['93.1', 'temp.implausible'],
    ['108.6', 'temp.implausible'],
    ['60', 'temp.implausible'],
    ['36.5°F', 'temp.implausible'], // stated Fahrenheit, far too cold
  ])('%j → %s', (raw, code) => {
    expect(parseTemperature(raw)).toEqual({ ok: false, code });
  });

  it.each([
    ['98.6', 37],
    ['99.1', 37.3],
    ['100', 37.8],
    ['100.4', 38],
    ['93.2', 34],
    ['108.5', 42.5],
    ['98.6°F', 37],
    ['98.6℉', 37],
    ['98.6℃', 37], // a °C sign on 98.6 is still a Fahrenheit reading
    ['９８．６', 37],
    ['102,2', 39],
  ])('%j looks like Fahrenheit → offers %s °C', (raw, celsius) => {
    expect(parseTemperature(raw)).toEqual({ ok: false, code: 'temp.fahrenheit', celsius });
  });
});

describe('isFever', () => {
  const parsed = (s: string) => {
    const r = parseTemperature(s);
    if (!r.ok) throw new Error(`bad fixture ${s}`);
    return r.celsius;
  };

  it.each([
    [37.3, 37.3, true],
    [37.2, 37.3, false],
    [37.4, 37.3, true],
    [37.2, 37.2, true],
    [36.5, 37.3, false],
    [0.1 + 0.2 + 37, 37.3, true], // 37.300000000000004
    [37.3 - 1e-12, 37.3, true],
    [37.29, 37.3, false],
  ])('isFever(%s, %s) = %s', (c, line, expected) => {
    expect(isFever(c, line)).toBe(expected);
  });

  it.each([
    ['37.3', 37.3, true],
    ['37.25', 37.3, true],
    ['37.24', 37.3, false],
    ['３７．３', 37.3, true],
    ['37.2', 37.2, true],
    ['37.1', 37.2, false],
  ])('a reading typed %j against line %s → %s', (raw, line, expected) => {
    expect(isFever(parsed(raw), line)).toBe(expected);
  });
});

describe('plausible range', () => {
  it('is 34.0–42.5 °C', () => {
    expect([PLAUSIBLE_MIN, PLAUSIBLE_MAX]).toEqual([34, 42.5]);
  });
});

describe('missingDecimalPoint', () => {
  it('offers 36.5 for 365 and 38.2 for ３８２, the way 98.6 offers a conversion', () => {
    expect(missingDecimalPoint('365')).toBe(36.5);
    expect(missingDecimalPoint(' ３８２ ')).toBe(38.2);
    // and the reading itself is still refused until the offer is taken
    expect(parseTemperature('365').ok).toBe(false);
  });
  it('offers nothing for readings that are fine, Fahrenheit, or not a dropped point', () => {
    for (const raw of ['36.5', '98.6', '986', '36', '3650', '999', '120', '']) expect(missingDecimalPoint(raw), raw).toBeUndefined();
  });
});
