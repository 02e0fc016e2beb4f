// Finding (and if need be downloading) the Electron binary for `npm start` and the Electron
// smoke test. Electron >= 42 has no postinstall: the binary arrives on first use.
//
// We deliberately do not `require('electron')` to find it: that call itself starts a download
// and then throws, so "try once, then explain" would turn into two downloads and a stack trace.
// Instead this mirrors node_modules/electron/index.js: dist/<path.txt> (or
// ELECTRON_OVERRIDE_DIST_PATH), which is where install-electron puts the binary.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const NO_BINARY_MESSAGE =
  '无法下载 Electron 运行文件（网络不通？），请改用浏览器版：npm run web / Could not download the Electron binary (no network?). Use the browser version instead: npm run web';

export const NO_PACKAGE_MESSAGE =
  '未安装 electron 依赖，请先运行 npm install / The electron package is not installed: run npm install first';

export const DOWNLOADING_MESSAGE =
  '首次运行：正在下载 Electron 运行文件（约 100 MB）… / First run: downloading the Electron binary (about 100 MB)…';

export const missingExecPathMessage = (file) =>
  `ELECTRON_EXEC_PATH 指向的文件不存在：${file} / ELECTRON_EXEC_PATH points to a file that does not exist: ${file}`;

/** node_modules/electron, or undefined when the package is not installed. */
export function electronPackageDir(fromDir = process.cwd()) {
  try {
    return path.dirname(createRequire(path.join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * @returns {{ source: 'env' | 'package' | 'none', path: string | undefined, exists: boolean, packageDir: string | undefined }}
 */
export function locateElectronBinary({ env, packageDir, exists = existsSync, readText = (file) => readFileSync(file, 'utf8') }) {
  const fromEnv = env.ELECTRON_EXEC_PATH?.trim();
  if (fromEnv) return { source: 'env', path: fromEnv, exists: exists(fromEnv), packageDir };
  if (!packageDir) return { source: 'none', path: undefined, exists: false, packageDir };
  let relative;
  try {
    relative = readText(path.join(packageDir, 'path.txt')).trim();
  } catch {
    relative = '';
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  if (override) {
    const file = path.join(override, relative || 'electron');
    return { source: 'package', path: file, exists: exists(file), packageDir };
  }
  if (!relative) return { source: 'package', path: undefined, exists: false, packageDir };
  const file = path.join(packageDir, 'dist', relative);
  return { source: 'package', path: file, exists: exists(file), packageDir };
}

/**
 * What `npm start` does next, given where the binary stands.
 * @returns {{ kind: 'launch', binary: string } | { kind: 'install', script: string } | { kind: 'fail', message: string }}
 */
export function nextStartStep(located, { installAttempted }) {
  if (located.exists && located.path) return { kind: 'launch', binary: located.path };
  // An explicit binary that is missing is a typo, not a reason to download another one.
  if (located.source === 'env') return { kind: 'fail', message: missingExecPathMessage(located.path) };
  if (!located.packageDir) return { kind: 'fail', message: NO_PACKAGE_MESSAGE };
  if (!installAttempted) return { kind: 'install', script: path.join(located.packageDir, 'install.js') };
  return { kind: 'fail', message: NO_BINARY_MESSAGE };
}

/**
 * The whole of `npm start`, with the outside world passed in so it can be exercised without
 * a network or a binary. Resolves to the process exit code.
 *
 * @param {{
 *   root: string,
 *   env: Record<string, string | undefined>,
 *   args: string[],
 *   locate: () => ReturnType<typeof locateElectronBinary>,
 *   runNode: (script: string, args: string[], opts: { quietErrors: boolean }) => number,
 *   launch: (binary: string, args: string[]) => Promise<number>,
 *   log: (line: string) => void,
 *   error: (line: string) => void,
 *   electronViteBin: () => string,
 * }} deps
 */
export async function runStart(deps) {
  let installAttempted = false;
  for (;;) {
    const step = nextStartStep(deps.locate(), { installAttempted });
    if (step.kind === 'fail') {
      deps.error(step.message);
      return 1;
    }
    if (step.kind === 'install') {
      installAttempted = true;
      deps.log(DOWNLOADING_MESSAGE);
      // The downloader prints a raw stack trace when offline; the one-line message above says it better.
      deps.runNode(step.script, [], { quietErrors: !deps.env.CHECKPOINT_START_VERBOSE });
      continue;
    }
    const built = deps.runNode(deps.electronViteBin(), ['build'], { quietErrors: false });
    if (built !== 0) {
      deps.error('构建失败，见上方错误 / Build failed, see the errors above');
      return built || 1;
    }
    return deps.launch(step.binary, [deps.root, ...deps.args]);
  }
}
