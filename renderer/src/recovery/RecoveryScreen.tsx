// Shown instead of the booth when IndexedDB holds less than the journal, or cannot be opened:
// never an empty app. Restores from the journal (+ snapshots, + an uploaded snapshot file) and
// shows what came back, read back from IndexedDB, with its checksum next to the journal's.
import { useState } from 'react';
import type { JournalMark } from '../../../shared/journal';
import { decodeSnapshot } from '../../../shared/journal';
import type { Locale } from '../../../shared/model';
import type { CheckpointDB } from '../db';
import { rebuildFromStore, recreateAndRestore, type RestoreOutcome } from '../db/recovery';
import { makeTranslator } from '../runtime/i18n';
import { downloadSnapshot } from './snapshotFile';

export type RecoveryReason = { kind: 'behind'; db: JournalMark | undefined; journal: JournalMark } | { kind: 'openFailed'; reason: string };

type Phase =
  | { step: 'ask' }
  | { step: 'working' }
  | { step: 'done'; outcome: RestoreOutcome; journalHash: string; damaged: number; gaps: number; kept: number }
  | { step: 'failed'; message: string };

export function RecoveryScreen({ db, reason, onContinue }: { db: CheckpointDB; reason: RecoveryReason; onContinue: () => void }) {
  const [locale, setLocale] = useState<Locale>('zh');
  const { t, pick } = makeTranslator(locale);
  const [phase, setPhase] = useState<Phase>({ step: 'ask' });
  const [note, setNote] = useState('');
  const store = db.journal;

  const restore = async (uploaded?: string) => {
    if (!store) return;
    if (uploaded !== undefined && !decodeSnapshot(uploaded).ok) {
      setNote(t('recUploadBad'));
      return;
    }
    setPhase({ step: 'working' });
    const rebuilt = await rebuildFromStore(store, uploaded === undefined ? [] : [uploaded]);
    if (!rebuilt.ok) return setPhase({ step: 'failed', message: pick(rebuilt.error.message) });
    const r = await recreateAndRestore(db, rebuilt.value.data, rebuilt.value.mark);
    if (!r.ok) return setPhase({ step: 'failed', message: pick(r.error.message) });
    setPhase({ step: 'done', outcome: r.value, journalHash: r.value.targetHash, damaged: rebuilt.value.damagedLines, gaps: rebuilt.value.gaps, kept: r.value.kept });
  };

  const download = async () => {
    if (!store) return;
    const r = await downloadSnapshot(store, db.name);
    setNote(r.ok ? (r.value.saved ? t('safetyDownloaded', { name: r.value.path }) : '') : pick(r.error.message));
  };

  const counts = (key: 'recDbHolds' | 'recJournalHolds', m: JournalMark) => t(key, { seq: m.seq, ...m.counts });

  return (
    <main className="recovery" role="main" aria-labelledby="recovery-title" data-testid="recovery">
      <nav className="slimbar">
        <button type="button" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')} lang={locale === 'zh' ? 'en' : 'zh-CN'}>
          {locale === 'zh' ? 'English' : '中文'}
        </button>
      </nav>
      <h1 id="recovery-title">{t('recTitle')}</h1>
      {reason.kind === 'behind' ? (
        <>
          <p role="alert">{t('recBehind')}</p>
          <ul className="recovery-marks">
            <li data-testid="recovery-db">{reason.db ? counts('recDbHolds', reason.db) : t('recDbEmpty')}</li>
            <li data-testid="recovery-journal">{counts('recJournalHolds', reason.journal)}</li>
          </ul>
        </>
      ) : (
        <p role="alert">{t('recOpenFailed', { reason: reason.reason })}</p>
      )}

      {phase.step === 'done' ? (
        <div className="recovery-result" role="status" data-testid="recovery-result">
          <p>{t('recRestored', { ...phase.outcome.counts })}</p>
          <p data-testid="recovery-hash">
            {phase.outcome.hash === phase.journalHash ? t('recHashSame', { hash: phase.outcome.hash }) : t('recHashDiffers', { db: phase.outcome.hash, journal: phase.journalHash })}
          </p>
          {phase.damaged > 0 ? <p>{t('recDamaged', { n: phase.damaged })}</p> : null}
          {phase.gaps > 0 ? <p>{t('recGaps', { n: phase.gaps })}</p> : null}
          {phase.kept > 0 ? <p>{t('recKept', { n: phase.kept })}</p> : null}
          <button type="button" autoFocus onClick={onContinue}>
            {t('recContinue')}
          </button>
        </div>
      ) : (
        <div className="recovery-actions">
          {reason.kind === 'behind' ? (
            <button type="button" autoFocus disabled={phase.step === 'working'} onClick={() => void restore()}>
              {phase.step === 'working' ? t('recRestoring') : t('recRestore')}
            </button>
          ) : (
            <button type="button" autoFocus onClick={onContinue}>
              {t('recRetry')}
            </button>
          )}
          <button type="button" onClick={() => void download()}>
            {t('recDownload')}
          </button>
          {reason.kind === 'behind' ? (
            <label className="upload">
              {t('recUpload')}
              <input type="file" accept=".jsonl" onChange={(e) => void e.target.files?.[0]?.text().then((text) => restore(text))} />
            </label>
          ) : null}
        </div>
      )}
      {phase.step === 'failed' ? <p role="alert">{t('recFailed', { reason: phase.message })}</p> : null}
      {note ? <p role="status">{note}</p> : null}
    </main>
  );
}
