import { describe, expect, it } from 'vitest';
import { dayKey, newId } from './ids';

describe('newId', () => {
  it('is a version-7 UUID whose order follows time', () => {
    const a = newId(1_581_900_000_000);
    const b = newId(1_581_900_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(a.slice(0, 13)).toBe('01705096-6b00');
  });

  it('does not collide within one millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(1_581_900_000_000)));
    expect(ids.size).toBe(10_000);
  });
});

describe('dayKey', () => {
  it('is the local calendar day', () => {
    expect(dayKey(new Date(2020, 1, 17, 0, 30).getTime())).toBe('2020-02-17');
  });
});
