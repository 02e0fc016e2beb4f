// electron-builder cannot package here (no Electron download), so at least make sure the
// config is one it accepts, using the same schema check it runs before packaging.
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
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation and says what the brief asks', async () => {
    // Internal modules of app-builder-lib: if an upgrade moves them, update these two paths.
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig: (dir: string, file: string, opts: null) => Promise<Config>;
      validateConfiguration: (c: Config, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
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
});
