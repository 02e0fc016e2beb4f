import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR_ENV, ensureDataDir, resolveDataDir } from './dataDir';

describe('resolveDataDir', () => {
  it('uses Electron’s default when unset or blank', () => {
    expect(resolveDataDir({})).toEqual({ kind: 'default' });
    expect(resolveDataDir({ [DATA_DIR_ENV]: '  ' })).toEqual({ kind: 'default' });
  });

  it('accepts absolute paths, normalised', () => {
    expect(resolveDataDir({ [DATA_DIR_ENV]: '/srv/station2/../station3/' }, path.posix)).toEqual({ kind: 'custom', dir: '/srv/station3/' });
    expect(resolveDataDir({ [DATA_DIR_ENV]: 'D:\\卡口\\二号站' }, path.win32)).toEqual({ kind: 'custom', dir: 'D:\\卡口\\二号站' });
  });

  it('refuses relative paths with a bilingual message', () => {
    const choice = resolveDataDir({ [DATA_DIR_ENV]: 'station2' }, path.posix);
    expect(choice.kind).toBe('invalid');
    if (choice.kind === 'invalid') {
      expect(choice.message.zh).toContain('绝对路径');
      expect(choice.message.en).toContain('absolute');
    }
    expect(resolveDataDir({ [DATA_DIR_ENV]: '\\station2' }, path.win32).kind).toBe('custom');
    expect(resolveDataDir({ [DATA_DIR_ENV]: 'D:station2' }, path.win32).kind).toBe('invalid');
  });
});

describe('ensureDataDir', () => {
  it('creates nested folders and tolerates existing ones', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'checkpoint-data-'));
    try {
      const dir = path.join(base, '二号站', 'data');
      expect(ensureDataDir(dir)).toEqual({ ok: true });
      expect(existsSync(dir)).toBe(true);
      expect(ensureDataDir(dir)).toEqual({ ok: true });
      const file = path.join(base, 'file');
      writeFileSync(file, '');
      const blocked = ensureDataDir(path.join(file, 'sub'));
      expect(blocked.ok).toBe(false);
      if (!blocked.ok) expect(blocked.message.en).toContain('Cannot create the data folder');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
