// A full, bounded check of a zip (.xlsx) before SheetJS sees it.
//
// Why: SheetJS 0.20.3's zip reader trusts the file. Without an end-of-central-directory record —
// what a file cut short looks like (USB stick pulled mid-copy) — it reads the directory from the
// wrong place; and its inflate has no bounds checks, so a single damaged byte can make it loop
// forever instead of throwing. It also skips the CRC check and parses whatever size it is given,
// so a zip bomb or a sheet of a million rows would take the booth's memory before any "no".
//
// In order, cheapest first:
// 1. limits read from the zip's DIRECTORY, before anything is inflated: file size, number of
//    entries, each entry's and the total declared unpacked size (IMPORT_LIMITS);
// 2. every entry inflated by fflate (a maintained decoder that throws on malformed streams),
//    streamed in small pieces and stopped the moment it produces more than its directory
//    declared — a bomb with lying headers costs at most its declared size, never its real one —
//    with a CRC-32 (crc-32, SheetJS's own CRC package) and an exact size check;
// 3. while inflating, rows, cells and shared strings are counted from the XML bytes (no
//    parsing), so a sheet of a million small rows or millions of shared strings is refused
//    before SheetJS builds a single object.
// zip64 (no booth workbook comes near 4 GB) and encrypted entries are refused.
import { Inflate } from 'fflate';
import CRC32 from 'crc-32';

/**
 * The figures. A real handover: the largest shift we plan for is 20,000 people and as many
 * vehicles in one shift (a 12-hour night at a toll-plaza exit: one vehicle every 2 s). Its
 * workbook is 8.7 MB packed, 16 entries, 12.3 MB for the largest sheet, 30 MB unpacked in all,
 * 20,009 rows, 681,000 cells and 61,000 shared strings. The limits leave about 2.5–4× room.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 32 * 1024 * 1024,
  /** Entries in the zip directory (ours have 16). */
  entries: 64,
  /** Declared unpacked bytes of one entry. */
  entryBytes: 64 * 1024 * 1024,
  /** Declared unpacked bytes of all entries together. */
  totalBytes: 128 * 1024 * 1024,
  /** `<row` elements in one worksheet. */
  rowsPerSheet: 60_000,
  /** `<c` elements in all worksheets together. */
  cells: 2_500_000,
  /** `<si` elements in the shared-string table. */
  sharedStrings: 250_000,
} as const;

export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const EOCD_LEN = 22;
const MAX_COMMENT = 0xffff;
/** Compressed bytes handed to the decoder at a time: one piece inflates to at most ~16 MB. */
const PIECE = 16 * 1024;

export interface ZipProblem {
  /** 'damaged' (cut short, corrupt, not a zip) or 'limit' (too large for a handover). */
  kind: 'damaged' | 'limit';
  zh: string;
  en: string;
}

const problem = (zh: string, en: string, kind: ZipProblem['kind'] = 'damaged'): ZipProblem => ({ kind, zh, en });
const tooLarge = (zh: string, en: string): ZipProblem =>
  problem(`文件超出交接表的合理大小（${zh}），未读取`, `the file is larger than any handover workbook (${en}); not read`, 'limit');

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** Thrown inside the decoder's callback to stop it. */
class Stop extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.en);
  }
}

// Rolling 4-byte window over the XML: '<row', '<c ' / '<c>', '<si>' / '<si '.
const W_ROW = 0x3c726f77; // <row
const W3_C_SP = 0x3c6320; // '<c '
const W3_C_GT = 0x3c633e; // '<c>'
const W_SI_GT = 0x3c73693e; // <si>
const W_SI_SP = 0x3c736920; // '<si '

interface Counter {
  window: number;
  rows: number;
  cells: number;
  strings: number;
}

function count(c: Counter, chunk: Uint8Array): void {
  let w = c.window;
  for (let i = 0; i < chunk.length; i++) {
    w = ((w << 8) | (chunk[i] as number)) >>> 0;
    if (chunk[i] === 0x3c) continue; // a '<' only starts a match
    const w3 = w & 0xffffff;
    if (w === W_ROW) c.rows++;
    else if (w3 === W3_C_SP || w3 === W3_C_GT) c.cells++;
    else if (w === W_SI_GT || w === W_SI_SP) c.strings++;
  }
  c.window = w;
}

const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
const isSst = (name: string) => /^xl\/sharedStrings\.xml$/i.test(name);

/** null when the zip is complete, intact and within the limits; otherwise what is wrong. */
export function zipProblem(b: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): ZipProblem | null {
  const n = b.length;
  const truncated = problem('文件不完整，可能复制未完成', 'the file is incomplete, perhaps a copy did not finish');
  if (n > limits.fileBytes) return tooLarge(`${mb(n)}，上限 ${mb(limits.fileBytes)}`, `${mb(n)}, limit ${mb(limits.fileBytes)}`);
  if (n < EOCD_LEN) return truncated;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);

  let eocd = -1;
  for (let i = n - EOCD_LEN, stop = Math.max(0, n - EOCD_LEN - MAX_COMMENT); i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return truncated;

  const entries = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return problem('文件过大（zip64）', 'the file is too large (zip64)', 'limit');
  }
  if (entries === 0) return problem('压缩包是空的', 'the archive is empty');
  if (entries > limits.entries) return tooLarge(`${entries} 个内部文件，上限 ${limits.entries}`, `${entries} entries, limit ${limits.entries}`);
  if (cdOffset + cdSize > eocd) return truncated;

  interface Entry {
    name: string;
    flags: number;
    method: number;
    crc: number;
    data: Uint8Array;
    size: number;
  }
  const list: Entry[] = [];
  let p = cdOffset;
  let unpacked = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== SIG_CENTRAL) return truncated;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const packed = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen > eocd) return truncated;
    let name = '';
    for (let i = 0; i < nameLen; i++) name += String.fromCharCode(b[p + 46 + i] ?? 0);
    if (local + 30 > cdOffset || dv.getUint32(local, true) !== SIG_LOCAL) return truncated;
    // The local header must describe the same entry (SheetJS may read sizes from either): equal
    // values, or zeros with the data-descriptor flag.
    if ((dv.getUint16(local + 6, true) & 0x08) === 0) {
      if (dv.getUint32(local + 14, true) !== crc || dv.getUint32(local + 18, true) !== packed || dv.getUint32(local + 22, true) !== size) {
        return damaged(name);
      }
    }
    const localData = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (localData + packed > cdOffset) return truncated;
    if (size > limits.entryBytes) return tooLarge(`${name.slice(0, 60)} 解压后 ${mb(size)}，上限 ${mb(limits.entryBytes)}`, `${name.slice(0, 60)} unpacks to ${mb(size)}, limit ${mb(limits.entryBytes)}`);
    unpacked += size;
    list.push({ name, flags, method, crc, size, data: b.subarray(localData, localData + packed) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (unpacked > limits.totalBytes) {
    return tooLarge(`解压后共 ${mb(unpacked)}，上限 ${mb(limits.totalBytes)}`, `${mb(unpacked)} unpacked in all, limit ${mb(limits.totalBytes)}`);
  }

  let cellsSeen = 0;
  for (const e of list) {
    if (e.flags & 0x41) return problem('文件已加密', 'the file is encrypted');
    if (e.method !== 0 && e.method !== 8) return problem(`不支持的压缩方式 ${e.method}`, `unsupported compression method ${e.method}`);
    const counter: Counter = { window: 0, rows: 0, cells: 0, strings: 0 };
    const sheet = isSheet(e.name);
    const sst = isSst(e.name);
    let out = 0;
    let crc = 0;
    const take = (chunk: Uint8Array) => {
      out += chunk.length;
      if (out > e.size) throw new Stop(damaged(e.name)); // lying header: stop at the declared size
      crc = CRC32.buf(chunk, crc);
      if (!sheet && !sst) return;
      count(counter, chunk);
      if (counter.rows > limits.rowsPerSheet) {
        throw new Stop(tooLarge(`工作表超过 ${limits.rowsPerSheet} 行`, `a sheet has more than ${limits.rowsPerSheet} rows`));
      }
      if (cellsSeen + counter.cells > limits.cells) {
        throw new Stop(tooLarge(`超过 ${limits.cells} 个单元格`, `more than ${limits.cells} cells`));
      }
      if (counter.strings > limits.sharedStrings) {
        throw new Stop(tooLarge(`超过 ${limits.sharedStrings} 个不同的文字`, `more than ${limits.sharedStrings} shared strings`));
      }
    };
    try {
      if (e.method === 0) {
        if (e.data.length !== e.size) return damaged(e.name);
        for (let i = 0; i < e.data.length; i += PIECE) take(e.data.subarray(i, i + PIECE));
      } else {
        const inflater = new Inflate((chunk) => take(chunk));
        if (e.data.length === 0) return damaged(e.name);
        for (let i = 0; i < e.data.length; i += PIECE) inflater.push(e.data.subarray(i, i + PIECE), i + PIECE >= e.data.length);
      }
    } catch (err) {
      if (err instanceof Stop) return err.problem;
      // fflate throws plain Errors (with a numeric code) on malformed or truncated streams.
      return damaged(e.name);
    }
    cellsSeen += counter.cells;
    if (out !== e.size || crc >>> 0 !== e.crc) return damaged(e.name);
  }
  return null;
}

const damaged = (name: string): ZipProblem =>
  problem(`内容已损坏（${name.slice(0, 60)}）`, `content is damaged (${name.slice(0, 60)})`);
