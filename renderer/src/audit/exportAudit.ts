// The audit trail's export: every entry the filter matches (page after page of listAudit, so the
// administrator rule is checked by storage), the chain's status, one workbook through the one
// writer (toXlsx), saved through the platform. The export itself is audited.
import { appendAudit, checkAuditChain, listAudit, AUDIT_PAGE_MAX, type AuditQuery } from '../db/audit';
import type { CheckpointDB } from '../db/db';
import { buildAuditWorkbook } from '../../../shared/audit/workbook';
import { workbookToXlsx } from '../../../shared/excel/toXlsx';
import type { AuditEntry } from '../../../shared/audit/model';
import type { Actor } from '../../../shared/privacy/roles';
import type { Locale } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { getPlatform } from '../platform/platform';

/** An audit trail far longer than a booth writes in years; beyond it, narrow the filter. */
export const AUDIT_EXPORT_MAX = 200_000;

export function auditFileName(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `审计记录_${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}_${p(d.getHours())}${p(d.getMinutes())}.xlsx`;
}

export async function exportAuditTrail(db: CheckpointDB, actor: Actor | null, filter: Omit<AuditQuery, 'limit' | 'before'>, locale: Locale): Promise<Result<{ saved: false } | { saved: true; where: string; count: number }>> {
  const entries: AuditEntry[] = [];
  let before: AuditQuery['before'];
  for (;;) {
    const page = await listAudit(db, actor, { ...filter, limit: AUDIT_PAGE_MAX, before });
    if (!page.ok) return page;
    entries.push(...page.value);
    const last = page.value[page.value.length - 1];
    if (!last || page.value.length < AUDIT_PAGE_MAX) break;
    if (entries.length >= AUDIT_EXPORT_MAX) return fail('audit.tooMany', `记录超过 ${AUDIT_EXPORT_MAX} 条，请缩小筛选范围`, `More than ${AUDIT_EXPORT_MAX} entries: narrow the filter`);
    before = { at: last.at, seq: last.seq };
  }
  const chain = await checkAuditChain(db);
  const now = Date.now();
  const model = buildAuditWorkbook(entries, chain, { locale, exportedAt: now, exportedBy: actor?.name ?? '', tzOffsetMinutes: -new Date(now).getTimezoneOffset() });
  const bytes = workbookToXlsx(model);
  // The actor goes with the file so main's access log names who saved it (no full IDs in the trail).
  const saved = await getPlatform().saveFile({ suggestedName: auditFileName(now), kind: 'xlsx', data: bytes, actor });
  if (!saved.ok) return saved;
  if (!saved.value.saved) return ok({ saved: false });
  await appendAudit(db, { at: Date.now(), actor: actor?.name ?? '', role: actor?.role ?? 'admin', action: 'export', target: 'audit', detail: { entries: entries.length, where: saved.value.path } });
  return ok({ saved: true, where: saved.value.path, count: entries.length });
}
