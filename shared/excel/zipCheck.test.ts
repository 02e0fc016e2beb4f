import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { zipProblem } from './zipCheck';

const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 1]]), 'S');
const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);

describe('zipProblem', () => {
  it('accepts a complete workbook', () => {
    expect(zipProblem(bytes)).toBeNull();
  });

  it('reports every truncation as incomplete', () => {
    // Every cut, including those SheetJS would spin on (no end-of-directory record).
    for (let n = 0; n < bytes.length; n += 7) expect(zipProblem(bytes.slice(0, n)), `cut at ${n}`).not.toBeNull();
    expect(zipProblem(bytes.slice(0, bytes.length - 1))).not.toBeNull();
  });
});
