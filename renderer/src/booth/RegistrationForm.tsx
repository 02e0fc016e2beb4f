import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Person, Shift, StationSettings, Vehicle } from '../../../shared/model';
import { DIRECTIONS, VEHICLE_DISPOSITIONS, VEHICLE_TYPES } from '../../../shared/model';
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
import { amendVehicle, dayKey, draftIsBlank, dropBoothDraft, keepBoothDraft, keptBoothDraft, lastVisit, newId, saveVehicle } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT, type Say } from '../runtime/i18n';
import { CheckField, SelectField, TextField, moveOnEnter } from '../ui/fields';
import { formatTime } from '../ui/format';
import { PlateInput } from '../ui/PlateInput';
import { withoutBlankPassengers } from './blankPassengers';
import { OccupantFields } from './OccupantFields';
import { RepeatVisitBanner, type Visit } from './RepeatVisitBanner';
import { errorText } from './errorText';
import { personTitle } from './personTitle';
import { RecognisedPersonBanner } from './RecognisedPersonBanner';
import { useBoothScanner } from './useBoothScanner';
import { usePersonRecognition } from './usePersonRecognition';
import { WatchAlert } from '../watchlist/alert/WatchAlert';
import { keptDecisions, useWatchAlert } from '../watchlist/alert/useWatchAlert';

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
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const today = dayKey(Date.now());
  // Empty lines that Enter added after the last person are not people (see blankPassengers.ts).
  const effective = withoutBlankPassengers(draft);
  const errors = validateDraft(effective, settings, today);
  const shown = (path: string) => submitted || touched.has(path);
  const err = (path: string) => (shown(path) ? errorText(tr, errors[path]) : undefined);
  const plate = previewPlate(draft, settings.homeProvince);
  const reasons = keyAreaReasons(draft, settings, today);
  // Watchlist alert (布控命中): looked up while typing; no alert while correcting a saved record.
  const watch = useWatchAlert(effective, settings.homeProvince, today, amend !== null, operator);
  const { restore: restoreDecisions } = watch;
  const watchDrafts = watch.state.drafts;

  // ---- the draft on disk (item 12): restored once on start, then kept as it is typed ----
  const [draftLoaded, setDraftLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    keptBoothDraft(db, shift.id)
      .then((kept) => {
        if (!live) return;
        // Whatever was typed since the screen opened wins over the kept copy.
        if (kept && draftIsBlank(draftRef.current)) {
          restoreDecisions(kept.watchDecisions);
          setDraft(kept.draft);
          setStatus({ kind: 'info', say: (tr) => tr.t('draftRestored', { time: formatTime(kept.at) }) });
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (live) setDraftLoaded(true);
      });
    return () => {
      live = false;
    };
    // Once per shift screen: the translator changing language must not restore again.
  }, [db, shift.id, restoreDecisions]);
  // Writes are chained so they reach the disk in typing order; a correction is never kept as a draft.
  const writes = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    if (!draftLoaded || amend) return;
    writes.current = writes.current
      .then(() => keepBoothDraft(db, shift.id, draft, Date.now(), keptDecisions(watchDrafts)))
      .catch((e: unknown) => setStatus({ kind: 'error', say: (tr) => tr.t('draftSaveFailed', { reason: String(e) }) }));
  }, [db, shift.id, draft, watchDrafts, draftLoaded, amend, t]);
  // Closing the window or reloading with unsaved input asks first (the draft is on disk anyway).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (draftIsBlank(draftRef.current)) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

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

  const focusOccupantField = (i: number, field: 'name' | 'temp') =>
    formRef.current?.querySelector<HTMLInputElement>(`input[name="occupants.${i}.${field}"]`)?.focus();

  const addOccupant = () => {
    flushSync(() =>
      setDraft((d) => ({ ...d, occupants: [...d.occupants, emptyOccupant(newId(), d.occupants.length === 0 ? 'driver' : 'passenger')] })),
    );
    const names = formRef.current?.querySelectorAll<HTMLInputElement>('input[name$=".name"]');
    names?.[names.length - 1]?.focus();
  };

  /**
   * Enter on a person's last stop (item 15) goes to the next person — to the name of a new one, or
   * straight to the temperature of a recalled one (after F3 Enter hops temperature to temperature)
   * — and adds a person after the last, instead of walking on to 备注 and 保存.
   */
  const nextPerson = (i: number) => {
    const next = draftRef.current.occupants[i + 1];
    if (!next) addOccupant();
    else focusOccupantField(i + 1, next.name.trim() !== '' ? 'temp' : 'name');
  };

  const removeOccupant = (i: number) =>
    setDraft((d) => ({
      ...d,
      occupants: d.occupants.filter((_, j) => j !== i).map((o, j) => ({ ...o, role: j === 0 ? 'driver' : 'passenger' })),
    }));

  const lookUpPlate = async (p = plate) => {
    if (amend || !p.info.valid) {
      setVisit(null);
      return;
    }
    const found = await lastVisit(db, p.plate);
    setVisit(found ? { plate: p.plate, ...found } : null);
  };

  const recall = () => {
    if (!visit || visit.plate !== plate.plate || amend) return;
    const recalled = draftFromRecords(visit.vehicle, visit.persons, 'recall', newId);
    flushSync(() => {
      setDraft({ ...recalled, plateInput: draft.plateInput });
      setStatus({ kind: 'info', say: (tr) => tr.t('recalled') });
    });
    focusOccupantField(0, 'temp');
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
      // A watchlist hit cannot be dismissed silently: each needs 已核查 or 待跟进 first.
      const watched = amend ? null : await watch.beforeSave();
      if (watched && !watched.ok) {
        flushSync(() => setStatus({ kind: 'error', say: (tr) => tr.t('watchUndecidedSave', { n: watched.undecided }) }));
        formRef.current?.querySelector<HTMLElement>(`.watch-hit[data-entry="${watched.firstEntryId}"] button`)?.focus();
        return;
      }
      const now = Date.now();
      const built = buildRecords(effective, {
        shift,
        operator,
        now,
        day: dayKey(now),
        settings,
        newId,
        ...(amend ? { existing: amend.vehicle } : {}),
      });
      const { persons } = built;
      const { vehicle, watch: hits } = watched ? watched.finish(built.vehicle, persons) : { vehicle: built.vehicle, watch: undefined };
      const result = amend
        ? await amendVehicle(db, amend.vehicle.id, vehicle, persons, reason, operator, now)
        : await saveVehicle(db, vehicle, persons, hits);
      if (result.ok) {
        if (!amend) {
          // The vehicle is on disk: its draft goes (after any write still queued) before "saved"
          // shows, so a crash now cannot bring the car back as a second registration.
          const dropped = writes.current.then(() => dropBoothDraft(db));
          writes.current = dropped.catch(() => undefined);
          await writes.current;
        }
        // Only now, after the transaction committed, does the booth hear "saved" — beside the
        // plate, where the eyes are when the next car pulls up.
        setStatus({ kind: 'saved', say: (tr) => tr.t('savedAt', { time: formatTime(now), plate: vehicle.plate, n: persons.length }) });
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

  // People recognised across visits (F6 reuses name and phone) and scanner bursts (shared/scan/).
  const recognised = usePersonRecognition(draft.occupants, today, !amend);
  const reusePerson = () => {
    if (!recognised) return;
    const { name, phone } = recognised.recognition;
    flushSync(() => {
      patchOccupant(recognised.index, { name, ...(phone !== '' ? { phone } : {}) });
      setStatus({ kind: 'info', say: (tr) => tr.t('recogReused') });
    });
    focusOccupantField(recognised.index, 'temp');
  };
  useCommand('reusePerson', reusePerson);
  useBoothScanner({
    formRef,
    draftRef,
    setDraft,
    say: (say) => setStatus({ kind: 'info', say }),
    onPlate: (plateInput) => void lookUpPlate(previewPlate({ plateInput }, settings.homeProvince)),
  });

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
    if (e.key === 'Enter' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey && !e.nativeEvent.isComposing) {
      const target = e.target as HTMLElement;
      const person = target.closest<HTMLElement>('section.occupant');
      if (person && (target.tagName === 'INPUT' || target.tagName === 'SELECT')) {
        const stops = Array.from(person.querySelectorAll<HTMLElement>('[data-nav]')).filter((el) => el.offsetParent !== null);
        if (stops[stops.length - 1] === target) {
          e.preventDefault();
          nextPerson(Number(person.dataset.index));
          return;
        }
      }
    }
    moveOnEnter(e);
  };

  const vehicleTypes = tr.options('vehicleType', VEHICLE_TYPES);

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
      {amend ? <h2>{`${t('amendVehicle')} · ${amend.vehicle.plate}`}</h2> : null}
      <div className="vehicle-line">
        <PlateInput
          label={t('plate')}
          name="plate"
          value={draft.plateInput}
          preview={plate}
          inputRef={plateRef}
          autoFocus
          focusHome
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
        <SelectField label={t('vehicleType')} name="vehicleType" value={draft.vehicleType} options={vehicleTypes} onChange={(vehicleType) => patch({ vehicleType })} />
        <SelectField label={t('direction')} value={draft.direction} options={tr.options('direction', DIRECTIONS)} onChange={(direction) => patch({ direction })} nav={false} />
        <div className={`status status-${status.kind}`} role="status" aria-live="polite" data-testid="save-status">
          {status.kind === 'saved' || status.kind === 'error' || status.kind === 'info' ? status.say(tr) : status.kind === 'saving' ? t('saving') : ''}
        </div>
      </div>
      {plate.confirm ? (
        <CheckField
          label={plate.confirm === 'rare' ? t('plateRareConfirm') : t('plateUnknownConfirm')}
          checked={draft.plateConfirmed}
          onChange={(plateConfirmed) => patch({ plateConfirmed })}
        />
      ) : null}
      <WatchAlert state={watch.state} />
      {visit && visit.plate === plate.plate && !amend ? <RepeatVisitBanner visit={visit} onRecall={recall} /> : null}
      <div className="route-line">
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
      {reasons.length > 0 ? (
        <div className="key-area" role="group" aria-label={t('keyAreaVehicle')}>
          <p className="key-area-title">
            {t('keyAreaVehicle')} · {t('keyAreaReasons')}: {formatKeyAreaReasons(reasons, tr.locale)}
          </p>
          <CheckField label={t('inspected')} checked={draft.inspected} error={err('inspected')} onChange={(inspected) => patch({ inspected })} />
          <CheckField label={t('disinfected')} checked={draft.disinfected} error={err('disinfected')} onChange={(disinfected) => patch({ disinfected })} />
        </div>
      ) : null}

      <div className="people" role="group" aria-label={t('occupants')}>
        <div className="people-head" aria-hidden="true">
          <span className="person-role">{t('occupants')}</span>
          <span className="col-name">{t('name')}</span>
          <span className="col-doc">{t('docNumber')}</span>
          <span className="col-phone">{t('phone')}</span>
          <span className="col-temp">{t('temp')}</span>
          <span className="person-flags">{t('colFlags')}</span>
        </div>
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
        {recognised ? (
          <RecognisedPersonBanner recognition={recognised.recognition} typedName={recognised.occupant.name} role={personTitle(tr, recognised.index)} onReuse={reusePerson} />
        ) : null}
        <button type="button" className="add-person" onClick={addOccupant}>
          {t('addOccupant')}
        </button>
      </div>

      <div className="form-foot">
        <SelectField label={t('vehicleDisposition')} value={draft.disposition} options={tr.options('vehicleDisposition', VEHICLE_DISPOSITIONS)} onChange={(disposition) => patch({ disposition })} nav={false} />
        <TextField label={t('remarks')} name="remarks" value={draft.remarks} error={err('remarks')} onChange={(remarks) => patch({ remarks })} className="remarks" />
        {amend ? (
          <TextField
            label={t('amendReason')}
            name="amendReason"
            value={reason}
            error={submitted && reason.trim() === '' ? t('reasonRequired') : undefined}
            onChange={setReason}
          />
        ) : null}
        <button type="submit" className="primary save-button" data-nav="" disabled={status.kind === 'saving'}>
          {status.kind === 'saving' ? t('saving') : t('save')}
        </button>
        {amend ? (
          <button
            type="button"
            onClick={() => {
              onAmendDone();
              reset();
            }}
          >
            {t('cancelAmend')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
