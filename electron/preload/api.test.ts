import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { IPC, type MenuCommand } from '../../shared/ipc';
import { createDesktopApi, type IpcRendererLike } from './api';

function fakeIpc(answer: unknown = { ok: true, value: null }) {
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]) => answer),
    on: vi.fn((channel: string, fn: (...a: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
      return ipc;
    }),
    removeListener: vi.fn((channel: string, fn: (...a: unknown[]) => void) => {
      listeners.get(channel)?.delete(fn);
      return ipc;
    }),
    emit: (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((fn) => fn({ sender: 'ipcRenderer!' }, ...args)),
  };
  return ipc;
}
const asIpc = (f: ReturnType<typeof fakeIpc>) => f as unknown as IpcRendererLike;

describe('preload api', () => {
  it('wraps every channel of shared/ipc.ts under its name, and nothing else', async () => {
    const ipc = fakeIpc();
    const api = createDesktopApi(asIpc(ipc)) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const names = Object.keys(IPC).filter((k) => k !== 'menuCommand') as (keyof typeof IPC)[];
    for (const name of names) await api[name]?.({ payload: name });
    expect(ipc.invoke.mock.calls).toEqual(names.map((name) => [IPC[name], { payload: name }]));
    expect(Object.keys(api).sort()).toEqual([...names, 'onMenuCommand'].sort());
  });

  it('wraps one named channel per function, passing only the payload', async () => {
    const ipc = fakeIpc();
    const api = createDesktopApi(asIpc(ipc));
    const data = new Uint8Array([1]);
    await api.appInfo();
    await api.setLocale('en');
    await api.saveFile({ suggestedName: 'a', kind: 'xlsx', data });
    await api.print();
    await api.printToPdf({ suggestedName: 'b' });
    const chunk = { table: 'vehicles', rows: [{ id: 'v1' }] };
    const summary = { counts: { vehicles: 1 }, digest: 'a'.repeat(64) };
    await api.originExportChunk(chunk);
    await api.originExportDone(summary);
    await api.originImportPlan();
    await api.originImportChunk(3);
    await api.originImportDone(summary);
    await api.readWorkbooks({ files: [{ name: 'a.xlsx', bytes: data }] });
    await api.cancelImport();
    expect(ipc.invoke.mock.calls).toEqual([
      [IPC.appInfo],
      [IPC.setLocale, 'en'],
      [IPC.saveFile, { suggestedName: 'a', kind: 'xlsx', data }],
      [IPC.print],
      [IPC.printToPdf, { suggestedName: 'b' }],
      [IPC.originExportChunk, chunk],
      [IPC.originExportDone, summary],
      [IPC.originImportPlan],
      [IPC.originImportChunk, 3],
      [IPC.originImportDone, summary],
      [IPC.readWorkbooks, { files: [{ name: 'a.xlsx', bytes: data }] }],
      [IPC.cancelImport],
    ]);
  });

  it('turns a rejected invoke into a bilingual failure instead of a rejected promise', async () => {
    const ipc = fakeIpc();
    ipc.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    const r = await createDesktopApi(asIpc(ipc)).saveFile({ suggestedName: 'a', kind: 'xlsx', data: new Uint8Array([1]) });
    expect(r).toMatchObject({ ok: false, error: { code: 'ipc.failed' } });
    if (!r.ok) expect(r.error.message.zh).toContain('主进程');
  });

  it('delivers menu commands without the event, and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = createDesktopApi(asIpc(ipc));
    const got: unknown[][] = [];
    const off = api.onMenuCommand((...args: unknown[]) => got.push(args));
    ipc.emit(IPC.menuCommand, 'save' satisfies MenuCommand);
    ipc.emit(IPC.menuCommand, 42);
    off();
    ipc.emit(IPC.menuCommand, 'print');
    expect(got).toEqual([['save']]);
    expect(ipc.removeListener).toHaveBeenCalledOnce();
  });

  it('exposes only DesktopApi functions, never ipcRenderer', () => {
    const api = createDesktopApi(asIpc(fakeIpc())) as unknown as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'cancelImport', 'journalAppend', 'journalCompact', 'journalRead', 'onMenuCommand', 'originExportChunk', 'originExportDone', 'originImportChunk', 'originImportDone', 'originImportPlan', 'print', 'printToPdf', 'readWorkbooks', 'saveFile', 'setLocale', 'snapshotList', 'snapshotRead', 'snapshotWrite', 'syncConfigure', 'syncCountyDay', 'syncForget', 'syncImportConfig', 'syncPull', 'syncPush', 'syncStatus', 'syncWatchEntries']);
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  it('imports nothing at runtime that a sandboxed preload cannot load (zod, shared/ipc.ts)', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(path.join(here, file), 'utf8');
      const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
      expect(valueImports.filter((m) => m === 'zod' || m?.endsWith('shared/ipc')), file).toEqual([]);
    }
    // The channel table it does bundle is constants only.
    const channels = readFileSync(path.join(here, '../../shared/ipcChannels.ts'), 'utf8');
    expect(channels).not.toMatch(/^import\s/m);
  });
});
