import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Vehicle } from '../../../shared/model';
import { countPersonsByDay, countVehiclesByDay, dayKey, listVehiclesPage, searchRecords } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT } from '../runtime/i18n';
import { formatDateTime, formatTime } from '../ui/format';

const PAGE = 50;

/** Today's vehicles beside the form, newest first, live; or search results. */
export function TodayPanel({ onOpen }: { onOpen: (vehicleId: string) => void }) {
  const db = useDb();
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const day = dayKey(Date.now());
  const searching = query.trim().length >= 2;

  // Bounded by `limit`: the list never loads a whole day, let alone the table.
  const rows = useLiveQuery(
    () => (searching ? searchRecords(db, query, { limit: PAGE }) : listVehiclesPage(db, day, { limit })),
    [db, day, limit, query, searching],
  );
  const counts = useLiveQuery(async () => ({ v: await countVehiclesByDay(db, day), p: await countPersonsByDay(db, day) }), [db, day]);

  useCommand('search', () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  });

  return (
    <aside className="today" aria-label={t('today')}>
      <header>
        <h2>{searching ? t('searchResults') : t('today')}</h2>
        <p className="counts" data-testid="today-counts">
          {counts ? t('todayCounts', counts) : t('loading')}
        </p>
      </header>
      <div className="field">
        <label htmlFor="search">{t('search')}</label>
        <input
          id="search"
          ref={searchRef}
          type="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              (e.currentTarget.closest('aside')?.querySelector('tbody tr') as HTMLElement | null)?.focus();
            }
            if (e.key === 'Escape') setQuery('');
          }}
        />
      </div>
      {rows === undefined ? (
        <p>{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{searching ? t('noResults') : t('noRecords')}</p>
      ) : (
        <VehicleTable rows={rows} onOpen={onOpen} />
      )}
      {!searching && rows && rows.length >= limit ? (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          {t('loadMore')}
        </button>
      ) : null}
    </aside>
  );
}

function VehicleTable({ rows, onOpen }: { rows: Vehicle[]; onOpen: (id: string) => void }) {
  const { t } = useT();
  const today = dayKey(Date.now());
  return (
    <table className="vehicle-list">
      <thead>
        <tr>
          <th scope="col">{t('time')}</th>
          <th scope="col">{t('plate')}</th>
          <th scope="col">{t('persons')}</th>
          <th scope="col">{t('maxTemp')}</th>
          <th scope="col">{t('flags')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr
            key={v.id}
            tabIndex={0}
            className={`${v.voided ? 'voided' : ''} ${v.anyFever ? 'fever' : ''}`}
            onClick={() => onOpen(v.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onOpen(v.id);
              if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
              if (e.key === 'ArrowUp') (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
            }}
          >
            <td>{v.day === today ? formatTime(v.createdAt) : formatDateTime(v.createdAt)}</td>
            <td className="plate-cell">{v.plate}</td>
            <td>{v.personCount}</td>
            <td className={v.anyFever ? 'temp-fever' : ''}>{v.maxTemp === null ? '—' : v.maxTemp.toFixed(1)}</td>
            <td>
              {v.anyFever ? <span className="flag flag-fever">{t('flag_fever')}</span> : null}
              {v.keyArea ? <span className="flag flag-key">{t('flag_keyArea')}</span> : null}
              {v.disposition === 'turnedBack' ? <span className="flag flag-back">{t('flag_turnedBack')}</span> : null}
              {v.voided ? <span className="flag flag-void">{t('flag_voided')}</span> : null}
              {v.amendments.length > 0 ? <span className="flag">{t('flag_amended')}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
