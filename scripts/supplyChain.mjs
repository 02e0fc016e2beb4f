// Supply-chain checks for CI (`node scripts/supplyChain.mjs`, run by .ci/run):
//  1. everything the app bundles is a runtime dependency, so `npm audit --omit=dev` sees it;
//  2. the npm `xlsx` package (frozen at 0.18.5 with known prototype-pollution and ReDoS advisories)
//     never enters the tree — SheetJS comes from its maintained mirror, npm:@e965/xlsx;
//  3. `npm audit --omit=dev` fails on a high or critical advisory, and says plainly when the
//     registry does not serve advisories (an unreachable endpoint is not a red build).
// The decisions are pure functions so scripts/supplyChain.test.ts can feed them fixtures.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Source folders that end up inside the packaged app (tests and tools excluded below). */
export const BUNDLED_SOURCE_DIRS = ['electron', 'renderer/src', 'shared'];
/** Provided by the runtime itself, never installed from npm into the app. */
const PROVIDED = new Set(['electron']);

/** `import … from 'x'`, `import 'x'`, `export … from 'x'`, `import('x')` — minus `import type`. */
export function importedPackages(source) {
  const found = new Set();
  const statement = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue; // type-only: erased at build time
    const spec = m[3] ?? m[4] ?? m[5];
    if (!spec || spec.startsWith('.') || spec.startsWith('/')) continue;
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (name.startsWith('node:') || builtinModules.includes(name) || PROVIDED.has(name)) continue;
    // Vite's own virtual/query imports (e.g. `?worker`) keep the package name before the '?'.
    found.add(name.split('?')[0]);
  }
  return found;
}

const isTestOrTool = (file) => /\.(test|testkit|spec)\.tsx?$|\.d\.ts$/.test(file) || /[/\\](bench|testing)[/\\.]/.test(file) || /[/\\]testing\.ts$/.test(file);

function walk(dir, out) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry) && !isTestOrTool(full)) out.push(full);
  }
  return out;
}

/** Packages imported by bundled code but missing from `dependencies`, with one importing file each. */
export function missingRuntimeDependencies(root, pkg) {
  const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
  const missing = new Map();
  for (const dir of BUNDLED_SOURCE_DIRS) {
    for (const file of walk(path.join(root, dir), [])) {
      for (const name of importedPackages(readFileSync(file, 'utf8'))) {
        if (!runtime.has(name) && !missing.has(name)) missing.set(name, path.relative(root, file));
      }
    }
  }
  return [...missing].map(([name, file]) => ({ name, file }));
}

/**
 * Lockfile entries that are the npm registry's `xlsx` package (any version: only 0.18.5 exists
 * in the 0.18 line there, and nothing newer was ever published to npm). The mirror installs
 * under the alias folder node_modules/xlsx but its `name` is @e965/xlsx.
 */
export function forbiddenXlsx(lock) {
  const bad = [];
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where.endsWith('node_modules/xlsx')) continue;
    const realName = entry.name ?? 'xlsx';
    const fromNpmXlsx = realName === 'xlsx' || /registry\.npmjs\.org\/xlsx\/-\//.test(entry.resolved ?? '');
    if (fromNpmXlsx) bad.push({ where, version: entry.version ?? '?' });
  }
  return bad;
}

/**
 * Reads `npm audit --omit=dev --json`. A report (with metadata.vulnerabilities) decides by its
 * high and critical counts; anything else — an error body, a 405/404 from a mirror that does
 * not serve advisories, no network, garbage — means the audit did not run.
 */
export function judgeAudit(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { status: 'not-run', reason: 'npm audit printed no JSON report' };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    const reason = typeof report?.message === 'string' ? report.message : typeof report?.error?.summary === 'string' && report.error.summary ? report.error.summary : 'no advisories report returned';
    return { status: 'not-run', reason };
  }
  const high = Number(counts.high ?? 0);
  const critical = Number(counts.critical ?? 0);
  const names = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v?.severity === 'high' || v?.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  return high + critical > 0 ? { status: 'fail', high, critical, names } : { status: 'pass', total: Number(counts.total ?? 0) };
}

function runAudit(root) {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // npm exits 1 both for findings and for an unreachable endpoint: judge the JSON, not the code.
    execFile(npm, ['audit', '--omit=dev', '--json'], { cwd: root, timeout: 120_000, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' }, (_error, stdout) => resolve(String(stdout ?? '')));
  });
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  let failed = false;

  const missing = missingRuntimeDependencies(root, pkg);
  if (missing.length > 0) {
    failed = true;
    for (const m of missing) console.error(`supply chain: ${m.name} is bundled (imported by ${m.file}) but is not in package.json "dependencies"`);
  } else console.log('supply chain: every package the app imports is a runtime dependency');

  const xlsx = forbiddenXlsx(lock);
  if (xlsx.length > 0) {
    failed = true;
    for (const x of xlsx) console.error(`supply chain: npm "xlsx" ${x.version} is in the tree at ${x.where}; use "xlsx": "npm:@e965/xlsx@0.20.3"`);
  } else console.log('supply chain: npm "xlsx" (0.18.5) is not in the tree');

  if (process.argv.includes('--no-audit')) console.log('supply chain: npm audit skipped (--no-audit)');
  else {
    const audit = judgeAudit(await runAudit(root));
    if (audit.status === 'not-run') console.log(`supply chain: npm audit NOT RUN — the registry did not serve advisories (${audit.reason}). Runtime dependencies were not checked against advisories on this machine.`);
    else if (audit.status === 'fail') {
      failed = true;
      console.error(`supply chain: npm audit --omit=dev found ${audit.high} high and ${audit.critical} critical advisories: ${audit.names.join(', ')}`);
    } else console.log(`supply chain: npm audit --omit=dev: no high or critical advisories (${audit.total} lower)`);
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
