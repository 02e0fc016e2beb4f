// Where IndexedDB and settings live. Resolved before `ready` because Chromium opens its
// storage (and Electron takes the single-instance lock) in whatever userData is at that point.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Bilingual } from '../../shared/result';

export const DATA_DIR_ENV = 'CHECKPOINT_DATA_DIR';

export type DataDirChoice =
  | { kind: 'default' }
  | { kind: 'custom'; dir: string }
  | { kind: 'invalid'; message: Bilingual };

type PathApi = Pick<typeof path, 'isAbsolute' | 'normalize'>;

/** A relative path is refused rather than guessed: it would depend on how the shortcut sets the working folder. */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, pathApi: PathApi = path): DataDirChoice {
  const raw = env[DATA_DIR_ENV]?.trim();
  if (!raw) return { kind: 'default' };
  if (!pathApi.isAbsolute(raw)) {
    return {
      kind: 'invalid',
      message: {
        zh: `环境变量 ${DATA_DIR_ENV} 必须是绝对路径，当前为：${raw}`,
        en: `${DATA_DIR_ENV} must be an absolute path, got: ${raw}`,
      },
    };
  }
  return { kind: 'custom', dir: pathApi.normalize(raw) };
}

/** Synchronous on purpose: it must finish before app.setPath('userData') and before `ready`. */
export function ensureDataDir(dir: string): { ok: true } | { ok: false; message: Bilingual } {
  try {
    mkdirSync(dir, { recursive: true });
    return { ok: true };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message: { zh: `无法创建数据文件夹 ${dir}：${detail}`, en: `Cannot create the data folder ${dir}: ${detail}` },
    };
  }
}
