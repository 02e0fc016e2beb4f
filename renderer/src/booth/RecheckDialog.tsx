// Completing a 待复测 recheck from the list: the reading, its method, symptoms and the person's
// disposition, with the registration form's own rules (shared/recheck.ts). Keyboard first: the
// cursor starts in 复测体温; Enter moves on (to 人员处置 when the recheck is still a fever);
// Ctrl+S or Enter on the button saves; Esc closes. The first reading is shown, never edited.
import { useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { PERSON_DISPOSITIONS, THERMOMETER_METHODS } from '../../../shared/model';
import { minutesWaited, recheckDraftFor, validateRecheck, type RecheckDraft } from '../../../shared/recheck';
import { isFever, parseTemperature } from '../../../shared/temperature';
import { completeRecheck, type OpenRecheck } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT } from '../runtime/i18n';
import { useMinuteClock } from '../runtime/clock';
import { Modal } from '../ui/Modal';
import { ChoiceField, TextField, moveOnEnter } from '../ui/fields';
import { formatTime } from '../ui/format';
import { AlertLine, FormActions, submitWith } from '../ui/formParts';
import { errorText } from './errorText';
import { SymptomsField } from './SymptomsField';

interface Props {
  open: OpenRecheck;
  feverLine: number;
  operator: string;
  onClose: () => void;
  /** After a save: the caller says so and moves focus on. */
  onDone: (message: string) => void;
}

export function RecheckDialog({ open, feverLine, operator, onClose, onDone }: Props) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const now = useMinuteClock();
  const [draft, setDraft] = useState<RecheckDraft>(() => recheckDraftFor(open.person));
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState('');
  const busy = useRef(false);
  const rootRef = useRef<HTMLFormElement>(null);
  const errors = validateRecheck(draft, feverLine);
  const err = (path: string) => (submitted ? errorText(tr, errors[path]) : undefined);
  const parsed = parseTemperature(draft.temp);
  const stillFever = parsed.ok && isFever(parsed.celsius, feverLine);
  const patch = (p: Partial<RecheckDraft>) => setDraft((d) => ({ ...d, ...p }));
  const p = open.person;

  const save = async () => {
    if (busy.current) return;
    if (Object.keys(errors).length > 0) {
      flushSync(() => setSubmitted(true));
      rootRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input')?.focus();
      return;
    }
    busy.current = true;
    setFailure('');
    const r = await completeRecheck(db, p.id, draft, feverLine, operator, Date.now());
    busy.current = false;
    if (r.ok) onDone(t('recheckSaved', { name: p.name, t: r.value.recheck?.celsius.toFixed(1) ?? '' }));
    else setFailure(t('recheckFailed', { reason: tr.pick(r.error.message) }));
  };

  // While open, Ctrl+S saves the recheck — never the registration form behind the dialog.
  useCommand('save', () => void save());

  return (
    <Modal title={t('recheckDialogTitle', { name: p.name, plate: open.vehicle.plate })} onClose={onClose}>
      <form ref={rootRef} className="recheck-dialog" onKeyDown={(e: KeyboardEvent<HTMLFormElement>) => moveOnEnter(e)} onSubmit={submitWith(save)} noValidate>
        <p className="recheck-first" data-testid="recheck-first">
          {t('recheckFirstLine', {
            t: p.first.celsius.toFixed(1),
            method: tr.label('method', p.first.method),
            time: formatTime(p.first.at),
            m: minutesWaited(open.since, now),
          })}
        </p>
        <div className="grid">
          <TextField label={t('recheck')} name="recheckTemp" value={draft.temp} inputMode="decimal" autoFocus className="temp" error={err('temp')} onChange={(temp) => patch({ temp })} />
          <ChoiceField label={t('recheckMethod')} value={draft.method} options={tr.options('method', THERMOMETER_METHODS)} onChange={(method) => patch({ method })} nav={false} />
        </div>
        <SymptomsField values={draft.symptoms} onChange={(symptoms) => patch({ symptoms })} />
        <ChoiceField
          label={t('personDisposition')}
          value={draft.disposition}
          options={tr.options('personDisposition', PERSON_DISPOSITIONS)}
          onChange={(disposition) => patch({ disposition })}
          error={err('disposition')}
          nav={stillFever}
        />
        <AlertLine text={failure} />
        <FormActions submitLabel={t('recheckSave')} closeLabel={t('close')} onClose={onClose} />
        <p className="shortcut-hint">{t('recheckKeys')}</p>
      </form>
    </Modal>
  );
}
