// The supervisor's county day view counts exactly what the booth's own handover summary counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOnce } from '../../renderer/src/sync/engine';
import { closeShift, incidentsOfShift, personsOfShift, saveVehicle, vehiclesOfShift } from '../../renderer/src/db';
import { makePerson, makeVehicle } from '../../renderer/src/db/testing';
import { dayKey } from '../../renderer/src/db/ids';
import { hourlyCounts, summarizeShift, COUNT_KEYS } from '../../shared/shift/summary';
import { countyDay } from '../../electron/main/sync/countyDay';
import { BOOTH_A as A, BOOTH_B as B, startBoothCounty, type BoothCounty } from './county.testkit';
import { amend, incident, openBooth, register, voidOne, type Booth } from './booth.testkit';

/** The county with booths A and B (their main-process sides, in that order). */
let env: BoothCounty;
let booths: Booth[] = [];
const TZ = -new Date().getTimezoneOffset();

beforeAll(async () => {
  env = await startBoothCounty([A, B]);
  const t = Date.now() - 7200_000;
  for (const [i, x] of [A, B].entries()) {
    const side = env.sides[i]!;
    const booth = await openBooth(x.checkpoint, t - 1000);
    await register(booth, 120, t);
    await amend(booth, booth.vehicles[2]!, '绵阳', t + 5000);
    await voidOne(booth, booth.vehicles[4]!, t + 6000);
    await incident(booth, t + 7000);
    await incident(booth, t + 8000, true);
    // A listed vehicle (two hits), and for booth A a correction after the handover.
    const listed = makeVehicle({ shiftId: booth.shift.id, checkpoint: x.checkpoint, createdAt: t + 9000, updatedAt: t + 9000, day: dayKey(t + 9000), plate: '鄂A99999', watchHits: ['e1', 'e2'] });
    const saved = await saveVehicle(booth.db, listed, [makePerson({ seq: 0, role: 'driver' }, listed)]);
    expect(saved.ok).toBe(true);
    if (x === A) {
      const closed = await closeShift(booth.db, booth.shift.id, { pending: '', supplies: { thermometers: '', masks: '', disinfectant: '', suits: '' }, equipment: '', receivingLead: '张队长' }, t + 10_000);
      expect(closed.ok).toBe(true);
      await amend(booth, booth.vehicles[6]!, '广元', t + 11_000);
    }
    expect((await syncOnce(booth.db, side.transport, { checkpoint: x.checkpoint })).error).toBeNull();
    booths.push(booth);
  }
}, 60_000);

afterAll(async () => {
  await env?.stop();
  booths = [];
});

describe('county day view', () => {
  it('equals summarizeShift and hourlyCounts of each booth’s own records', async () => {
    const sup = await env.county.connectAs('supervisor_1', 'sup-pw');
    const day = booths[0]!.shift.day;
    const view = await countyDay(sup, { day, tzOffsetMinutes: TZ });
    expect(view.shifts.map((s) => s.checkpoint).sort()).toEqual([A.checkpoint, B.checkpoint].sort());
    for (const booth of booths) {
      const [v, p, i] = await Promise.all([vehiclesOfShift(booth.db, booth.shift.id), personsOfShift(booth.db, booth.shift.id), incidentsOfShift(booth.db, booth.shift.id)]);
      const own = summarizeShift(v, p, i);
      const row = view.shifts.find((s) => s.shiftId === booth.shift.id)!;
      for (const k of COUNT_KEYS) expect([k, row.counts[k]]).toEqual([k, own[k]]);
      expect(row.hourly).toEqual(hourlyCounts(v, p, TZ));
      expect(row.counts.vehiclesChecked).toBe(120);
      expect(row.counts.watchlistHits).toBe(2);
      expect(row.counts.amendmentsAfterClose).toBe(booth.checkpoint === A.checkpoint ? 1 : 0);
    }
  });

  it('a booth’s login sees only its own checkpoint in the same view', async () => {
    const asA = await env.county.connectAs(A.role, A.password);
    const view = await countyDay(asA, { day: booths[0]!.shift.day, tzOffsetMinutes: TZ });
    expect(view.shifts.map((s) => s.checkpoint)).toEqual([A.checkpoint]);
  });
});
