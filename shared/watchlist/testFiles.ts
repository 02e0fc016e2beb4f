// Messy list files as data teams send them, generated for tests and the bench (not product code).
import * as XLSX from 'xlsx';
import { residentIdCheckChar } from '../residentId';

/** A valid 18-character resident ID (area 510722, born 1980–1999), different for each n. */
export function listId(n: number): string {
  const y = 1980 + (n % 20);
  const m = String(1 + (Math.floor(n / 20) % 12)).padStart(2, '0');
  const d = String(1 + (Math.floor(n / 240) % 28)).padStart(2, '0');
  const seq = String(Math.floor(n / 6720) % 1000).padStart(3, '0');
  const first17 = `510722${y}${m}${d}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/** A mainland mobile, different for each n. */
export const listPhone = (n: number) => `139${String(n).padStart(8, '0')}`;

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A valid ordinary plate, different for each n < 24 × 100,000. */
export const listPlate = (n: number) => `川${PLATE_LETTERS[Math.floor(n / 100000) % 24]}${String(n % 100000).padStart(5, '0')}`;

export type Aoa = (string | number | null)[][];

export function xlsxOf(sheets: Record<string, Aoa>, merges: Record<string, XLSX.Range[]> = {}, bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    const m = merges[name];
    if (m) ws['!merges'] = m;
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: bookType === 'xlsx' }) as ArrayBuffer);
}

let gbkTable: Map<string, number[]> | null = null;
/** GBK bytes for text, as Chinese Excel's "CSV (逗号分隔)" writes it (TextEncoder only writes UTF-8). */
export function gbkBytes(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export function csvOf(aoa: Aoa): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return aoa.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A list of n people with ID, phone and plate, under a title row, as most data teams send it. */
export function bigList(n: number): Aoa {
  const aoa: Aoa = [['重点人员核查名单（数据专班下发）'], ['序号', '姓名', '身份证号码', '手机号码', '车牌号', '来源地', '备注']];
  for (let i = 0; i < n; i++) aoa.push([i + 1, `人员${i}`, listId(i), listPhone(i), listPlate(i), '湖北武汉', i % 10 === 0 ? '需核酸检测' : '']);
  return aoa;
}
