import { describe, expect, it } from 'vitest';
import { mergeDistrict } from '../../../shared/district/merge';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import { emptyCounts, emptyHourly } from '../../../shared/shift/summary';
import { fail, ok } from '../../../shared/result';
import { classifyImports } from './importOutcome';

const shift = (p: Partial<ImportedShift>): ImportedShift => ({
  shiftId: 's',
  checkpoint: 'c',
  day: '2020-02-17',
  shiftName: 'day',
  leadName: 'l',
  receivingLead: 'r',
  openedAt: 0,
  closedAt: 1,
  exportedAt: 1,
  appVersion: 'v',
  fullIds: false,
  tzOffsetMinutes: 480,
  summary: emptyCounts(),
  hourly: emptyHourly(),
  fingerprint: 'a',
  ...p,
});

describe('classifyImports', () => {
  it('names what happened to each file', () => {
    const stored = shift({ shiftId: 'x' });
    const dup = shift({ shiftId: 'x' });
    const fresh = shift({ shiftId: 'y' });
    const newer = shift({ shiftId: 'z', fingerprint: 'b', exportedAt: 5 });
    const storedOld = shift({ shiftId: 'z', fingerprint: 'a', exportedAt: 2 });
    const older = shift({ shiftId: 'w', fingerprint: 'a', exportedAt: 1 });
    const storedNewer = shift({ shiftId: 'w', fingerprint: 'b', exportedAt: 9 });
    const incoming = [dup, fresh, newer, older];
    const merge = mergeDistrict([stored, storedOld, storedNewer], incoming);
    const files = [
      { name: 'dup.xlsx', result: ok(dup) },
      { name: 'fresh.xlsx', result: ok(fresh) },
      { name: 'newer.xlsx', result: ok(newer) },
      { name: 'older.xlsx', result: ok(older) },
      { name: 'junk.xlsx', result: fail<ImportedShift>('import.notExcel', '坏了', 'broken') },
    ];
    const out = classifyImports(files, { merge, existing: [stored, storedOld, storedNewer], written: 2, rejected: [], pinned: [] });
    expect(out.map((o) => [o.fileName, o.kind])).toEqual([
      ['dup.xlsx', 'duplicate'],
      ['fresh.xlsx', 'added'],
      ['newer.xlsx', 'replaced'],
      ['older.xlsx', 'superseded'],
      ['junk.xlsx', 'rejected'],
    ]);
    const junk = out[4];
    expect(junk?.kind === 'rejected' && junk.message.zh).toBe('坏了');
  });
});
