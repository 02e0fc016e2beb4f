import { describe, expect, it } from 'vitest';
import { fill } from './fill';
import { en, zh, type StringKey } from './strings';

describe('fill', () => {
  it('puts parameters in and leaves a missing one visible', () => {
    expect(fill('已保存：{plate}，{n} 人', { plate: '川A12345', n: 2 })).toBe('已保存：川A12345，2 人');
    expect(fill('约 {c} ℃', {})).toBe('约 {c} ℃');
  });

  it('agrees an English noun with its number', () => {
    expect(fill('{n|shift|shifts}', { n: 1 }, 'en')).toBe('1 shift');
    expect(fill('{n|shift|shifts}', { n: 0 }, 'en')).toBe('0 shifts');
    expect(fill('{n|shift|shifts}', { n: 2 }, 'en')).toBe('2 shifts');
    expect(fill('{n|field needs|fields need} fixing', { n: 1 }, 'en')).toBe('1 field needs fixing');
  });
});

describe('the catalogue', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]).sort();

  it('every English string takes the same parameters as its Chinese one', () => {
    for (const k of Object.keys(zh) as StringKey[]) expect([k, names(en[k])]).toEqual([k, names(zh[k])]);
  });

  it('no English count is written without agreeing with its number ("1 shifts")', () => {
    const counts = (Object.keys(en) as StringKey[]).filter((k) => /\{(?!name\})\w+\} [a-z]+s\b/.test(en[k]));
    expect(counts).toEqual([]);
    const one = (k: StringKey) => fill(en[k], { n: 1, v: 1, p: 1, count: 1, days: 1, checkpoints: 1, shifts: 1, ok: 1, bad: 0 }, 'en');
    expect(one('shiftsCount')).toBe('1 shift');
    expect(one('districtCaption')).toBe('1 day · 1 checkpoint · 1 shift');
    expect(one('fixErrors')).toBe('1 field needs fixing; nothing saved');
  });
});
