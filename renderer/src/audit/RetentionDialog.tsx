// The administrator's retention period and the first purge's confirmation: what will be removed is
// shown (counts, through the indexes) before anything is; after the confirmation the purge runs at
// start-up and daily on its own (purgeSchedule.ts).
import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../shared/privacy/roles';
import { confirmFirstPurge, getRetention, planPurge, runPurge, saveRetentionDays, type PurgePlan, type RetentionState } from '../db/retention';
import { useDb } from '../runtime/dbContext';
import { useActor } from '../runtime/session';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { RestrictedModal } from '../ui/RestrictedModal';
import { CloseButton, submitWith } from '../ui/formParts';
import { TextField } from '../ui/fields';

export function RetentionDialog({ onClose }: { onClose: () => void }) {
  const db = useDb();
  const actor = useActor();
  const tr = useT();
  const { t } = tr;
  const allowed = can(actor, 'changeSettings') && can(actor, 'purge');
  const [state, setState] = useState<RetentionState | null>(null);
  const [plan, setPlan] = useState<PurgePlan | null>(null);
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<Say | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const s = await getRetention(db);
    setState(s);
    setDays(String(s.days));
    setPlan(await planPurge(db));
  }, [db]);

  useEffect(() => {
    if (allowed) void refresh();
  }, [allowed, refresh]);

  const save = async () => {
    const r = await saveRetentionDays(db, actor, days);
    if (!r.ok) {
      setError(tr.pick(r.error.message));
      return;
    }
    setError(undefined);
    const n = r.value.days;
    setStatus(() => (tr: Translator) => tr.t('retentionSaved', { n }));
    await refresh();
  };

  const confirm = async () => {
    setBusy(true);
    try {
      const c = await confirmFirstPurge(db, actor);
      if (!c.ok) {
        const m = c.error.message;
        setStatus(() => (tr: Translator) => tr.pick(m));
        return;
      }
      const r = await runPurge(db, actor!, Date.now(), (done) => setStatus(() => (tr: Translator) => tr.t('purgeRunning', { done })));
      if (!r.ok) {
        const m = r.error.message;
        setStatus(() => (tr: Translator) => tr.pick(m));
      } else if (r.value.ran) {
        const c = r.value.counts;
        setStatus(() => (tr: Translator) => (c.shifts === 0 ? tr.t('purgeNothing') : tr.t('purgeDone', { ...c })));
      }
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <RestrictedModal title={t('retentionTitle')} className="retention-dialog" allowed={allowed} refusal={t('retentionRefused')} onClose={onClose}>
      {state ? (
        <>
          <p>{t('retentionHelp')}</p>
          <form className="retention-form" onSubmit={submitWith(save)}>
            <TextField label={t('retentionDays')} name="retentionDays" value={days} inputMode="numeric" error={error} onChange={setDays} autoFocus />
            <button type="submit">{t('retentionSave')}</button>
          </form>
          {state.confirmedAt === undefined && plan ? (
            <section className="purge-preview" aria-label={t('purgePreviewTitle')} data-testid="purge-preview">
              <h3>{t('purgePreviewTitle')}</h3>
              <p className="warning">
                {plan.shifts === 0 ? t('purgePreviewNone', { days: plan.days }) : t('purgePreview', { shifts: plan.shifts, days: plan.days, persons: plan.persons, vehicles: plan.vehicles, incidents: plan.incidents })}
              </p>
              <div className="actions">
                <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
                  {t('purgeConfirm')}
                </button>
                <CloseButton label={t('purgeLater')} onClose={onClose} />
              </div>
            </section>
          ) : null}
          {status ? (
            <p className="status status-saved" role="status" data-testid="retention-status">
              {status(tr)}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t('loading')}</p>
      )}
    </RestrictedModal>
  );
}
