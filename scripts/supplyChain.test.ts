import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forbiddenXlsx, importedPackages, judgeAudit, missingRuntimeDependencies } from './supplyChain.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Parameters<typeof forbiddenXlsx>[0];

describe('runtime dependencies', () => {
  it('reads package names from value imports and ignores type-only, relative and built-in ones', () => {
    const src = [
      "import { useLiveQuery } from 'dexie-react-hooks';",
      "import type { Table } from 'dexie';",
      "import { createRoot } from 'react-dom/client';",
      "import { z } from 'zod';",
      "import '@fontsource/noto/index.css';",
      "export { thing } from '@scope/pkg/deep';",
      "const w = await import('xlsx');",
      "import { join } from 'node:path';",
      "import fs from 'fs';",
      "import { app } from 'electron';",
      "import { x } from './local';",
    ].join('\n');
    expect([...importedPackages(src)].sort()).toEqual(['@fontsource/noto', '@scope/pkg', 'dexie-react-hooks', 'react-dom', 'xlsx', 'zod']);
  });

  it('every package bundled into the app is in "dependencies", so an audit of runtime dependencies covers it', () => {
    expect(missingRuntimeDependencies(root, pkg)).toEqual([]);
    for (const name of ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'xlsx', 'zod']) {
      expect(pkg.dependencies[name], name).toBeDefined();
      expect(pkg.devDependencies[name], name).toBeUndefined();
    }
  });

  it('names the bundled packages a devDependencies-only manifest would hide from the audit', () => {
    const missing = missingRuntimeDependencies(root, { dependencies: { zod: pkg.dependencies['zod'] ?? '' } }).map((m) => m.name);
    expect(missing.sort()).toEqual(['@noble/hashes', 'crc-32', 'dexie', 'dexie-react-hooks', 'fflate', 'libphonenumber-js', 'pg', 'react', 'react-dom', 'xlsx']);
  });
});

describe('npm xlsx guard', () => {
  it('passes the real lockfile: SheetJS comes from the @e965 mirror', () => {
    expect(forbiddenXlsx(lock)).toEqual([]);
    expect(pkg.dependencies['xlsx']).toBe('npm:@e965/xlsx@0.20.3');
  });

  it('catches npm xlsx 0.18.5 at the top level or nested under another package', () => {
    const bad = {
      packages: {
        '': {},
        'node_modules/xlsx': { version: '0.18.5', resolved: 'https://registry.npmjs.org/xlsx/-/xlsx-0.18.5.tgz' },
        'node_modules/some-report-lib/node_modules/xlsx': { version: '0.18.5' },
        'node_modules/xlsx-style': { version: '1.0.0' },
      },
    };
    expect(forbiddenXlsx(bad)).toEqual([
      { where: 'node_modules/xlsx', version: '0.18.5' },
      { where: 'node_modules/some-report-lib/node_modules/xlsx', version: '0.18.5' },
    ]);
  });
});

describe('npm audit verdict', () => {
  const report = (counts: Record<string, number>, vulnerabilities: Record<string, { severity: string }> = {}) =>
    JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } } });

  it('fails on a high or critical advisory, naming the package', () => {
    expect(judgeAudit(report({ high: 1, total: 1 }, { 'xlsx': { severity: 'high' } }))).toEqual({ status: 'fail', high: 1, critical: 0, names: ['xlsx (high)'] });
    expect(judgeAudit(report({ critical: 2, total: 2 })).status).toBe('fail');
  });

  it('passes a clean report or one with only low and moderate findings', () => {
    expect(judgeAudit(report({}))).toEqual({ status: 'pass', total: 0 });
    expect(judgeAudit(report({ low: 1, moderate: 2, total: 3 }))).toEqual({ status: 'pass', total: 3 });
  });

  it('says the audit did not run when the registry serves no advisories, instead of failing CI', () => {
    // What a registry mirror without the advisories endpoint answers (captured from npm 10).
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } });
    expect(judgeAudit(refused)).toEqual({ status: 'not-run', reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
    expect(judgeAudit('').status).toBe('not-run');
    expect(judgeAudit(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed' } }))).toEqual({ status: 'not-run', reason: 'request to https://registry.npmjs.org failed' });
  });
});

describe('CI', () => {
  it('.ci/run runs the supply-chain check before the tests, outside `npm test` (which must work offline)', () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const check = ci.indexOf('node scripts/supplyChain.mjs');
    expect(check).toBeGreaterThan(ci.indexOf('npm ci'));
    expect(check).toBeLessThan(ci.indexOf('\nnpm test'));
    expect(ci).toMatch(/set -euo pipefail/);
  });
});
