// `npm start` on a station PC: make sure the Electron binary is there (downloading it once if
// not), build, and run the desktop app. When the binary cannot be had, say so in one line and
// point at the browser version instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, locateElectronBinary, runStart } from './electronBinary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = electronPackageDir(root);

// Spawning `node <bin>.js` rather than node_modules/.bin/* works the same on Windows (.cmd shims).
function electronViteBin() {
  const require = createRequire(path.join(root, 'package.json'));
  const pkgFile = require.resolve('electron-vite/package.json');
  const bin = require(pkgFile).bin;
  return path.join(path.dirname(pkgFile), typeof bin === 'string' ? bin : bin['electron-vite']);
}

function runNode(script, args, { quietErrors }) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    stdio: ['inherit', 'inherit', quietErrors ? 'pipe' : 'inherit'],
  });
  return result.status ?? 1;
}

function launch(binary, args) {
  const env = { ...process.env };
  // Inherited from some editors' terminals; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd: root, env, stdio: 'inherit', windowsHide: false });
    const forward = (signal) => () => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward(signal));
    child.on('error', (e) => {
      console.error(`无法启动 Electron：${e.message} / Could not start Electron: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

process.exitCode = await runStart({
  root,
  env: process.env,
  args: process.argv.slice(2),
  locate: () => locateElectronBinary({ env: process.env, packageDir }),
  runNode,
  launch,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  electronViteBin,
});
