// The heavy work behind the handover export and the supervisor's import/export, as plain async
// functions, and the one table (runJob) that maps a request to its job. exportWorker.ts runs it
// off the UI thread; workerClient.ts falls back to running it on the page only if a worker cannot
// be started at all; the bench times the same runJob.
import { summarizeShift } from '../../../shared/shift/summary';
import { buildHandoverWorkbook } from '../../../shared/excel/handoverWorkbook';
import { workbookToXlsx } from '../../../shared/excel/toXlsx';
import { readHandoverWorkbook } from '../../../shared/excel/importHandover';
import { buildDistrictWorkbook } from '../../../shared/excel/districtWorkbook';
import { districtFileName, handoverFileName } from '../../../shared/exportFileNames';
import type { Bilingual } from '../../../shared/result';
import { can } from '../../../shared/privacy/roles';
import { CheckpointDB } from '../db/db';
import { readShiftRecords } from '../db/readShift';
import { ensureStationKey } from '../db/stationKey';
import { signWorkbookModel } from '../../../shared/excel/signature';
import {
  EXPORT_STEPS,
  type DistrictWorkbookRequest,
  type ExportHandoverRequest,
  type JobRequest,
  type JobValue,
  type ExportStep,
  type HandoverFile,
  type Progress,
  type ReadOutcome,
  type ReadWorkbooksRequest,
  type WorkbookFile,
  type WatchReconciliationRequest,
} from './protocol';
import { buildReconciliationWorkbook, reconciliationFileName } from '../../../shared/watchlist/reconciliation';
import { readReconciliation } from '../db/watchHits';
import { dayKey } from '../db/ids';

/** A failure the user should read as it is (the worker posts its message unchanged). */
export class JobFailure extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
  }
}

/** Any thrown value as a bilingual message, prefixed with what was being done. */
export function failureMessage(e: unknown, action: Bilingual): Bilingual {
  if (e instanceof JobFailure) return e.bilingual;
  const detail = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return { zh: `${action.zh}失败：${detail}`, en: `${action.en} failed: ${detail}` };
}

export type OnProgress = (p: Progress) => void;

const stepProgress = (step: ExportStep, read: { vehicles?: number; persons?: number } = {}): Progress => ({
  step,
  done: EXPORT_STEPS.indexOf(step) + 1,
  total: EXPORT_STEPS.length,
  ...read,
});

export async function exportHandoverJob(req: ExportHandoverRequest, onProgress: OnProgress): Promise<HandoverFile> {
  // Refused here too, not only by the dialog's missing box: full IDs need a lead or administrator.
  if (req.fullIds && !can(req.actor, 'exportFull')) {
    throw new JobFailure({ zh: '只有带班领导或管理员可以导出完整证件号码', en: 'Only a shift lead or an administrator may export full ID numbers' });
  }
  const db = new CheckpointDB(req.dbName);
  try {
    await db.open();
    const records = await readShiftRecords(db, req.shiftId, (step, read) => onProgress(stepProgress(step, read)));
    if (!records) throw new JobFailure({ zh: '找不到该班次，无法导出', en: 'The shift was not found; nothing exported' });
    const { shift, vehicles, persons, incidents } = records;
    const read = { vehicles: vehicles.length, persons: persons.length };
    onProgress(stepProgress('summarize', read));
    const summary = summarizeShift(vehicles, persons, incidents);
    onProgress(stepProgress('build', read));
    const model = buildHandoverWorkbook({
      shift,
      vehicles,
      persons,
      incidents,
      summary,
      fullIds: req.fullIds,
      exportedAt: req.exportedAt,
      tzOffsetMinutes: req.tzOffsetMinutes,
      appVersion: req.appVersion,
    });
    onProgress(stepProgress('write', read));
    // Every workbook this station writes carries its signature (signature.ts).
    const signed = await signWorkbookModel(model, await ensureStationKey(db));
    // SheetJS writes into a plain ArrayBuffer (never a SharedArrayBuffer).
    const bytes = workbookToXlsx(signed) as Uint8Array<ArrayBuffer>;
    return { bytes, fileName: handoverFileName(shift, shift.day), vehicles: vehicles.length, persons: persons.length };
  } finally {
    // Never keep a second connection open: it would block a future schema upgrade.
    db.close();
  }
}

/** Reads each file on its own: one damaged file never stops the others, nor half-imports. */
export function readWorkbooksJob(req: ReadWorkbooksRequest, onProgress: OnProgress): ReadOutcome[] {
  return req.files.map((f, i) => {
    onProgress({ step: 'readFile', done: i + 1, total: req.files.length, fileName: f.name });
    return { name: f.name, result: readHandoverWorkbook(new Uint8Array(f.bytes)) };
  });
}

export function districtWorkbookJob(req: DistrictWorkbookRequest): WorkbookFile {
  if (req.merged.length === 0) throw new JobFailure({ zh: '还没有导入任何交接表，无可导出', en: 'No handover workbooks imported yet; nothing to export' });
  const days = req.merged.map((s) => s.day).sort();
  const model = buildDistrictWorkbook(req.merged, req.exportedAt, req.tzOffsetMinutes);
  return { bytes: workbookToXlsx(model) as Uint8Array<ArrayBuffer>, fileName: districtFileName(days[0] ?? '', days[days.length - 1] ?? '') };
}

/** 布控名单对账: read every list in one transaction, build the sheet, write the bytes. */
export async function watchReconciliationJob(req: WatchReconciliationRequest): Promise<WorkbookFile> {
  if (req.fullIds && !can(req.actor, 'exportFull')) {
    throw new JobFailure({ zh: '只有带班领导或管理员可导出完整证件号码', en: 'Only a shift lead or an admin may export full IDs and phones' });
  }
  const db = new CheckpointDB(req.dbName);
  try {
    await db.open();
    const { lists, entries } = await readReconciliation(db);
    if (lists.length === 0) throw new JobFailure({ zh: '还没有布控名单，无可对账', en: 'No watchlists yet; nothing to reconcile' });
    const model = buildReconciliationWorkbook({ lists, entries, fullIds: req.fullIds, exportedAt: req.exportedAt, tzOffsetMinutes: req.tzOffsetMinutes });
    return { bytes: workbookToXlsx(model) as Uint8Array<ArrayBuffer>, fileName: reconciliationFileName(dayKey(req.exportedAt), req.fullIds) };
  } finally {
    db.close();
  }
}

export interface JobOutcome<R extends JobRequest> {
  value: JobValue<R>;
  /** Buffers to transfer (not copy) back to the page. */
  transfer: Transferable[];
}

type JobTable = { [Op in JobRequest['op']]: (req: Extract<JobRequest, { op: Op }>, onProgress: OnProgress) => Promise<JobOutcome<Extract<JobRequest, { op: Op }>>> };

const JOBS: JobTable = {
  exportHandover: async (req, onProgress) => {
    const file = await exportHandoverJob(req, onProgress);
    return { value: file, transfer: [file.bytes.buffer] };
  },
  readWorkbooks: async (req, onProgress) => ({ value: readWorkbooksJob(req, onProgress), transfer: [] }),
  districtWorkbook: async (req) => {
    const file = districtWorkbookJob(req);
    return { value: file, transfer: [file.bytes.buffer] };
  },
  watchReconciliation: async (req) => {
    const file = await watchReconciliationJob(req);
    return { value: file, transfer: [file.bytes.buffer] };
  },
};

/** What the user reads a failure as being about. */
export const JOB_ACTION: Readonly<Record<JobRequest['op'], Bilingual>> = {
  exportHandover: { zh: '生成 Excel', en: 'Building the workbook' },
  readWorkbooks: { zh: '读取文件', en: 'Reading the files' },
  districtWorkbook: { zh: '生成 Excel', en: 'Building the workbook' },
  watchReconciliation: { zh: '生成对账表', en: 'Building the reconciliation workbook' },
};

/** The one job switch, for the worker and its page fallback alike. */
export function runJob<R extends JobRequest>(req: R, onProgress: OnProgress): Promise<JobOutcome<R>> {
  const job = JOBS[req.op] as unknown as (r: R, p: OnProgress) => Promise<JobOutcome<R>>;
  return job(req, onProgress);
}
