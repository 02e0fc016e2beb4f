import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { getSettings, saveSettings } from './settings';
import { withTestDb } from './testing';

let db: CheckpointDB;
withTestDb((c) => ({ db } = c), false);

describe('settings', () => {
  it('returns the defaults on an empty database, as a copy', async () => {
    const s = await getSettings(db);
    expect(s).toEqual(DEFAULT_SETTINGS);
    s.keyAreas.push({ name: '温州', from: '2020-02-01' });
    expect(DEFAULT_SETTINGS.keyAreas).toHaveLength(1);
  });

  it('merges stored values over the defaults and round-trips', async () => {
    await db.settings.put({ key: 'feverLine', value: 37.2 });
    await db.settings.put({ key: 'theme', value: 42 }); // wrong type: ignored
    await db.settings.put({ key: 'obsolete', value: 'x' }); // unknown key: ignored
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, feverLine: 37.2 });

    const next = { ...DEFAULT_SETTINGS, checkpoint: '108国道漓江路口卡点', locale: 'en' as const, keyAreas: [] };
    await saveSettings(db, next);
    expect(await getSettings(db)).toEqual(next);
  });
});
