// The save dialog reopens where the last export went: usually the USB stick for the handover.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomicWrite';

export const LAST_FOLDER_FILE = 'last-folder.json';

/** The remembered folder, or undefined when it is unknown or gone (the stick was removed). */
export async function readLastFolder(userDataDir: string): Promise<string | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(userDataDir, LAST_FOLDER_FILE), 'utf8'));
    const folder = (parsed as { folder?: unknown } | null)?.folder;
    if (typeof folder !== 'string' || !path.isAbsolute(folder)) return undefined;
    return (await stat(folder)).isDirectory() ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** Failing to remember is not worth bothering the user about: the export itself succeeded. */
export async function writeLastFolder(userDataDir: string, folder: string): Promise<void> {
  const json = JSON.stringify({ folder }, null, 2);
  await writeFileAtomic(path.join(userDataDir, LAST_FOLDER_FILE), new TextEncoder().encode(json));
}
