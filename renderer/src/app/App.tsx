import { Component, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Shift, StationSettings } from '../../../shared/model';
import { currentShift, ensureStationKey, getSettings, lastClosedShift, openDb, type CheckpointDB } from '../db';
import { startupCheck } from '../db/recovery';
import type { AppError } from '../../../shared/result';
import { RecoveryScreen, type RecoveryReason } from '../recovery/RecoveryScreen';
import { JournalBanner } from '../recovery/JournalBanner';
import { DataSafetyPanel } from '../recovery/DataSafetyPanel';
import { attachJournal, loadMirror } from '../recovery/setup';
import { requestPersistence } from '../platform/journalStore';
import { toggleLocale } from '../runtime/locale';
import { DbContext, useDb } from '../runtime/dbContext';
import { CommandContext, commandForKey, createCommandBus, useCommandBus } from '../runtime/commands';
import { TranslatorProvider, makeTranslator, useT } from '../runtime/i18n';
import { BoothScreen } from './BoothScreen';
import { usePurgeSchedule } from '../audit/purgeSchedule';
import { OpenShiftScreen } from '../shift/OpenShiftScreen';
import { getPlatform } from '../platform/platform';
import { ExportProvider } from '../export/ExportContext';
import { PreviousShiftPanel } from '../handover/PreviousShiftPanel';
import { SupervisorScreen } from '../supervisor/SupervisorScreen';
import { SyncProvider } from '../sync/SyncContext';
import { SessionProvider, useActor } from '../runtime/session';
import { LockScreen } from '../access/LockScreen';
import { AdminSetup } from '../access/AdminSetup';
import { Loading } from '../ui/Loading';

/** ?db=name gives a second station (or a test) its own database in the same browser profile. */
function dbName(): string | undefined {
  const name = new URLSearchParams(location.search).get('db');
  return name && /^[\w-]{1,64}$/.test(name) ? `checkpoint-station-${name}` : undefined;
}

type Gate = { kind: 'checking' } | { kind: 'open'; journalError?: AppError } | { kind: 'recover'; reason: RecoveryReason };

/**
 * Before the booth shows anything: open the database (an upgrade that throws leaves the data as it
 * was and lands here), and compare it with the journal outside IndexedDB. Less data than the
 * journal → the recovery screen, never an empty app.
 */
async function checkStart(db: CheckpointDB): Promise<Gate> {
  try {
    await db.open();
  } catch (e) {
    const name = (e as { name?: string })?.name ?? 'Error';
    const message = (e as { message?: string })?.message ?? String(e);
    return { kind: 'recover', reason: { kind: 'openFailed', reason: `${name}: ${message}` } };
  }
  const state = await startupCheck(db);
  if (state.kind === 'behind') return { kind: 'recover', reason: state };
  if (state.kind === 'journalUnavailable') return { kind: 'open', journalError: state.error.error };
  return { kind: 'open' };
}

export function App() {
  const db = useMemo(() => {
    const d = openDb(dbName());
    attachJournal(d, getPlatform());
    return d;
  }, []);
  const bus = useMemo(() => createCommandBus(), []);
  const [gate, setGate] = useState<Gate>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    // Ask again at every start: the browser may grant it later (e.g. once the site is bookmarked).
    void requestPersistence();
  }, []);
  useEffect(() => {
    let live = true;
    void loadMirror(db)
      .catch(() => undefined)
      .then(() => checkStart(db))
      .then((g) => {
        if (live) setGate(g);
      });
    return () => {
      live = false;
    };
  }, [db, attempt]);
  if (gate.kind === 'checking') return <Loading />;
  if (gate.kind === 'recover') {
    return (
      <RecoveryScreen
        db={db}
        reason={gate.reason}
        onContinue={() => {
          // A failed open leaves Dexie closed: reopen from scratch on retry.
          if (gate.reason.kind === 'openFailed') db.close();
          setGate({ kind: 'checking' });
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <DbContext.Provider value={db}>
      <CommandContext.Provider value={bus}>
        <ErrorBoundary>
          <Station journalError={gate.journalError} />
        </ErrorBoundary>
      </CommandContext.Provider>
    </DbContext.Provider>
  );
}

function Station({ journalError }: { journalError?: AppError }) {
  const db = useDb();
  const bus = useCommandBus();
  const settings = useLiveQuery(() => getSettings(db), [db]);
  // null = no open shift; undefined = still loading. The two must look different.
  const shift = useLiveQuery(async () => (await currentShift(db)) ?? null, [db]);
  // The shift handed over last: the next shift opens from there (its receiving lead is the lead).
  const lastClosed = useLiveQuery(async () => (await lastClosedShift(db)) ?? null, [db]);
  const [view, setView] = useState<'station' | 'supervisor'>('station');
  const locale = settings?.locale;
  // The station's signing key is made on first start (signed handover workbooks).
  useEffect(() => {
    ensureStationKey(db).catch((e: unknown) => console.error('[station key]', e));
  }, [db]);
  // Retention: purge expired personal data at start-up and daily (once an administrator confirmed).
  usePurgeSchedule(db);
  // The desktop menu and dialogs follow the UI language.
  useEffect(() => {
    if (locale) void getPlatform().setLocale(locale);
  }, [locale]);
  // Keys and menu commands on every screen (booth, open shift, supervisor): one bus, one owner.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (command && bus.dispatch(command)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = getPlatform().onMenuCommand((c) => bus.dispatch(c));
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [bus]);
  if (settings === undefined || shift === undefined || lastClosed === undefined) {
    return <Loading />;
  }
  document.documentElement.lang = settings.locale === 'en' ? 'en' : 'zh-CN';
  document.documentElement.dataset.theme = settings.theme;
  const toSupervisor = () => setView('supervisor');
  return (
    <TranslatorProvider locale={settings.locale}>
      <ExportProvider>
        <SyncProvider>
        <SessionProvider shiftId={shift?.id ?? null} idleLockMinutes={settings.idleLockMinutes}>
        <div className={`theme-${settings.theme}`} data-theme={settings.theme}>
          <JournalBanner startupError={journalError} />
          {view === 'supervisor' ? (
            <SupervisorScreen onBack={() => setView('station')} onToggleLocale={() => toggleLocale(db, settings)} />
          ) : shift ? (
            <BoothOrLock key={shift.id} shift={shift} settings={settings} onSupervisor={toSupervisor} />
          ) : (
            <OpenShiftPage key={lastClosed?.id ?? 'first'} settings={settings} lastClosed={lastClosed} onSupervisor={toSupervisor} />
          )}
        </div>
        </SessionProvider>
        </SyncProvider>
      </ExportProvider>
    </TranslatorProvider>
  );
}

/** The booth for a signed-in operator; the lock screen (operator switch) while nobody is. */
function BoothOrLock({ shift, settings, onSupervisor }: { shift: Shift; settings: StationSettings; onSupervisor: () => void }) {
  const actor = useActor();
  if (!actor) return <LockScreen shift={shift} settings={settings} />;
  return <BoothScreen shift={shift} settings={settings} onSupervisor={onSupervisor} />;
}

function OpenShiftPage({ settings, lastClosed, onSupervisor }: { settings: StationSettings; lastClosed: Shift | null; onSupervisor: () => void }) {
  const db = useDb();
  const tr = useT();
  return (
    <div className="open-shift-page">
      <nav className="slimbar" aria-label={tr.t('appTitle')}>
        <button type="button" onClick={onSupervisor}>
          {tr.t('supervisor')}
        </button>
        <button type="button" onClick={() => toggleLocale(db, settings)} lang={settings.locale === 'en' ? 'zh-CN' : 'en'}>
          {tr.t('language')}
        </button>
      </nav>
      {lastClosed ? <PreviousShiftPanel shift={lastClosed} /> : null}
      <OpenShiftScreen settings={settings} initialLead={lastClosed?.handover?.receivingLead ?? ''} />
      <AdminSetup />
      {/* A wiped PC starts here: restoring a snapshot must not wait for a shift to be opened. */}
      <details className="data-safety-details">
        <summary>{tr.t('safetyTitle')}</summary>
        <DataSafetyPanel />
      </details>
    </div>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: String(e) };
  }
  override render() {
    if (this.state.error) {
      const zh = makeTranslator('zh').t('errorBoundary');
      const en = makeTranslator('en').t('errorBoundary');
      return (
        <div role="alert" className="fatal">
          <p>{zh}</p>
          <p lang="en">{en}</p>
          <pre>{this.state.error}</pre>
        </div>
      );
    }
    return this.props.children;
  }
}
