// 同步 panel: state, records the county refused (kept here with the reason), and the setup.
import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SyncSetup } from '../../../shared/sync/batch';
import { waitingShown } from '../../../shared/sync/limits';
import { listRefused } from '../db/outbox';
import { useDb } from '../runtime/dbContext';
import { useT } from '../runtime/i18n';
import { getPlatform } from '../platform/platform';
import { Modal } from '../ui/Modal';
import { formatDateTime } from '../ui/format';
import { useSync } from './SyncContext';
import { TableHead } from '../ui/TableHead';
import { CloseButton, FieldRow } from '../ui/formParts';
import type { StringKey } from '../../../shared/i18n/strings';
import { useActor } from '../runtime/session';
import { refusedOperatorName } from '../../../shared/sync/operatorId';

interface Form {
  host: string;
  port: string;
  database: string;
  role: string;
  password: string;
  checkpoint: string;
  tls: 'verify' | 'off';
  caPem: string;
}

/** The setup's text inputs in screen order, with what each tells the browser. */
const TEXT_FIELDS: readonly [key: Exclude<keyof Form, 'tls'>, label: StringKey, props: InputHTMLAttributes<HTMLInputElement>][] = [
  ['host', 'syncHost', { autoFocus: true, autoComplete: 'off' }],
  ['port', 'syncPort', { inputMode: 'numeric' }],
  ['database', 'syncDatabase', {}],
  ['role', 'syncRole', { autoComplete: 'off' }],
  ['password', 'syncPassword', { type: 'password', autoComplete: 'new-password' }],
  ['checkpoint', 'syncCheckpoint', {}],
];

const fromSetup = (s: SyncSetup | undefined): Form => ({
  host: s?.host ?? '',
  port: String(s?.port ?? 5432),
  database: s?.database ?? 'county',
  role: s?.role ?? '',
  password: '',
  checkpoint: s?.checkpoint ?? '',
  tls: s?.tls ?? 'verify',
  caPem: s?.caPem ?? '',
});

export function SyncPanel({ onClose }: { onClose: () => void }) {
  const actor = useActor();
  const db = useDb();
  const sync = useSync();
  const tr = useT();
  const { t, pick } = tr;
  const id = useId();
  const refused = useLiveQuery(() => listRefused(db, 200), [db]);
  const status = sync?.status;
  const [form, setForm] = useState<Form>(() => fromSetup(status?.setup));
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!sync || !status) return null;
  if (!status.available) {
    return (
      <Modal title={t('syncTitle')} onClose={onClose}>
        <p data-testid="sync-unavailable">{status.reason ? pick(status.reason) : t('syncUnavailableShort')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose} autoFocus>
            {t('close')}
          </button>
        </div>
      </Modal>
    );
  }

  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const missing = (['host', 'database', 'role', 'password'] as const).find((k) => form[k].trim() === '');
    if (missing) {
      const label = { host: t('syncHost'), database: t('syncDatabase'), role: t('syncRole'), password: t('syncPassword') }[missing];
      setMessage({ text: t('syncRequired', { field: label }), bad: true });
      return;
    }
    const port = Number(form.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      setMessage({ text: t('syncPortInvalid'), bad: true });
      return;
    }
    setBusy(true);
    setMessage({ text: t('syncTesting'), bad: false });
    const setup: SyncSetup = { host: form.host.trim(), port, database: form.database.trim(), role: form.role.trim(), checkpoint: form.checkpoint.trim(), tls: form.tls, ...(form.caPem.trim() ? { caPem: form.caPem.trim() } : {}) };
    // The sync setup is a station setting: main lets only the administrator change it.
    const r = await getPlatform().syncConfigure({ setup, password: form.password, actor });
    setBusy(false);
    if (!r.ok) {
      setMessage({ text: pick(r.error.message), bad: true });
      return;
    }
    sync.setStatus(r.value);
    setForm((f) => ({ ...f, password: '' }));
    setMessage({ text: t('syncSaved'), bad: false });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const r = await getPlatform().syncImportConfig(await file.text());
    setBusy(false);
    if (!r.ok) {
      setMessage({ text: pick(r.error.message), bad: true });
      return;
    }
    sync.setStatus(r.value);
    setForm(fromSetup(r.value.setup));
    setMessage({ text: t('syncSaved'), bad: false });
  };

  const forget = async () => {
    const r = await getPlatform().syncForget();
    if (r.ok) {
      sync.setStatus(r.value);
      setMessage({ text: t('syncForgotten'), bad: false });
    }
  };

  const s = status.setup;
  return (
    <Modal title={t('syncTitle')} onClose={onClose}>
      <section aria-label={t('syncTitle')} className="sync-state">
        {s ? (
          <p>{t('syncConfiguredAs', { role: s.role, host: s.host, port: s.port, database: s.database, checkpoint: s.checkpoint || t('syncSupervisorAccount') })}</p>
        ) : (
          <p>{t('syncNotConfigured')}</p>
        )}
        {s ? (
          <ul className="sync-facts">
            <li>{sync.reachable === null ? t('syncUnknownReach') : sync.reachable ? t('syncReachable') : t('syncUnreachable')}</li>
            <li>{sync.lastSyncAt ? t('syncLast', { time: formatDateTime(sync.lastSyncAt) }) : t('syncNever')}</li>
            <li>{t('syncWaiting', { n: waitingShown(sync.waiting) })}</li>
            <li>{t('syncRefusedCount', { n: sync.refused })}</li>
            {sync.lastError ? <li className="field-error">{t('syncLastError', { reason: pick(sync.lastError) })}</li> : null}
            {sync.lastRun && !sync.lastRun.error ? <li>{t('syncDone', { stored: sync.lastRun.stored, dup: sync.lastRun.duplicates, refused: sync.lastRun.refused })}</li> : null}
          </ul>
        ) : null}
        {s?.checkpoint ? (
          <button type="button" onClick={() => void sync.syncNow()} disabled={sync.running}>
            {sync.running ? t('syncRunning') : t('syncNow')}
          </button>
        ) : null}
      </section>

      <section aria-labelledby={`${id}-refused`}>
        <h3 id={`${id}-refused`}>{t('syncRefusedTitle')}</h3>
        {!refused || refused.length === 0 ? (
          <p className="empty">{t('syncRefusedEmpty')}</p>
        ) : (
          <>
          {s?.checkpoint ? (
            <p>
              <button
                type="button"
                disabled={sync.running}
                onClick={() =>
                  void sync.sendAgain().then((n) =>
                    setMessage(n === null ? { text: t('syncSendAgainFailed'), bad: true } : { text: t('syncSentAgain', { n }), bad: n > 0 }),
                  )
                }
              >
                {t('syncSendAgain')}
              </button>{' '}
              <span className="hint">{t('syncSendAgainHint')}</span>
            </p>
          ) : null}
          <div className="table-scroll">
            <table className="counts-table" data-testid="sync-refused">
              <TableHead columns={[t('syncRefusedWhat'), t('syncRefusedWhy'), t('syncRefusedWhen')]} />
              <tbody>
                {refused.map((r) => (
                  <tr key={r.key}>
                    <td>
                      {t(`syncKind_${r.kind}`)} {r.kind === 'operator' ? refusedOperatorName(r.id) : r.id.slice(-12)}
                    </td>
                    <td>{pick(r.reason)}</td>
                    <td>{formatDateTime(r.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </>
        )}
      </section>

      <form className="sync-setup" aria-labelledby={`${id}-setup`} onSubmit={(e) => void save(e)}>
        <h3 id={`${id}-setup`}>{t('syncSetupTitle')}</h3>
        {TEXT_FIELDS.map(([key, label, props]) => (
          <FieldRow key={key} id={`${id}-${key}`} label={t(label)}>
            <input id={`${id}-${key}`} value={form[key]} onChange={set(key)} {...props} />
          </FieldRow>
        ))}
        <FieldRow id={`${id}-tls`} label={t('syncTls')}>
          <select id={`${id}-tls`} value={form.tls} onChange={(e) => setForm((f) => ({ ...f, tls: e.target.value === 'off' ? 'off' : 'verify' }))}>
            <option value="verify">{t('syncTlsVerify')}</option>
            <option value="off">{t('syncTlsOff')}</option>
          </select>
        </FieldRow>
        {form.tls === 'verify' ? (
          <FieldRow id={`${id}-ca`} label={t('syncCa')}>
            <textarea id={`${id}-ca`} value={form.caPem} onChange={set('caPem')} rows={3} />
          </FieldRow>
        ) : null}
        {message ? (
          <p className={message.bad ? 'field-error' : 'notice'} role={message.bad ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" disabled={busy}>
            {t('syncSave')}
          </button>
          <label className="file-button">
            {t('syncImport')}
            <input type="file" accept=".json,application/json" onChange={(e) => void importFile(e.target.files?.[0])} disabled={busy} />
          </label>
          {s ? (
            <button type="button" onClick={() => void forget()}>
              {t('syncForget')}
            </button>
          ) : null}
          <CloseButton onClose={onClose} />
        </div>
        <p className="hint">{t('syncImportHint')}</p>
      </form>
    </Modal>
  );
}
