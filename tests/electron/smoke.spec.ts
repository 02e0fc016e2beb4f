import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppInfo, DesktopApi } from '../../shared/ipc';
import type { Result } from '../../shared/result';
import { findElectronBinary, NOT_RUN_LINE, ROOT } from './electronBinary';

const binary = findElectronBinary();
test.skip(!binary, NOT_RUN_LINE);

/** Exactly the DesktopApi members: `satisfies` rejects strangers, the type below rejects omissions. */
const API_FUNCTIONS = ['appInfo', 'cancelImport', 'journalAppend', 'journalCompact', 'journalRead', 'onMenuCommand', 'originExportChunk', 'originExportDone', 'originImportChunk', 'originImportDone', 'originImportPlan', 'print', 'printToPdf', 'readWorkbooks', 'saveFile', 'setLocale', 'snapshotList', 'snapshotRead', 'snapshotWrite', 'syncConfigure', 'syncCountyDay', 'syncForget', 'syncImportConfig', 'syncPull', 'syncPush', 'syncStatus', 'syncWatchEntries'] as const satisfies readonly (keyof DesktopApi)[];
type Missing = Exclude<keyof DesktopApi, (typeof API_FUNCTIONS)[number]>;
const _noneMissing: [Missing] extends [never] ? true : Missing = true;
void _noneMissing;

// page.evaluate bodies run in the page: they must not close over anything from this file.
type DesktopWindow = { checkpointDesktop: DesktopApi; open(url: string): unknown };

/** The built files are under test, not a dev server someone left running. */
function withoutDevServer(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && k !== 'ELECTRON_RENDERER_URL' && k !== 'ELECTRON_RUN_AS_NODE') out[k] = v;
  return out;
}

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  const mainJs = path.join(ROOT, 'out/main/index.js');
  expect(existsSync(mainJs), 'out/main/index.js is missing: run `npm run build` first').toBe(true);
  dataDir = mkdtempSync(path.join(tmpdir(), 'checkpoint-electron-'));
  // Chromium refuses to run as root with its sandbox on (CI containers); never the case on a station PC.
  const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // Launch the project folder, as `npm start` does, so package.json (name, version, main → out/main/index.js) applies.
  app = await electron.launch({
    executablePath: binary!,
    args: [...rootArgs, ROOT],
    cwd: ROOT,
    env: { ...withoutDevServer(process.env), CHECKPOINT_DATA_DIR: dataDir },
  });
  // The first window of a fresh data folder is the hidden migration page (old file:// origin);
  // the app window follows once it has reported.
  const isApp = (p: Page) => p.url().startsWith('app://station/');
  page = app.windows().find(isApp) ?? (await app.waitForEvent('window', { predicate: isApp, timeout: 60_000 }));
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('one window, titled 卡口登记站', async () => {
  await expect(page).toHaveTitle(/卡口登记站/);
  const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
  expect(windows).toHaveLength(1);
  expect(windows[0]).toContain('卡口登记站');
});

test('renderer sees only the bridge, with exactly the DesktopApi functions', async () => {
  const shape = await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    const api = g['checkpointDesktop'] as Record<string, unknown> | undefined;
    return {
      require: typeof g['require'],
      process: typeof g['process'],
      module: typeof g['module'],
      keys: api ? Object.keys(api).sort() : null,
      types: api ? Object.values(api).map((v) => typeof v) : [],
    };
  });
  expect(shape.require).toBe('undefined');
  expect(shape.process).toBe('undefined');
  expect(shape.module).toBe('undefined');
  expect(shape.keys).toEqual([...API_FUNCTIONS].sort());
  expect(new Set(shape.types)).toEqual(new Set(['function']));
});

test('appInfo reports the data folder from CHECKPOINT_DATA_DIR', async () => {
  const info = await page.evaluate(() => (globalThis as unknown as DesktopWindow).checkpointDesktop.appInfo());
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  expect(info).toEqual({ ok: true, value: { version, platform: 'electron', dataDir } } satisfies Result<AppInfo>);
});

test('main refuses a bad payload with a bilingual message instead of throwing', async () => {
  const result = await page.evaluate(() => (globalThis as unknown as DesktopWindow).checkpointDesktop.setLocale('fr' as never));
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('ipc.invalid');
    expect(result.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(result.error.message.en.length).toBeGreaterThan(0);
  }
});

test('window.open is denied', async () => {
  const opened = await page.evaluate(() => (globalThis as unknown as DesktopWindow).open('https://example.com/'));
  expect(opened).toBeNull();
  expect(app.windows()).toHaveLength(1);
});

test('the app is served from app://station with the production CSP header, not from file://', async () => {
  expect(page.url()).toBe('app://station/index.html');
  const served = await page.evaluate(async () => {
    const res = await fetch('/index.html');
    return { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type') };
  });
  expect(served.status).toBe(200);
  expect(served.type).toBe('text/html; charset=utf-8');
  expect(served.csp).toContain("script-src 'self'");
  expect(served.csp).not.toContain('unsafe-inline');
  const traversal = await page.evaluate(async () => (await fetch('/assets/..%2f..%2fmain%2findex.js')).status);
  expect(traversal).toBe(403);
});

test('a fresh data folder records the (empty) move from file:// as done, and keeps no spool', async () => {
  const state = JSON.parse(readFileSync(path.join(dataDir, 'origin-migration', 'state.json'), 'utf8')) as { status: string };
  expect(state.status).toBe('done');
});
