import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Vehicle } from '../../../shared/model';
import { can } from '../../../shared/privacy/roles';
import { dayKey, ensureCounterRows, listOpenRechecks, listShiftVehicles, readDayCounts, readShiftCounts, scopeShiftIds, searchBeyondShift, searchShifts, type OpenRecheck } from '../db';
import { useActor } from '../runtime/session';
import type { Say, Translator } from '../runtime/i18n';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT } from '../runtime/i18n';
import { useMinuteClock } from '../runtime/clock';
import { formatTime } from '../ui/format';
import { TableHead } from '../ui/TableHead';
import { RecheckQueue } from './RecheckQueue';

const PAGE = 50;

/**
 * The current shift's vehicles (本班) beside the form, newest first, live; or search results. A
 * night shift runs through midnight: the list and its counts are the shift's, so nothing vanishes
 * at 00:00 or after a reload; the calendar day's figures sit beside them and roll over at midnight
 * (useMinuteClock), without a reload. Search covers this shift and the previous one; a lead or
 * administrator may search every shift for the query on screen, explicitly and audited
 * (db/privacy.ts searchBeyondShift).
 */
interface Props {
  shiftId: string;
  onOpen: (vehicleId: string) => void;
  onRecheck: (open: OpenRecheck) => void;
  /** "已保存复测 …" after a recheck dialog closed, announced where the queue is. */
  recheckNotice: string;
  /** The person whose recheck was just saved: once the list drops them, focus moves on. */
  recheckDone: string | null;
  onRecheckFocused: () => void;
}

export function TodayPanel({ shiftId, onOpen, onRecheck, recheckNotice, recheckDone, onRecheckFocused }: Props) {
  const db = useDb();
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const queueRef = useRef<HTMLDivElement>(null);
  const now = useMinuteClock();
  const day = dayKey(now);
  const searching = query.trim().length >= 2;
  const actor = useActor();
  // Results of a search beyond the shift, for exactly the query they were asked for.
  const [beyond, setBeyond] = useState<{ query: string; rows: Vehicle[] } | null>(null);
  const [beyondError, setBeyondError] = useState<Say | null>(null);
  const beyondRows = beyond && beyond.query === query ? beyond.rows : null;

  // Bounded by `limit`: the list never loads a whole shift, let alone the table; a search reads
  // the current and the previous shift only.
  const rows = useLiveQuery(
    async () => (searching ? searchShifts(db, query, { limit: PAGE, shiftIds: await scopeShiftIds(db, shiftId) }) : listShiftVehicles(db, shiftId, limit)),
    [db, shiftId, limit, query, searching],
  );
  const shown = beyondRows ?? rows;
  const searchAll = async () => {
    setBeyondError(null);
    const r = await searchBeyondShift(db, actor, query, { limit: PAGE }, Date.now());
    if (r.ok) setBeyond({ query, rows: r.value });
    else {
      const message = r.error.message;
      setBeyondError(() => (tr: Translator) => tr.pick(message));
    }
  };
  const tr = useT();
  // A shift open across the update to v4, or a new day after midnight: store its rows once.
  useEffect(() => {
    void ensureCounterRows(db, shiftId, day);
  }, [db, shiftId, day]);
  // Counter rows (one read each), kept in step by every save, void, correction and recheck.
  const shiftCounts = useLiveQuery(() => readShiftCounts(db, shiftId), [db, shiftId]);
  const dayCounts = useLiveQuery(() => readDayCounts(db, day), [db, day]);
  const rechecks = useLiveQuery(() => listOpenRechecks(db, shiftId), [db, shiftId]);
  const waitingVehicles = new Set((rechecks ?? []).map((r) => r.vehicle.id));

  // After a recheck is saved: to the next person waiting, or to the plate for the next vehicle —
  // once the list has dropped the person just done (a row about to vanish would drop the focus).
  useEffect(() => {
    if (!recheckDone || !rechecks || rechecks.some((r) => r.person.id === recheckDone)) return;
    const next = queueRef.current?.querySelector<HTMLElement>('tbody tr') ?? document.querySelector<HTMLElement>('form.registration input[name="plate"]');
    next?.focus();
    onRecheckFocused();
  }, [recheckDone, rechecks, onRecheckFocused]);

  useCommand('search', () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  });
  useCommand('recheckQueue', () => queueRef.current?.querySelector<HTMLElement>('tbody tr')?.focus());

  return (
    <aside className="today" aria-label={t('shiftList')}>
      <header>
        <h2>{searching ? t('searchResults') : t('shiftList')}</h2>
        <div className="counts">
          <CountsLine label={t('shiftCountsLabel')} counts={shiftCounts} testIdPrefix="shift" />
          <CountsLine label={t('dayCountsLabel', { day: day.slice(5) })} labelTestId="day-label" counts={dayCounts && dayCounts.day === day ? dayCounts : undefined} testIdPrefix="day" className="day-counts" />
        </div>
      </header>
      <p className="recheck-notice" role="status" data-testid="recheck-status">
        {recheckNotice}
      </p>
      {rechecks && rechecks.length > 0 ? (
        <div ref={queueRef}>
          <RecheckQueue rechecks={rechecks} now={now} onRecheck={onRecheck} />
        </div>
      ) : null}
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
              (e.currentTarget.closest('aside')?.querySelector('.vehicle-list tbody tr') as HTMLElement | null)?.focus();
            }
            if (e.key === 'Escape') setQuery('');
          }}
        />
      </div>
      {searching ? (
        <p className="field-hint search-scope" data-testid="search-scope">
          {beyondRows ? t('searchScopeAll') : t('searchScopeNote')}{' '}
          {beyondRows ? null : can(actor, 'searchBeyondShift') ? (
            <button type="button" className="link" onClick={() => void searchAll()}>
              {t('searchBeyond')}
            </button>
          ) : (
            <span>{t('searchBeyondHint')}</span>
          )}
          {beyondError ? <span className="field-error" role="alert">{beyondError(tr)}</span> : null}
        </p>
      ) : null}
      {shown === undefined ? (
        <p>{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{searching ? t('noResults') : t('noShiftRecords')}</p>
      ) : (
        <VehicleTable rows={shown} today={day} waiting={waitingVehicles} onOpen={onOpen} />
      )}
      {!searching && rows && rows.length >= limit ? (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          {t('loadMore')}
        </button>
      ) : null}
    </aside>
  );
}

/** "车辆 3 辆 · 人员 7 人 · 初测发热 1 人" after its label: one set of counts under its label, or 加载中 while it is read. */
function CountsLine(p: { label: string; labelTestId?: string; counts: { vehicles: number; persons: number; feverFirst: number } | undefined; testIdPrefix: string; className?: string }) {
  const { t } = useT();
  const c = p.counts;
  return (
    <p className={p.className}>
      <strong data-testid={p.labelTestId}>{p.label}</strong>{' '}
      {c ? (
        <>
          <span data-testid={`${p.testIdPrefix}-counts`}>{t('shiftCounts', { v: c.vehicles, p: c.persons })}</span>
          {' · '}
          <span data-testid={`${p.testIdPrefix}-fever`}>{t('feverCount', { n: c.feverFirst })}</span>
        </>
      ) : (
        t('loading')
      )}
    </p>
  );
}

/** MM-DD HH:MM: a row from before midnight (or a search hit from another day) says which day. */
function rowTime(v: Vehicle, today: string): string {
  return v.day === today ? formatTime(v.createdAt) : `${v.day.slice(5)} ${formatTime(v.createdAt)}`;
}

function VehicleTable({ rows, today, waiting, onOpen }: { rows: Vehicle[]; today: string; waiting: ReadonlySet<string>; onOpen: (id: string) => void }) {
  const { t } = useT();
  return (
    <table className="vehicle-list">
      <TableHead columns={[t('time'), t('plate'), t('persons'), t('maxTemp'), t('flags')]} />
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
            <td>{rowTime(v, today)}</td>
            <td className="plate-cell">{v.plate}</td>
            <td>{v.personCount}</td>
            <td className={v.anyFever ? 'temp-fever' : ''}>{v.maxTemp === null ? '—' : v.maxTemp.toFixed(1)}</td>
            <td>
              {waiting.has(v.id) ? <span className="flag flag-recheck">{t('flag_recheck')}</span> : null}
              {v.anyFever ? <span className="flag flag-fever">{t('flag_fever')}</span> : null}
              {v.keyArea ? <span className="flag flag-key">{t('flag_keyArea')}</span> : null}
              {v.disposition === 'turnedBack' ? <span className="flag flag-back">{t('flag_turnedBack')}</span> : null}
              {v.voided ? <span className="flag flag-void">{t('flag_voided')}</span> : null}
              {v.amendments.some((a) => a.kind !== 'recheck') ? <span className="flag">{t('flag_amended')}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
