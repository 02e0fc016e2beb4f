import { useRef, useState } from 'react';
import { chordLabel, primaryChords, type KeyCommand } from '../../../shared/keyboard';
import type { Shift, StationSettings } from '../../../shared/model';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { savePreferences } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { toggleLocale as saveToggledLocale } from '../runtime/locale';
import { RegistrationForm, type AmendTarget } from '../booth/RegistrationForm';
import { TodayPanel } from '../booth/TodayPanel';
import { RecordDialog } from '../booth/RecordDialog';
import { IncidentDialog } from '../incidents/IncidentDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { HelpDialog } from './HelpDialog';
import { CloseShiftDialog } from '../handover/CloseShiftDialog';
import { ExportDialog } from '../handover/ExportDialog';
import { PrintDialog } from '../handover/PrintDialog';
import { useHandoverDraft } from '../handover/draftStore';
import { RecheckDialog } from '../booth/RecheckDialog';
import type { OpenRecheck } from '../db';
import { SyncIndicator } from '../sync/SyncIndicator';
import { useSession } from '../runtime/session';
import { can, type Actor } from '../../../shared/privacy/roles';
import { SwitchDialog } from '../access/SwitchDialog';
import { AuditDialog } from '../audit/AuditDialog';
import { RetentionDialog } from '../audit/RetentionDialog';
import { WatchlistDialog } from '../watchlist/WatchlistDialog';

type DialogState =
  | { kind: 'none' }
  | { kind: 'record'; id: string }
  | { kind: 'recheck'; open: OpenRecheck }
  | { kind: 'incident' }
  | { kind: 'settings' }
  | { kind: 'help' }
  | { kind: 'closeShift'; unsavedVehicle: boolean }
  | { kind: 'export' }
  | { kind: 'print' }
  | { kind: 'audit' }
  | { kind: 'retention' }
  | { kind: 'watchlists' }
  | { kind: 'switchOperator' };

/** Anything typed in the registration form that was not saved (closing the shift would lose it). */
function registrationHasInput(): boolean {
  const inputs = document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('form.registration input:not([type]), form.registration input[type=text], form.registration textarea');
  return Array.from(inputs).some((i) => i.value.trim() !== '');
}

const PRIMARY = primaryChords();
/** The key a button names, from the one keyboard table. */
function keyOf(command: KeyCommand): string {
  const chord = PRIMARY[command];
  return chord ? chordLabel(chord) : '';
}

/** A top-bar button; when a key does the same, the button names it, so the key is learnt. */
function BarButton({ label, command, onClick, lang }: { label: string; command?: KeyCommand; onClick: () => void; lang?: string }) {
  return (
    <button type="button" onClick={onClick} lang={lang}>
      {label}
      {command ? <> ({keyOf(command)})</> : null}
    </button>
  );
}

/** The booth of a signed-in operator (App shows the lock screen while nobody is signed in). */
export function BoothScreen({ shift, settings, onSupervisor }: { shift: Shift; settings: StationSettings; onSupervisor: () => void }) {
  const { actor } = useSession();
  return actor ? <SignedInBooth shift={shift} settings={settings} onSupervisor={onSupervisor} actor={actor} /> : null;
}

function SignedInBooth({ shift, settings, onSupervisor, actor }: { shift: Shift; settings: StationSettings; onSupervisor: () => void; actor: Actor }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  // Every record, correction, void and incident carries the signed-in operator (sign-in: access/).
  const operator = actor.name;
  const mayChangeSettings = can(actor, 'changeSettings');
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [amend, setAmend] = useState<AmendTarget | null>(null);
  // Kept while the close-shift dialog is closed and reopened: typed handover notes are never lost.
  const [handoverDraft, setHandoverDraft] = useHandoverDraft(shift.id);
  const [notice, setNotice] = useState<Say | null>(null);
  const [recheckNotice, setRecheckNotice] = useState('');
  const [recheckDone, setRecheckDone] = useState<string | null>(null);
  const moreRef = useRef<HTMLDetailsElement>(null);

  const toggleTheme = () => void savePreferences(db, { theme: settings.theme === 'night' ? 'day' : 'night' });
  // Settings are the administrator's: anyone else is told how to get there instead of a dialog that would refuse.
  const openSettings = () => {
    if (mayChangeSettings) setDialog({ kind: 'settings' });
    else setNotice(() => (tr: Translator) => tr.t('accessNeedAdmin', { key: keyOf('switchOperator') }));
  };
  const toggleLocale = () => saveToggledLocale(db, settings);
  const openCloseShift = () => setDialog({ kind: 'closeShift', unsavedVehicle: registrationHasInput() });
  // Leaving the booth screen would drop a half-typed vehicle: say so instead of losing it.
  const goSupervisor = () => {
    if (registrationHasInput()) setNotice(() => (tr: Translator) => tr.t('leaveUnsavedVehicle'));
    else onSupervisor();
  };

  useCommand('incident', () => setDialog({ kind: 'incident' }));
  useCommand('settings', openSettings);
  useCommand('switchOperator', () => setDialog({ kind: 'switchOperator' }));
  useCommand('help', () => setDialog({ kind: 'help' }));
  useCommand('toggleTheme', toggleTheme);
  useCommand('toggleLocale', toggleLocale);
  useCommand('closeShift', openCloseShift);
  useCommand('exportHandover', () => setDialog({ kind: 'export' }));
  useCommand('print', () => setDialog({ kind: 'print' }));

  const close = () => setDialog({ kind: 'none' });
  // What a dialog ends in: it closes first (focus goes home), then the booth acts on the outcome.
  const correct = (target: AmendTarget) => {
    close();
    setAmend(target);
  };
  const recheckSaved = (message: string, personId: string) => {
    close();
    setRecheckNotice(message);
    // Focus moves on once the list no longer shows this person (TodayPanel).
    setRecheckDone(personId);
  };

  return (
    <div className="booth">
      <header className="topbar">
        <h1>{t('appTitle')}</h1>
        {/* Two short lines (checkpoint, then shift and day) so a long checkpoint name still shows
            at 1024 px; the separator is hidden then but keeps the text one readable phrase. */}
        <span className="shift-info" data-testid="shift-info" title={`${shift.checkpoint} · ${shiftNameLabel(shift.shiftName, tr.locale)} · ${shift.day}`}>
          <span className="shift-checkpoint">{shift.checkpoint}</span>
          <span className="shift-sep"> · </span>
          <span className="shift-when">
            {shiftNameLabel(shift.shiftName, tr.locale)} · {shift.day}
          </span>
        </span>
        <span className="operator" data-testid="signed-in">
          <span className="op-label">{t('operator')}</span> <strong title={t('accessSignedIn', { name: actor.name, role: t(`role_${actor.role}`) })}>{actor.name}</strong>
          <span className="op-role">{t(`role_${actor.role}`)}</span>
          <BarButton label={t('accessSwitch')} command="switchOperator" onClick={() => setDialog({ kind: 'switchOperator' })} />
        </span>
        <SyncIndicator />
        <nav className="topbar-actions">
          <BarButton label={t('incident')} command="incident" onClick={() => setDialog({ kind: 'incident' })} />
          <BarButton label={t('closeShift')} onClick={openCloseShift} />
          {/* The rest folds into one control, so the top bar stays one row down to 1024 px. */}
          <details className="more-menu" ref={moreRef}>
            <summary>{t('menuMore')}</summary>
            <div className="more-list" onClick={() => moreRef.current?.removeAttribute('open')}>
              <BarButton label={t('exportHandover')} command="exportHandover" onClick={() => setDialog({ kind: 'export' })} />
              <BarButton label={t('printHandover')} command="print" onClick={() => setDialog({ kind: 'print' })} />
              <BarButton label={t('supervisor')} onClick={goSupervisor} />
              <BarButton label={t('wlMenu')} onClick={() => setDialog({ kind: 'watchlists' })} />
              {mayChangeSettings ? <BarButton label={t('settings')} command="settings" onClick={openSettings} /> : null}
              {/* Administrators only (storage refuses everyone else too). */}
              {can(actor, 'viewAudit') ? <BarButton label={t('auditOpen')} onClick={() => setDialog({ kind: 'audit' })} /> : null}
              {can(actor, 'purge') ? <BarButton label={t('retentionOpen')} onClick={() => setDialog({ kind: 'retention' })} /> : null}
              <BarButton label={settings.theme === 'night' ? t('dayMode') : t('nightMode')} onClick={toggleTheme} />
              <BarButton label={t('language')} onClick={toggleLocale} lang={settings.locale === 'en' ? 'zh-CN' : 'en'} />
            </div>
          </details>
          <BarButton label={t('help')} command="help" onClick={() => setDialog({ kind: 'help' })} />
        </nav>
      </header>
      {notice ? (
        <p className="warning top-notice" role="alert">
          {notice(tr)}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            {t('close')}
          </button>
        </p>
      ) : null}
      <div className="booth-body">
        <RegistrationForm shift={shift} operator={operator} settings={settings} amend={amend} onAmendDone={() => setAmend(null)} />
        <TodayPanel shiftId={shift.id} onOpen={(id) => setDialog({ kind: 'record', id })} onRecheck={(open) => setDialog({ kind: 'recheck', open })} recheckNotice={recheckNotice}
          recheckDone={recheckDone}
          onRecheckFocused={() => setRecheckDone(null)}
        />
      </div>
      {dialog.kind === 'record' ? <RecordDialog vehicleId={dialog.id} operator={operator} onClose={close} onCorrect={correct} /> : null}
      {dialog.kind === 'recheck' ? (
        <RecheckDialog open={dialog.open} feverLine={settings.feverLine} operator={operator} onClose={close} onDone={(message) => recheckSaved(message, dialog.open.person.id)} />
      ) : null}
      {dialog.kind === 'incident' ? <IncidentDialog shift={shift} operator={operator} homeProvince={settings.homeProvince} onClose={close} /> : null}
      {dialog.kind === 'settings' ? <SettingsDialog settings={settings} onClose={close} /> : null}
      {dialog.kind === 'switchOperator' ? <SwitchDialog shift={shift} onClose={close} /> : null}
      {dialog.kind === 'help' ? <HelpDialog onClose={close} /> : null}
      {dialog.kind === 'closeShift' ? (
        <CloseShiftDialog shift={shift} draft={handoverDraft} onDraft={setHandoverDraft} unsavedVehicle={dialog.unsavedVehicle} onClose={close} />
      ) : null}
      {dialog.kind === 'export' ? <ExportDialog shift={shift} onClose={close} /> : null}
      {dialog.kind === 'print' ? <PrintDialog shiftId={shift.id} onClose={close} /> : null}
      {dialog.kind === 'audit' ? <AuditDialog onClose={close} /> : null}
      {dialog.kind === 'retention' ? <RetentionDialog onClose={close} /> : null}
      {dialog.kind === 'watchlists' ? <WatchlistDialog onClose={close} /> : null}
    </div>
  );
}
