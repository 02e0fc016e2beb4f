// The export and merge work measured by the benchmark, as plain functions that run the same in
// a Web Worker (exportWorker.ts) and on the page's main thread. The export is the app's own job
// (renderer/src/export/jobs.ts runJob), timed step by step from its progress reports; the
// booths' workbooks for the supervisor merge are written by the app's own modules. The baseline
// is SheetJS itself writing the same cells from plain arrays (aoa_to_sheet).
import * as XLSX from 'xlsx';
import type { Person, Shift, Vehicle } from '../../shared/model';
import { summarizeShift } from '../../shared/shift/summary';
import { buildHandoverWorkbook } from '../../shared/excel/handoverWorkbook';
import { workbookToXlsx } from '../../shared/excel/toXlsx';
import { excelDate } from '../../shared/excel/cells';
import type { CellValue, WorkbookModel } from '../../shared/excel/workbookModel';
import { dayKey, readShiftRecords } from '../../renderer/src/db';
import { connect } from './connect';
import { runJob } from '../../renderer/src/export/jobs';
import { Generator } from './generate';
import { dbFullName } from './seed';

export const TZ_CHINA = 480;
const APP_VERSION = 'bench';

/** The options the app's writer uses (toXlsx.ts): the baseline writes with the same ones. */
const WRITE_OPTS: XLSX.WritingOptions = { type: 'array', bookType: 'xlsx', compression: true, bookSST: true };

export interface ExportTiming {
  /** Opening the database and reading the shift (readShiftRecords: one read transaction). */
  read: number;
  summarize: number;
  /** Records → WorkbookModel (buildHandoverWorkbook). */
  build: number;
  /** WorkbookModel → .xlsx bytes (workbookToXlsx). */
  write: number;
  total: number;
  bytes: number;
  vehicles: number;
  persons: number;
  cells: number;
}

function countCells(model: WorkbookModel): number {
  let n = 0;
  for (const s of model.sheets) {
    if (s.header.length > 0) n += s.header.length;
    for (const r of s.rows) for (const c of r) if (c !== null && c !== '') n++;
  }
  return n;
}

const models = new Map<string, WorkbookModel>();

/**
 * The same cells the app's export writes, for the baseline and the writer-only figure (not
 * timed): the shift read by readShiftRecords and built by buildHandoverWorkbook.
 */
async function modelOf(name: string, shiftId: string, fullIds: boolean): Promise<WorkbookModel> {
  const key = `${name}/${shiftId}/${fullIds}`;
  let model = models.get(key);
  if (!model) {
    const r = await readShiftRecords(await connect(name), shiftId);
    if (!r) throw new Error('no such shift ' + shiftId);
    const summary = summarizeShift(r.vehicles, r.persons, r.incidents);
    model = buildHandoverWorkbook({ ...r, summary, fullIds, exportedAt: Date.now(), tzOffsetMinutes: TZ_CHINA, appVersion: APP_VERSION });
    models.set(key, model);
  }
  return model;
}

/**
 * The app's own export job (renderer/src/export/jobs.ts runJob, as its worker runs it), timed
 * step by step from the progress it reports: database → .xlsx bytes.
 */
export async function exportShift(name: string, shiftId: string, fullIds: boolean): Promise<{ timing: ExportTiming; bytes: Uint8Array }> {
  const marks = new Map<string, number>();
  const t0 = performance.now();
  const { value: file } = await runJob(
    { op: 'exportHandover', dbName: dbFullName(name), shiftId, fullIds, exportedAt: Date.now(), tzOffsetMinutes: TZ_CHINA, appVersion: APP_VERSION },
    (p) => {
      if (!marks.has(p.step)) marks.set(p.step, performance.now());
    },
  );
  const t4 = performance.now();
  const at = (step: string) => marks.get(step) ?? t0;
  return {
    bytes: file.bytes,
    timing: {
      read: at('summarize') - t0,
      summarize: at('build') - at('summarize'),
      build: at('write') - at('build'),
      write: t4 - at('write'),
      total: t4 - t0,
      bytes: file.bytes.byteLength,
      vehicles: file.vehicles,
      persons: file.persons,
      cells: countCells(await modelOf(name, shiftId, fullIds)),
    },
  };
}

/** Plain value of a model cell, as a caller of aoa_to_sheet would hold it (dates as Excel serials). */
function plain(c: CellValue, tz: number): string | number | boolean | null {
  if (c === null || typeof c !== 'object') return c;
  return c.t === 'text' ? c.v : excelDate(c.ms, tz);
}

const aoaCache = new Map<string, { name: string; aoa: (string | number | boolean | null)[][] }[]>();

/**
 * Baseline: SheetJS writing the SAME cells (same sheets, header rows and values, dates as serial
 * numbers) from plain arrays: aoa_to_sheet + XLSX.write with the app's write options. Preparing
 * the arrays is not timed; the time is what SheetJS alone needs for these cells.
 */
export async function rawSheetJS(name: string, shiftId: string, fullIds: boolean): Promise<{ ms: number; bytes: number }> {
  const key = `${name}/${shiftId}/${fullIds}`;
  let sheets = aoaCache.get(key);
  if (!sheets) {
    const model = await modelOf(name, shiftId, fullIds);
    sheets = model.sheets.map((s) => ({
      name: s.name,
      aoa: [...(s.header.length > 0 ? [s.header] : []), ...s.rows.map((r) => r.map((c) => plain(c, model.tzOffsetMinutes)))],
    }));
    aoaCache.set(key, sheets);
  }
  const t0 = performance.now();
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.aoa), s.name);
  const out = XLSX.write(wb, WRITE_OPTS) as ArrayBuffer | Uint8Array;
  const ms = performance.now() - t0;
  return { ms, bytes: out.byteLength };
}

/** The app's writer alone (workbookToXlsx) on the model of the last export: same cells as the baseline. */
export async function writeOnly(name: string, shiftId: string, fullIds: boolean): Promise<{ ms: number; bytes: number }> {
  const model = await modelOf(name, shiftId, fullIds);
  const t0 = performance.now();
  const bytes = workbookToXlsx(model);
  return { ms: performance.now() - t0, bytes: bytes.byteLength };
}

// ---------------------------------------------------------------------------------------------
// Supervisor: merging many booths' workbooks

export interface BoothFilesInfo {
  files: number;
  vehicles: number;
  persons: number;
  bytes: number;
  ms: number;
}

/** Shift workbooks of `booths` booths, written by the app's own exporter (not timed as the merge). */
export function makeBoothFiles(booths: number, vehiclesPerBooth: number, seed: number): { info: BoothFilesInfo; files: { name: string; bytes: ArrayBuffer }[] } {
  const t0 = performance.now();
  const gen = new Generator(seed);
  const now = Date.now();
  const openedAt = new Date(new Date(now).setHours(8, 0, 0, 0)).getTime() - 86_400_000;
  const closedAt = openedAt + 12 * 3600_000;
  const files: { name: string; bytes: ArrayBuffer }[] = [];
  let vehicles = 0;
  let persons = 0;
  let bytes = 0;
  for (let b = 0; b < booths; b++) {
    const shift: Shift = { ...gen.shift(gen.rng.uuid(), dayKey(openedAt), 'day', openedAt, closedAt), checkpoint: `第${b + 1}号卡点` };
    const vs: Vehicle[] = [];
    const ps: Person[] = [];
    for (let i = 0; i < vehiclesPerBooth; i++) {
      const t = openedAt + Math.floor(((i + 0.5) / vehiclesPerBooth) * 12 * 3600_000);
      const day = dayKey(t);
      const { vehicle, persons: people } = gen.records(gen.draft(gen.identity(), day), shift, t, day);
      vs.push(vehicle);
      ps.push(...people);
    }
    const summary = summarizeShift(vs, ps, []);
    const file = workbookToXlsx(
      buildHandoverWorkbook({ shift, vehicles: vs, persons: ps, incidents: [], summary, fullIds: false, exportedAt: closedAt + 600_000, tzOffsetMinutes: TZ_CHINA, appVersion: APP_VERSION }),
    );
    files.push({ name: `${shift.checkpoint}-${shift.day}.xlsx`, bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer });
    vehicles += vs.length;
    persons += ps.length;
    bytes += file.byteLength;
  }
  return { info: { files: booths, vehicles, persons, bytes, ms: performance.now() - t0 }, files };
}
