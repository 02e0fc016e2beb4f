// WorkbookModel → .xlsx bytes, the only module that writes with SheetJS (community edition: no
// bold, fills or frozen panes, so structure — widths, autofilter, merges — does the work).
//
// Cells are created directly as SheetJS cell objects in one pass over plain row arrays: the same
// work aoa_to_sheet does, minus its type sniffing, so a large shift costs about what SheetJS
// needs to write the same cells (the benchmark issue's 1.3× budget).
import * as XLSX from 'xlsx';
import { escapeOoxmlText, excelDate, neutralizeFormula } from './cells';
import { clipText } from './fingerprint';
import { DATE_TIME_FORMAT, type CellValue, type SheetModel, type WorkbookModel } from './workbookModel';

/**
 * The one place text is written. Every text cell is type 's' — an ID, a phone or '0101' is never
 * a number — formula-neutralised and OOXML-escaped (escapeOoxmlText), whichever builder made it.
 */
function textCell(s: string): XLSX.CellObject {
  return { t: 's', v: escapeOoxmlText(neutralizeFormula(clipText(s))) };
}

function toCell(v: CellValue, numFmt: string | undefined, tz: number): XLSX.CellObject | undefined {
  if (v === null) return undefined;
  switch (typeof v) {
    case 'string':
      return v === '' ? undefined : textCell(v);
    case 'number':
      // NaN / Infinity would be written as #NUM! / #DIV/0! errors: leave the cell empty instead.
      if (!Number.isFinite(v)) return undefined;
      return numFmt === undefined ? { t: 'n', v } : { t: 'n', v, z: numFmt };
    case 'boolean':
      return { t: 'b', v };
    default:
      if (v.t === 'text') return v.v === '' ? undefined : textCell(v.v);
      if (!Number.isFinite(v.ms)) return undefined;
      return { t: 'n', v: excelDate(v.ms, tz), z: v.z ?? DATE_TIME_FORMAT };
  }
}

export function sheetToWorksheet(sheet: SheetModel, tz: number): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const colNames: string[] = [];
  const colName = (c: number): string => (colNames[c] ??= XLSX.utils.encode_col(c));
  const formats = sheet.numberFormats ?? {};
  let r = 0;
  let maxCol = -1;
  const put = (row: readonly CellValue[]) => {
    const rowNo = String(r + 1);
    for (let c = 0; c < row.length; c++) {
      const cell = toCell(row[c] ?? null, formats[c], tz);
      if (cell) {
        ws[colName(c) + rowNo] = cell;
        if (c > maxCol) maxCol = c;
      }
    }
    r++;
  };
  if (sheet.header.length > 0) put(sheet.header);
  for (const row of sheet.rows) put(row);

  const lastCol = Math.max(maxCol, sheet.header.length - 1, sheet.widths.length - 1, 0);
  const lastRow = Math.max(r - 1, 0);
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } });
  ws['!cols'] = sheet.widths.map((wch) => ({ wch }));
  if (sheet.autofilter && sheet.header.length > 0) {
    const filterLast = Math.max(lastRow - (sheet.footerRows ?? 0), 0);
    ws['!autofilter'] = {
      ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: filterLast, c: sheet.header.length - 1 } }),
    };
  }
  if (sheet.merges && sheet.merges.length > 0) ws['!merges'] = sheet.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  return ws;
}

const PROP_KEYS = ['Title', 'Subject', 'Author', 'Manager', 'Company', 'Category', 'Keywords', 'Comments'] as const;

export function modelToWorkbook(model: WorkbookModel): XLSX.WorkBook {
  const props: XLSX.FullProperties = {};
  for (const k of PROP_KEYS) {
    const v = model.meta[k];
    if (v !== undefined) props[k] = v;
  }
  const created = model.meta.CreatedDate;
  if (created !== undefined && !Number.isNaN(Date.parse(created))) props.CreatedDate = new Date(created);

  const wb: XLSX.WorkBook = {
    SheetNames: model.sheets.map((s) => s.name),
    Sheets: {},
    Props: props,
    Workbook: { Sheets: model.sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) },
  };
  for (const s of model.sheets) wb.Sheets[s.name] = sheetToWorksheet(s, model.tzOffsetMinutes);
  return wb;
}

/**
 * The .xlsx file. bookSST (shared strings) is how Excel itself stores text and what older
 * readers expect; it also keeps repeated labels (放行, 是) small. The bytes own a plain
 * ArrayBuffer, so they can be transferred from a worker and pass IPC's Uint8Array check.
 */
export function workbookToXlsx(model: WorkbookModel): Uint8Array<ArrayBuffer> {
  const out: unknown = XLSX.write(modelToWorkbook(model), {
    type: 'array',
    bookType: 'xlsx',
    compression: true,
    bookSST: true,
  });
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (out instanceof Uint8Array) return new Uint8Array(out); // copy into a plain ArrayBuffer
  throw new Error('workbookToXlsx: SheetJS returned no bytes');
}
