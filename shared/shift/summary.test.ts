import { describe, expect, it } from 'vitest';
import { makeShiftFixture, TZ_CHINA } from '../excel/testFixtures';
import { COUNT_KEYS, hourlyCounts, localHour, sumHourly, sumSummaries, summarizeShift } from './summary';

describe('summarizeShift', () => {
  const f = makeShiftFixture();
  const s = summarizeShift(f.vehicles, f.persons, f.incidents);

  it('counts the fixture shift, voided records excluded', () => {
    expect({ ...s, feverCases: undefined }).toEqual({
      vehiclesChecked: 4, // 5 registered, 川A00001 voided
      peopleChecked: 7, // 孙八 (38.5 °C) rode in the voided car and is not counted
      keyAreaVehicles: 2,
      vehiclesInspected: 2,
      vehiclesDisinfected: 2,
      feverFirst: 2, // 张三 37.9, +李四 37.4 at the gun
      feverConfirmed: 1, // +李四 rechecked 36.8
      feverReferred: 2, // 张三 fever clinic, 钱七 home isolation
      vehiclesTurnedBack: 1,
      peopleTurnedBack: 2, // 赵六 (released, in the turned-back car) and 周九 (own disposition)
      incidents: 1, // second incident voided
      watchlistHits: 1,
      amendmentsAfterClose: 2, // one vehicle, one incident; the before-close correction is not counted
      feverCases: undefined,
    });
  });

  it('lists fever cases and referrals in registration order', () => {
    expect(s.feverCases.map((c) => [c.name, c.feverFirst, c.feverConfirmed, c.disposition])).toEqual([
      ['张三', true, true, 'feverClinic'],
      ['+李四', true, false, 'released'],
      ['钱七', false, false, 'homeIsolation'],
    ]);
    expect(s.feverCases[0]?.recheck?.method).toBe('mercuryAxillary');
  });

  it('does not count a referred person in a turned-back vehicle as turned back', () => {
    const g = makeShiftFixture();
    const qian = g.persons.find((p) => p.name === '钱七');
    if (!qian) throw new Error('fixture');
    qian.disposition = 'released';
    expect(summarizeShift(g.vehicles, g.persons, g.incidents).peopleTurnedBack).toBe(3);
  });

  it('excludes a person whose vehicle is voided even if the person row is not marked', () => {
    const g = makeShiftFixture();
    for (const p of g.persons) p.voided = 0;
    expect(summarizeShift(g.vehicles, g.persons, g.incidents).peopleChecked).toBe(7);
  });

  it('handles an empty shift', () => {
    const e = summarizeShift([], [], []);
    for (const k of COUNT_KEYS) expect(e[k]).toBe(0);
    expect(e.feverCases).toEqual([]);
  });
});

describe('hourlyCounts', () => {
  it('puts records in the booth-local hour, 24 rows, voided excluded', () => {
    const f = makeShiftFixture();
    const h = hourlyCounts(f.vehicles, f.persons, TZ_CHINA);
    expect(h).toHaveLength(24);
    expect(h.map((r) => r.hour)).toEqual([...Array(24).keys()]);
    // 20:05 鄂A (2 people), 20:40 川Y (2), 21:35 浙C (2), 22:10 voided, 04:15 渝B (1)
    expect(h[20]).toEqual({ hour: 20, vehicles: 2, people: 4 });
    expect(h[21]).toEqual({ hour: 21, vehicles: 1, people: 2 });
    expect(h[22]).toEqual({ hour: 22, vehicles: 0, people: 0 });
    expect(h[4]).toEqual({ hour: 4, vehicles: 1, people: 1 });
    expect(h.reduce((n, r) => n + r.vehicles, 0)).toBe(4);
    expect(h.reduce((n, r) => n + r.people, 0)).toBe(7);
  });

  it('uses the offset given, east positive', () => {
    const noonUtc = Date.UTC(2020, 1, 17, 12, 0);
    expect(localHour(noonUtc, 480)).toBe(20);
    expect(localHour(noonUtc, 0)).toBe(12);
    expect(localHour(noonUtc, -300)).toBe(7);
    expect(localHour(Date.UTC(1969, 11, 31, 23, 30), 0)).toBe(23); // negative epoch ms
  });
});

describe('sumSummaries / sumHourly', () => {
  it('adds counts of several shifts', () => {
    const a = summarizeShift(makeShiftFixture().vehicles, makeShiftFixture().persons, makeShiftFixture().incidents);
    const b = makeShiftFixture({ extraCars: 3 });
    const bs = summarizeShift(b.vehicles, b.persons, b.incidents);
    const t = sumSummaries([a, bs]);
    expect(t.vehiclesChecked).toBe(4 + 7);
    expect(t.peopleChecked).toBe(7 + 10);
    expect(t).not.toHaveProperty('feverCases');
    expect(sumSummaries([]).vehiclesChecked).toBe(0);
  });

  it('adds hourly rows', () => {
    const f = makeShiftFixture();
    const h = hourlyCounts(f.vehicles, f.persons, TZ_CHINA);
    const t = sumHourly([h, h]);
    expect(t[20]).toEqual({ hour: 20, vehicles: 4, people: 8 });
  });
});
