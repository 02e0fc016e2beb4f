// Module Web Worker for the handover export and the supervisor's workbook import/export: a
// 20 000-person workbook takes seconds to build, and the booth screen must stay usable meanwhile.
// It opens the booth's IndexedDB database by name itself (IndexedDB works in workers), so no
// records cross the thread boundary — only progress messages and, at the end, the file bytes.
import { failureMessage, JOB_ACTION, runJob } from './jobs';
import type { JobRequest, WorkerMessage } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
};

const post = (m: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.onmessage = (e) => {
  const req = e.data;
  runJob(req, (progress) => post({ type: 'progress', progress })).then(
    ({ value, transfer }) => post({ type: 'done', value }, transfer),
    (err: unknown) => post({ type: 'failed', message: failureMessage(err, JOB_ACTION[req.op]) }),
  );
};
