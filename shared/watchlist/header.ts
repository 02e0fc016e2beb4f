// Finding the header row and what each column holds, from the names data teams give their
// columns. A guess the operator confirms or changes (the import dialog shows it), never applied
// unseen. Title rows above the header ("关于做好重点人员核查工作的通知 附件1") are long text that
// names no column, so they score nothing.
import { toHalfWidth } from '../text';
import type { ListCell, ListFile, ListSheet } from './readListFile';

export const LIST_FIELDS = ['name', 'idNumber', 'phone', 'plate', 'origin', 'note'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
/** Fields that identify someone: a row needs at least one of them. */
export const KEY_FIELDS: readonly ListField[] = ['idNumber', 'plate', 'phone'];

/** Column names as they appear in real lists; compared after headerText() (no spaces, half-width, lower case). */
export const HEADER_SYNONYMS: Record<ListField, readonly string[]> = {
  name: ['姓名', '名字', '人员姓名', '人名', '当事人', '车主', '车主姓名', '驾驶人', '驾驶员', '驾驶人姓名', '被核查人', '核查对象', 'name', 'fullname'],
  idNumber: ['身份证号', '身份证号码', '身份证', '证件号码', '证件号', '公民身份号码', '公民身份证号', '身份号码', '身份证件号码', '证件编号', 'id', 'idno', 'idnumber', 'idcard'],
  phone: ['手机号', '手机号码', '手机', '联系电话', '电话', '电话号码', '联系方式', '移动电话', '联系号码', '本人电话', '车主电话', 'phone', 'mobile', 'tel', 'telephone'],
  plate: ['车牌号', '车牌号码', '车牌', '号牌号码', '号牌', '车号', '机动车号牌', '机动车号牌号码', 'plate', 'plateno', 'platenumber', 'licenseplate'],
  origin: ['来源地', '来自', '来自何地', '来源', '出发地', '来源城市', '来源地区', '从何地来', 'origin', 'from'],
  note: ['备注', '说明', '备注信息', '情况说明', '布控原因', '核查要求', '事由', 'note', 'notes', 'remark', 'remarks'],
};

/** A header cell's comparable form: half-width, lower case, no spaces, punctuation or (remarks). */
export function headerText(v: ListCell): string {
  if (v === null || typeof v === 'number') return '';
  return toHalfWidth(v.normalize('NFKC'))
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*:：_\-.·/\\]/g, '');
}

const SYNONYM_FIELD = new Map<string, ListField>();
for (const f of LIST_FIELDS) for (const s of HEADER_SYNONYMS[f]) SYNONYM_FIELD.set(s, f);

/** The field a header cell names, if any. Exact synonym, or a synonym with at most two more characters (身份证号码18位). */
export function fieldOfHeader(v: ListCell): ListField | null {
  const h = headerText(v);
  if (h === '') return null;
  const exact = SYNONYM_FIELD.get(h);
  if (exact) return exact;
  let best: { field: ListField; len: number } | null = null;
  for (const [syn, field] of SYNONYM_FIELD) {
    // Latin synonyms only exactly: 'id' must not claim 'idle'.
    if (/^[a-z]+$/.test(syn)) continue;
    if (h.startsWith(syn) && h.length - syn.length <= 2 && (!best || syn.length > best.len)) best = { field, len: syn.length };
  }
  return best?.field ?? null;
}

export interface SheetMapping {
  /** Index into ListFile.sheets. */
  sheet: number;
  /** Row index of the header (0-based); data starts on the next row. */
  headerRow: number;
  /** What each column holds; null = not imported. */
  columns: (ListField | null)[];
  /** Whether this sheet's rows are imported. */
  include: boolean;
}

/** How far down a title block may push the header. */
const HEADER_SCAN_ROWS = 30;

function mappingOf(row: readonly ListCell[]): (ListField | null)[] {
  const seen = new Set<ListField>();
  return Array.from(row, (v) => {
    const f = fieldOfHeader(v ?? null);
    // A second column with the same meaning (手机号, 联系电话) is kept too for the key fields
    // (each number becomes a match key); for text fields the first wins.
    if (!f || (seen.has(f) && !KEY_FIELDS.includes(f))) return null;
    seen.add(f);
    return f;
  });
}

/** The header row of one sheet: the row among the first 30 naming most fields (earliest on a tie); needs one key field. */
export function detectSheet(sheet: ListSheet, index: number): SheetMapping {
  let best: SheetMapping = { sheet: index, headerRow: 0, columns: [], include: false };
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, sheet.rows.length); r++) {
    const columns = mappingOf(sheet.rows[r] ?? []);
    const fields = new Set(columns.filter((f): f is ListField => f !== null));
    if (!KEY_FIELDS.some((f) => fields.has(f))) continue;
    if (fields.size > bestScore) {
      bestScore = fields.size;
      best = { sheet: index, headerRow: r, columns, include: true };
    }
  }
  return best;
}

export function detectMappings(file: ListFile): SheetMapping[] {
  return file.sheets.map((s, i) => detectSheet(s, i));
}

/** The operator picked another header row: the columns are detected again from that row. */
export function remapAtRow(file: ListFile, sheet: number, headerRow: number): SheetMapping {
  const row = file.sheets[sheet]?.rows[headerRow] ?? [];
  const columns = mappingOf(row);
  return { sheet, headerRow, columns, include: columns.some((f) => f !== null && KEY_FIELDS.includes(f)) };
}
