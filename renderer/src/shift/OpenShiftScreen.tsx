import { useState } from 'react';
import { STAFF_UNITS, type StaffMember, type StationSettings } from '../../../shared/model';
import { defaultShiftChoice, openShiftInput, validateOpenShiftInput, type ShiftChoice } from '../../../shared/shift/openShift';
import { openShift, rememberCheckpoint } from '../db';
import { useDb } from '../runtime/dbContext';
import { useSession } from '../runtime/session';
import { validatePin } from '../../../shared/privacy/pin';
import { roleOfMember } from '../../../shared/privacy/shiftRoles';
import { PinField } from '../ui/PinField';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { ChoiceField, TextField, moveOnEnter } from '../ui/fields';
import { AlertLine, submitWith } from '../ui/formParts';

/**
 * Nothing is registered outside a shift: every record carries checkpoint, shift and operator.
 * `initialLead`: the receiving lead named at the last handover, so the next shift opens from there.
 */
export function OpenShiftScreen({ settings, initialLead = '' }: { settings: StationSettings; initialLead?: string }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const [checkpoint, setCheckpoint] = useState(settings.checkpoint);
  const [choice, setChoice] = useState<ShiftChoice>(() => defaultShiftChoice(new Date()));
  const [custom, setCustom] = useState('');
  const [lead, setLead] = useState(initialLead);
  const [staff, setStaff] = useState<StaffMember[]>([{ name: '', unit: 'health' }]);
  // Each member's PIN (access): set here, kept only as a salted hash (db/operators.ts).
  const [leadPin, setLeadPin] = useState('');
  const [pins, setPins] = useState<string[]>(['']);
  const session = useSession();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Say | null>(null);

  const submit = async () => {
    // The same rules storage applies (shared/shift/openShift.ts), shown next to the fields.
    const input = openShiftInput({ checkpoint, choice, customName: custom, lead, staff });
    const next: Record<string, string> = {};
    for (const [field, code] of Object.entries(validateOpenShiftInput(input))) next[field] = tr.msg(code);
    const leadName = lead.trim();
    const leadCode = validatePin(leadPin);
    if (leadName && leadCode) next.leadPin = tr.msg(leadCode);
    const byName: Record<string, string> = { [leadName]: leadPin };
    staff.forEach((m, i) => {
      const name = m.name.trim();
      if (!name || name === leadName) return;
      const code = validatePin(pins[i] ?? '');
      if (code) next[`pin.${i}`] = tr.msg(code);
      byName[name] = pins[i] ?? '';
    });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const r = await openShift(db, input, Date.now(), byName);
    if (!r.ok) {
      const message = r.error.message;
      setFailure(() => (tr: Translator) => tr.pick(message));
      return;
    }
    // The lead who opened the shift (and typed their PIN) is its first signed-in operator.
    session.signIn({ name: r.value.leadName, role: 'lead' }, r.value.id);
    if (settings.checkpoint !== input.checkpoint) await rememberCheckpoint(db, input.checkpoint);
  };
  const roleText = (name: string, unit: StaffMember['unit']) => t('accessRoleOf', { role: t(`role_${roleOfMember(lead.trim(), { name: name.trim(), unit })}`) });

  const units = tr.options('staffUnit', STAFF_UNITS);

  return (
    <main className="open-shift">
      <h1>
        {t('appTitle')} · {t('openShiftTitle')}
      </h1>
      <p>{t('openShiftHint')}</p>
      <form
        aria-label={t('openShiftTitle')}
        onKeyDown={moveOnEnter}
        onSubmit={submitWith(submit)}
        noValidate
      >
        <TextField label={t('checkpoint')} value={checkpoint} autoFocus error={errors.checkpoint} onChange={setCheckpoint} />
        <ChoiceField
          label={t('shiftName')}
          value={choice}
          options={[
            { value: 'day', label: shiftNameLabel('day', tr.locale) },
            { value: 'night', label: shiftNameLabel('night', tr.locale) },
            { value: 'custom', label: t('shiftCustom') },
          ]}
          onChange={setChoice}
        />
        {choice === 'custom' ? <TextField label={t('shiftCustom')} value={custom} error={errors.custom} onChange={setCustom} /> : null}
        <div className="member-row">
          <TextField label={t('leadName')} value={lead} error={errors.lead} onChange={setLead} />
          <PinField label={t('accessLeadPin')} value={leadPin} error={errors.leadPin} onChange={setLeadPin} />
          <span className="member-role">{t('accessRoleOf', { role: t('role_lead') })}</span>
        </div>
        <p className="hint">{t('accessPinHint')}</p>
        <fieldset className="staff">
          <legend>{t('staff')}</legend>
          {staff.map((s, i) => (
            <div className="staff-row" key={i}>
              <TextField
                label={`${t('staffName')} ${i + 1}`}
                value={s.name}
                error={errors[`staff.${i}`]}
                onChange={(name) => setStaff((list) => list.map((x, j) => (j === i ? { ...x, name } : x)))}
              />
              {/* The lead named again in the list signs in with the lead's PIN above. */}
              {s.name.trim() !== '' && s.name.trim() === lead.trim() ? null : (
                <PinField
                  label={`${t('accessStaffPin')} ${i + 1}`}
                  value={pins[i] ?? ''}
                  error={errors[`pin.${i}`]}
                  onChange={(pin) => setPins((list) => Object.assign([...list], { [i]: pin }))}
                />
              )}
              <ChoiceField
                label={`${t('staffUnit')} ${i + 1}`}
                value={s.unit}
                options={units}
                onChange={(unit) => setStaff((list) => list.map((x, j) => (j === i ? { ...x, unit } : x)))}
              />
              {s.name.trim() ? <span className="member-role">{roleText(s.name, s.unit)}</span> : null}
              {staff.length > 1 ? (
                <button
                  type="button"
                  onClick={() => {
                    setStaff((list) => list.filter((_, j) => j !== i));
                    setPins((list) => list.filter((_, j) => j !== i));
                  }}
                >
                  {t('removeStaff')}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            onClick={() => {
              setStaff((list) => [...list, { name: '', unit: 'police' }]);
              setPins((list) => [...list, '']);
            }}
          >
            {t('addStaff')}
          </button>
        </fieldset>
        <AlertLine text={failure?.(tr)} />
        <button type="submit" className="primary" data-nav="">
          {t('openShiftButton')}
        </button>
      </form>
    </main>
  );
}
