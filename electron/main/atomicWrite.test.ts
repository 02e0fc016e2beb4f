import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteError, isTempFileOf, writeFileAtomic } from './atomicWrite';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'checkpoint-atomic-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const enc = (s: string) => new TextEncoder().encode(s);
const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file behind', async () => {
    const target = path.join(dir, '交接表.xlsx');
    expect(await writeFileAtomic(target, enc('new'))).toEqual({ ok: true, value: null });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['交接表.xlsx']);
  });

  it('replaces an existing file in one step', async () => {
    const target = path.join(dir, 'a.pdf');
    writeFileSync(target, 'old');
    expect((await writeFileAtomic(target, enc('new content'))).ok).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('fails with a bilingual "folder missing" message when the folder is gone (USB stick pulled)', async () => {
    const target = path.join(dir, 'gone', 'a.xlsx');
    const result = await writeFileAtomic(target, enc('x'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('save.noFolder');
      expect(result.error.message.zh).toContain('a.xlsx');
      expect(result.error.message.en).toContain('USB');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the original and removes the temp file when the final rename fails', async () => {
    // A non-empty folder where the file should go: the rename fails even for root.
    const target = path.join(dir, 'a.xlsx');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'original');
    const result = await writeFileAtomic(target, enc('new'), { renameRetries: 0 });
    expect(result.ok).toBe(false);
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('original');
    expect(readdirSync(dir).filter((f) => isTempFileOf(target, f))).toEqual([]);
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it.skipIf(isRoot)('reports a read-only folder and leaves the original intact (skipped as root: root ignores modes)', async () => {
    const target = path.join(dir, 'a.xlsx');
    writeFileSync(target, 'original');
    chmodSync(dir, 0o555);
    const result = await writeFileAtomic(target, enc('new'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['save.permission', 'save.readOnly']).toContain(result.error.code);
    expect(readFileSync(target, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
  });
});

describe('describeWriteError', () => {
  const err = (code: string) => Object.assign(new Error(`${code}: something`), { code });
  it.each([
    ['ENOSPC', 'save.diskFull', '已满', 'full'],
    ['EROFS', 'save.readOnly', '只读', 'read-only'],
    ['EACCES', 'save.permission', '权限', 'permission'],
    ['EPERM', 'save.permission', 'Excel', 'Excel'],
    ['EBUSY', 'save.busy', '其他程序', 'open in another program'],
    ['ENOENT', 'save.noFolder', 'U 盘', 'USB'],
    ['EIO', 'save.io', 'U 盘', 'USB'],
    ['ENAMETOOLONG', 'save.nameTooLong', '太长', 'too long'],
    ['EWHATEVER', 'save.failed', 'EWHATEVER', 'EWHATEVER'],
  ])('%s → %s', (code, expected, zh, en) => {
    const r = describeWriteError(err(code), '交接表.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(expected);
    expect(r.error.message.zh).toContain(zh);
    expect(r.error.message.zh).toContain('交接表.xlsx');
    expect(r.error.message.en).toContain(en);
  });
});
