// Day view per checkpoint: all shifts of a date (this PC's own and imported ones), their totals
// and an hourly chart of vehicles and people checked.
import { useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Shift } from '../../../shared/model';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { dayKey } from '../db';
import { useDb } from '../runtime/dbContext';
import { useT } from '../runtime/i18n';
import { formatDateTime } from '../ui/format';
import { countyRow, type DayShiftRow } from './dayView';
import { readDay } from './readDay';
import { getPlatform } from '../platform/platform';
import { useSync } from '../sync/SyncContext';
import type { Bilingual } from '../../../shared/result';
import { CountCells, CountHeaders } from './CountsRow';
import { HourlyChart } from './HourlyChart';
import { TableHead } from '../ui/TableHead';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

interface Props {
  onExport: (shift: Shift) => void;
  onPrint: (shiftId: string) => void;
}

export function DayView({ onExport, onPrint }: Props) {
  const db = useDb();
  const tr = useT();
  const { t, locale } = tr;
  const id = useId();
  const [day, setDay] = useState(() => dayKey(Date.now()));
  const valid = DAY_RE.test(day);
  // One view, two sources: the county database when sync is set up, imported workbooks otherwise.
  const fromCounty = useSync()?.status?.configured === true;
  const [county, setCounty] = useState<{ day: string; rows: DayShiftRow[] } | { day: string; error: Bilingual } | null>(null);
  useEffect(() => {
    if (!fromCounty || !valid) return;
    let live = true;
    void getPlatform()
      .syncCountyDay({ day, tzOffsetMinutes: -new Date().getTimezoneOffset() })
      .then((r) => {
        if (!live) return;
        setCounty(r.ok ? { day, rows: r.value.shifts.map(countyRow) } : { day, error: r.error.message });
      });
    return () => {
      live = false;
    };
  }, [fromCounty, valid, day]);
  const countyRows = fromCounty && county && county.day === day && 'rows' in county ? county.rows : null;
  const countyError = fromCounty && county && county.day === day && 'error' in county ? county.error : null;

  // Closed shifts' totals are stored rows (v7); only a still-open shift is counted from its records.
  const data = useLiveQuery(async () => (valid ? readDay(db, day, Date.now(), countyRows) : null), [db, day, valid, countyRows]);

  const status = (r: DayShiftRow) => (r.closedAt === null ? t('shiftStillOpen') : formatDateTime(r.closedAt));

  return (
    <section className="day-view" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('dayViewTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-day`}>{t('dayViewDate')}</label>
        <input id={`${id}-day`} type="date" value={day} onChange={(e) => setDay(e.target.value)} aria-invalid={valid ? undefined : true} />
        {!valid ? <div className="field-error" role="alert">{t('dayViewBadDate')}</div> : null}
      </div>
      {countyRows ? <p className="hint">{t('dayViewFromCounty')}</p> : null}
      {countyError ? <p className="field-error" role="alert">{tr.pick(countyError)}</p> : null}
      {data === undefined ? (
        <p>{t('loading')}</p>
      ) : data === null ? null : data.view.length === 0 ? (
        <p className="empty">{t('dayViewEmpty', { day })}</p>
      ) : (
        data.view.map((c) => (
          <section key={c.checkpoint} className="checkpoint-day" aria-label={`${c.checkpoint} ${day}`} data-testid="checkpoint-day">
            <h3>
              {c.checkpoint} · {day} · {t('shiftsCount', { n: c.shifts.length })}
            </h3>
            <div className="table-scroll">
              <table className="counts-table">
                <TableHead columns={[t('shiftName'), t('source'), t('leadName'), t('receivingLead'), t('shiftOpened'), t('shiftClosedAt')]}>
                  <CountHeaders />
                  <th scope="col">{t('actions')}</th>
                </TableHead>
                <tbody>
                  {c.shifts.map((r) => {
                    const shift = r.source === 'local' ? data.shifts.get(r.shiftId) : undefined;
                    const label = `${shiftNameLabel(r.shiftName, locale)} ${formatDateTime(r.openedAt)}`;
                    return (
                      <tr key={r.key}>
                        <th scope="row">{shiftNameLabel(r.shiftName, locale)}</th>
                        <td>{r.source === 'local' ? t('sourceLocal') : r.source === 'county' ? t('sourceCounty') : t('sourceImported')}</td>
                        <td>{r.leadName}</td>
                        <td>{r.receivingLead}</td>
                        <td>{formatDateTime(r.openedAt)}</td>
                        <td>{status(r)}</td>
                        <CountCells counts={r.counts} />
                        <td className="row-actions">
                          {shift ? (
                            <>
                              <button type="button" aria-label={`${t('exportHandover')} ${label}`} onClick={() => onExport(shift)}>
                                {t('exportShort')}
                              </button>
                              <button type="button" aria-label={`${t('printHandover')} ${label}`} onClick={() => onPrint(shift.id)}>
                                {t('printShort')}
                              </button>
                            </>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={6}>
                      {t('dayTotal')}
                    </th>
                    <CountCells counts={c.total} testId={`day-total-${c.checkpoint}`} />
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
            <HourlyChart hourly={c.hourly} title={t('chartTitle', { checkpoint: c.checkpoint, day })} />
          </section>
        ))
      )}
    </section>
  );
}
