// 帮助 → 关于: the data folder is shown so staff can find it for backups and the handover USB stick.
import type { Locale } from '../../shared/model';

export interface AboutContent {
  title: string;
  message: string;
  detail: string;
  buttons: [ok: string, openFolder: string];
}

export function aboutContent(locale: Locale, info: { version: string; dataDir: string; electron: string }): AboutContent {
  if (locale === 'en') {
    return {
      title: 'About Checkpoint Station',
      message: 'Checkpoint Station (卡口登记站)',
      detail: `Version ${info.version} (Electron ${info.electron})\nData folder: ${info.dataDir}`,
      buttons: ['OK', 'Open data folder'],
    };
  }
  return {
    title: '关于卡口登记站',
    message: '卡口登记站 Checkpoint Station',
    detail: `版本 ${info.version}（Electron ${info.electron}）\n数据文件夹：${info.dataDir}`,
    buttons: ['确定', '打开数据文件夹'],
  };
}
