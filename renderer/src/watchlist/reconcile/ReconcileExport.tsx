// 布控名单对账: the reconciliation workbook, built by the export worker and saved through the same
// save-file path as the handover. Masked unless a lead or admin ticks the full export; every
// saved file is audited (export, masked or not).
import { useId, useState } from 'react';
import { can } from '../../../../shared/privacy/roles';
import { appendAudit } from '../../db/audit';
import { useDb } from '../../runtime/dbContext';
import { useActor } from '../../runtime/session';
import { useT, type Say } from '../../runtime/i18n';
import { buildAndSave } from '../../export/buildAndSave';
import { CheckField } from '../../ui/fields';

type Message = { tone: 'ok' | 'error' | 'info'; say: Say } | null;

export function ReconcileExport() {
  const db = useDb();
  const actor = useActor();
  const tr = useT();
  const { t } = tr;
  const id = useId();
  const [fullIds, setFullIds] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const mayFull = can(actor, 'exportFull');

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const full = fullIds && mayFull;
    try {
      const exportedAt = Date.now();
      const r = await buildAndSave(
        { op: 'watchReconciliation', dbName: db.name, actor, fullIds: full, exportedAt, tzOffsetMinutes: -new Date(exportedAt).getTimezoneOffset() },
        { saved: 'watchReconcileSaved', downloaded: 'watchReconcileDownloaded', cancelled: 'watchReconcileCancelled', failed: 'watchReconcileSaveFailed' },
      );
      if (r.saved) {
        await appendAudit(db, {
          at: Date.now(),
          actor: actor?.name ?? '',
          role: actor?.role ?? 'system',
          action: 'export',
          target: r.saved.fileName,
          detail: { kind: 'watchReconciliation', masked: !full },
        });
      }
      setMessage(r.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="watch-reconcile" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('watchReconcileTitle')}</h2>
      <p className="field-hint">{t('watchReconcileHint')}</p>
      <div className="district-actions">
        {mayFull ? <CheckField label={t('watchReconcileFull')} checked={fullIds} onChange={setFullIds} /> : null}
        <button type="button" onClick={() => void run()} disabled={busy}>
          {busy ? t('watchReconcileBusy') : t('watchReconcileExport')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="watch-reconcile-status" className={`status ${message ? `status-${message.tone === 'error' ? 'error' : 'saved'}` : ''}`}>
        {message ? message.say(tr) : ''}
      </div>
    </section>
  );
}
