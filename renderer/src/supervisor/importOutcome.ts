// What happened to each file the supervisor picked, in words they can act on: imported, the same
// workbook again (重复，未重复计算), a later export replacing an earlier one, an older export that
// was not used, or rejected with the reader's own message.
import { shiftKey } from '../../../shared/district/merge';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import type { Bilingual, Result } from '../../../shared/result';
import type { StoreImportResult } from '../db';

export type FileOutcome =
  | { fileName: string; kind: 'added' | 'replaced' | 'duplicate' | 'superseded'; shift: ImportedShift; pinned?: boolean }
  | { fileName: string; kind: 'rejected'; message: Bilingual };

export interface ReadFile {
  name: string;
  result: Result<ImportedShift>;
}

/** Per-file outcome from the reader's results and the store's merge (matched by object identity). */
export function classifyImports(files: readonly ReadFile[], store: StoreImportResult | null): FileOutcome[] {
  return files.map((f): FileOutcome => {
    if (!f.result.ok) return { fileName: f.name, kind: 'rejected', message: f.result.error.message };
    const s = f.result.value;
    if (!store) return { fileName: f.name, kind: 'rejected', message: { zh: '未保存', en: 'Not stored' } };
    const refused = store.rejected.find((r) => r.shift === s);
    if (refused) return { fileName: f.name, kind: 'rejected', message: refused.message };
    const { merge } = store;
    const pinned = store.pinned.includes(s);
    if (merge.duplicates.includes(s)) return { fileName: f.name, kind: 'duplicate', shift: s };
    if (merge.replaced.includes(s)) return { fileName: f.name, kind: 'superseded', shift: s };
    const key = shiftKey(s);
    const replacedOne = merge.replaced.some((r) => r !== s && shiftKey(r) === key);
    return { fileName: f.name, kind: replacedOne ? 'replaced' : 'added', shift: s, ...(pinned ? { pinned } : {}) };
  });
}
