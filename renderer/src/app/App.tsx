import { Component, useEffect, useMemo, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { currentShift, getSettings, openDb } from '../db';
import { DbContext, useDb } from './dbContext';
import { CommandContext, createCommandBus } from './commands';
import { TranslatorProvider, makeTranslator } from '../i18n/i18n';
import { BoothScreen } from './BoothScreen';
import { OpenShiftScreen } from '../shift/OpenShiftScreen';
import { getPlatform } from '../platform/platform';

/** ?db=name gives a second station (or a test) its own database in the same browser profile. */
function dbName(): string | undefined {
  const name = new URLSearchParams(location.search).get('db');
  return name && /^[\w-]{1,64}$/.test(name) ? `checkpoint-station-${name}` : undefined;
}

export function App() {
  const db = useMemo(() => openDb(dbName()), []);
  const bus = useMemo(() => createCommandBus(), []);
  // Ask the browser never to evict this origin's IndexedDB when the disk runs low: it holds
  // the only copy of the booth's records. Best effort; the answer changes nothing we do.
  useEffect(() => {
    void navigator.storage?.persist?.().catch(() => false);
  }, []);
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
  const settings = useLiveQuery(() => getSettings(db), [db]);
  // null = no open shift; undefined = still loading. The two must look different.
  const shift = useLiveQuery(async () => (await currentShift(db)) ?? null, [db]);
  const locale = settings?.locale;
  // The desktop menu and dialogs follow the UI language.
  useEffect(() => {
    if (locale) void getPlatform().setLocale(locale);
  }, [locale]);
  if (settings === undefined || shift === undefined) {
    return <p className="loading">{makeTranslator('zh').t('loading')}</p>;
  }
  document.documentElement.lang = settings.locale === 'en' ? 'en' : 'zh-CN';
  document.documentElement.dataset.theme = settings.theme;
  return (
    <TranslatorProvider locale={settings.locale}>
      <div className={`theme-${settings.theme}`} data-theme={settings.theme}>
        {shift ? <BoothScreen key={shift.id} shift={shift} settings={settings} /> : <OpenShiftScreen settings={settings} />}
      </div>
    </TranslatorProvider>
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
