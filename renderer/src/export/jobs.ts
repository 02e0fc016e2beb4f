// The heavy work behind the handover export and the supervisor's import/export, as plain async
// functions. exportWorker.ts runs them off the UI thread; workerClient.ts falls back to running
// them on the page only if a worker cannot be started at all.
import { summarizeShift } from '../../../shared/handover/summary';
import { buildHandoverWorkbook } from '../../../shared/excel/handoverWorkbook';
import { workbookToXlsx } from '../../../shared/excel/toXlsx';
import { readHandoverWorkbook } from '../../../shared/excel/importHandover';
import { buildDistrictWorkbook } from '../../../shared/excel/district';
import { districtFileName, handoverFileName } from '../../../shared/excel/fileName';
import type { Bilingual } from '../../../shared/result';
import type { Incident, Person, Shift, Vehicle } from '../../../shared/model';
import { CheckpointDB } from '../db/db';
import { getShift } from '../db/shifts';
import { ensureStationKey } from '../db/stationKey';
import { signWorkbookModel } from '../../../shared/excel/signature';
import { incidentsOfShift, personsOfShift, vehiclesOfShift } from '../db/shiftData';
import {
  EXPORT_STEPS,
  type DistrictWorkbookRequest,
  type ExportHandoverRequest,
  type ExportStep,
  type HandoverFile,
  type Progress,
  type ReadOutcome,
  type ReadWorkbooksRequest,
  type WorkbookFile,
} from './protocol';

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

interface ShiftRecords {
  shift: Shift;
  vehicles: Vehicle[];
  persons: Person[];
  incidents: Incident[];
}

/**
 * One shift's records from its own database connection, in one read transaction so the workbook
 * is a consistent snapshot even while the booth keeps registering.
 */
async function readShift(db: CheckpointDB, shiftId: string, onProgress: OnProgress): Promise<ShiftRecords> {
  return db.transaction('r', [db.shifts, db.vehicles, db.persons, db.incidents], async () => {
    onProgress(stepProgress('readShift'));
    const shift = await getShift(db, shiftId);
    if (!shift) throw new JobFailure({ zh: '找不到该班次，无法导出', en: 'The shift was not found; nothing exported' });
    onProgress(stepProgress('readVehicles'));
    const vehicles = await vehiclesOfShift(db, shiftId);
    onProgress(stepProgress('readPersons', { vehicles: vehicles.length }));
    const persons = await personsOfShift(db, shiftId);
    onProgress(stepProgress('readIncidents', { vehicles: vehicles.length, persons: persons.length }));
    const incidents = await incidentsOfShift(db, shiftId);
    return { shift, vehicles, persons, incidents };
  });
}

export async function exportHandoverJob(req: ExportHandoverRequest, onProgress: OnProgress): Promise<HandoverFile> {
  const db = new CheckpointDB(req.dbName);
  try {
    await db.open();
    const { shift, vehicles, persons, incidents } = await readShift(db, req.shiftId, onProgress);
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
