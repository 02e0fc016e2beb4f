import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAST_FOLDER_FILE, readLastFolder, writeLastFolder } from './lastFolder';

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'checkpoint-last-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('last folder', () => {
  it('remembers a folder across calls', async () => {
    const usb = path.join(userData, 'U盘');
    mkdirSync(usb);
    expect(await readLastFolder(userData)).toBeUndefined();
    await writeLastFolder(userData, usb);
    expect(await readLastFolder(userData)).toBe(usb);
    expect(readdirSync(userData).sort()).toEqual([LAST_FOLDER_FILE, 'U盘'].sort());
  });

  it('forgets a folder that no longer exists (stick removed)', async () => {
    await writeLastFolder(userData, path.join(userData, 'removed'));
    expect(await readLastFolder(userData)).toBeUndefined();
  });

  it('ignores a damaged or foreign file', async () => {
    writeFileSync(path.join(userData, LAST_FOLDER_FILE), '{not json');
    expect(await readLastFolder(userData)).toBeUndefined();
    writeFileSync(path.join(userData, LAST_FOLDER_FILE), JSON.stringify({ folder: 'relative/path' }));
    expect(await readLastFolder(userData)).toBeUndefined();
    writeFileSync(path.join(userData, LAST_FOLDER_FILE), 'null');
    expect(await readLastFolder(userData)).toBeUndefined();
  });
});
