// The station's settings as the lead edits them, and their own rules: a fever line is a
// threshold, not a reading, and a home province is a plate character, not a plate — so neither
// borrows the booth's reading or plate messages.
import type { DayKey, StationSettings } from './model';
import { PROVINCE_CHARS } from './provinces';
import { parseKeyAreaLines, type KeyAreaLineCode } from './keyAreas';
import { toHalfWidth } from './plate';
import { parseTemperature } from './temperature';

/** The range a station's fever line may be set to (37.2 and 37.3 were used in 2020). */
export const FEVER_LINE_MIN = 37.0;
export const FEVER_LINE_MAX = 38.5;
const CHECKPOINT_MAX = 40;
/** The idle lock (access): at least a minute (a shorter one locks mid-vehicle), at most an hour. */
export const IDLE_LOCK_MIN = 1;
export const IDLE_LOCK_MAX = 60;

export interface SettingsDraft {
  checkpoint: string;
  homeProvince: string;
  feverLine: string;
  keyAreas: string;
  idleLockMinutes: string;
}

export type SettingsCode =
  | 'settings.checkpointTooLong'
  | 'settings.homeProvince'
  | 'settings.feverLineEmpty'
  | 'settings.feverLineNotNumber'
  | 'settings.feverLineRange'
  | 'settings.feverLineFahrenheit'
  | 'settings.keyAreaLine'
  | 'settings.retentionDays'
  | 'settings.idleLock';

export interface SettingsError {
  code: SettingsCode;
  params?: Record<string, string | number>;
  /** For key-area lines: the reason of each bad line. */
  lines?: { line: number; code: KeyAreaLineCode }[];
}

export type SettingsErrors = Partial<Record<keyof SettingsDraft, SettingsError>>;

export function settingsDraft(s: StationSettings): SettingsDraft {
  return {
    checkpoint: s.checkpoint,
    homeProvince: s.homeProvince,
    feverLine: s.feverLine.toFixed(1),
    keyAreas: s.keyAreas.map((k) => [k.name, k.from, k.to].filter(Boolean).join(',')).join('\n'),
    idleLockMinutes: String(s.idleLockMinutes),
  };
}

const range = { min: FEVER_LINE_MIN.toFixed(1), max: FEVER_LINE_MAX.toFixed(1) };

/** The settings a draft stands for, or what is wrong with each field (nothing is saved then). */
export function validateSettings(
  draft: SettingsDraft,
  current: StationSettings,
  today: DayKey,
): { ok: true; settings: StationSettings } | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const checkpoint = draft.checkpoint.trim();
  if (checkpoint.length > CHECKPOINT_MAX) errors.checkpoint = { code: 'settings.checkpointTooLong', params: { max: CHECKPOINT_MAX } };

  const province = toHalfWidth(draft.homeProvince).trim();
  if (province.length !== 1 || !PROVINCE_CHARS.includes(province)) errors.homeProvince = { code: 'settings.homeProvince' };

  const line = parseTemperature(draft.feverLine);
  let feverLine = current.feverLine;
  if (line.ok) {
    if (line.celsius < FEVER_LINE_MIN || line.celsius > FEVER_LINE_MAX) errors.feverLine = { code: 'settings.feverLineRange', params: range };
    else feverLine = line.celsius;
  } else if (line.code === 'temp.empty') errors.feverLine = { code: 'settings.feverLineEmpty' };
  else if (line.code === 'temp.fahrenheit') errors.feverLine = { code: 'settings.feverLineFahrenheit', params: { c: line.celsius.toFixed(1) } };
  else if (line.code === 'temp.notNumber') errors.feverLine = { code: 'settings.feverLineNotNumber' };
  else errors.feverLine = { code: 'settings.feverLineRange', params: range };

  const areas = parseKeyAreaLines(draft.keyAreas, today);
  if (areas.errors.length > 0) errors.keyAreas = { code: 'settings.keyAreaLine', lines: areas.errors };

  const idleText = toHalfWidth(draft.idleLockMinutes).trim();
  const idleLockMinutes = Number(idleText);
  if (!/^\d+$/.test(idleText) || idleLockMinutes < IDLE_LOCK_MIN || idleLockMinutes > IDLE_LOCK_MAX) {
    errors.idleLockMinutes = { code: 'settings.idleLock', params: { min: IDLE_LOCK_MIN, max: IDLE_LOCK_MAX } };
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { ...current, checkpoint, homeProvince: province, feverLine, keyAreas: areas.entries, idleLockMinutes } };
}

// ---- Retention (privacy): how long personal data is kept after a shift closed ----

/** Two incubation periods of 14 days: the 2020 notice's "delete when the purpose ends". */
export const RETENTION_DAYS_DEFAULT = 28;
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 365;

/** Whole days, typed by the administrator (full-width digits accepted). */
export function parseRetentionDays(text: string): { ok: true; days: number } | { ok: false; error: SettingsError } {
  const t = toHalfWidth(text).trim();
  const days = /^\d{1,4}$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(days) || days < RETENTION_DAYS_MIN || days > RETENTION_DAYS_MAX) {
    return { ok: false, error: { code: 'settings.retentionDays', params: { min: RETENTION_DAYS_MIN, max: RETENTION_DAYS_MAX } } };
  }
  return { ok: true, days };
}
