import type { StationSettings } from '../../../shared/model';
import { DOC_TYPES, PERSON_DISPOSITIONS, SYMPTOMS, THERMOMETER_METHODS } from '../../../shared/model';
import { occupantReadings, type FieldErrors, type OccupantDraft } from '../../../shared/registration';
import { parseTemperature } from '../../../shared/temperature';
import { useT } from '../runtime/i18n';
import { ChoiceField, MultiCheckField, TextField } from '../ui/fields';
import { errorText } from './errorText';
import { RecheckPendingField } from './RecheckPendingField';

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
  const readings = occupantReadings(o, settings.feverLine);
  const title = `${index === 0 ? tr.label('role', 'driver') : `${tr.label('role', 'passenger')} ${index}`}`;

  const fahrenheitFix = (raw: string, apply: (c: string) => void) => {
    const parsed = parseTemperature(raw);
    if (parsed.ok || parsed.code !== 'temp.fahrenheit') return null;
    const c = parsed.celsius.toFixed(1);
    return (
      <button type="button" className="inline-fix" onClick={() => apply(c)}>
        {t('useFahrenheit', { c })}
      </button>
    );
  };

  return (
    <section className={`occupant ${readings.feverFirst ? 'fever' : ''}`} aria-label={title}>
      <header className="occupant-head">
        <h3>{title}</h3>
        {onRemove ? (
          <button type="button" className="link" onClick={onRemove}>
            {t('removeOccupant')}
          </button>
        ) : null}
      </header>
      <div className="grid">
        <TextField label={t('name')} value={o.name} error={err('name')} onChange={(name) => onChange({ name })} onBlur={() => onBlur(`${p}.name`)} name={`${p}.name`} />
        <TextField
          label={t('docNumber')}
          value={o.docNumber}
          error={err('docNumber')}
          onChange={(docNumber) => onChange({ docNumber })}
          onBlur={() => onBlur(`${p}.docNumber`)}
          name={`${p}.docNumber`}
          className="wide"
        />
        <TextField
          label={t('phone')}
          value={o.phone}
          inputMode="tel"
          error={err('phone')}
          onChange={(phone) => onChange({ phone })}
          onBlur={() => onBlur(`${p}.phone`)}
          name={`${p}.phone`}
        />
        <TextField
          label={t('temp')}
          value={o.temp}
          inputMode="decimal"
          error={err('temp')}
          hint={fahrenheitFix(o.temp, (temp) => onChange({ temp }))}
          onChange={(temp) => onChange({ temp })}
          onBlur={() => onBlur(`${p}.temp`)}
          name={`${p}.temp`}
          className="temp"
        />
      </div>
      <div className="grid secondary">
        <ChoiceField
          label={t('docType')}
          value={o.docType}
          options={DOC_TYPES.map((d) => ({ value: d, label: tr.label('docType', d) }))}
          onChange={(docType) => onChange({ docType })}
          nav={false}
        />
        <ChoiceField
          label={t('tempMethod')}
          value={o.tempMethod}
          options={THERMOMETER_METHODS.map((m) => ({ value: m, label: tr.label('method', m) }))}
          onChange={(tempMethod) => onChange({ tempMethod })}
          nav={false}
        />
      </div>
      {readings.feverFirst ? (
        <div className="fever-box" role="group" aria-label={t('feverNotice', { line: settings.feverLine.toFixed(1) })}>
          <p className="fever-notice">
            {readings.feverConfirmed && readings.recheck !== undefined
              ? t('feverConfirmed')
              : o.recheckPending && readings.recheck === undefined
                ? t('recheckPendingNotice')
                : t('feverNotice', { line: settings.feverLine.toFixed(1) })}
          </p>
          <div className="grid">
            <TextField
              label={t('recheck')}
              value={o.recheckTemp}
              inputMode="decimal"
              error={err('recheckTemp')}
              hint={fahrenheitFix(o.recheckTemp, (recheckTemp) => onChange({ recheckTemp }))}
              onChange={(recheckTemp) => onChange({ recheckTemp })}
              onBlur={() => onBlur(`${p}.recheckTemp`)}
              name={`${p}.recheckTemp`}
              className="temp"
            />
            <RecheckPendingField checked={o.recheckPending === true} recheckTyped={o.recheckTemp.trim() !== ''} onChange={(recheckPending) => onChange({ recheckPending })} />
            <ChoiceField
              label={t('recheckMethod')}
              value={o.recheckMethod}
              options={THERMOMETER_METHODS.map((m) => ({ value: m, label: tr.label('method', m) }))}
              onChange={(recheckMethod) => onChange({ recheckMethod })}
              nav={false}
            />
          </div>
          <MultiCheckField
            label={t('symptoms')}
            values={o.symptoms}
            options={SYMPTOMS.map((s) => ({ value: s, label: tr.label('symptom', s) }))}
            onChange={(symptoms) => onChange({ symptoms })}
            nav={false}
          />
        </div>
      ) : null}
      <ChoiceField
        label={t('personDisposition')}
        value={o.disposition}
        options={PERSON_DISPOSITIONS.map((d) => ({ value: d, label: tr.label('personDisposition', d) }))}
        onChange={(disposition) => onChange({ disposition })}
        error={err('disposition')}
        nav={readings.feverConfirmed && readings.recheck !== undefined}
      />
    </section>
  );
}
