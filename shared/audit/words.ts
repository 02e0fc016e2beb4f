// How an audit entry reads (screen and workbook alike): action and role words, the chain's status
// sentence, and an entry's detail as one line of text.
import { catalogue, type StringKey } from '../i18n/strings';
import { fill } from '../i18n/fill';
import type { Locale } from '../model';
import type { Role } from '../privacy/roles';
import type { AuditAction, ChainCheck } from './model';

export const auditActionKey = (a: AuditAction): StringKey => `auditAction_${a}` as StringKey;
/** The roles' words are the sign-in's own (role_*): one word per role on every screen; only the system, which never signs in, has its own. */
export const auditRoleKey = (r: Role | 'system'): StringKey => (r === 'system' ? 'auditRole_system' : `role_${r}`);

export function chainStatusText(chain: ChainCheck, locale: Locale): string {
  const c = catalogue(locale);
  if (chain.ok) return fill(c.auditChainOk, { n: chain.count }, locale);
  return fill(c.auditChainBroken, { seq: chain.seq, problem: c[`auditProblem_${chain.problem}` as StringKey] }, locale);
}

/** `key: value; key: value` — values as JSON when they are not plain text or numbers. */
export function describeAuditDetail(detail: Record<string, unknown> | undefined): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)}`)
    .join('; ');
}
