// The audit trail for administrators: filter by action, operator and time, newest first in bounded
// pages, the chain's status said plainly, export to Excel. Read only: there is no control that
// changes or removes an entry, and storage has no function that would.
import { useCallback, useEffect, useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type ChainCheck } from '../../../shared/audit/model';
import { auditActionKey, auditRoleKey, chainStatusText, describeAuditDetail } from '../../../shared/audit/words';
import { can } from '../../../shared/privacy/roles';
import { auditActors, checkAuditChain, listAudit, type AuditQuery } from '../db/audit';
import { useDb } from '../runtime/dbContext';
import { useActor } from '../runtime/session';
import { useT, type Say } from '../runtime/i18n';
import { RestrictedModal } from '../ui/RestrictedModal';
import { submitWith } from '../ui/formParts';
import { TableHead } from '../ui/TableHead';
import { exportAuditTrail } from './exportAudit';

/** Rows per page on screen: a page fits the dialog at 1024×768 without a long scroll. */
const PAGE = 50;

/** 'YYYY-MM-DD' (booth local time) → start or end of that day in ms; '' → undefined; else null (bad). */
function dayBound(s: string, end: boolean): number | undefined | null {
  if (s.trim() === '') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(d.getTime())) return null;
  return end ? d.getTime() + 86_400_000 - 1 : d.getTime();
}

const timeText = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

export function AuditDialog({ onClose }: { onClose: () => void }) {
  const db = useDb();
  const actor = useActor();
  const tr = useT();
  const { t } = tr;
  const allowed = can(actor, 'viewAudit');
  const [chain, setChain] = useState<ChainCheck | null>(null);
  const [actors, setActors] = useState<string[]>([]);
  const [action, setAction] = useState<AuditAction | ''>('');
  const [who, setWho] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<Omit<AuditQuery, 'limit' | 'before'>>({});
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; say: Say } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (f: typeof filter, after?: AuditEntry) => {
      const r = await listAudit(db, actor, { ...f, limit: PAGE + 1, before: after ? { at: after.at, seq: after.seq } : undefined });
      if (!r.ok) {
        const m = r.error.message;
        setStatus({ kind: 'error', say: (tr) => tr.pick(m) });
        return;
      }
      setMore(r.value.length > PAGE);
      const page = r.value.slice(0, PAGE);
      setRows((old) => (after ? [...old, ...page] : page));
    },
    [db, actor],
  );

  useEffect(() => {
    if (!allowed) return;
    void checkAuditChain(db).then(setChain);
    void auditActors(db, actor).then((r) => r.ok && setActors(r.value));
    void load({});
  }, [db, actor, allowed, load]);

  const apply = () => {
    const f = dayBound(from, false);
    const e = dayBound(to, true);
    if (f === null || e === null) {
      setStatus({ kind: 'error', say: (tr) => tr.t('auditBadDate') });
      return;
    }
    setStatus(null);
    const next = { ...(action ? { action } : {}), ...(who ? { actor: who } : {}), ...(f !== undefined ? { from: f } : {}), ...(e !== undefined ? { to: e } : {}) };
    setFilter(next);
    void load(next);
  };

  const exportAll = async () => {
    setBusy(true);
    try {
      const r = await exportAuditTrail(db, actor, filter, tr.locale);
      if (!r.ok) {
        const m = r.error.message;
        setStatus({ kind: 'error', say: (tr) => tr.t('auditExportFailed', { reason: tr.pick(m) }) });
      } else if (!r.value.saved) setStatus({ kind: 'ok', say: (tr) => tr.t('auditExportCancelled') });
      else {
        const { where, count } = r.value;
        setStatus({ kind: 'ok', say: (tr) => tr.t('auditExported', { where, n: count }) });
        // The export is itself an entry: show it and the chain that now includes it.
        void checkAuditChain(db).then(setChain);
        void load(filter);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <RestrictedModal title={t('auditTitle')} className="audit-viewer" allowed={allowed} refusal={t('auditRefused')} refusalTestId="audit-refused" closeAutoFocus onClose={onClose}>
      <p className={chain && !chain.ok ? 'audit-chain audit-chain-broken' : 'audit-chain audit-chain-ok'} role="status" data-testid="audit-chain">
        {chain ? chainStatusText(chain, tr.locale) : t('auditChecking')}
      </p>
      <p className="audit-note">{t('auditReadOnly')}</p>
      <form className="audit-filter" onSubmit={submitWith(apply)}>
        <label>
          {t('auditFilterAction')}
          <select name="action" aria-label={t('auditFilterAction')} value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')}>
            <option value="">{t('auditAll')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(auditActionKey(a))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('auditFilterActor')}
          <select name="actor" aria-label={t('auditFilterActor')} value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">{t('auditAll')}</option>
            {actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('auditFrom')}
          <input name="from" type="text" aria-label={t('auditFrom')} placeholder="2020-02-01" value={from} onChange={(e) => setFrom(e.target.value)} size={11} />
        </label>
        <label>
          {t('auditTo')}
          <input name="to" type="text" aria-label={t('auditTo')} placeholder="2020-02-29" value={to} onChange={(e) => setTo(e.target.value)} size={11} />
        </label>
        <button type="submit">{t('auditApply')}</button>
        <button type="button" className="primary" disabled={busy} onClick={() => void exportAll()}>
          {t('auditExport')}
        </button>
      </form>
      {status ? (
        <p className={status.kind === 'error' ? 'status status-error' : 'status status-saved'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="audit-status">
          {status.say(tr)}
        </p>
      ) : null}
      <div className="audit-table-wrap">
        <table className="audit-table" data-testid="audit-table">
          <TableHead columns={[t('auditColSeq'), t('auditColTime'), t('auditColActor'), t('auditColAction'), t('auditColTarget'), t('auditColDetail')]} />
          <tbody>
            {rows.map((e) => (
              <tr key={e.seq} data-seq={e.seq}>
                <td className="num">{e.seq}</td>
                <td>{timeText(e.at)}</td>
                <td>
                  {e.actor}（{t(auditRoleKey(e.role))}）
                </td>
                <td>{t(auditActionKey(e.action))}</td>
                <td>{e.target ?? ''}</td>
                <td className="audit-detail">{describeAuditDetail(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="empty">{t('auditEmpty')}</p> : null}
      </div>
      <p className="audit-shown">
        {t('auditShown', { n: rows.length })}{' '}
        {more ? (
          <button type="button" onClick={() => void load(filter, rows[rows.length - 1])}>
            {t('auditOlder')}
          </button>
        ) : null}
      </p>
    </RestrictedModal>
  );
}
