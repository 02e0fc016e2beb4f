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
              <Bar hour={h.hour} what={t('chartVehicles')} n={h.vehicles} height={pct(h.vehicles)} className="bar-v" />
              <Bar hour={h.hour} what={t('chartPeople')} n={h.people} height={pct(h.people)} className="bar-p" />
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
          <CountRow label={t('chartVehicles')} hourly={hourly} count={(h) => h.vehicles} />
          <CountRow label={t('chartPeople')} hourly={hourly} count={(h) => h.people} />
        </tbody>
      </table>
    </figure>
  );
}

/** One hour's bar for one count, named for screen readers ("08时 车辆 12"). */
function Bar({ hour, what, n, height, className }: { hour: number; what: string; n: number; height: string; className: string }) {
  const { t } = useT();
  return <div className={`bar ${className}`} role="img" aria-label={t('chartBar', { hour: pad(hour), what, n })} title={`${pad(hour)} ${what} ${n}`} style={{ height }} />;
}

/** The table's row of one count, an hour to a cell. */
function CountRow({ label, hourly, count }: { label: string; hourly: readonly HourCount[]; count: (h: HourCount) => number }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {hourly.map((h) => (
        <td key={h.hour}>{count(h)}</td>
      ))}
    </tr>
  );
}
