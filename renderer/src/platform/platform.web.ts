import type { MenuCommand } from '../../../shared/ipc';
import { ok, fail } from '../../../shared/result';
import type { Platform } from './types';

const desktopOnly = () => fail<never>('platform.desktopOnly', '仅桌面版可用。', 'Only available in the desktop app.');

// In a browser there is no save dialog: a file is offered as a download, and the browser
// decides where it lands, so the outcome names the file rather than a path.
export function createWebPlatform(): Platform {
  const menuListeners = new Set<(command: MenuCommand) => void>();
  return {
    kind: 'web',
    appInfo: async () => ok({ version: import.meta.env.VITE_APP_VERSION ?? 'web', platform: 'web', dataDir: `IndexedDB @ ${location.origin}` }),
    setLocale: async () => ok(null),
    saveFile: async (req) => {
      try {
        const type = req.kind === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf';
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
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
  };
}
