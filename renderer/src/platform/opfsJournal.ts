// The page's side of the OPFS journal worker. One worker per page; every call is a Result.
import type { SnapshotInfo } from '../../../shared/ipc';
import { fail, type Result } from '../../../shared/result';
import type { OpfsCall, OpfsReply, OpfsRequest } from './opfsJournal.protocol';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (r: OpfsReply['result']) => void>();

function start(): Worker | undefined {
  if (worker) return worker;
  if (typeof Worker === 'undefined' || !navigator.storage?.getDirectory) return undefined;
  worker = new Worker(new URL('./opfsJournal.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (ev: MessageEvent<OpfsReply>) => {
    pending.get(ev.data.id)?.(ev.data.result);
    pending.delete(ev.data.id);
  };
  worker.onerror = (ev) => {
    // A worker that died answers nothing: fail every waiting call instead of hanging the save.
    for (const [id, resolve] of pending) {
      resolve(fail('journal.worker', `备份日志进程出错：${ev.message}`, `The backup journal worker failed: ${ev.message}`));
      pending.delete(id);
    }
    worker = undefined;
  };
  return worker;
}

export function opfsCall<T extends null | string | SnapshotInfo | SnapshotInfo[]>(req: OpfsRequest): Promise<Result<T>> {
  const w = start();
  if (!w) return Promise.resolve(fail('journal.unsupported', '此浏览器不支持本地备份日志（OPFS）', 'This browser has no Origin Private File System for the backup journal'));
  const call: OpfsCall = { id: nextId++, req };
  return new Promise((resolve) => {
    pending.set(call.id, resolve as (r: OpfsReply['result']) => void);
    w.postMessage(call);
  });
}
