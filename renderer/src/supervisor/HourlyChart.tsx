// Vehicles and people checked per hour, as CSS bars (no chart library, nothing to load) and the
// same numbers as a table. Every bar is labelled for screen readers ("08时 车辆 12").
import type { HourCount } from '../../../shared/shift/summary';
import { useT } from '../runtime/i18n';

const pad = (h: number) => String(h).padStart(2, '0');

export function HourlyChart({ hourly, title }: { hourly: readonly HourCount[]; title: string }) {
  const { t } = useT();
  const max = Math.max(1, ...hourly.map((h) => Math.max(h.vehicles, h.people)));
  const pct = (n: number) => `${Math.round((n / max) * 100)}%`;
  return (
    <figure className="hourly">
      <figcaption>
        {title}
        <span className="legend">
          <span className="swatch swatch-v" aria-hidden="true" /> {t('chartVehicles')}
          <span className="swatch swatch-p" aria-hidden="true" /> {t('chartPeople')}
        </span>
      </figcaption>
      <div className="hourly-bars" role="list" aria-label={title}>
        {hourly.map((h) => (
          <div className="hour" role="listitem" key={h.hour}>
            <div className="hour-bars">
              <div
                className="bar bar-v"
                role="img"
                aria-label={t('chartBar', { hour: pad(h.hour), what: t('chartVehicles'), n: h.vehicles })}
                title={`${pad(h.hour)} ${t('chartVehicles')} ${h.vehicles}`}
                style={{ height: pct(h.vehicles) }}
              />
              <div
                className="bar bar-p"
                role="img"
                aria-label={t('chartBar', { hour: pad(h.hour), what: t('chartPeople'), n: h.people })}
                title={`${pad(h.hour)} ${t('chartPeople')} ${h.people}`}
                style={{ height: pct(h.people) }}
              />
            </div>
            <span className="hour-label" aria-hidden="true">
              {pad(h.hour)}
            </span>
          </div>
        ))}
      </div>
      <table className="hourly-table">
        <caption>{t('chartTableCaption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chartHour')}</th>
            {hourly.map((h) => (
              <th scope="col" key={h.hour}>
                {pad(h.hour)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('chartVehicles')}</th>
            {hourly.map((h) => (
              <td key={h.hour}>{h.vehicles}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('chartPeople')}</th>
            {hourly.map((h) => (
              <td key={h.hour}>{h.people}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
