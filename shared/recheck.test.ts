import { describe, expect, it } from 'vitest';
import type { Person } from './model';
import { completeRecheckOf, minutesWaited, recheckDraftFor, validateRecheck } from './recheck';
import { openRechecks, summarizeShift, tallyRecords } from './shift/summary';

const T = 1_581_955_200_000;
const waiting: Person = {
  id: 'p1',
  vehicleId: 'v1',
  shiftId: 's1',
  createdAt: T,
  day: '2020-02-18',
  plate: '川A12345',
  role: 'driver',
  seq: 0,
  name: '李四',
  docType: 'residentId',
  docNumber: '34052419800101001X',
  docRev: 'X10010101908425043',
  phone: '13800138000',
  first: { celsius: 37.6, method: 'infrared', at: T },
  awaitingRecheckSince: T,
  symptoms: [],
  feverFirst: true,
  feverConfirmed: true,
  disposition: 'released',
  remarks: '',
  voided: 0,
};

describe('recheck rules', () => {
  it('minutes waited are whole minutes and never negative', () => {
    expect(minutesWaited(T, T + 7 * 60_000 + 59_000)).toBe(7);
    expect(minutesWaited(T, T - 5_000)).toBe(0);
  });

  it('completing keeps the first reading and its time, stamps the recheck, ends the wait', () => {
    const d = { ...recheckDraftFor(waiting), temp: '36.9' };
    expect(d.method).toBe('mercuryAxillary');
    expect(validateRecheck(d, 37.3)).toEqual({});
    const done = completeRecheckOf(waiting, d, 37.3, T + 600_000);
    expect(done.first).toEqual(waiting.first);
    expect(done.recheck).toEqual({ celsius: 36.9, method: 'mercuryAxillary', at: T + 600_000 });
    expect(done.feverConfirmed).toBe(false);
    expect('awaitingRecheckSince' in done).toBe(false);
    expect(() => completeRecheckOf(waiting, { ...d, temp: '' }, 37.3, T)).toThrow();
  });

  it('the summary counts an open recheck as a first-reading fever and lists it; the tally agrees', () => {
    const vehicle = { id: 'v1', voided: 0 as const, keyArea: false, inspected: false, disinfected: false, disposition: 'released' as const, watchHits: [], amendments: [] };
    const s = summarizeShift([vehicle as never], [waiting], []);
    expect([s.feverFirst, s.feverConfirmed]).toEqual([1, 1]);
    expect(openRechecks(s).map((f) => f.name)).toEqual(['李四']);
    expect(tallyRecords([vehicle], [waiting])).toEqual({ vehicles: 1, persons: 1, feverFirst: 1, feverConfirmed: 1, rechecksOpen: 1 });
    const done = completeRecheckOf(waiting, { ...recheckDraftFor(waiting), temp: '36.9' }, 37.3, T + 1);
    expect(tallyRecords([vehicle], [done])).toEqual({ vehicles: 1, persons: 1, feverFirst: 1, feverConfirmed: 0, rechecksOpen: 0 });
    expect(openRechecks(summarizeShift([vehicle as never], [done], []))).toEqual([]);
  });
});
