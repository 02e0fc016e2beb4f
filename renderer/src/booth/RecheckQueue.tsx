import type { OpenRecheck } from '../db';
import { minutesWaited } from '../../../shared/recheck';
import { useT } from '../runtime/i18n';
import { formatTime } from '../ui/format';

/**
 * 待复测: people saved awaiting a recheck, longest wait first, with the minutes waited (live: the
 * parent's minute clock). F4 focuses the first row; ↑↓ move; Enter opens the recheck dialog.
 */
export function RecheckQueue({ rechecks, now, onRecheck }: { rechecks: OpenRecheck[]; now: number; onRecheck: (r: OpenRecheck) => void }) {
  const { t } = useT();
  return (
    <section className="recheck-queue" aria-label={t('recheckQueueTitle', { n: rechecks.length })}>
      <h3>
        {t('recheckQueueTitle', { n: rechecks.length })} <small className="shortcut-hint">{t('recheckQueueHint')}</small>
      </h3>
      <table className="recheck-list">
        <tbody>
          {rechecks.map((r) => (
            <tr
              key={r.person.id}
              tabIndex={0}
              data-testid="recheck-row"
              onClick={() => onRecheck(r)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  onRecheck(r);
                }
                if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                if (e.key === 'ArrowUp') (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
              }}
            >
              <td>{formatTime(r.since)}</td>
              <td className="plate-cell">{r.vehicle.plate}</td>
              <td>{r.person.name}</td>
              <td className="temp-fever">{t('recheckFirstShort', { t: r.person.first.celsius.toFixed(1) })}</td>
              <td className="waited">{t('recheckWaited', { m: minutesWaited(r.since, now) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
