import type { StationSettings } from '../../../shared/model';
import { savePreferences, type CheckpointDB } from '../db';
import { getPlatform } from '../platform/platform';

/** 中文 ⇄ English: saved with the settings, and the desktop menu follows. */
export function toggleLocale(db: CheckpointDB, settings: StationSettings): void {
  const locale = settings.locale === 'en' ? 'zh' : 'en';
  void savePreferences(db, { locale });
  void getPlatform().setLocale(locale);
}
