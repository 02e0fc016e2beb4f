// electron-builder cannot package here (no Electron download), so at least make sure the
// config is one it accepts, using the same schema check it runs before packaging.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));

interface Config {
  appId?: string;
  asar?: boolean;
  files?: unknown;
  directories?: { output?: string };
  nsis?: Record<string, unknown>;
  linux?: { target?: unknown[]; category?: string; maintainer?: string };
  electronFuses?: Record<string, unknown>;
  win?: { signtoolOptions?: Record<string, unknown> };
  mac?: Record<string, unknown>;
  forceCodeSigning?: boolean;
}

async function loadConfig(): Promise<Config> {
  // Internal modules of app-builder-lib: if an upgrade moves them, update these two paths.
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig: (dir: string, file: string, opts: null) => Promise<Config>;
    validateConfiguration: (c: Config, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

// Loading app-builder-lib takes seconds on a busy machine; the checks themselves are instant.
describe('electron-builder.yml', { timeout: 30_000 }, () => {
  it('passes electron-builder’s own schema validation and says what the brief asks', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      appId: 'cn.checkpoint.station',
      asar: true,
      directories: { output: 'release' },
      nsis: { oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false, language: '2052' },
      linux: { target: ['AppImage', 'deb'], category: 'Office' },
    });
    // Validation normalises `files` into { filter: [...] }; only the patterns matter here.
    expect(JSON.stringify(config.files)).toBe(JSON.stringify([{ filter: ['out/**/*', 'package.json'] }]));
  });

  it('flips the fuses the brief asks for, as electron-builder hands them to @electron/fuses', async () => {
    const config = await loadConfig();
    // The same translation electron-builder runs right before signing (PlatformPackager.generateFuseConfig).
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(f: unknown): Promise<Record<string, unknown>> } };
    };
    const { FuseV1Options, FuseVersion } = require('@electron/fuses') as {
      FuseV1Options: Record<string, number>;
      FuseVersion: Record<string, string>;
    };
    const fuses = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    const byName = (name: string): unknown => fuses[String(FuseV1Options[name])];
    expect(fuses['version']).toBe(FuseVersion['V1']);
    expect(byName('RunAsNode')).toBe(false);
    expect(byName('EnableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(byName('EnableNodeCliInspectArguments')).toBe(false);
    expect(byName('EnableEmbeddedAsarIntegrityValidation')).toBe(true);
    expect(byName('OnlyLoadAppFromAsar')).toBe(true);
    expect(byName('GrantFileProtocolExtraPrivileges')).toBe(false);
  });

  it('has a code-signing section ready for a certificate, with no secret in the file and nothing forced yet', async () => {
    const config = await loadConfig();
    expect(config.win?.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    expect(String(config.win?.signtoolOptions?.['rfc3161TimeStampServer'])).toMatch(/^https?:\/\//);
    // The certificate and its password come from WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD, never from the file.
    expect(config.win?.signtoolOptions?.['certificateFile']).toBeUndefined();
    expect(config.win?.signtoolOptions?.['certificatePassword']).toBeUndefined();
    expect(config.forceCodeSigning).toBe(false);
    expect(config.mac).toMatchObject({ identity: null, notarize: false, hardenedRuntime: true });
  });

  it('pins the Electron it packages to the installed 45.x patch release', () => {
    const pkg = require('./package.json') as { devDependencies: Record<string, string> };
    const installed = (require('electron/package.json') as { version: string }).version;
    expect(pkg.devDependencies['electron']).toBe(installed);
    // 45.5.0 was the newest 45.x on the registry when this was written (npm view electron versions).
    const [major, minor] = installed.split('.').map(Number);
    expect(major).toBe(45);
    expect(minor).toBeGreaterThanOrEqual(5);
    const yml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    // The offline-packaging hint names the version to unpack; a stale one would package the wrong Electron.
    for (const named of yml.matchAll(/electron-v?(\d+\.\d+\.\d+)|Electron (\d+\.\d+\.\d+)/g)) {
      expect(named[1] ?? named[2]).toBe(installed);
    }
  });
});
