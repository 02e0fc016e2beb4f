// Messages between the page and the export worker (exportWorker.ts). Plain data only: everything
// crosses by structured clone, and file bytes travel as transferred ArrayBuffers (no copy).
import type { ImportedShift } from '../../../shared/excel/importHandover';
import type { Bilingual, Result } from '../../../shared/result';
import type { Actor } from '../../../shared/privacy/roles';

// What the supervisor's screen needs to know about a workbook import, handed on from the
// workbook layer so no component imports shared/excel itself.
export type { ImportedShift };
export { IMPORT_CANCELLED, IMPORT_TIME_LIMIT_MS } from '../../../shared/excel/parserHost';

export interface ExportHandoverRequest {
  op: 'exportHandover';
  /** The Dexie database name: the worker opens the same IndexedDB database itself. */
  dbName: string;
  shiftId: string;
  fullIds: boolean;
  /** Who exports: full IDs only for `can(actor, 'exportFull')` (checked again in the job). */
  actor?: Actor | null;
  exportedAt: number;
  /** Minutes east of UTC (China: +480). */
  tzOffsetMinutes: number;
  appVersion: string;
}

export interface ReadWorkbooksRequest {
  op: 'readWorkbooks';
  files: { name: string; bytes: ArrayBuffer }[];
}

export interface DistrictWorkbookRequest {
  op: 'districtWorkbook';
  merged: ImportedShift[];
  exportedAt: number;
  tzOffsetMinutes: number;
}

/** 布控名单对账 (watchlist alert): every list with its entries' status, masked unless `fullIds`. */
export interface WatchReconciliationRequest {
  op: 'watchReconciliation';
  dbName: string;
  /** Who asks: full IDs and phones only for can(actor, 'exportFull'), checked again in the job. */
  actor: Actor | null;
  fullIds: boolean;
  exportedAt: number;
  tzOffsetMinutes: number;
}

export type JobRequest = ExportHandoverRequest | ReadWorkbooksRequest | DistrictWorkbookRequest | WatchReconciliationRequest;

/** The steps of a handover export, in order; `step` counts from 1. */
export const EXPORT_STEPS = ['readShift', 'readVehicles', 'readPersons', 'readIncidents', 'summarize', 'build', 'write'] as const;
export type ExportStep = (typeof EXPORT_STEPS)[number];

export interface Progress {
  step: ExportStep | 'readFile';
  /** 1-based index of the step, and how many there are. */
  done: number;
  total: number;
  /** Records read so far (once known). */
  vehicles?: number;
  persons?: number;
  /** The file being read (import). */
  fileName?: string;
}

export interface HandoverFile {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  vehicles: number;
  persons: number;
}

export interface WorkbookFile {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
}

export interface ReadOutcome {
  name: string;
  result: Result<ImportedShift>;
}

export type JobValue<R extends JobRequest> = R extends ExportHandoverRequest
  ? HandoverFile
  : R extends ReadWorkbooksRequest
    ? ReadOutcome[]
    : R extends DistrictWorkbookRequest | WatchReconciliationRequest
      ? WorkbookFile
      : never;

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; message: Bilingual };
