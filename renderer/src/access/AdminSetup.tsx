// The station's administrator account, on the open-shift page: made once at first start by whoever
// sets the station up (nobody to ask yet); afterwards only named here. Replacing it needs the
// administrator (db/operators.ts setAdmin refuses anyone else).
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getAdmin, setAdmin } from '../db';
import { useDb } from '../runtime/dbContext';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { TextField, moveOnEnter } from '../ui/fields';
import { PinField } from '../ui/PinField';
import { submitWith } from '../ui/formParts';
import { validatePin } from '../../../shared/privacy/pin';

export function AdminSetup() {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const admin = useLiveQuery(async () => (await getAdmin(db)) ?? null, [db]);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<Say | null>(null);
  if (admin === undefined) return null;

  const create = async () => {
    const code = validatePin(pin) ?? (pin !== again ? 'pin.mismatch' : undefined);
    if (code) {
      setMessage(() => (tr: Translator) => tr.msg(code));
      return;
    }
    const r = await setAdmin(db, null, name, pin, Date.now());
    if (!r.ok) {
      const m = r.error.message;
      setMessage(() => (tr: Translator) => tr.pick(m));
      return;
    }
    setPin('');
    setAgain('');
    setMessage(() => (tr: Translator) => tr.t('accessAdminCreated', { name: r.value.name }));
  };

  return (
    <details className="admin-setup" open={admin === null}>
      <summary>{admin ? t('accessAdminIs', { name: admin.name }) : t('accessAdminTitle')}</summary>
      {admin ? null : (
        <form aria-label={t('accessAdminTitle')} onKeyDown={moveOnEnter} onSubmit={submitWith(create)} noValidate>
          <p className="hint">{t('accessAdminNone')}</p>
          <TextField label={t('accessAdminName')} value={name} onChange={setName} />
          <PinField label={t('accessAdminPin')} value={pin} onChange={setPin} />
          <PinField label={t('accessPinAgain')} value={again} onChange={setAgain} />
          <button type="submit" data-nav="">
            {t('accessAdminCreate')}
          </button>
        </form>
      )}
      {message ? (
        <p role="status" data-testid="admin-status">
          {message(tr)}
        </p>
      ) : null}
    </details>
  );
}
