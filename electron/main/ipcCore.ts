// Validation and dispatch for every renderer → main call. No electron import, so the rules
// (who may call, what a payload must look like, what a failure looks like) run in plain Node.
import { z } from 'zod';
import {
  IPC,
  boothFileTextSchema,
  dayRequestSchema,
  watchEntriesRequestSchema,
  syncBatchSchema,
  syncConfigureSchema,
  journalAppendRequestSchema,
  journalReadRequestSchema,
  journalCompactRequestSchema,
  snapshotListRequestSchema,
  snapshotReadRequestSchema,
  snapshotWriteRequestSchema,
  localeSchema,
  originChunkIndexSchema,
  originChunkSchema,
  originSummarySchema,
  printToPdfRequestSchema,
  readWorkbooksRequestSchema,
  saveFileRequestSchema,
  type DesktopApi,
} from '../../shared/ipc';
import { fail, type Result } from '../../shared/result';
import { can, type Actor, type Permission } from '../../shared/privacy/roles';

export type InvokeName = Exclude<keyof DesktopApi, 'onMenuCommand'>;

/** One function per channel, with exactly the signature the preload exposes. */
export type IpcHandlers = { [K in InvokeName]: DesktopApi[K] };

/** The arguments ipcRenderer.invoke delivers after the channel name, as a tuple: extra arguments are refused too. */
const ARGS = {
  appInfo: z.tuple([]),
  setLocale: z.tuple([localeSchema]),
  saveFile: z.tuple([saveFileRequestSchema]),
  print: z.tuple([]),
  printToPdf: z.tuple([printToPdfRequestSchema]),
  originExportChunk: z.tuple([originChunkSchema]),
  originExportDone: z.tuple([originSummarySchema]),
  originImportPlan: z.tuple([]),
  originImportChunk: z.tuple([originChunkIndexSchema]),
  originImportDone: z.tuple([originSummarySchema]),
  syncStatus: z.tuple([]),
  syncConfigure: z.tuple([syncConfigureSchema]),
  syncImportConfig: z.tuple([boothFileTextSchema]),
  syncForget: z.tuple([]),
  syncPush: z.tuple([syncBatchSchema]),
  syncPull: z.tuple([]),
  syncWatchEntries: z.tuple([watchEntriesRequestSchema]),
  syncCountyDay: z.tuple([dayRequestSchema]),
  readWorkbooks: z.tuple([readWorkbooksRequestSchema]),
  cancelImport: z.tuple([]),
  journalAppend: z.tuple([journalAppendRequestSchema]),
  journalRead: z.tuple([journalReadRequestSchema]),
  snapshotWrite: z.tuple([snapshotWriteRequestSchema]),
  snapshotList: z.tuple([snapshotListRequestSchema]),
  snapshotRead: z.tuple([snapshotReadRequestSchema]),
  journalCompact: z.tuple([journalCompactRequestSchema]),
} satisfies { [K in InvokeName]: z.ZodType<Parameters<DesktopApi[K]>> };

export const INVOKE_NAMES = Object.keys(ARGS) as InvokeName[];

/**
 * Calls that only the one-off migration page (the old file:// origin, in its own hidden window)
 * may make; every other call is only for the app window at app://station.
 */
export const MIGRATION_PAGE_CALLS: ReadonlySet<InvokeName> = new Set<InvokeName>(['originExportChunk', 'originExportDone']);

export const channelOf = (name: InvokeName): (typeof IPC)[InvokeName] => IPC[name];

/** One call that touched files or settings: who asked, what it needed, whether it was let through. */
export interface AccessRecord {
  at: number;
  channel: string;
  actor: Actor | null;
  needs: Permission | null;
  allowed: boolean;
}

/**
 * Calls that save files or change settings carry the signed-in operator, and main checks the
 * role itself: a full-ID workbook or a data snapshot needs exportFull, the sync setup
 * changeSettings. A masked workbook, a PDF or a snapshot is let through with whoever is signed in (or nobody:
 * the supervisor's district summary has no personal data) and recorded. Main cannot know who
 * sits at the PC — it trusts the actor the renderer names, after the renderer's PIN check —
 * but a renderer bug or a forged payload without a permitted actor is refused here.
 */
export function accessOf(name: InvokeName, args: readonly unknown[]): { actor: Actor | null; needs: Permission | null } | undefined {
  const req = args[0] as { actor?: Actor | null; kind?: string; fullIds?: boolean } | undefined;
  // A data snapshot (kind jsonl) is recorded but not refused: the recovery screen offers it when
  // the database (and with it the operators) may be gone — see docs/ARCHITECTURE.md.
  if (name === 'saveFile') return { actor: req?.actor ?? null, needs: req?.fullIds ? 'exportFull' : null };
  if (name === 'syncConfigure') return { actor: req?.actor ?? null, needs: 'changeSettings' };
  return undefined;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  // Path index 0 is the argument position; users and logs care about the field.
  const field = issue.path.slice(1).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: { zh?: unknown; en?: unknown } } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message?.zh === 'string' && typeof v.error.message.en === 'string';
}

const internal = (channel: string, detail: string): Result<never> =>
  fail('internal', `程序内部错误（${channel}）：${detail}`, `Internal error (${channel}): ${detail}`);

/**
 * Returns the function every ipcMain.handle calls. It always resolves to a Result:
 * a rejected invoke would surface in the renderer as an unreadable Electron error string.
 * `isTrustedSender` is a thunk so that even a throwing sender check becomes a Result.
 */
export function createIpcDispatcher(handlers: IpcHandlers, opts: { onAccess?: (r: AccessRecord) => void; now?: () => number } = {}) {
  return async function dispatch(name: InvokeName, isTrustedSender: () => boolean, args: readonly unknown[]): Promise<Result<unknown>> {
    const channel = channelOf(name);
    try {
      if (!isTrustedSender()) {
        return fail('ipc.forbidden', `拒绝来自未知页面的请求（${channel}）`, `Request refused: it did not come from the app window (${channel})`);
      }
      const parsed = ARGS[name].safeParse(args);
      if (!parsed.success) {
        const detail = describe(parsed.error);
        return fail('ipc.invalid', `请求数据无效（${channel}）：${detail}`, `Invalid request data (${channel}): ${detail}`);
      }
      const access = accessOf(name, parsed.data);
      if (access) {
        const allowed = access.needs === null || can(access.actor, access.needs);
        opts.onAccess?.({ at: (opts.now ?? Date.now)(), channel, ...access, allowed });
        if (!allowed) {
          const who = access.actor ? `${access.actor.name}（${access.actor.role}）` : '未登录';
          return fail('ipc.notPermitted', `${who}无权执行此操作（${channel}）`, `${access.actor ? `${access.actor.name} (${access.actor.role})` : 'Nobody signed in'} may not do this (${channel})`);
        }
      }
      const handler = handlers[name] as (...a: readonly unknown[]) => Promise<unknown>;
      const result = await handler(...parsed.data);
      return isResult(result) ? result : internal(channel, 'handler did not return a Result');
    } catch (e) {
      return internal(channel, e instanceof Error ? e.message : String(e));
    }
  };
}

/** The minimum of Electron's invoke event and window this check needs; fakes in tests satisfy it. */
export interface SenderLike {
  sender: unknown;
  senderFrame: { routingId: number; processId: number; url: string } | null;
}
export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { mainFrame: { routingId: number; processId: number } };
}

/**
 * Only the main frame of our own window, showing our own page, may call main. Frames are
 * compared by (processId, routingId) rather than object identity, which Electron does not promise.
 */
export function isTrustedSender(event: SenderLike, win: WindowLike | null, isAllowedPage: (url: string) => boolean): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  const main = win.webContents.mainFrame;
  return frame.processId === main.processId && frame.routingId === main.routingId && isAllowedPage(frame.url);
}
