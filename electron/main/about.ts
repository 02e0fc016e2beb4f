// 帮助 → 关于: the data folder is shown so staff can find it for backups and the handover USB stick.
import type { Locale } from '../../shared/model';
import { catalogue } from '../../shared/i18n/strings';
import { fill } from '../../shared/i18n/fill';

export interface AboutContent {
  title: string;
  message: string;
  detail: string;
  buttons: [ok: string, openFolder: string];
}

export function aboutContent(locale: Locale, info: { version: string; dataDir: string; electron: string }): AboutContent {
  const w = catalogue(locale);
  return {
    title: w.aboutTitle,
    message: w.aboutMessage,
    detail: fill(w.aboutDetail, info, locale),
    buttons: [w.aboutOk, w.aboutOpenFolder],
  };
}
