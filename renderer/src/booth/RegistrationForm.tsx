import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Person, Shift, StationSettings, Vehicle } from '../../../shared/model';
import { VEHICLE_DISPOSITIONS, VEHICLE_TYPES } from '../../../shared/model';
import {
  buildRecords,
  draftFromRecords,
  emptyOccupant,
  emptyVehicleDraft,
  keyAreaReasons,
  previewPlate,
  validateDraft,
  type OccupantDraft,
  type VehicleDraft,
} from '../../../shared/registration';
import { formatKeyAreaReasons } from '../../../shared/i18n/labels';
import { amendVehicle, dayKey, lastVisit, newId, saveVehicle } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT, type Say } from '../runtime/i18n';
import { CheckField, ChoiceField, TextField, moveOnEnter } from '../ui/fields';
import { PlateInput } from '../ui/PlateInput';
import { OccupantFields } from './OccupantFields';
import { RepeatVisitBanner, type Visit } from './RepeatVisitBanner';
import { errorText } from './errorText';

export interface AmendTarget {
  vehicle: Vehicle;
  persons: Person[];
}

interface Props {
  shift: Shift;
  operator: string;
  settings: StationSettings;
  amend: AmendTarget | null;
  onAmendDone: () => void;
}

// Messages are kept as words-to-be (Say), so a line on screen follows a language switch.
type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; say: Say } | { kind: 'error'; say: Say } | { kind: 'info'; say: Say };

export function RegistrationForm({ shift, operator, settings, amend, onAmendDone }: Props) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const formRef = useRef<HTMLFormElement>(null);
  const plateRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<VehicleDraft>(() => emptyVehicleDraft(newId()));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [visit, setVisit] = useState<Visit | null>(null);
  const [reason, setReason] = useState('');
  const [lastEscape, setLastEscape] = useState(0);
  const savingRef = useRef(false);

  const today = dayKey(Date.now());
  const errors = validateDraft(draft, settings, today);
  const shown = (path: string) => submitted || touched.has(path);
  const err = (path: string) => (shown(path) ? errorText(tr, errors[path]) : undefined);
  const plate = previewPlate(draft, settings.homeProvince);
  const reasons = keyAreaReasons(draft, settings, today);

  // Focus moves synchronously after the commit (flushSync): a fast typist's next keys must
  // land in the new field, not in the one that had focus a frame ago.
  const reset = useCallback(() => {
    flushSync(() => {
      setDraft(emptyVehicleDraft(newId()));
      setTouched(new Set());
      setSubmitted(false);
      setVisit(null);
      setReason('');
    });
    plateRef.current?.focus();
  }, []);

  // Entering a correction loads the record into the same form the booth already knows.
  useEffect(() => {
    if (!amend) return;
    setDraft(draftFromRecords(amend.vehicle, amend.persons, 'amend', newId));
    setTouched(new Set());
    setSubmitted(false);
    setVisit(null);
    setReason('');
    setStatus({ kind: 'idle' });
    requestAnimationFrame(() => plateRef.current?.focus());
  }, [amend]);

  const touch = (path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
  const patch = (p: Partial<VehicleDraft>) => setDraft((d) => ({ ...d, ...p }));
  const patchOccupant = (i: number, p: Partial<OccupantDraft>) =>
    setDraft((d) => ({ ...d, occupants: d.occupants.map((o, j) => (j === i ? { ...o, ...p } : o)) }));

  const addOccupant = () => {
    flushSync(() =>
      setDraft((d) => ({ ...d, occupants: [...d.occupants, emptyOccupant(newId(), d.occupants.length === 0 ? 'driver' : 'passenger')] })),
    );
    const names = formRef.current?.querySelectorAll<HTMLInputElement>('input[name$=".name"]');
    names?.[names.length - 1]?.focus();
  };

  const removeOccupant = (i: number) =>
    setDraft((d) => ({
      ...d,
      occupants: d.occupants.filter((_, j) => j !== i).map((o, j) => ({ ...o, role: j === 0 ? 'driver' : 'passenger' })),
    }));

  const lookUpPlate = async () => {
    if (amend || !plate.info.valid) {
      setVisit(null);
      return;
    }
    const found = await lastVisit(db, plate.plate);
    setVisit(found ? { plate: plate.plate, ...found } : null);
  };

  const recall = () => {
    if (!visit || visit.plate !== plate.plate || amend) return;
    const recalled = draftFromRecords(visit.vehicle, visit.persons, 'recall', newId);
    flushSync(() => {
      setDraft({ ...recalled, plateInput: draft.plateInput });
      setStatus({ kind: 'info', say: (tr) => tr.t('recalled') });
    });
    formRef.current?.querySelector<HTMLInputElement>('input[name="occupants.0.temp"]')?.focus();
  };

  const save = async () => {
    if (savingRef.current) return;
    const n = Object.keys(errors).length + (amend && reason.trim() === '' ? 1 : 0);
    if (n > 0) {
      flushSync(() => {
        setSubmitted(true);
        setStatus({ kind: 'error', say: (tr) => tr.t('fixErrors', { n }) });
      });
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input')?.focus();
      return;
    }
    savingRef.current = true;
    setStatus({ kind: 'saving' });
    try {
      const now = Date.now();
      const { vehicle, persons } = buildRecords(draft, {
        shift,
        operator,
        now,
        day: dayKey(now),
        settings,
        newId,
        ...(amend ? { existing: amend.vehicle } : {}),
      });
      const result = amend
        ? await amendVehicle(db, amend.vehicle.id, vehicle, persons, reason, operator, now)
        : await saveVehicle(db, vehicle, persons);
      if (result.ok) {
        // Only now, after the transaction committed, does the booth hear "saved".
        setStatus({ kind: 'saved', say: (tr) => tr.t('saved', { plate: vehicle.plate, n: persons.length }) });
        reset();
        if (amend) onAmendDone();
      } else {
        const message = result.error.message;
        setStatus({ kind: 'error', say: (tr) => tr.t('saveFailed', { reason: tr.pick(message) }) });
      }
    } catch (e) {
      setStatus({ kind: 'error', say: (tr) => tr.t('saveFailed', { reason: String(e) }) });
    } finally {
      savingRef.current = false;
    }
  };

  useCommand('save', () => void save());
  useCommand('addOccupant', addOccupant);
  useCommand('recall', recall);
  useCommand('newVehicle', () => {
    if (amend) onAmendDone();
    reset();
  });

  const onPlateKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey) void lookUpPlate();
  };

  const onFormKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      // Two presses, so one stray Escape never throws away a half-typed vehicle.
      const now = Date.now();
      if (now - lastEscape < 1500) {
        if (amend) onAmendDone();
        reset();
        setStatus({ kind: 'idle' });
      } else setLastEscape(now);
      return;
    }
    moveOnEnter(e);
  };

  const vehicleTypes = VEHICLE_TYPES.map((v) => ({ value: v, label: tr.label('vehicleType', v) }));

  return (
    <form
      ref={formRef}
      className={`registration ${amend ? 'amending' : ''}`}
      aria-label={amend ? t('amendVehicle') : t('newVehicle')}
      onKeyDown={onFormKey}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <h2>{amend ? `${t('amendVehicle')} · ${amend.vehicle.plate}` : t('newVehicle')}</h2>
      <div className="grid">
        <PlateInput
          label={t('plate')}
          name="plate"
          value={draft.plateInput}
          preview={plate}
          inputRef={plateRef}
          autoFocus
          error={err('plate')}
          onChange={(plateInput) => patch({ plateInput, plateConfirmed: false })}
          onKeyDown={onPlateKey}
          onBlur={() => {
            // The plate is where focus rests between vehicles: leaving it empty (to open a
            // dialog, say) is not a mistake; saving without it is, and says so then.
            if (draft.plateInput.trim() !== '') touch('plate');
            void lookUpPlate();
          }}
        />
        {plate.confirm ? (
          <CheckField
            label={plate.confirm === 'rare' ? t('plateRareConfirm') : t('plateUnknownConfirm')}
            checked={draft.plateConfirmed}
            onChange={(plateConfirmed) => patch({ plateConfirmed })}
          />
        ) : null}
        <ChoiceField label={t('vehicleType')} value={draft.vehicleType} options={vehicleTypes} onChange={(vehicleType) => patch({ vehicleType })} />
      </div>
      {visit && visit.plate === plate.plate && !amend ? (
        <RepeatVisitBanner visit={visit} onRecall={recall} />
      ) : null}
      <div className="grid">
        <TextField label={t('origin')} name="origin" value={draft.origin} error={err('origin')} onChange={(origin) => patch({ origin })} onBlur={() => touch('origin')} />
        <TextField label={t('route')} name="route" value={draft.route} error={err('route')} onChange={(route) => patch({ route })} onBlur={() => touch('route')} />
        <TextField
          label={t('destination')}
          name="destination"
          value={draft.destination}
          error={err('destination')}
          onChange={(destination) => patch({ destination })}
          onBlur={() => touch('destination')}
        />
        <TextField label={t('purpose')} name="purpose" value={draft.purpose} error={err('purpose')} onChange={(purpose) => patch({ purpose })} />
        <TextField label={t('localContact')} name="localContact" value={draft.localContact} error={err('localContact')} onChange={(localContact) => patch({ localContact })} />
      </div>
      <div className="grid secondary">
        <ChoiceField
          label={t('direction')}
          value={draft.direction}
          options={[
            { value: 'in', label: tr.label('direction', 'in') },
            { value: 'out', label: tr.label('direction', 'out') },
          ]}
          onChange={(direction) => patch({ direction })}
          nav={false}
        />
      </div>
      {reasons.length > 0 ? (
        <div className="key-area" role="group" aria-label={t('keyAreaVehicle')}>
          <p className="key-area-title">
            {t('keyAreaVehicle')} · {t('keyAreaReasons')}: {formatKeyAreaReasons(reasons, tr.locale)}
          </p>
          <div className="grid">
            <CheckField label={t('inspected')} checked={draft.inspected} error={err('inspected')} onChange={(inspected) => patch({ inspected })} />
            <CheckField label={t('disinfected')} checked={draft.disinfected} error={err('disinfected')} onChange={(disinfected) => patch({ disinfected })} />
          </div>
        </div>
      ) : null}

      <h2 className="occupants-title">{t('occupants')}</h2>
      {draft.occupants.map((o, i) => (
        <OccupantFields
          key={o.key}
          index={i}
          occupant={o}
          settings={settings}
          errors={errors}
          shown={shown}
          onChange={(p) => patchOccupant(i, p)}
          onBlur={touch}
          {...(draft.occupants.length > 1 ? { onRemove: () => removeOccupant(i) } : {})}
        />
      ))}
      <div className="row">
        <button type="button" onClick={addOccupant}>
          {t('addOccupant')}
        </button>
      </div>

      <div className="grid">
        <ChoiceField
          label={t('vehicleDisposition')}
          value={draft.disposition}
          options={VEHICLE_DISPOSITIONS.map((d) => ({ value: d, label: tr.label('vehicleDisposition', d) }))}
          onChange={(disposition) => patch({ disposition })}
          nav={false}
        />
        <TextField label={t('remarks')} name="remarks" value={draft.remarks} error={err('remarks')} onChange={(remarks) => patch({ remarks })} />
        {amend ? (
          <TextField
            label={t('amendReason')}
            name="amendReason"
            value={reason}
            error={submitted && reason.trim() === '' ? t('reasonRequired') : undefined}
            onChange={setReason}
          />
        ) : null}
      </div>

      <div className="actions">
        <button type="submit" className="primary" data-nav="" disabled={status.kind === 'saving'}>
          {status.kind === 'saving' ? t('saving') : t('save')}
        </button>
        {amend ? (
          <button type="button" onClick={() => { onAmendDone(); reset(); }}>
            {t('cancelAmend')}
          </button>
        ) : null}
        <div className={`status status-${status.kind}`} role="status" aria-live="polite" data-testid="save-status">
          {status.kind === 'saved' || status.kind === 'error' || status.kind === 'info' ? status.say(tr) : ''}
        </div>
      </div>
      <p className="shortcut-hint">{t('helpKeys')}</p>
    </form>
  );
}
