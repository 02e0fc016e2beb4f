// Runs a job (jobs.ts) in a module Web Worker and reports progress; the page only waits.
// A new worker per job: it is terminated when the job ends or is cancelled, so a cancelled export
// stops at once and nothing keeps a database connection open.
import { fail, ok, type Result } from '../../../shared/result';
import type { JobRequest, JobValue, Progress, WorkerMessage } from './protocol';

export interface JobHandle<T> {
  promise: Promise<Result<T>>;
  /** Stops the job; the promise resolves with code 'job.cancelled'. */
  cancel(): void;
}

export const CANCELLED = 'job.cancelled';

const cancelled = <T>(): Result<T> => fail<T>(CANCELLED, '已取消', 'Cancelled');

function createWorker(): Worker | undefined {
  try {
    // This exact form lets Vite (web build and electron-vite) find and bundle the worker.
    return new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    console.warn('[export] cannot start a worker; running on the page', e);
    return undefined;
  }
}

/**
 * Last resort when no worker can start (the worker script failed to load): the same job on the
 * page. Slower for the UI, but the lead still gets the file instead of an error.
 */
async function runOnPage<R extends JobRequest>(req: R, onProgress: (p: Progress) => void): Promise<Result<JobValue<R>>> {
  const jobs = await import('./jobs');
  try {
    return ok((await jobs.runJob(req, onProgress)).value);
  } catch (e) {
    const m = jobs.failureMessage(e, jobs.JOB_ACTION[req.op]);
    return fail(req.op, m.zh, m.en);
  }
}

export function startJob<R extends JobRequest>(req: R, onProgress: (p: Progress) => void): JobHandle<JobValue<R>> {
  let settle: (r: Result<JobValue<R>>) => void = () => undefined;
  let done = false;
  const promise = new Promise<Result<JobValue<R>>>((resolve) => {
    settle = (r) => {
      if (done) return;
      done = true;
      resolve(r);
    };
  });
  const worker = createWorker();
  if (!worker) {
    void runOnPage(req, onProgress).then(settle);
    return { promise, cancel: () => settle(cancelled()) };
  }
  let heard = false;
  const finish = (r: Result<JobValue<R>>) => {
    worker.terminate();
    settle(r);
  };
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    heard = true;
    const m = e.data;
    if (done) return;
    if (m.type === 'progress') onProgress(m.progress);
    else if (m.type === 'done') finish(ok(m.value as JobValue<R>));
    else finish(fail(req.op, m.message.zh, m.message.en));
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    worker.terminate();
    if (done) return;
    if (!heard) {
      // The worker never ran (its script did not load): do the job here rather than fail.
      console.warn('[export] worker failed to start; running on the page', e.message);
      void runOnPage(req, onProgress).then(settle);
      return;
    }
    settle(fail(req.op, `后台处理出错：${e.message || '未知错误'}`, `The background job failed: ${e.message || 'unknown error'}`));
  };
  worker.onmessageerror = () => finish(fail(req.op, '后台处理返回的数据无法读取', 'The background job returned unreadable data'));
  // Requests are copied, not transferred: if the worker cannot start, the page still has them.
  worker.postMessage(req);
  return {
    promise,
    cancel: () => {
      worker.terminate();
      settle(cancelled());
    },
  };
}
