import { describe, expect, it } from 'vitest';
import { countingReading, docRevOf, vehicleSummary } from './derived';

const reading = (celsius: number) => ({ celsius, method: 'infrared' as const, at: 0 });

describe('derived values', () => {
  it('the reading that counts is the recheck when there is one', () => {
    expect(countingReading({ first: reading(37.8) })).toBe(37.8);
    expect(countingReading({ first: reading(37.8), recheck: reading(36.9) })).toBe(36.9);
  });

  it('docRev reverses by character, so "ends with" 001X is the prefix X100', () => {
    expect(docRevOf('34052419800101001X')).toBe('X10010100891425043');
  });

  it('a vehicle summary counts occupants, takes the highest counting reading and flags a confirmed fever', () => {
    expect(
      vehicleSummary([
        { first: reading(38.1), recheck: reading(36.8), feverConfirmed: false },
        { first: reading(37.0), feverConfirmed: false },
      ]),
    ).toEqual({ personCount: 2, maxTemp: 37.0, anyFever: false });
    expect(vehicleSummary([{ first: reading(38.1), recheck: reading(37.9), feverConfirmed: true }])).toEqual({ personCount: 1, maxTemp: 37.9, anyFever: true });
    expect(vehicleSummary([])).toEqual({ personCount: 0, maxTemp: null, anyFever: false });
  });
});
