// Page side of the export benchmark.
// - The APP's export: startJob({ op: 'exportHandover' }) from renderer/src/export/workerClient,
//   i.e. the app's own worker (a new one per job, opening the database itself), timed from the
//   request to the file bytes back on the page, as the lead waits for it.
// - The baseline and the step-by-step breakdown run in the bench's worker (exportWorker.ts).
// - The supervisor's merge, as DistrictPanel does it: readWorkbooks job (app worker) →
//   storeImportedShifts (mergeDistrict in one transaction) → districtTotals → districtWorkbook job.
// A probe on the main thread records meanwhile how long the page could not respond.
import { districtTotals } from '../../shared/district/merge';
import { clearImportedShifts, listImportedShifts, storeImportedShifts } from '../../renderer/src/db';
import { startJob } from '../../renderer/src/export/workerClient';
import { exportShift, TZ_CHINA, type BoothFilesInfo, type ExportTiming } from './exportJobs';
import type { WorkerRequest, WorkerResponse } from './exportWorker';
import { connect } from './measure';
import { dbFullName } from './seed';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (!w) return;
      if (e.data.ok) w.resolve(e.data.value);
      else w.reject(new Error(e.data.error));
    };
  }
  return worker;
}

export function terminateWorker(): void {
  worker?.terminate();
  worker = undefined;
  for (const w of waiting.values()) w.reject(new Error('worker terminated'));
  waiting.clear();
}

function call<T>(req: Request): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    getWorker().postMessage({ ...req, id });
  });
}

/**
 * Runs `work` while a 10 ms timer on the main thread records the longest time it did not get to
 * run: the time the booth screen would have been frozen (keys not echoed, nothing repainted).
 */
async function withStallProbe<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
  let last = performance.now();
  let worst = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
    if (running) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
  await new Promise((r) => setTimeout(r, 30));
  last = performance.now();
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  running = false;
  worst = Math.max(worst, performance.now() - last - 10);
  return { value, ms, stallMs: Math.max(0, worst) };
}

export interface AppExportRun {
  /** Request → file bytes on the page (the app's worker, started for the job). */
  ms: number;
  stallMs: number;
  bytes: number;
  vehicles: number;
  persons: number;
}

export async function appExport(name: string, shiftId: string): Promise<AppExportRun> {
  const { value, ms, stallMs } = await withStallProbe(async () => {
    const job = startJob(
      { op: 'exportHandover', dbName: dbFullName(name), shiftId, fullIds: false, exportedAt: Date.now(), tzOffsetMinutes: TZ_CHINA, appVersion: 'bench' },
      () => undefined,
    );
    const r = await job.promise;
    if (!r.ok) throw new Error(`app export failed: ${r.error.message.en}`);
    return r.value;
  });
  return { ms, stallMs, bytes: value.bytes.byteLength, vehicles: value.vehicles, persons: value.persons };
}

/** The same steps, timed one by one, in the bench worker. */
export async function breakdownInWorker(name: string, shiftId: string): Promise<ExportTiming> {
  return (await call<{ timing: ExportTiming }>({ op: 'export', name, shiftId, fullIds: false })).timing;
}

/** The same steps on the main thread, for contrast: how long the page would freeze without a worker. */
export async function exportOnMainThread(name: string, shiftId: string): Promise<{ ms: number; stallMs: number }> {
  const { ms, stallMs } = await withStallProbe(() => exportShift(name, shiftId, false));
  return { ms, stallMs };
}

export function rawInWorker(name: string, shiftId: string): Promise<{ ms: number; bytes: number }> {
  return call({ op: 'raw', name, shiftId, fullIds: false });
}

export function writeOnlyInWorker(name: string, shiftId: string): Promise<{ ms: number; bytes: number }> {
  return call({ op: 'writeOnly', name, shiftId, fullIds: false });
}

// ---------------------------------------------------------------------------------------------
// Supervisor

let boothFiles: { name: string; bytes: ArrayBuffer }[] = [];

export async function makeBoothFiles(booths: number, vehiclesPerBooth: number, seed: number): Promise<BoothFilesInfo> {
  const made = await call<{ info: BoothFilesInfo; files: { name: string; bytes: ArrayBuffer }[] }>({ op: 'boothFiles', booths, vehiclesPerBooth, seed });
  boothFiles = made.files;
  return made.info;
}

export interface MergeRun {
  /** readWorkbooks job: every file parsed and checked (app worker). */
  read: number;
  /** storeImportedShifts: mergeDistrict + one write transaction. */
  store: number;
  /** listImportedShifts + districtTotals (what the district panel shows). */
  totals: number;
  /** districtWorkbook job (app worker). */
  write: number;
  total: number;
  stallMs: number;
  shifts: number;
  rejected: number;
}

export async function appMerge(name: string): Promise<MergeRun> {
  if (boothFiles.length === 0) throw new Error('makeBoothFiles first');
  const db = await connect(name);
  await clearImportedShifts(db);
  const parts = { read: 0, store: 0, totals: 0, write: 0, shifts: 0, rejected: 0 };
  const { ms, stallMs } = await withStallProbe(async () => {
    const t0 = performance.now();
    const read = await startJob({ op: 'readWorkbooks', files: boothFiles }, () => undefined).promise;
    if (!read.ok) throw new Error(`readWorkbooks failed: ${read.error.message.en}`);
    const good = read.value.flatMap((r) => (r.result.ok ? [{ shift: r.result.value, fileName: r.name }] : []));
    parts.rejected = read.value.length - good.length;
    const t1 = performance.now();
    const stored = await storeImportedShifts(db, good, Date.now());
    if (!stored.ok) throw new Error(`storeImportedShifts failed: ${stored.error.message.en}`);
    const t2 = performance.now();
    const shifts = await listImportedShifts(db);
    districtTotals(shifts);
    parts.shifts = shifts.length;
    const t3 = performance.now();
    const file = await startJob({ op: 'districtWorkbook', merged: shifts, exportedAt: Date.now(), tzOffsetMinutes: TZ_CHINA }, () => undefined).promise;
    if (!file.ok) throw new Error(`districtWorkbook failed: ${file.error.message.en}`);
    const t4 = performance.now();
    Object.assign(parts, { read: t1 - t0, store: t2 - t1, totals: t3 - t2, write: t4 - t3 });
  });
  return { ...parts, total: ms, stallMs };
}
