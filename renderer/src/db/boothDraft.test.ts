import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/model';
import { emptyVehicleDraft } from '../../../shared/registration';
import type { CheckpointDB } from './db';
import { draftIsBlank, dropBoothDraft, keepBoothDraft, keptBoothDraft } from './boothDraft';
import { getSettings } from './settings';
import { freshDb } from './testing';

let db: CheckpointDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const typed = () => {
  const d = emptyVehicleDraft('k1');
  return { ...d, plateInput: 'e a12', occupants: d.occupants.map((o) => ({ ...o, name: '张三', temp: '36' })) };
};

describe('the booth draft on disk', () => {
  it('keeps a half-typed vehicle exactly as typed and gives it back to the same shift only', async () => {
    await keepBoothDraft(db, 'shift-1', typed(), 1000);
    expect(await keptBoothDraft(db, 'shift-1')).toEqual({ shiftId: 'shift-1', at: 1000, draft: typed() });
    expect(await keptBoothDraft(db, 'shift-2')).toBeUndefined();
    // It is not a setting.
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('removes the row when the form is blank again (saved or cleared), and on request', async () => {
    await keepBoothDraft(db, 's', typed(), 1);
    await keepBoothDraft(db, 's', emptyVehicleDraft('k2'), 2);
    expect(await db.settings.get('boothDraft')).toBeUndefined();
    await keepBoothDraft(db, 's', typed(), 3);
    await dropBoothDraft(db);
    expect(await keptBoothDraft(db, 's')).toBeUndefined();
  });

  it('ignores a damaged row instead of failing the booth screen', async () => {
    await db.settings.put({ key: 'boothDraft', value: { shiftId: 's', at: 'x' } });
    expect(await keptBoothDraft(db, 's')).toBeUndefined();
  });

  it('keeps the watchlist decisions typed for it; damaged decisions cost only the decisions', async () => {
    const decisions = { 'entry-1': { status: 'followUp' as const, note: '已通知社区' }, 'entry-2': { status: null, note: '' } };
    await keepBoothDraft(db, 's', typed(), 5, decisions);
    expect(await keptBoothDraft(db, 's')).toEqual({ shiftId: 's', at: 5, draft: typed(), watchDecisions: decisions });
    await db.settings.put({ key: 'boothDraft', value: { shiftId: 's', at: 6, draft: typed(), watchDecisions: { 'entry-1': { status: 'dismissed', note: '' } } } });
    expect(await keptBoothDraft(db, 's')).toEqual({ shiftId: 's', at: 6, draft: typed() });
  });

  it('counts only what a person typed as input', () => {
    expect(draftIsBlank(emptyVehicleDraft('k'))).toBe(true);
    expect(draftIsBlank({ ...emptyVehicleDraft('k'), vehicleType: 'truck' })).toBe(true);
    expect(draftIsBlank({ ...emptyVehicleDraft('k'), route: ' G5 ' })).toBe(false);
    expect(draftIsBlank(typed())).toBe(false);
  });
});
