// Station settings, one row per key: a new setting added in a later release simply has no row
// yet and falls back to DEFAULT_SETTINGS, with no schema upgrade.
import { DEFAULT_SETTINGS, type StationSettings } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { appendJournal, stampJournal } from './journal';
import { can, type Actor } from '../../../shared/privacy/roles';
import { ok, type Result } from '../../../shared/result';
import { denied } from './access';
import { appendAudit } from './audit';
import { storageFailure } from './errors';

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof StationSettings)[];

/** A stored value is used only if it has the default's shape (guards against a hand-edited DB). */
function sameKind(value: unknown, dflt: unknown): boolean {
  if (Array.isArray(dflt)) return Array.isArray(value);
  return typeof value === typeof dflt && value !== null;
}

export async function getSettings(db: CheckpointDB): Promise<StationSettings> {
  // bulkGet of the known keys: the settings table is tiny, but nothing here reads a whole table.
  const rows = await db.settings.bulkGet(KEYS);
  const merged = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  rows.forEach((row, i) => {
    const k = KEYS[i];
    if (row && k && sameKind(row.value, DEFAULT_SETTINGS[k])) merged[k] = row.value;
  });
  return merged as unknown as StationSettings;
}

/** Keys any operator (or nobody, on the open-shift screen) may change: how the screen looks. */
export type Preferences = Partial<Pick<StationSettings, 'theme' | 'locale'>>;

async function writeRows(db: CheckpointDB, rows: { key: string; value: unknown }[], audit?: (changed: string[]) => Promise<unknown>): Promise<void> {
  const entry = await db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.bulkGet(rows.map((r) => r.key));
    const changed = rows.filter((r, i) => JSON.stringify(before[i]?.value) !== JSON.stringify(r.value)).map((r) => r.key);
    await db.settings.bulkPut(rows);
    // Same transaction: the change and its audit entry commit together or not at all.
    if (audit && changed.length > 0) await audit(changed);
    return stampJournal(db, 'saveSettings', { settings: rows });
  });
  await appendJournal(db, entry);
}

/**
 * The station's settings (fever line, home province, key areas, idle lock …): only an
 * administrator (shared/privacy/roles.ts changeSettings); refused for anyone else with nothing
 * written. Audited with the keys that changed, before → after.
 */
export async function saveSettings(db: CheckpointDB, actor: Actor | null, s: StationSettings): Promise<Result<StationSettings>> {
  if (!actor || !can(actor, 'changeSettings')) return denied('changeSettings', actor);
  const before = await getSettings(db);
  const rows = KEYS.map((key) => ({ key, value: s[key] }));
  try {
    await writeRows(db, rows, (changed) =>
      appendAudit(db, {
        at: Date.now(),
        actor: actor.name,
        role: actor.role,
        action: 'settings',
        detail: { changed: Object.fromEntries(changed.map((k) => [k, [before[k as keyof StationSettings], s[k as keyof StationSettings]]])) },
      }),
    );
    return ok(s);
  } catch (e) {
    return storageFailure(e, { zh: '保存设置', en: 'Saving the settings' });
  }
}

/** Day/night and language: a matter of the screen, any operator's (and the open-shift screen's). */
export async function savePreferences(db: CheckpointDB, prefs: Preferences): Promise<void> {
  const rows = (Object.keys(prefs) as (keyof Preferences)[]).filter((k) => prefs[k] !== undefined).map((key) => ({ key, value: prefs[key] }));
  if (rows.length > 0) await writeRows(db, rows);
}

/** The checkpoint's name as the lead typed it when opening the shift (part of 开班, not a setting change). */
export async function rememberCheckpoint(db: CheckpointDB, checkpoint: string): Promise<void> {
  await writeRows(db, [{ key: 'checkpoint', value: checkpoint }]);
}
