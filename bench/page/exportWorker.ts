// Web Worker for the benchmark's own export jobs (exportJobs.ts): the step-by-step breakdown, the
// raw SheetJS baseline and the booths' workbooks: the export of a big shift
// must not freeze the booth screen, so it is measured where it should run — off the UI thread.
import { exportShift, makeBoothFiles, rawSheetJS, writeOnly } from './exportJobs';

export type WorkerRequest =
  | { id: number; op: 'export'; name: string; shiftId: string; fullIds: boolean }
  | { id: number; op: 'raw'; name: string; shiftId: string; fullIds: boolean }
  | { id: number; op: 'writeOnly'; name: string; shiftId: string; fullIds: boolean }
  | { id: number; op: 'boothFiles'; booths: number; vehiclesPerBooth: number; seed: number };

export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const req = e.data;
  const run = async (): Promise<[unknown, Transferable[]]> => {
    switch (req.op) {
      case 'export': {
        const { timing, bytes } = await exportShift(req.name, req.shiftId, req.fullIds);
        // The file goes back to the page as the app would hand it to the save dialog.
        return [{ timing, bytes }, [bytes.buffer]];
      }
      case 'raw':
        return [await rawSheetJS(req.name, req.shiftId, req.fullIds), []];
      case 'writeOnly':
        return [await writeOnly(req.name, req.shiftId, req.fullIds), []];
      case 'boothFiles': {
        const made = makeBoothFiles(req.booths, req.vehiclesPerBooth, req.seed);
        return [made, made.files.map((f) => f.bytes)];
      }
    }
  };
  run().then(
    ([value, transfer]) => scope.postMessage({ id: req.id, ok: true, value }, transfer),
    (err: unknown) => scope.postMessage({ id: req.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) }),
  );
};
