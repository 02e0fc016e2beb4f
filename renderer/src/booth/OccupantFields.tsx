// One person on one line: 姓名 | 证件号 | 电话 | 体温 | flags. The rarely changed choices
// (document type, thermometer, disposition) are folded behind one compact control per person (Tab
// to it, Enter or Space opens them; digits pick); a choice that is not the default shows as a flag
// on the line. A first-reading fever unfolds the recheck with the disposition, which a confirmed
// fever makes a stop of the Enter chain.
import { useState } from 'react';
import type { StationSettings } from '../../../shared/model';
import { DOC_TYPES, PERSON_DISPOSITIONS, THERMOMETER_METHODS } from '../../../shared/model';
import type { EnumKey, EnumTable } from '../../../shared/i18n/labels';
import { occupantReadings, type FieldErrors, type OccupantDraft } from '../../../shared/registration';
import { missingDecimalPoint, parseTemperature } from '../../../shared/temperature';
import { useT } from '../runtime/i18n';
import { SelectField, TextField } from '../ui/fields';
import { errorText } from './errorText';
import { personTitle } from './personTitle';
import { RecheckPendingField } from './RecheckPendingField';
import { SymptomsField } from './SymptomsField';

interface Props {
  index: number;
  occupant: OccupantDraft;
  settings: StationSettings;
  errors: FieldErrors;
  shown: (path: string) => boolean;
  onChange: (patch: Partial<OccupantDraft>) => void;
  onRemove?: () => void;
  onBlur: (path: string) => void;
}

export function OccupantFields({ index, occupant: o, settings, errors, shown, onChange, onRemove, onBlur }: Props) {
  const tr = useT();
  const { t } = tr;
  const p = `occupants.${index}`;
  const err = (field: string) => (shown(`${p}.${field}`) ? errorText(tr, errors[`${p}.${field}`]) : undefined);
  /** What every typed field of this person takes, by its key in the draft: its value, path, error and edits. */
  const typed = (field: 'name' | 'docNumber' | 'phone' | 'temp' | 'recheckTemp') => ({
    value: o[field],
    name: `${p}.${field}`,
    error: err(field),
    onChange: (value: string) => onChange({ [field]: value }),
    onBlur: () => onBlur(`${p}.${field}`),
  });
  const readings = occupantReadings(o, settings.feverLine);
  const title = personTitle(tr, index);

  /**
   * A reading that is probably right but not as typed (98.6 °F, 365 without its point) is offered
   * back as a button; taking it puts the cursor back in the field, so the next keys are not lost.
   */
  const readingFix = (raw: string, field: 'temp' | 'recheckTemp') => {
    const parsed = parseTemperature(raw);
    const decimal = missingDecimalPoint(raw);
    const c = !parsed.ok && parsed.code === 'temp.fahrenheit' ? parsed.celsius.toFixed(1) : decimal !== undefined ? decimal.toFixed(1) : null;
    if (c === null) return null;
    return (
      <button
        type="button"
        className="inline-fix"
        onClick={(e) => {
          const input = e.currentTarget.closest('.field')?.querySelector('input');
          onChange({ [field]: c });
          input?.focus();
        }}
      >
        {decimal !== undefined ? t('useDecimal', { c }) : t('useFahrenheit', { c })}
      </button>
    );
  };

  const [open, setOpen] = useState(false);
  // The folded choices open on request, and stay open while one of them has an error to fix.
  const folded = !open && !(shown(`${p}.disposition`) && errors[`${p}.disposition`] && !readings.feverFirst);
  const disposition = (
    <SelectField
      label={t('personDisposition')}
      value={o.disposition}
      options={tr.options('personDisposition', PERSON_DISPOSITIONS)}
      onChange={(d) => onChange({ disposition: d })}
      error={err('disposition')}
      name={`${p}.disposition`}
      nav={readings.feverConfirmed && readings.recheck !== undefined}
      className="compact inline"
    />
  );

  return (
    <section className={`occupant ${readings.feverFirst ? 'fever' : ''}`} aria-label={title} data-index={index}>
      <div className="person-line">
        <span className="person-role" aria-hidden="true">
          {title}
        </span>
        <TextField hideLabel label={t('name')} {...typed('name')} className="col-name" />
        <TextField hideLabel label={t('docNumber')} {...typed('docNumber')} className="col-doc" />
        <TextField hideLabel label={t('phone')} {...typed('phone')} inputMode="tel" className="col-phone" />
        <TextField hideLabel label={t('temp')} {...typed('temp')} inputMode="decimal" hint={readingFix(o.temp, 'temp')} className="temp col-temp" />
        <span className="person-flags" data-testid={`person-flags-${index}`}>
          {readings.feverFirst ? <span className="flag flag-fever">{t('flagFever')}</span> : null}
          {o.docType !== 'residentId' ? <span className="flag">{tr.label('docType', o.docType)}</span> : null}
          {o.tempMethod !== 'infrared' ? <span className="flag">{tr.label('method', o.tempMethod)}</span> : null}
          {o.disposition !== 'released' ? <span className="flag flag-back">{tr.label('personDisposition', o.disposition)}</span> : null}
        </span>
        <button
          type="button"
          className={`person-more-toggle ${folded ? '' : 'open'}`}
          aria-expanded={!folded}
          aria-label={t('personMore', { role: title })}
          title={t('personMore', { role: title })}
          onClick={() => setOpen((v) => !v)}
        >
          {folded ? '⋯' : '▴'}
        </button>
        {onRemove ? (
          <button type="button" className="remove-person" onClick={onRemove} aria-label={`${t('removeOccupant')} · ${title}`} title={t('removeOccupant')}>
            ×
          </button>
        ) : null}
      </div>
      {!folded ? (
        <div className="person-more">
          <DetailSelect label={t('docType')} table="docType" values={DOC_TYPES} value={o.docType} onChange={(docType) => onChange({ docType })} />
          <DetailSelect label={t('tempMethod')} table="method" values={THERMOMETER_METHODS} value={o.tempMethod} onChange={(tempMethod) => onChange({ tempMethod })} />
          {readings.feverFirst ? null : disposition}
        </div>
      ) : null}
      {readings.feverFirst ? (
        <div className="fever-box" role="group" aria-label={t('feverNotice', { line: settings.feverLine.toFixed(1) })}>
          <p className="fever-notice">
            {readings.feverConfirmed && readings.recheck !== undefined
              ? t('feverConfirmed')
              : o.recheckPending && readings.recheck === undefined
                ? t('recheckPendingNotice')
                : t('feverNotice', { line: settings.feverLine.toFixed(1) })}
          </p>
          <TextField label={t('recheck')} {...typed('recheckTemp')} inputMode="decimal" hint={readingFix(o.recheckTemp, 'recheckTemp')} className="temp inline" />
          <RecheckPendingField checked={o.recheckPending === true} recheckTyped={o.recheckTemp.trim() !== ''} onChange={(recheckPending) => onChange({ recheckPending })} />
          <DetailSelect label={t('recheckMethod')} table="method" values={THERMOMETER_METHODS} value={o.recheckMethod} onChange={(recheckMethod) => onChange({ recheckMethod })} />
          <SymptomsField values={o.symptoms} onChange={(symptoms) => onChange({ symptoms })} className="inline" />
          {disposition}
        </div>
      ) : null}
    </section>
  );
}

/** A rarely changed choice of one person (document, thermometer): folded, compact, out of the Enter chain. */
function DetailSelect<T extends EnumTable, V extends EnumKey<T>>(p: { label: string; table: T; values: readonly V[]; value: V; onChange: (value: V) => void }) {
  const tr = useT();
  return <SelectField label={p.label} value={p.value} options={tr.options(p.table, p.values)} onChange={p.onChange} nav={false} className="compact inline" />;
}
