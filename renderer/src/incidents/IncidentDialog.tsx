import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { INCIDENT_DESCRIPTION_MAX, INCIDENT_VOID_REASON_MAX, validateIncident, validateIncidentVoid } from '../../../shared/incident';
import type { ValidationCode } from '../../../shared/messages';
import { INCIDENT_KINDS, type Incident, type IncidentKind, type Shift } from '../../../shared/model';
import { previewPlateInput } from '../../../shared/plateInput';
import { maskText } from '../../../shared/privacy/mask';
import { addIncident, dayKey, listIncidentsByDay, newId, voidIncident } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { ChoiceField, TextField, moveOnEnter } from '../ui/fields';
import { PlateInput } from '../ui/PlateInput';
import { formatTime } from '../ui/format';
import { FormActions, submitWith } from '../ui/formParts';

const message = (tr: Translator, code: ValidationCode | undefined, max: number) => (code ? tr.msg(code, { max }) : undefined);

/** Obstruction, evasion, refusal, violence: recorded with time, plate and what happened. */
export function IncidentDialog({ shift, operator, homeProvince, onClose }: { shift: Shift; operator: string; homeProvince: string; onClose: () => void }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const [kind, setKind] = useState<IncidentKind>('obstruction');
  const [plate, setPlate] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<Say | undefined>();
  const [status, setStatus] = useState<Say | undefined>();
  const platePreview = previewPlateInput(plate, homeProvince);
  const day = dayKey(Date.now());
  const today = useLiveQuery(() => listIncidentsByDay(db, day), [db, day]);

  const save = async () => {
    const draft = { kind, plate: platePreview.plate, description: description.trim() };
    // The same rule storage applies (shared/incident.ts), shown next to the field.
    const code = validateIncident(draft).description;
    if (code) {
      setError(() => (tr: Translator) => message(tr, code, INCIDENT_DESCRIPTION_MAX) ?? '');
      return;
    }
    const now = Date.now();
    const r = await addIncident(db, { id: newId(), shiftId: shift.id, checkpoint: shift.checkpoint, operator, at: now, day: dayKey(now), ...draft, voided: 0, amendments: [] });
    if (r.ok) {
      setStatus(() => (tr: Translator) => tr.t('incidentSaved'));
      setPlate('');
      setDescription('');
      setError(undefined);
    } else {
      const message = r.error.message;
      setError(() => (tr: Translator) => tr.pick(message));
    }
  };

  // The dialog owns the keyboard: Ctrl+S saves the incident, never the registration behind it.
  useCommand('save', () => void save());

  return (
    <Modal title={t('incidentTitle')} onClose={onClose}>
      <form
        className="incident-form"
        onKeyDown={(e) => {
          // Enter in the description confirms (Shift+Enter starts a new line), as in the void dialog.
          const target = e.target as HTMLElement;
          if (e.key === 'Enter' && target.tagName === 'TEXTAREA' && !e.shiftKey && !e.ctrlKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void save();
            return;
          }
          moveOnEnter(e);
        }}
        onSubmit={submitWith(save)}
      >
        <ChoiceField label={t('incidentKind')} value={kind} options={tr.options('incidentKind', INCIDENT_KINDS)} onChange={setKind} />
        <PlateInput label={t('incidentPlate')} name="incidentPlate" value={plate} preview={platePreview} onChange={setPlate} />
        <TextField label={t('incidentDescription')} value={description} multiline error={error?.(tr)} onChange={setDescription} />
        <FormActions submitLabel={t('incidentSave')} closeLabel={t('close')} onClose={onClose}>
          <div role="status" className="status status-saved">
            {status?.(tr)}
          </div>
        </FormActions>
      </form>
      <h3>{t('incidentsToday')}</h3>
      {today === undefined ? (
        <p>{t('loading')}</p>
      ) : today.length === 0 ? (
        <p className="empty">{t('noIncidents')}</p>
      ) : (
        <ul className="incident-list">
          {today.map((i) => (
            <IncidentItem key={i.id} incident={i} operator={operator} />
          ))}
        </ul>
      )}
    </Modal>
  );
}

/** One listed incident; a mistaken one is voided with a reason (kept, struck through, not counted). */
function IncidentItem({ incident: i, operator }: { incident: Incident; operator: string }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const text = `${formatTime(i.at)} · ${tr.label('incidentKind', i.kind)} · ${i.plate || '—'} · ${maskText(i.description)} · ${i.operator}`;

  const confirm = async () => {
    const code = validateIncidentVoid(reason);
    if (code) {
      setError(message(tr, code, INCIDENT_VOID_REASON_MAX));
      return;
    }
    const r = await voidIncident(db, i.id, reason, operator, Date.now());
    if (r.ok) setVoiding(false);
    else setError(tr.pick(r.error.message));
  };

  if (i.voided === 1) {
    return (
      <li className="voided">
        <s>{text}</s> <span className="voided-note">{t('incidentVoidedNote', { reason: maskText(i.voidMark?.reason ?? '') })}</span>
      </li>
    );
  }
  return (
    <li>
      {text}{' '}
      {voiding ? (
        <form
          className="incident-void"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <TextField label={t('voidReason')} value={reason} onChange={setReason} error={error} autoFocus />
          <button type="submit" className="danger">
            {t('incidentVoidConfirm')}
          </button>
          <button type="button" onClick={() => setVoiding(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <button type="button" aria-label={`${t('incidentVoid')} ${text}`} onClick={() => setVoiding(true)}>
          {t('incidentVoid')}
        </button>
      )}
    </li>
  );
}
