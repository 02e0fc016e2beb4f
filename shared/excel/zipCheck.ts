// A full check of a zip (.xlsx) before SheetJS sees it: directory complete and consistent, every
// entry inflating to exactly its declared size with a matching CRC-32.
//
// Why: SheetJS 0.20.3's zip reader trusts the file. Without an end-of-central-directory record —
// what a file cut short looks like (USB stick pulled mid-copy) — it reads the directory from the
// wrong place; and its inflate has no bounds checks, so a single damaged byte in a compressed
// entry can make it loop forever instead of throwing (found by fuzzing; see importHandover.test).
// SheetJS also skips the CRC check. Verifying here turns every such file into a clear "damaged"
// message. It also refuses zip64 (no booth workbook comes near 4 GB), encrypted entries, and
// files declaring an absurd unpacked size (a zip bomb would stall the import).
import { crc32, inflateRaw, InflateError } from './inflate';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const EOCD_LEN = 22;
const MAX_COMMENT = 0xffff;
/** Declared unpacked size limit; a 20 000-person workbook unpacks to a few tens of MB. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

export interface ZipProblem {
  zh: string;
  en: string;
}

const problem = (zh: string, en: string): ZipProblem => ({ zh, en });

/** null when the zip is complete and every entry intact; otherwise what is wrong. */
export function zipProblem(b: Uint8Array): ZipProblem | null {
  const n = b.length;
  const truncated = problem('文件不完整，可能复制未完成', 'the file is incomplete, perhaps a copy did not finish');
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
    return problem('文件过大（zip64）', 'the file is too large (zip64)');
  }
  if (entries === 0) return problem('压缩包是空的', 'the archive is empty');
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
    const localData = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (localData + packed > cdOffset) return truncated;
    unpacked += size;
    list.push({ name, flags, method, crc, size, data: b.subarray(localData, localData + packed) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (unpacked > MAX_UNPACKED_BYTES) return problem('解压后内容过大', 'the unpacked content is too large');

  for (const e of list) {
    if (e.flags & 0x41) return problem('文件已加密', 'the file is encrypted');
    let content: Uint8Array;
    if (e.method === 0) {
      if (e.data.length !== e.size) return damaged(e.name);
      content = e.data;
    } else if (e.method === 8) {
      try {
        content = inflateRaw(e.data, e.size);
      } catch (err) {
        if (err instanceof InflateError) return damaged(e.name);
        throw err;
      }
    } else {
      return problem(`不支持的压缩方式 ${e.method}`, `unsupported compression method ${e.method}`);
    }
    if (crc32(content) !== e.crc) return damaged(e.name);
  }
  return null;
}

const damaged = (name: string): ZipProblem =>
  problem(`内容已损坏（${name.slice(0, 60)}）`, `content is damaged (${name.slice(0, 60)})`);
