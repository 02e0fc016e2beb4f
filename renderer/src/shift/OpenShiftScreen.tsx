import { useState } from 'react';
import { STAFF_UNITS, type StaffMember, type StaffUnit, type StationSettings } from '../../../shared/model';
import { openShift, saveSettings } from '../db';
import { useDb } from '../runtime/dbContext';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { ChoiceField, TextField, moveOnEnter } from '../ui/fields';

type ShiftChoice = 'day' | 'night' | 'custom';

function defaultShift(now: Date): ShiftChoice {
  const h = now.getHours();
  return h >= 8 && h < 20 ? 'day' : 'night';
}

/**
 * Nothing is registered outside a shift: every record carries checkpoint, shift and operator.
 * `initialLead`: the receiving lead named at the last handover, so the next shift opens from there.
 */
export function OpenShiftScreen({ settings, initialLead = '' }: { settings: StationSettings; initialLead?: string }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const [checkpoint, setCheckpoint] = useState(settings.checkpoint);
  const [choice, setChoice] = useState<ShiftChoice>(() => defaultShift(new Date()));
  const [custom, setCustom] = useState('');
  const [lead, setLead] = useState(initialLead);
  const [staff, setStaff] = useState<StaffMember[]>([{ name: '', unit: 'health' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Say | null>(null);

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!checkpoint.trim()) next.checkpoint = tr.msg('required');
    if (!lead.trim()) next.lead = tr.msg('required');
    if (choice === 'custom' && !custom.trim()) next.custom = tr.msg('required');
    const named = staff.filter((s) => s.name.trim() !== '');
    if (named.length === 0) next['staff.0'] = tr.msg('required');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    // The lead is on duty too, and may register.
    const withLead = named.some((s) => s.name.trim() === lead.trim()) ? named : [{ name: lead.trim(), unit: 'police' as StaffUnit }, ...named];
    const r = await openShift(
      db,
      { checkpoint: checkpoint.trim(), shiftName: choice === 'custom' ? custom.trim() : choice, leadName: lead.trim(), staff: withLead.map((s) => ({ name: s.name.trim(), unit: s.unit })) },
      Date.now(),
    );
    if (!r.ok) {
      const message = r.error.message;
      setFailure(() => (tr: Translator) => tr.pick(message));
      return;
    }
    if (settings.checkpoint !== checkpoint.trim()) await saveSettings(db, { ...settings, checkpoint: checkpoint.trim() });
  };

  const units = STAFF_UNITS.map((u) => ({ value: u, label: tr.label('staffUnit', u) }));

  return (
    <main className="open-shift">
      <h1>
        {t('appTitle')} · {t('openShiftTitle')}
      </h1>
      <p>{t('openShiftHint')}</p>
      <form
        aria-label={t('openShiftTitle')}
        onKeyDown={moveOnEnter}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
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
        <TextField label={t('leadName')} value={lead} error={errors.lead} onChange={setLead} />
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
              <ChoiceField
                label={`${t('staffUnit')} ${i + 1}`}
                value={s.unit}
                options={units}
                onChange={(unit) => setStaff((list) => list.map((x, j) => (j === i ? { ...x, unit } : x)))}
              />
              {staff.length > 1 ? (
                <button type="button" onClick={() => setStaff((list) => list.filter((_, j) => j !== i))}>
                  {t('removeStaff')}
                </button>
              ) : null}
            </div>
          ))}
          <button type="button" onClick={() => setStaff((list) => [...list, { name: '', unit: 'police' }])}>
            {t('addStaff')}
          </button>
        </fieldset>
        {failure ? (
          <p className="field-error" role="alert">
            {failure(tr)}
          </p>
        ) : null}
        <button type="submit" className="primary" data-nav="">
          {t('openShiftButton')}
        </button>
      </form>
    </main>
  );
}
