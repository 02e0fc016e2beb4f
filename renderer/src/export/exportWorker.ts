// Module Web Worker for the handover export and the supervisor's workbook import/export: a
// 20 000-person workbook takes seconds to build, and the booth screen must stay usable meanwhile.
// It opens the booth's IndexedDB database by name itself (IndexedDB works in workers), so no
// records cross the thread boundary — only progress messages and, at the end, the file bytes.
import { districtWorkbookJob, exportHandoverJob, failureMessage, readWorkbooksJob } from './jobs';
import type { JobRequest, WorkerMessage } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
};

const post = (m: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.onmessage = (e) => {
  const req = e.data;
  const onProgress = (progress: Parameters<Parameters<typeof readWorkbooksJob>[1]>[0]) => post({ type: 'progress', progress });
  const run = async (): Promise<[unknown, Transferable[]]> => {
    switch (req.op) {
      case 'exportHandover': {
        const file = await exportHandoverJob(req, onProgress);
        return [file, [file.bytes.buffer]];
      }
      case 'readWorkbooks':
        return [readWorkbooksJob(req, onProgress), []];
      case 'districtWorkbook': {
        const file = districtWorkbookJob(req);
        return [file, [file.bytes.buffer]];
      }
    }
  };
  run().then(
    ([value, transfer]) => post({ type: 'done', value }, transfer),
    (err: unknown) => post({ type: 'failed', message: failureMessage(err, req.op === 'readWorkbooks' ? { zh: '读取文件', en: 'Reading the files' } : { zh: '生成 Excel', en: 'Building the workbook' }) }),
  );
};
