// The object behind window.checkpointDesktop: one named function per IPC channel, made from the
// channel table in shared/ipcChannels.ts (constants only: the sandboxed preload bundles it, never
// zod or the schemas of shared/ipc.ts). It takes ipcRenderer as an argument so it can be
// exercised in Node with a fake.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { DesktopApi } from '../../shared/ipc';
import { IPC, type MenuCommand } from '../../shared/ipcChannels';
import { fail, type Result } from '../../shared/result';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** Every channel the page invokes (main → renderer pushes, like the menu, are listened to instead). */
type InvokeName = Exclude<keyof typeof IPC, 'menuCommand'>;

// Type-checking fails when a channel has no DesktopApi function or a function no channel.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _channelsMatchApi: Same<InvokeName, Exclude<keyof DesktopApi, 'onMenuCommand'>> = true;

export function createDesktopApi(ipc: IpcRendererLike): DesktopApi {
  // Main always answers with a Result; this covers invoke itself rejecting (e.g. data that cannot be cloned).
  const invoke = (channel: string, args: unknown[]): Promise<Result<unknown>> =>
    (ipc.invoke(channel, ...args) as Promise<Result<unknown>>).catch((e: unknown) => {
      const detail = e instanceof Error ? e.message : String(e);
      return fail('ipc.failed', `与主进程通信失败（${channel}）：${detail}`, `Could not reach the main process (${channel}): ${detail}`);
    });

  // Only the payload crosses: the function's arguments go to the channel as they are.
  const invokers = Object.fromEntries(
    (Object.keys(IPC) as (keyof typeof IPC)[])
      .filter((name): name is InvokeName => name !== 'menuCommand')
      .map((name) => [name, (...args: unknown[]) => invoke(IPC[name], args)]),
  ) as Pick<DesktopApi, InvokeName>;

  return {
    ...invokers,
    onMenuCommand: (listener) => {
      // The event is dropped: its `sender` is ipcRenderer itself.
      const handler = (_event: IpcRendererEvent, command: unknown) => {
        if (typeof command === 'string') listener(command as MenuCommand);
      };
      ipc.on(IPC.menuCommand, handler);
      return () => {
        ipc.removeListener(IPC.menuCommand, handler);
      };
    },
  };
}
