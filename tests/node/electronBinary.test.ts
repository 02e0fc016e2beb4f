import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  DOWNLOADING_MESSAGE,
  locateElectronBinary,
  NO_BINARY_MESSAGE,
  NO_PACKAGE_MESSAGE,
  nextStartStep,
  runStart,
  type LocatedElectron,
  type StartDeps,
} from '../../scripts/electronBinary.mjs';

const PKG = path.join('/proj', 'node_modules', 'electron');
const files = (entries: Record<string, string>) => ({
  exists: (f: string) => f in entries,
  readText: (f: string) => {
    const text = entries[f];
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  },
});

describe('locateElectronBinary', () => {
  it('prefers ELECTRON_EXEC_PATH and reports whether it exists', () => {
    expect(locateElectronBinary({ env: { ELECTRON_EXEC_PATH: '/opt/electron/electron' }, packageDir: PKG, ...files({ '/opt/electron/electron': '' }) })).toEqual({
      source: 'env',
      path: '/opt/electron/electron',
      exists: true,
      packageDir: PKG,
    });
    expect(locateElectronBinary({ env: { ELECTRON_EXEC_PATH: '/nope' }, packageDir: PKG, ...files({}) }).exists).toBe(false);
  });

  it('finds the downloaded binary through path.txt, as the electron package does', () => {
    const binary = path.join(PKG, 'dist', 'electron');
    const located = locateElectronBinary({ env: {}, packageDir: PKG, ...files({ [path.join(PKG, 'path.txt')]: 'electron', [binary]: '' }) });
    expect(located).toEqual({ source: 'package', path: binary, exists: true, packageDir: PKG });
  });

  it('reports "not downloaded" when path.txt or the binary is missing', () => {
    expect(locateElectronBinary({ env: {}, packageDir: PKG, ...files({}) })).toMatchObject({ source: 'package', exists: false });
    expect(locateElectronBinary({ env: {}, packageDir: PKG, ...files({ [path.join(PKG, 'path.txt')]: 'electron' }) })).toMatchObject({ exists: false });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH and a missing package', () => {
    const located = locateElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/dist' }, packageDir: PKG, ...files({ [path.join('/dist', 'electron')]: '' }) });
    expect(located).toMatchObject({ path: path.join('/dist', 'electron'), exists: true });
    expect(locateElectronBinary({ env: {}, packageDir: undefined, ...files({}) })).toMatchObject({ source: 'none', exists: false });
  });
});

describe('nextStartStep', () => {
  const missing: LocatedElectron = { source: 'package', path: undefined, exists: false, packageDir: PKG };
  it('launches an existing binary', () => {
    expect(nextStartStep({ ...missing, path: '/bin/electron', exists: true }, { installAttempted: false })).toEqual({ kind: 'launch', binary: '/bin/electron' });
  });
  it('downloads once, then gives up with the one-line message', () => {
    expect(nextStartStep(missing, { installAttempted: false })).toEqual({ kind: 'install', script: path.join(PKG, 'install.js') });
    expect(nextStartStep(missing, { installAttempted: true })).toEqual({ kind: 'fail', message: NO_BINARY_MESSAGE });
    expect(NO_BINARY_MESSAGE).not.toContain('\n');
    expect(NO_BINARY_MESSAGE).toContain('npm run web');
  });
  it('never downloads to replace a wrong ELECTRON_EXEC_PATH', () => {
    const step = nextStartStep({ source: 'env', path: '/typo', exists: false, packageDir: PKG }, { installAttempted: false });
    expect(step).toMatchObject({ kind: 'fail' });
    expect(step.kind === 'fail' && step.message).toContain('/typo');
  });
  it('asks for npm install when the electron package itself is absent', () => {
    expect(nextStartStep({ source: 'none', path: undefined, exists: false, packageDir: undefined }, { installAttempted: false })).toEqual({ kind: 'fail', message: NO_PACKAGE_MESSAGE });
  });
});

describe('runStart', () => {
  function deps(states: LocatedElectron[], env: StartDeps['env'] = {}) {
    const locate = vi.fn(() => states.shift() ?? states[states.length - 1]!);
    const d = {
      root: '/proj',
      env,
      args: ['--extra'],
      locate,
      runNode: vi.fn<StartDeps['runNode']>(() => 0),
      launch: vi.fn<StartDeps['launch']>(async () => 7),
      log: vi.fn<StartDeps['log']>(),
      error: vi.fn<StartDeps['error']>(),
      electronViteBin: () => '/proj/node_modules/electron-vite/bin/electron-vite.js',
    };
    return d;
  }
  const missing: LocatedElectron = { source: 'package', path: undefined, exists: false, packageDir: PKG };
  const present: LocatedElectron = { source: 'package', path: '/bin/electron', exists: true, packageDir: PKG };

  it('builds, then launches electron on the project root and forwards its exit code', async () => {
    const d = deps([present]);
    expect(await runStart(d)).toBe(7);
    expect(d.runNode).toHaveBeenCalledExactlyOnceWith('/proj/node_modules/electron-vite/bin/electron-vite.js', ['build'], { quietErrors: false });
    expect(d.launch).toHaveBeenCalledWith('/bin/electron', ['/proj', '--extra']);
  });

  it('downloads once when missing, then launches', async () => {
    const d = deps([missing, present]);
    expect(await runStart(d)).toBe(7);
    expect(d.runNode.mock.calls[0]).toEqual([path.join(PKG, 'install.js'), [], { quietErrors: true }]);
    expect(d.log).toHaveBeenCalledWith(DOWNLOADING_MESSAGE);
  });

  it('prints exactly one error line and exits 1 when the download fails', async () => {
    const d = deps([missing, missing]);
    d.runNode.mockReturnValue(1);
    expect(await runStart(d)).toBe(1);
    expect(d.runNode).toHaveBeenCalledOnce();
    expect(d.error.mock.calls).toEqual([[NO_BINARY_MESSAGE]]);
    expect(d.launch).not.toHaveBeenCalled();
  });

  it('shows the downloader’s own errors when CHECKPOINT_START_VERBOSE is set', async () => {
    const d = deps([missing, missing], { CHECKPOINT_START_VERBOSE: '1' });
    await runStart(d);
    expect(d.runNode.mock.calls[0]?.[2]).toEqual({ quietErrors: false });
  });

  it('does not launch when the build fails', async () => {
    const d = deps([present]);
    d.runNode.mockReturnValue(2);
    expect(await runStart(d)).toBe(2);
    expect(d.launch).not.toHaveBeenCalled();
    expect(d.error).toHaveBeenCalledOnce();
  });
});

describe('scripts/start.mjs', () => {
  it('exits 1 with one plain line, no stack trace, for a missing ELECTRON_EXEC_PATH', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      env: { ...process.env, ELECTRON_EXEC_PATH: path.join(root, 'no-such-electron') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('ELECTRON_EXEC_PATH');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
