// Page side of the watchlist import benchmark (issue 9): a list of n rows as a data team sends it
// (title row above the header, ID / phone / plate / origin / remark columns), read
//   raw      — SheetJS alone: XLSX.read + sheet_to_json(header: 1), the least any import must do;
//   ours     — the app's pure path on the same thread: readListFile (zip check, SheetJS, merged
//              cells) + detectMappings + buildListPreview (every value through the booth's
//              validators, duplicates merged);
//   app      — as the 布控名单 dialog does it: the file read in its worker through the parser host
//              (readListFileIsolated), mapping and preview on the page, storeWatchList into real
//              IndexedDB (one transaction with the audit entry).
import * as XLSX from 'xlsx';
import { readListFile } from '../../shared/watchlist/readListFile';
import { detectMappings } from '../../shared/watchlist/header';
import { buildListPreview } from '../../shared/watchlist/rows';
import { bigList, xlsxOf } from '../../shared/watchlist/testFiles';
import { readListFileIsolated } from '../../renderer/src/watchlist/readListFileIsolated';
import { storeWatchList } from '../../renderer/src/db/watchlists';
import { connect } from './connect';

let file: Uint8Array | null = null;
const TODAY = '2020-02-20';

function listFile(): Uint8Array {
  if (!file) throw new Error('makeListFile first');
  return file;
}

export function makeListFile(rows: number): { rows: number; bytes: number } {
  file = xlsxOf({ 名单: bigList(rows) });
  return { rows, bytes: file.length };
}

export function rawListRead(): { ms: number; rows: number } {
  const t = performance.now();
  const wb = XLSX.read(listFile(), { type: 'array', dense: true });
  const ws = wb.Sheets[wb.SheetNames[0] ?? ''];
  const rows = ws ? XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 }) : [];
  return { ms: performance.now() - t, rows: rows.length };
}

export function listImportPure(): { ms: number; read: number; check: number; entries: number } {
  const t = performance.now();
  const r = readListFile(listFile(), 'list.xlsx');
  if (!r.ok) throw new Error(r.error.message.en);
  const t1 = performance.now();
  const preview = buildListPreview(r.value, detectMappings(r.value), TODAY);
  const t2 = performance.now();
  return { ms: t2 - t, read: t1 - t, check: t2 - t1, entries: preview.totals.entries };
}

let listNo = 0;
export async function listImportApp(dbName: string): Promise<{ ms: number; read: number; check: number; store: number; entries: number }> {
  const db = await connect(dbName);
  const t = performance.now();
  const r = await readListFileIsolated('list.xlsx', listFile()).promise;
  const outcome = r.ok ? r.value[0]?.result : r;
  if (!outcome?.ok) throw new Error(outcome ? outcome.error.message.en : 'no outcome');
  const t1 = performance.now();
  const preview = buildListPreview(outcome.value, detectMappings(outcome.value), TODAY);
  const t2 = performance.now();
  const stored = await storeWatchList(db, { name: 'bench', role: 'lead' }, { kind: 'new', name: `bench ${++listNo} ${Date.now()}`, source: 'bench', issuedOn: TODAY, fileName: 'list.xlsx', entries: preview.entries });
  if (!stored.ok) throw new Error(stored.error.message.en);
  const t3 = performance.now();
  return { ms: t3 - t, read: t1 - t, check: t2 - t1, store: t3 - t2, entries: preview.totals.entries };
}
