import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { getSettings, rememberCheckpoint, savePreferences, saveSettings } from './settings';
import { auditAsAdmin, withTestDb } from './testing';

let db: CheckpointDB;
withTestDb((c) => ({ db } = c), false);

const ADMIN = { name: '周管理', role: 'admin' as const };

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
    expect((await saveSettings(db, ADMIN, next)).ok).toBe(true);
    expect(await getSettings(db)).toEqual(next);
  });
});

describe('settings: who may change them (access)', () => {
  it('a staff, health or lead actor — or nobody — is refused with a clear error, and nothing is written or audited', async () => {
    const next = { ...DEFAULT_SETTINGS, feverLine: 38.0, keyAreas: [] };
    for (const actor of [{ name: '李警官', role: 'staff' as const }, { name: '王医生', role: 'health' as const }, { name: '岳阳', role: 'lead' as const }, null]) {
      const r = await saveSettings(db, actor, next);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe(actor ? 'access.denied' : 'access.signedOut');
      expect(r.error.message.zh).toContain('仅限管理员');
      expect(r.error.message.en).toContain('only Administrator');
    }
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await auditAsAdmin(db, { limit: 10 })).toEqual([]);
  });

  it("an administrator's change is audited in the same transaction with what changed, before → after", async () => {
    await saveSettings(db, ADMIN, { ...DEFAULT_SETTINGS, feverLine: 37.2, idleLockMinutes: 10 });
    const [entry] = await auditAsAdmin(db, { action: 'settings', limit: 5 });
    expect(entry).toMatchObject({ actor: '周管理', role: 'admin', action: 'settings', detail: { changed: { feverLine: [37.3, 37.2], idleLockMinutes: [5, 10] } } });
  });

  it('day/night, language and the checkpoint named at 开班 are not settings changes: anyone, not audited', async () => {
    await savePreferences(db, { theme: 'night', locale: 'en' });
    await rememberCheckpoint(db, '南江南高速出口卡点');
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, theme: 'night', locale: 'en', checkpoint: '南江南高速出口卡点' });
    expect(await auditAsAdmin(db, { limit: 10 })).toEqual([]);
  });
});
