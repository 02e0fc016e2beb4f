// The move from file:// to app://station, on its real data path, in Chromium. Two local servers
// are two origins, standing in for the old file:// page and the new app://station page (to
// IndexedDB an origin is an origin). Only Electron's transport is stood in for:
//   - origin A runs the BUILT migration preload (out/preload/migrate.cjs) in the migration page;
//   - origin B runs the BUILT app preload (out/preload/index.cjs) under the app;
//   - their ipcRenderer.invoke reaches, through a Playwright binding, main's own dispatcher
//     (zod validation, electron/main/ipcCore.ts) and main's own migration module
//     (electron/main/originMigration.ts) spooling to a real folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createIpcDispatcher, INVOKE_NAMES, type IpcHandlers } from '../../electron/main/ipcCore';
import { OriginMigration, originMigrationHandlers, type MigrationState } from '../../electron/main/originMigration';
import { IPC, type OriginSummary } from '../../shared/ipc';
import { fail, ok } from '../../shared/result';
import { BoothPage, residentId } from './pages/BoothPage';
import { registerPlainVehicle, type PlainVehicle } from './pages/shellFlows';
import { extraPort, startRendererServer, type RendererServer } from './support/rendererServer';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const preload = (name: string) => {
  const file = path.join(ROOT, 'out/preload', name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
};

/** A sandboxed preload as Electron runs it: CommonJS whose only `require` is 'electron'. */
function asPreload(source: string): string {
  return `(() => {
    const electron = {
      ipcRenderer: {
        invoke: (channel, ...args) => window.__mainInvoke(channel, args),
        on() {},
        removeListener() {},
      },
      contextBridge: { exposeInMainWorld: (key, api) => { window[key] = api; } },
    };
    const require = (name) => { if (name === 'electron') return electron; throw new Error('a sandboxed preload cannot require ' + name); };
    const module = { exports: {} };
    (function (require, module, exports) {\n${source}\n})(require, module, module.exports);
  })();`;
}

interface Main {
  calls: string[];
  exportFinished: Promise<boolean>;
}

/** "Main": the real dispatcher and migration module over `dir`; a fresh one per start. */
async function bindMain(page: Page, dir: string, options: { breakAtChunk?: number } = {}): Promise<Main> {
  const migration = new OriginMigration(dir);
  const calls: string[] = [];
  let finish: (ok: boolean) => void = () => undefined;
  const exportFinished = new Promise<boolean>((resolve) => (finish = resolve));
  const notHere = async () => fail<never>('test.notHere', '测试中不可用', 'not available in this test');
  const handlers: IpcHandlers = {
    appInfo: async () => ok({ version: '0.1.0', platform: 'electron' as const, dataDir: dir }),
    setLocale: async () => ok(null),
    saveFile: notHere,
    print: notHere,
    printToPdf: notHere,
    // County sync is not set up on this station.
    syncStatus: async () => ok({ available: true, configured: false }),
    syncConfigure: notHere,
    syncImportConfig: notHere,
    syncForget: notHere,
    syncPush: notHere,
    syncPull: notHere,
    syncWatchEntries: notHere,
    syncCountyDay: notHere,
    readWorkbooks: notHere,
    cancelImport: notHere,
    // The journal is not what this test is about (its own tests: reliability.spec.ts).
    journalAppend: notHere,
    journalRead: notHere,
    snapshotWrite: notHere,
    snapshotList: notHere,
    snapshotRead: notHere,
    journalCompact: notHere,
    ...originMigrationHandlers(migration, {
      development: false,
      onExportFinished: (done) => finish(done),
      onImportRefused: (error) => calls.push(`refused: ${error.message.en}`),
    }),
  };
  if (options.breakAtChunk !== undefined) {
    // As if the app were killed while importing: chunks from here on never arrive.
    const real = handlers.originImportChunk;
    handlers.originImportChunk = async (index) => (index >= options.breakAtChunk! ? fail('test.killed', '中断', 'import cut off') : real(index));
  }
  const dispatch = createIpcDispatcher(handlers);
  const byChannel = new Map(INVOKE_NAMES.map((name) => [handlersChannel(name), name] as const));
  await page.exposeFunction('__mainInvoke', async (channel: string, args: unknown[]) => {
    const name = byChannel.get(channel);
    calls.push(channel);
    // The sender check is Electron's part (tested with the fake Electron in electron/main/index.test.ts).
    return name ? dispatch(name, () => true, args) : fail('test.unknownChannel', '未知通道', `unknown channel ${channel}`);
  });
  return { calls, exportFinished };
}
const handlersChannel = (name: (typeof INVOKE_NAMES)[number]): string => IPC[name];

/** Every row of every store of the app's database at this page's origin, read with plain IndexedDB. */
async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('checkpoint-station');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, unknown[]> = {};
    // The station's signing key stays with its origin (NOT_TRANSFERRED in originTransfer.ts).
    for (const name of [...db.objectStoreNames].filter((n) => n !== 'stationKeys').sort()) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    return out;
  });
}

const counts = (dump: Record<string, unknown[]>) => Object.fromEntries(Object.entries(dump).map(([k, v]) => [k, v.length]));

let oldOrigin: RendererServer;
let newOrigin: RendererServer;
let dataDir: string;
test.beforeAll(async () => {
  oldOrigin = await startRendererServer(extraPort(1));
  newOrigin = await startRendererServer(extraPort(2));
  dataDir = mkdtempSync(path.join(tmpdir(), 'origin-move-'));
});
test.afterAll(async () => {
  await oldOrigin?.close();
  await newOrigin?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const DRIVER = { name: '张三', id: residentId('510722', '19850312', '123'), phone: '13800138000', temp: '36.5' };
/** Old days' people, enough for several 500-row chunks. */
const EXTRA_PERSONS = 1_234;

async function seedHistory(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('checkpoint-station');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('persons', 'readwrite');
      for (let i = 0; i < n; i++) {
        tx.objectStore('persons').put({ id: `0-history-${String(i).padStart(5, '0')}`, vehicleId: `0-hv-${i % 300}`, shiftId: '0-hs', day: '2020-02-01', createdAt: 1580515200000 + i, name: `历史${i}`, docNumber: `D${i}`, docRev: `${i}D`, phone: '', voided: 0, temps: [36.4, 36.6] });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page]', e.message));
  return page;
}

/** The old version at the old origin: 开班, `vehicles` registered at the booth, then history; its database as it stands. */
async function oldOriginData(context: BrowserContext, vehicles: PlainVehicle[]): Promise<Record<string, unknown[]>> {
  const old = await newPage(context);
  const oldBooth = new BoothPage(old);
  await old.goto(`${oldOrigin.origin}/`);
  await oldBooth.openShift();
  for (const v of vehicles) await registerPlainVehicle(oldBooth, v);
  await seedHistory(old, EXTRA_PERSONS);
  const before = await dumpDatabase(old);
  await old.close();
  return before;
}

/** First start of the new version: the migration page at the OLD origin, with the built preload, exports into `spool`. */
async function exportOldOrigin(context: BrowserContext, spool: string): Promise<void> {
  const page = await newPage(context);
  const main = await bindMain(page, spool);
  await page.goto(`${oldOrigin.origin}/migrate.html`);
  await new OriginMigration(spool).beginExport();
  await page.evaluate(asPreload(preload('migrate.cjs')));
  expect(await main.exportFinished).toBe(true);
  await page.close();
}

test('a booth\'s data under the old origin appears under the new one with identical counts and content, once', async ({ context }) => {
  test.setTimeout(180_000);
  const spool = path.join(dataDir, 'origin-migration');

  // ---- the old version, at the old origin: two vehicles registered at the booth, plus history ----
  const before = await oldOriginData(context, [
    { typed: 'a12345', shown: '川A12345', driver: DRIVER },
    { typed: 'b23456', shown: '川B23456', driver: { ...DRIVER, name: '李四', id: residentId('510722', '19900101', '456') } },
  ]);
  expect(before['vehicles']).toHaveLength(2);
  expect(before['persons']).toHaveLength(2 + EXTRA_PERSONS);

  // ---- first start of the new version: the migration page at the OLD origin, with the built preload ----
  await exportOldOrigin(context, spool);
  const exported = new OriginMigration(spool).state();
  expect(exported?.status).toBe('exported');
  const exportedSummary = (exported as Extract<MigrationState, { status: 'exported' }>).summary;
  expect(exportedSummary.counts).toEqual(counts(before));
  // 1,236 persons in 500-row chunks, plus the other non-empty tables.
  expect((exported as { chunks: number }).chunks).toBeGreaterThanOrEqual(4);

  // ---- the app at the NEW origin, with the built app preload: imports before it shows anything ----
  const app = await newPage(context);
  const main2 = await bindMain(app, spool);
  await app.addInitScript(asPreload(preload('index.cjs')));
  await app.goto(`${newOrigin.origin}/`);
  const booth = new BoothPage(app);
  // Nobody is signed in at the new origin: the lock screen shows once the import is done. The
  // content is compared before anyone signs in (a sign-in adds an audit entry).
  await expect(booth.lockScreen()).toBeVisible();
  const after = await dumpDatabase(app);
  await booth.unlock('王医生');
  await expect(booth.todayRow('川A12345')).toBeVisible();
  await expect(booth.todayRow('川B23456')).toBeVisible();
  await expect(app.getByTestId('shift-counts')).toHaveText('车辆 2 辆 · 人员 2 人');
  expect(counts(after)).toEqual(counts(before));
  // Identical content, row for row (stores read in key order on both sides).
  expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  expect(main2.calls.filter((c) => c === IPC.originImportChunk)).toHaveLength((exported as { chunks: number }).chunks);
  expect(main2.calls.filter((c) => c.startsWith('refused'))).toEqual([]);
  const done = new OriginMigration(spool).state();
  expect(done).toMatchObject({ status: 'done', summary: exportedSummary satisfies OriginSummary });
  expect(readdirNames(spool)).toEqual(['state.json']);

  // ---- the booth keeps working at the new origin ----
  await registerPlainVehicle(booth, { typed: 'c34567', shown: '川C34567', driver: { ...DRIVER, name: '王五', id: residentId('510722', '19950505', '789') } });
  await app.close();

  // ---- second start: nothing imported again, nothing lost ----
  const again = await newPage(context);
  const main3 = await bindMain(again, spool);
  await again.addInitScript(asPreload(preload('index.cjs')));
  await again.goto(`${newOrigin.origin}/`);
  await new BoothPage(again).unlock('王医生');
  await expect(new BoothPage(again).todayRow('川C34567')).toBeVisible();
  await expect(again.getByTestId('shift-counts')).toHaveText('车辆 3 辆 · 人员 3 人');
  expect(main3.calls.filter((c) => c === IPC.originImportChunk)).toEqual([]);
  expect(main3.calls).toContain(IPC.originImportPlan);
  const second = await dumpDatabase(again);
  expect(second['vehicles']).toHaveLength(3);
  expect(second['persons']).toHaveLength(3 + EXTRA_PERSONS);
  await again.close();

  // ---- the old origin's database is untouched ----
  const oldAgain = await newPage(context);
  await oldAgain.goto(`${oldOrigin.origin}/migrate.html`);
  expect(JSON.stringify(await dumpDatabase(oldAgain))).toBe(JSON.stringify(before));
});

test('an import cut off half-way keeps the app closed, and the next start completes it without duplicates', async ({ context }) => {
  test.setTimeout(180_000);
  const spool = path.join(dataDir, 'cut-off');
  const before = await oldOriginData(context, [{ typed: 'a12345', shown: '川A12345', driver: DRIVER }]);
  await exportOldOrigin(context, spool);

  // First start: two chunks arrive, then the import is cut off.
  const cut = await newPage(context);
  await bindMain(cut, spool, { breakAtChunk: 2 });
  await cut.addInitScript(asPreload(preload('index.cjs')));
  await cut.goto(`${newOrigin.origin}/`);
  await expect(cut.getByRole('status')).toContainText('尚未迁移完成，旧数据完好无损');
  await expect(cut.getByLabel('车牌号', { exact: true })).toHaveCount(0);
  expect((await dumpDatabase(cut))['persons']!.length).toBeLessThan(before['persons']!.length);
  expect(new OriginMigration(spool).state()?.status).toBe('exported');
  await cut.close();

  // Next start: the whole import again over the partial one; every row once.
  const again = await newPage(context);
  const main = await bindMain(again, spool);
  await again.addInitScript(asPreload(preload('index.cjs')));
  await again.goto(`${newOrigin.origin}/`);
  await expect(new BoothPage(again).lockScreen()).toBeVisible();
  expect(JSON.stringify(await dumpDatabase(again))).toBe(JSON.stringify(before));
  await new BoothPage(again).unlock('王医生');
  await expect(new BoothPage(again).todayRow('川A12345')).toBeVisible();
  expect(main.calls.filter((c) => c.startsWith('refused'))).toEqual([]);
  expect(new OriginMigration(spool).state()?.status).toBe('done');
});

function readdirNames(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
