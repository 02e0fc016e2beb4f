// The top bar's sync state: one small button, never a dialog of its own accord.
import { useState } from 'react';
import { useT } from '../runtime/i18n';
import { waitingShown } from '../../../shared/sync/limits';
import { formatTime } from '../ui/format';
import { useSync } from './SyncContext';
import { SyncPanel } from './SyncPanel';

export function SyncIndicator() {
  const sync = useSync();
  const { t } = useT();
  const [open, setOpen] = useState(false);
  if (!sync?.status) return null;
  const s = sync.status;
  let text: string;
  let tone: 'off' | 'ok' | 'warn' | 'bad';
  if (!s.available) {
    text = t('syncUnavailableShort');
    tone = 'off';
  } else if (!s.configured) {
    text = t('syncNotConfigured');
    tone = 'off';
  } else {
    const parts = [sync.running ? t('syncRunning') : sync.lastSyncAt ? t('syncLast', { time: formatTime(sync.lastSyncAt) }) : t('syncNever')];
    if (s.setup?.checkpoint) parts.push(t('syncWaiting', { n: waitingShown(sync.waiting) }));
    if (sync.refused > 0) parts.push(t('syncRefusedCount', { n: sync.refused }));
    if (sync.reachable === false) parts.push(t('syncUnreachable'));
    text = parts.join(' · ');
    tone = sync.refused > 0 || sync.reachable === false ? 'bad' : sync.waiting > 0 ? 'warn' : 'ok';
  }
  return (
    <>
      <button type="button" className={`sync-indicator sync-${tone}`} data-testid="sync-indicator" onClick={() => setOpen(true)} title={t('syncTitle')}>
        <span className="sync-dot" aria-hidden="true" />
        {/* the two off states already begin with the word 同步 / Sync */}
        {tone === 'off' ? text : `${t('syncButton')} · ${text}`}
      </button>
      {open ? <SyncPanel onClose={() => setOpen(false)} /> : null}
    </>
  );
}
