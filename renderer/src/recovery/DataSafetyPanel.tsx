// 关于 / About: is the browser's storage persistent, how far the journal goes, the snapshots, and
// a snapshot to download or upload. The desktop also names the second folder for snapshots.
import { useEffect, useState } from 'react';
import { decodeSnapshot, lastMark, type JournalMark } from '../../../shared/journal';
import type { SnapshotInfo } from '../../../shared/ipc';
import { restoreDataset, takeSnapshot } from '../db/recovery';
import { persistenceState } from '../platform/journalStore';
import { getPlatform } from '../platform/platform';
import { useDb } from '../runtime/dbContext';
import { useT } from '../runtime/i18n';
import { loadMirror, saveMirror } from './setup';
import { downloadSnapshot } from './snapshotFile';

export function DataSafetyPanel() {
  const db = useDb();
  const { t, pick } = useT();
  const [persist, setPersist] = useState<{ supported: boolean; persisted: boolean }>();
  const [mark, setMark] = useState<JournalMark | null>();
  const [snaps, setSnaps] = useState<SnapshotInfo[]>([]);
  const [mirror, setMirror] = useState('');
  const [note, setNote] = useState('');
  const [refresh, setRefresh] = useState(0);
  const store = db.journal;
  const desktop = getPlatform().kind === 'electron';

  useEffect(() => {
    let live = true;
    void (async () => {
      const p = await persistenceState();
      const tail = store ? await store.tail() : undefined;
      const list = store ? await store.listSnapshots() : undefined;
      const dir = await loadMirror(db);
      if (!live) return;
      setPersist(p);
      setMark(tail?.ok ? (lastMark(tail.value) ?? null) : null);
      setSnaps(list?.ok ? list.value : []);
      setMirror(dir ?? '');
    })();
    return () => {
      live = false;
    };
  }, [db, store, refresh]);

  const upload = async (text: string) => {
    const d = decodeSnapshot(text);
    if (!d.ok) return setNote(t('recUploadBad'));
    const before = { vehicles: await db.vehicles.count(), persons: await db.persons.count() };
    const r = await restoreDataset(db, d.data, undefined, 'upload');
    if (!r.ok) return setNote(t('recFailed', { reason: pick(r.error.message) }));
    setNote(t('safetyUploaded', { vehicles: r.value.counts.vehicles - before.vehicles, persons: r.value.counts.persons - before.persons }));
    setRefresh((n) => n + 1);
  };

  const newest = snaps.reduce((m, s) => Math.max(m, s.seq), -1);
  return (
    <section className="data-safety" aria-labelledby="data-safety-title" data-testid="data-safety">
      <h3 id="data-safety-title">{t('safetyTitle')}</h3>
      <ul>
        <li data-testid="persist-state">{persist === undefined ? t('loading') : !persist.supported ? t('safetyUnsupported') : persist.persisted ? t('safetyPersisted') : t('safetyNotPersisted')}</li>
        <li data-testid="journal-state">{mark === undefined ? t('loading') : mark ? t('safetyJournal', { seq: mark.seq, ...mark.counts }) : t('safetyJournalNone')}</li>
        <li>{snaps.length > 0 ? t('safetySnapshots', { n: snaps.length, seq: newest }) : t('safetyNoSnapshots')}</li>
      </ul>
      {desktop ? (
        <form
          className="mirror"
          onSubmit={(e) => {
            e.preventDefault();
            void saveMirror(db, mirror).then(() => setNote(t('safetyMirrorSaved')));
          }}
        >
          <label>
            {t('safetyMirror')}
            <input value={mirror} onChange={(e) => setMirror(e.target.value)} />
          </label>
          <button type="submit">{t('safetyMirrorSave')}</button>
        </form>
      ) : null}
      <div className="data-safety-actions">
        <button
          type="button"
          disabled={!store}
          onClick={() =>
            void takeSnapshot(db, 'rolling').then((r) => {
              setNote(r.ok ? t('safetySnapshotTaken', { seq: r.value.seq }) : pick(r.error.message));
              setRefresh((n) => n + 1);
            })
          }
        >
          {t('safetySnapshotNow')}
        </button>
        <button
          type="button"
          disabled={!store}
          onClick={() => {
            if (store) void downloadSnapshot(store, db.name).then((r) => setNote(r.ok ? (r.value.saved ? t('safetyDownloaded', { name: r.value.path }) : '') : pick(r.error.message)));
          }}
        >
          {t('safetyDownload')}
        </button>
        <label className="upload">
          {t('safetyUpload')}
          <input type="file" accept=".jsonl" onChange={(e) => void e.target.files?.[0]?.text().then(upload)} />
        </label>
      </div>
      {note ? <p role="status" data-testid="data-safety-note">{note}</p> : null}
    </section>
  );
}
