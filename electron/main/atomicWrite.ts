// Exports go to USB sticks that get pulled out and fill up. Writing to a temporary file,
// flushing it and renaming it over the target means the target is either the old file or the
// complete new one, never half a spreadsheet.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../shared/result';

const TMP_MARK = '.tmp-';
export const isTempFileOf = (target: string, candidate: string): boolean =>
  candidate.startsWith(`${path.basename(target)}${TMP_MARK}`);

/** Plain-language reason for a failed write, in both languages; `name` is the file the user chose. */
export function describeWriteError(error: unknown, name: string): Result<never> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return fail('save.diskFull', `无法保存“${name}”：磁盘或 U 盘空间已满。`, `Could not save "${name}": the disk or USB stick is full.`);
    case 'EROFS':
      return fail('save.readOnly', `无法保存“${name}”：磁盘或 U 盘是只读的（请检查 U 盘的写保护开关）。`, `Could not save "${name}": the disk or USB stick is read-only (check its write-protect switch).`);
    case 'EACCES':
    case 'EPERM':
      return fail('save.permission', `无法保存“${name}”：没有写入权限，或文件正被其他程序（如 Excel）打开。`, `Could not save "${name}": no permission to write there, or the file is open in another program (such as Excel).`);
    case 'EBUSY':
      return fail('save.busy', `无法保存“${name}”：文件正被其他程序（如 Excel）打开，请关闭后重试。`, `Could not save "${name}": the file is open in another program (such as Excel). Close it and try again.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return fail('save.noFolder', `无法保存“${name}”：文件夹不存在（U 盘是否已拔出？）。`, `Could not save "${name}": the folder does not exist (was the USB stick removed?).`);
    case 'EIO':
      return fail('save.io', `无法保存“${name}”：读写出错，U 盘可能已拔出或损坏。`, `Could not save "${name}": read/write error; the USB stick may have been removed or be damaged.`);
    case 'ENAMETOOLONG':
      return fail('save.nameTooLong', `无法保存“${name}”：路径太长，请换一个较短的文件夹或文件名。`, `Could not save "${name}": the path is too long; choose a shorter folder or name.`);
    default:
      return fail('save.failed', `无法保存“${name}”：${detail}`, `Could not save "${name}": ${detail}`);
  }
}

export interface AtomicWriteOptions {
  /** Windows refuses a rename while an antivirus scanner or the indexer briefly holds the file. */
  renameRetries?: number;
  platform?: NodeJS.Platform;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function renameWithRetry(from: string, to: string, retries: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= retries || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e;
      await sleep(100 * (attempt + 1));
    }
  }
}

/** Best effort: makes the rename itself survive a power cut on Linux. Windows cannot open folders. */
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems (FAT on Linux, network shares) refuse; the data itself is already flushed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeFileAtomic(target: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<Result<null>> {
  const platform = options.platform ?? process.platform;
  const temp = `${target}${TMP_MARK}${randomBytes(6).toString('hex')}`;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, target, options.renameRetries ?? (platform === 'win32' ? 5 : 0));
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    return describeWriteError(e, path.basename(target));
  }
  if (platform !== 'win32') await syncDir(path.dirname(target));
  return ok(null);
}
