import { useEffect, useState } from 'react';
import type { Shift, StationSettings } from '../../../shared/model';
import { saveSettings } from '../db';
import { useDb } from './dbContext';
import { useCommand, useCommandBus, commandForKey } from './commands';
import { useT } from '../i18n/i18n';
import { getPlatform } from '../platform/platform';
import { RegistrationForm, type AmendTarget } from '../booth/RegistrationForm';
import { TodayPanel } from '../booth/TodayPanel';
import { RecordDialog } from '../booth/RecordDialog';
import { IncidentDialog } from '../incidents/IncidentDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { HelpDialog } from './HelpDialog';

type DialogState = { kind: 'none' } | { kind: 'record'; id: string } | { kind: 'incident' } | { kind: 'settings' } | { kind: 'help' };

function shiftLabel(shift: Shift, t: ReturnType<typeof useT>['t']): string {
  return shift.shiftName === 'day' ? t('shiftDay') : shift.shiftName === 'night' ? t('shiftNight') : shift.shiftName;
}

export function BoothScreen({ shift, settings }: { shift: Shift; settings: StationSettings }) {
  const db = useDb();
  const bus = useCommandBus();
  const { t } = useT();
  const [operator, setOperator] = useState(() => shift.staff.find((s) => s.unit === 'health')?.name ?? shift.leadName);
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [amend, setAmend] = useState<AmendTarget | null>(null);

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

  const toggleTheme = () => void saveSettings(db, { ...settings, theme: settings.theme === 'night' ? 'day' : 'night' });
  const toggleLocale = () => {
    const locale = settings.locale === 'en' ? 'zh' : 'en';
    void saveSettings(db, { ...settings, locale });
    void getPlatform().setLocale(locale);
  };

  useCommand('incident', () => setDialog({ kind: 'incident' }));
  useCommand('settings', () => setDialog({ kind: 'settings' }));
  useCommand('help', () => setDialog({ kind: 'help' }));
  useCommand('toggleTheme', toggleTheme);
  useCommand('toggleLocale', toggleLocale);

  const close = () => setDialog({ kind: 'none' });

  return (
    <div className="booth">
      <header className="topbar">
        <h1>{t('appTitle')}</h1>
        <span className="shift-info" data-testid="shift-info">
          {shift.checkpoint} · {shiftLabel(shift, t)} · {shift.day}
        </span>
        <label className="operator">
          {t('operator')}
          <select value={operator} onChange={(e) => setOperator(e.target.value)}>
            {shift.staff.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}（{t(`unit_${s.unit}`)}）
              </option>
            ))}
          </select>
        </label>
        <nav className="topbar-actions">
          <button type="button" onClick={() => setDialog({ kind: 'incident' })}>
            {t('incident')} (Ctrl+I)
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'settings' })}>
            {t('settings')}
          </button>
          <button type="button" onClick={toggleTheme}>
            {settings.theme === 'night' ? t('dayMode') : t('nightMode')}
          </button>
          <button type="button" onClick={toggleLocale} lang={settings.locale === 'en' ? 'zh-CN' : 'en'}>
            {t('language')}
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'help' })}>
            {t('help')} (F1)
          </button>
        </nav>
      </header>
      <div className="booth-body">
        <RegistrationForm shift={shift} operator={operator} settings={settings} amend={amend} onAmendDone={() => setAmend(null)} />
        <TodayPanel onOpen={(id) => setDialog({ kind: 'record', id })} />
      </div>
      {dialog.kind === 'record' ? (
        <RecordDialog
          vehicleId={dialog.id}
          operator={operator}
          onClose={close}
          onCorrect={(target) => {
            close();
            setAmend(target);
          }}
        />
      ) : null}
      {dialog.kind === 'incident' ? <IncidentDialog shift={shift} operator={operator} onClose={close} /> : null}
      {dialog.kind === 'settings' ? <SettingsDialog settings={settings} onClose={close} /> : null}
      {dialog.kind === 'help' ? <HelpDialog onClose={close} /> : null}
    </div>
  );
}
