// Station settings, one row per key: a new setting added in a later release simply has no row
// yet and falls back to DEFAULT_SETTINGS, with no schema upgrade.
import { DEFAULT_SETTINGS, type StationSettings } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { appendJournal, stampJournal } from './journal';

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

export async function saveSettings(db: CheckpointDB, s: StationSettings): Promise<void> {
  const rows = KEYS.map((key) => ({ key, value: s[key] }));
  const entry = await db.transaction('rw', db.settings, async () => {
    await db.settings.bulkPut(rows);
    return stampJournal(db, 'saveSettings', { settings: rows });
  });
  await appendJournal(db, entry);
}
