import type { MenuCommand } from '../../../shared/ipc';
import { createImportRunner, type ParserChild } from '../../../shared/excel/parserHost';
import { workerChild } from './workerChild';
import { ok, fail } from '../../../shared/result';
import type { Platform } from './types';
import { opfsCall } from './opfsJournal';

const desktopOnly = () => fail<never>('platform.desktopOnly', '仅桌面版可用。', 'Only available in the desktop app.');
const SYNC_UNAVAILABLE = { zh: '浏览器版不能与县级服务器同步，请使用桌面版', en: 'The browser version cannot sync with the county server; use the desktop app' };
const syncUnavailable = () => fail<never>('sync.unavailable', SYNC_UNAVAILABLE.zh, SYNC_UNAVAILABLE.en);

// In a browser there is no save dialog: a file is offered as a download, and the browser
// decides where it lands, so the outcome names the file rather than a path.
/** The browser's parser: a dedicated module worker, terminated on the time limit or a cancel. */
function spawnImportWorker(): ParserChild {
  // This exact form lets Vite find and bundle the worker.
  return workerChild(new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' }));
}

export function createWebPlatform(): Platform {
  const menuListeners = new Set<(command: MenuCommand) => void>();
  return {
    kind: 'web',
    appInfo: async () => ok({ version: import.meta.env.VITE_APP_VERSION ?? 'web', platform: 'web', dataDir: `IndexedDB @ ${location.origin}` }),
    setLocale: async () => ok(null),
    saveFile: async (req) => {
      try {
        const type = req.kind === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : req.kind === 'pdf' ? 'application/pdf' : 'application/jsonl';
        const url = URL.createObjectURL(new Blob([req.data as Uint8Array<ArrayBuffer>], { type }));
        const a = document.createElement('a');
        a.href = url;
        a.download = req.suggestedName;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        return ok({ saved: true as const, path: req.suggestedName });
      } catch (e) {
        return fail('save.failed', `文件保存失败：${String(e)}`, `Could not save the file: ${String(e)}`);
      }
    },
    print: async () => {
      window.print();
      return ok(null);
    },
    printToPdf: async () => fail('print.pdfUnavailable', '浏览器版不能直接生成 PDF，请用“打印”并选择“另存为 PDF”。', 'The browser version cannot make a PDF directly: use Print and choose “Save as PDF”.'),
    // The browser build never moved origin: nothing to carry over.
    originImportPlan: async () => ok(null),
    originExportChunk: async () => desktopOnly(),
    originExportDone: async () => desktopOnly(),
    originImportChunk: async () => desktopOnly(),
    originImportDone: async () => desktopOnly(),
    // No main process, so no PostgreSQL client: the browser version cannot sync.
    syncStatus: async () => ok({ available: false, configured: false, reason: SYNC_UNAVAILABLE }),
    syncConfigure: async () => syncUnavailable(),
    syncImportConfig: async () => syncUnavailable(),
    syncForget: async () => syncUnavailable(),
    syncPush: async () => syncUnavailable(),
    syncPull: async () => syncUnavailable(),
    syncWatchEntries: async () => syncUnavailable(),
    syncCountyDay: async () => syncUnavailable(),
    // Workbooks are parsed in a worker with parserHost's time limit, one import at a time.
    ...createImportRunner(spawnImportWorker),
    // The second copy lives in the Origin Private File System, written by a worker (opfsJournal.worker.ts).
    journalAppend: (req) => opfsCall({ op: 'append', ...req }),
    journalRead: (req) => opfsCall({ op: 'read', ...req }),
    journalCompact: (req) => opfsCall({ op: 'compact', ...req }),
    // No second folder in a browser: a snapshot leaves the machine only as a download (关于).
    snapshotWrite: ({ db, kind, seq, text }) => opfsCall({ op: 'snapshotWrite', db, kind, seq, text, at: Date.now() }),
    snapshotList: (req) => opfsCall({ op: 'snapshotList', ...req }),
    snapshotRead: (req) => opfsCall({ op: 'snapshotRead', ...req }),
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
  };
}
