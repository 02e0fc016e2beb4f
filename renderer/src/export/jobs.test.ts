// The export worker's jobs, run directly (same code, same thread) against fake-indexeddb: the
// handover export reads the shift from its own connection by name, and its file imports back.
import { describe, expect, it } from 'vitest';
import { makeShiftFixture } from '../../../shared/excel/testFixtures';
import { summarizeShift } from '../../../shared/shift/summary';
import type { CheckpointDB } from '../db/db';
import { withTestDb } from '../db/testing';
import { districtWorkbookJob, exportHandoverJob, failureMessage, JobFailure, readWorkbooksJob, runJob } from './jobs';
import type { Progress } from './protocol';

// A fresh named database per test (no shift in it), closed after the test.
let db: CheckpointDB;
withTestDb((c) => ({ db } = c), false);

async function seeded() {
  const f = makeShiftFixture({ extraCars: 20 });
  await db.shifts.add(f.shift);
  await db.vehicles.bulkAdd(f.vehicles);
  await db.persons.bulkAdd(f.persons);
  await db.incidents.bulkAdd(f.incidents);
  return f;
}

describe('export jobs', () => {
  it('exports a shift by database name, with progress in order, and the file imports back', async () => {
    const f = await seeded();
    const progress: Progress[] = [];
    const file = await exportHandoverJob(
      { op: 'exportHandover', dbName: db.name, shiftId: f.shift.id, fullIds: false, exportedAt: Date.UTC(2020, 1, 18), tzOffsetMinutes: 480, appVersion: 'test' },
      (p) => progress.push(p),
    );
    expect(file.fileName).toBe('南江南卡点_2020-02-17_夜班_交接表.xlsx');
    expect(file.vehicles).toBe(f.vehicles.length);
    expect(file.persons).toBe(f.persons.length);
    expect(progress.map((p) => p.step)).toEqual(['readShift', 'readVehicles', 'readPersons', 'readIncidents', 'summarize', 'build', 'write']);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.at(-1)).toMatchObject({ total: 7, vehicles: f.vehicles.length, persons: f.persons.length });

    const [read] = readWorkbooksJob({ op: 'readWorkbooks', files: [{ name: file.fileName, bytes: file.bytes.slice().buffer }] }, () => undefined);
    if (!read?.result.ok) throw new Error('the exported workbook did not import');
    const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
    expect(read.result.value.summary.vehiclesChecked).toBe(summary.vehiclesChecked);
    expect(read.result.value.fullIds).toBe(false);
    // The app's own connection is untouched by the job's (it opened and closed its own).
    expect(db.isOpen()).toBe(true);

    // Full IDs are refused to booth staff (and to nobody at all), whatever the dialog offered.
    for (const actor of [{ name: '李警官', role: 'staff' as const }, null, undefined]) {
      const refused = exportHandoverJob(
        { op: 'exportHandover', dbName: db.name, shiftId: f.shift.id, fullIds: true, actor, exportedAt: Date.UTC(2020, 1, 18), tzOffsetMinutes: 480, appVersion: 'test' },
        () => undefined,
      );
      await expect(refused).rejects.toBeInstanceOf(JobFailure);
    }
    // The full-ID export carries the full numbers and says so in its metadata.
    const full = await exportHandoverJob(
      { op: 'exportHandover', dbName: db.name, shiftId: f.shift.id, fullIds: true, actor: { name: '王队长', role: 'lead' }, exportedAt: Date.UTC(2020, 1, 18), tzOffsetMinutes: 480, appVersion: 'test' },
      () => undefined,
    );
    const [readFull] = readWorkbooksJob({ op: 'readWorkbooks', files: [{ name: 'full.xlsx', bytes: full.bytes.slice().buffer }] }, () => undefined);
    expect(readFull?.result.ok && readFull.result.value.fullIds).toBe(true);
    // Same shift, same content: the supervisor sees the two exports as one.
    expect(readFull?.result.ok && readFull.result.value.fingerprint).toBe(read.result.value.fingerprint);
  });

  it('fails with a readable message for a shift that does not exist', async () => {
    await seeded();
    const job = exportHandoverJob(
      { op: 'exportHandover', dbName: db.name, shiftId: 'nope', fullIds: false, exportedAt: 0, tzOffsetMinutes: 480, appVersion: 'test' },
      () => undefined,
    );
    await expect(job).rejects.toBeInstanceOf(JobFailure);
    const e = await job.catch((x: unknown) => x);
    expect(failureMessage(e, { zh: '导出', en: 'Export' }).zh).toBe('找不到该班次，无法导出');
    expect(failureMessage(new Error('boom'), { zh: '导出', en: 'Export' })).toEqual({ zh: '导出失败：boom', en: 'Export failed: boom' });
  });

  it('reads every file on its own and names the bad ones', () => {
    const out = readWorkbooksJob(
      {
        op: 'readWorkbooks',
        files: [
          { name: 'empty.xlsx', bytes: new ArrayBuffer(0) },
          { name: 'junk.xlsx', bytes: new Uint8Array([1, 2, 3, 4, 5]).buffer },
        ],
      },
      () => undefined,
    );
    expect(out.map((o) => [o.name, o.result.ok])).toEqual([
      ['empty.xlsx', false],
      ['junk.xlsx', false],
    ]);
  });

  it('refuses an empty district export', () => {
    expect(() => districtWorkbookJob({ op: 'districtWorkbook', merged: [], exportedAt: 0, tzOffsetMinutes: 480 })).toThrow(JobFailure);
  });

  it('runJob maps each request to its job (the table the worker and the page fallback share)', async () => {
    const f = await seeded();
    const out = await runJob({ op: 'exportHandover', dbName: db.name, shiftId: f.shift.id, fullIds: false, exportedAt: Date.UTC(2020, 1, 18), tzOffsetMinutes: 480, appVersion: 'test' }, () => undefined);
    expect(out.value.fileName).toBe('南江南卡点_2020-02-17_夜班_交接表.xlsx');
    expect(out.transfer).toEqual([out.value.bytes.buffer]);
    const read = await runJob({ op: 'readWorkbooks', files: [{ name: 'x.xlsx', bytes: out.value.bytes.buffer }] }, () => undefined);
    expect(read.value[0]?.result.ok).toBe(true);
    await expect(runJob({ op: 'exportHandover', dbName: db.name, shiftId: 'missing', fullIds: false, exportedAt: 0, tzOffsetMinutes: 480, appVersion: 'test' }, () => undefined)).rejects.toBeInstanceOf(JobFailure);
  });
});
