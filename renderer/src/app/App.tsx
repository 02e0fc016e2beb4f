import { Component, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Shift, StationSettings } from '../../../shared/model';
import { currentShift, ensureStationKey, getSettings, lastClosedShift, openDb } from '../db';
import { toggleLocale } from '../runtime/locale';
import { DbContext, useDb } from '../runtime/dbContext';
import { CommandContext, commandForKey, createCommandBus, useCommandBus } from '../runtime/commands';
import { TranslatorProvider, makeTranslator, useT } from '../runtime/i18n';
import { BoothScreen } from './BoothScreen';
import { OpenShiftScreen } from '../shift/OpenShiftScreen';
import { getPlatform } from '../platform/platform';
import { ExportProvider } from '../export/ExportContext';
import { PreviousShiftPanel } from '../handover/PreviousShiftPanel';
import { SupervisorScreen } from '../supervisor/SupervisorScreen';
import { SyncProvider } from '../sync/SyncContext';

/** ?db=name gives a second station (or a test) its own database in the same browser profile. */
function dbName(): string | undefined {
  const name = new URLSearchParams(location.search).get('db');
  return name && /^[\w-]{1,64}$/.test(name) ? `checkpoint-station-${name}` : undefined;
}

export function App() {
  const db = useMemo(() => openDb(dbName()), []);
  const bus = useMemo(() => createCommandBus(), []);
  return (
    <DbContext.Provider value={db}>
      <CommandContext.Provider value={bus}>
        <ErrorBoundary>
          <Station />
        </ErrorBoundary>
      </CommandContext.Provider>
    </DbContext.Provider>
  );
}

function Station() {
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
    return <p className="loading">{makeTranslator('zh').t('loading')}</p>;
  }
  document.documentElement.lang = settings.locale === 'en' ? 'en' : 'zh-CN';
  document.documentElement.dataset.theme = settings.theme;
  const toSupervisor = () => setView('supervisor');
  return (
    <TranslatorProvider locale={settings.locale}>
      <ExportProvider>
        <SyncProvider>
        <div className={`theme-${settings.theme}`} data-theme={settings.theme}>
          {view === 'supervisor' ? (
            <SupervisorScreen onBack={() => setView('station')} onToggleLocale={() => toggleLocale(db, settings)} />
          ) : shift ? (
            <BoothScreen key={shift.id} shift={shift} settings={settings} onSupervisor={toSupervisor} />
          ) : (
            <OpenShiftPage key={lastClosed?.id ?? 'first'} settings={settings} lastClosed={lastClosed} onSupervisor={toSupervisor} />
          )}
        </div>
        </SyncProvider>
      </ExportProvider>
    </TranslatorProvider>
  );
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
