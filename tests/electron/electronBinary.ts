// The smoke test runs the real binary or nothing: no Electron on the machine means "not run",
// said out loud, never a green tick that tested nothing.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, locateElectronBinary } from '../../scripts/electronBinary.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const NOT_RUN_LINE = 'Electron smoke test NOT RUN: no Electron binary on this machine (set ELECTRON_EXEC_PATH to run it)';

/** Path of a usable Electron binary, or undefined. Never triggers a download. */
export function findElectronBinary(): string | undefined {
  const located = locateElectronBinary({ env: process.env, packageDir: electronPackageDir(ROOT) });
  return located.exists ? located.path : undefined;
}
