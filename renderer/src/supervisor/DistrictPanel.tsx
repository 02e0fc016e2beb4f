// 区域汇总: the supervisor imports booths' handover workbooks (this app's own format, from USB
// sticks) and gets totals by checkpoint and day, exportable as one workbook. Reading and checking
// the files runs in the export worker; each file is all-or-nothing, and the valid ones are stored
// in one transaction (mergeDistrict decides duplicates and replacements).
import { useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { districtTotals, isProvisional } from '../../../shared/district/merge';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { clearImportedShifts, listImportedShifts, storeImportedShifts } from '../db';
import { useDb } from '../runtime/dbContext';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { getPlatform } from '../platform/platform';
import { buildAndSave } from '../export/buildAndSave';
import { progressText } from '../export/progressText';
import { IMPORT_CANCELLED, IMPORT_TIME_LIMIT_MS, type ImportedShift, type Progress } from '../export/protocol';
import { classifyImports, type FileOutcome, type ReadFile } from './importOutcome';
import { CountCells, CountHeaders } from './CountsRow';
import { TableHead } from '../ui/TableHead';

type Busy = { what: 'import' | 'export'; progress?: Progress } | null;
type Message = { tone: 'ok' | 'error' | 'info'; say: Say } | null;

function outcomeText(tr: Translator, o: FileOutcome): string {
  if (o.kind === 'rejected') return tr.t('importRejected', { reason: tr.pick(o.message) });
  const s = o.shift;
  const provisional = isProvisional(s) && o.kind !== 'superseded' && o.kind !== 'duplicate' ? tr.t('importProvisional') : '';
  const signature = o.pinned ? ` ${tr.t('importPinned', { checkpoint: s.checkpoint, fp: s.station?.fingerprint ?? '' })}` : s.station ? '' : tr.t('importUnsigned');
  return outcomeBase(tr, o.kind, s) + provisional + signature;
}

function outcomeBase(tr: Translator, kind: Exclude<FileOutcome['kind'], 'rejected'>, s: ImportedShift): string {
  const what = { checkpoint: s.checkpoint, day: s.day, shift: shiftNameLabel(s.shiftName, tr.locale), v: s.summary.vehiclesChecked, p: s.summary.peopleChecked };
  switch (kind) {
    case 'added':
      return tr.t('importAdded', what);
    case 'duplicate':
      return tr.t('importDuplicate', what);
    case 'replaced':
      return tr.t('importReplaced', what);
    case 'superseded':
      return tr.t('importSuperseded', what);
  }
}

/**
 * Files are read here (the File API), then parsed and checked away from the page — a utility
 * process in the desktop app, a dedicated worker in the browser — with a time limit per file.
 */
async function readFiles(files: File[]): Promise<{ ok: { name: string; bytes: Uint8Array<ArrayBuffer> }[]; failed: ReadFile[] }> {
  const ok: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
  const failed: ReadFile[] = [];
  for (const f of files) {
    try {
      ok.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    } catch (e) {
      failed.push({ name: f.name, result: { ok: false, error: { code: 'import.read', message: { zh: `无法读取文件（${String(e)}）`, en: `Cannot read the file (${String(e)})` } } } });
    }
  }
  return { ok, failed };
}

export function DistrictPanel() {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [message, setMessage] = useState<Message>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const shifts = useLiveQuery(() => listImportedShifts(db), [db]);
  const totals = shifts ? districtTotals(shifts) : undefined;

  const importFiles = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0 || busy) return;
    setBusy({ what: 'import' });
    setMessage(null);
    setOutcomes([]);
    try {
      const { ok: bytes, failed } = await readFiles(files);
      const read = bytes.length > 0 ? await getPlatform().readWorkbooks({ files: bytes }) : ({ ok: true, value: [] } as const);
      if (!read.ok) {
        const message = read.error.message;
        const cancelled = read.error.code === IMPORT_CANCELLED;
        setMessage({ tone: cancelled ? 'info' : 'error', say: (tr) => (cancelled ? tr.pick(message) : tr.t('importFailed', { reason: tr.pick(message) })) });
        return;
      }
      const results: ReadFile[] = [...read.value, ...failed];
      const good = results.flatMap((r) => (r.result.ok ? [{ shift: r.result.value, fileName: r.name }] : []));
      let store = null;
      if (good.length > 0) {
        const stored = await storeImportedShifts(db, good, Date.now());
        if (!stored.ok) {
          // Nothing was stored (one transaction): say so, and list the files as not imported.
          setMessage({ tone: 'error', say: (tr) => tr.t('importStoreFailed', { reason: tr.pick(stored.error.message) }) });
          setOutcomes(results.map((r) => ({ fileName: r.name, kind: 'rejected', message: r.result.ok ? stored.error.message : r.result.error.message })));
          return;
        }
        store = stored.value;
      }
      const out = classifyImports(results, store);
      setOutcomes(out);
      const rejected = out.filter((o) => o.kind === 'rejected').length;
      setMessage({ tone: rejected > 0 ? 'error' : 'ok', say: (tr) => tr.t('importSummary', { n: out.length, ok: out.length - rejected, bad: rejected }) });
    } finally {
      setBusy(null);
      // The same file may be picked again (to see it recognised as a duplicate).
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const exportDistrict = async () => {
    if (!shifts || busy) return;
    setBusy({ what: 'export' });
    setMessage(null);
    try {
      const r = await buildAndSave(
        { op: 'districtWorkbook', merged: shifts, exportedAt: Date.now(), tzOffsetMinutes: -new Date().getTimezoneOffset() },
        { saved: 'districtSaved', downloaded: 'districtDownloaded', cancelled: 'districtSaveCancelled', failed: 'districtSaveFailed' },
        (progress) => setBusy({ what: 'export', progress }),
      );
      setMessage(r.message);
    } finally {
      setBusy(null);
    }
  };

  const clear = async () => {
    setConfirmClear(false);
    const r = await clearImportedShifts(db);
    setOutcomes([]);
    setMessage(r.ok ? { tone: 'info', say: (tr) => tr.t('districtCleared', { n: r.value }) } : { tone: 'error', say: (tr) => tr.pick(r.error.message) });
  };

  return (
    <section className="district" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('districtTitle')}</h2>
      <p className="field-hint">{t('districtHint')}</p>
      <div className="district-actions">
        {/* The browser's own file button speaks the browser's language ("Choose Files" inside a
            Chinese screen): it stays in the page for the keyboard and screen readers but is drawn
            as our button, with our words. */}
        <div className="field file-field">
          <span id={`${id}-file-label`}>{t('importHandover')}</span>
          <input
            id={`${id}-file`}
            ref={inputRef}
            className="file-input"
            type="file"
            multiple
            aria-labelledby={`${id}-file-label`}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy !== null}
            onChange={(e) => {
              void importFiles(e.target.files);
              // The same file chosen again (after a fix) must fire onChange again.
              e.target.value = '';
            }}
          />
          <label htmlFor={`${id}-file`} className={`button file-button ${busy !== null ? 'disabled' : ''}`}>
            {t('chooseFiles')}
          </label>
        </div>
        <button type="button" onClick={() => void exportDistrict()} disabled={busy !== null || !shifts || shifts.length === 0}>
          {t('districtExport')}
        </button>
        {confirmClear ? (
          <span className="confirm-clear">
            {t('districtClearConfirmText')}
            <button type="button" className="danger" autoFocus onClick={() => void clear()}>
              {t('districtClearConfirm')}
            </button>
            <button type="button" onClick={() => setConfirmClear(false)}>
              {t('cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmClear(true)} disabled={busy !== null || !shifts || shifts.length === 0}>
            {t('districtClear')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="district-status" className={`status ${message ? `status-${message.tone === 'error' ? 'error' : 'saved'}` : ''}`}>
        {busy ? (
          <>
            {busy.what === 'import' ? `${t('importRunning')} ${t('importTimeLimit', { s: IMPORT_TIME_LIMIT_MS / 1000 })}` : t('districtExporting')}
            {busy.progress ? ` ${progressText(tr, busy.progress)}` : ''}
          </>
        ) : (
          (message ? message.say(tr) : '')
        )}
      </div>
      {busy?.what === 'import' ? (
        <button type="button" className="danger" onClick={() => void getPlatform().cancelImport()}>
          {t('importCancel')}
        </button>
      ) : null}
      {outcomes.length > 0 ? (
        <ul className="import-notices" aria-label={t('importResults')} data-testid="import-notices">
          {outcomes.map((o, i) => (
            <li key={i} className={`notice notice-${o.kind}`}>
              <strong>{o.fileName}</strong>：{outcomeText(tr, o)}
            </li>
          ))}
        </ul>
      ) : null}

      {totals === undefined ? (
        <p>{t('loading')}</p>
      ) : totals.byCheckpointDay.length === 0 ? (
        <p className="empty">{t('districtEmpty')}</p>
      ) : (
        <div className="table-scroll">
          {totals.total.provisional > 0 ? <p className="field-hint">{t('districtProvisionalHint')}</p> : null}
          <table className="counts-table" data-testid="district-table">
            <caption>{t('districtCaption', { days: totals.total.days, checkpoints: totals.total.checkpoints, shifts: totals.total.shifts })}</caption>
            <TableHead columns={[t('date'), t('checkpoint'), t('shiftsColumn'), t('districtProvisionalColumn')]}>
              <CountHeaders />
            </TableHead>
            <tbody>
              {totals.byCheckpointDay.map((r) => (
                <tr key={`${r.day}\u0000${r.checkpoint}`} data-testid="district-row">
                  <td>{r.day}</td>
                  <th scope="row">{r.checkpoint}</th>
                  <td className="num">{r.shifts}</td>
                  <td className="num" data-testid="district-row-provisional">
                    {r.provisional}
                  </td>
                  <CountCells counts={r.counts} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="district-total">
                <th scope="row" colSpan={2}>
                  {t('districtTotal', { n: totals.total.checkpoints })}
                </th>
                <td className="num" data-testid="district-total-shifts">
                  {totals.total.shifts}
                </td>
                <td className="num" data-testid="district-total-provisional">
                  {totals.total.provisional}
                </td>
                <CountCells counts={totals.total.counts} testId="district-total" />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
