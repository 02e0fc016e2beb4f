// Storage failures become Result values (shared/result.ts): the UI must never show 已保存 for a
// record that did not commit, and must never crash on a full disk.
import { fail, type Result } from '../../../shared/result';

function errorName(e: unknown): string {
  if (e && typeof e === 'object') {
    const inner = (e as { inner?: unknown }).inner;
    const failures = (e as { failures?: unknown }).failures;
    // Dexie wraps the real cause: BulkError.failures[], AbortError.inner.
    if (Array.isArray(failures) && failures.length > 0) return errorName(failures[0]);
    if (inner) return errorName(inner);
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'UnknownError';
}

/** Every message along Dexie's chain of wrapped causes. */
function messages(e: unknown, depth = 0): string {
  if (!e || typeof e !== 'object' || depth > 5) return '';
  const x = e as { message?: unknown; inner?: unknown; failures?: unknown };
  const own = typeof x.message === 'string' ? x.message : '';
  const failures = Array.isArray(x.failures) ? x.failures.map((f) => messages(f, depth + 1)).join(' ') : '';
  return `${own} ${messages(x.inner, depth + 1)} ${failures}`;
}

/**
 * A really full disk does not arrive as QuotaExceededError: Chromium aborts the transaction with
 * an UnknownError whose message names LevelDB's FILE_ERROR_NO_SPACE (measured with a filled tmpfs).
 */
const DISK_FULL = /FILE_ERROR_NO_SPACE|No space left|ENOSPC/i;

/** Map an exception thrown by Dexie/IndexedDB to a bilingual failure. */
export function storageFailure<T>(e: unknown, action: { zh: string; en: string }, txError?: unknown): Result<T> {
  // The transaction's own error (when the caller kept it) says why a request was aborted.
  const detail = `${messages(e)} ${messages(txError)}`.trim();
  // Left in the console for whoever investigates later: the user sees only the short message.
  console.error(`[storage] ${action.en} failed: ${errorName(e)}: ${detail}`);
  const name = DISK_FULL.test(detail) ? 'QuotaExceededError' : errorName(e);
  if (name === 'ConstraintError') {
    return fail('db.duplicate', `${action.zh}失败：记录编号重复（可能已保存过）`, `${action.en} failed: duplicate record id (already saved?)`);
  }
  if (name === 'QuotaExceededError') {
    return fail('db.full', `${action.zh}失败：磁盘空间不足`, `${action.en} failed: the disk is full`);
  }
  return fail('db.failed', `${action.zh}失败（${name}），请重试`, `${action.en} failed (${name}), please retry`);
}

export const notFound = <T>(what: { zh: string; en: string }): Result<T> =>
  fail('db.notFound', `找不到${what.zh}`, `${what.en} not found`);

export const reasonRequired = <T>(): Result<T> =>
  fail('db.reasonRequired', '请填写原因', 'A reason is required');

export const byRequired = <T>(): Result<T> =>
  fail('db.byRequired', '请填写经办人', 'The person making the change is required');
