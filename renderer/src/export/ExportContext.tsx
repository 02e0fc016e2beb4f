// The handover export as an app-wide job: started from the booth, the open-shift screen or the
// supervisor's day view, it keeps running (off the UI thread) while the user moves on, and its
// outcome stays on screen until dismissed. A shift is recorded as exported only after the file
// was really saved.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Shift } from '../../../shared/model';
import { auditOutput, recordExport, requirePermission } from '../db';
import type { Actor } from '../../../shared/privacy/roles';
import { useDb } from '../runtime/dbContext';
import { useT, type Say } from '../runtime/i18n';
import { getPlatform } from '../platform/platform';
import { CANCELLED, startJob } from './workerClient';
import type { Progress } from './protocol';
import { progressText } from './progressText';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; shiftLabel: string; progress?: Progress; saving?: boolean }
  | { kind: 'finished'; tone: 'ok' | 'error' | 'info'; say: Say };

interface ExportApi {
  state: ExportState;
  /** Starts the export of one shift's handover workbook; false when another export is running. */
  exportHandover(shift: Shift, fullIds: boolean, actor: Actor | null): boolean;
  cancel(): void;
  dismiss(): void;
}

const ExportContext = createContext<ExportApi | null>(null);

export function useHandoverExport(): ExportApi {
  const api = useContext(ExportContext);
  if (!api) throw new Error('useHandoverExport outside ExportProvider');
  return api;
}

export function ExportProvider({ children }: { children: ReactNode }) {
  const db = useDb();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);

  const exportHandover = useCallback(
    (shift: Shift, fullIds: boolean, actor: Actor | null): boolean => {
      if (cancelRef.current) return false;
      // Full IDs and phones only for a shift lead or administrator (shared/privacy/roles.ts), checked
      // here before anything is read, and again by main when the file is saved.
      const refused = fullIds ? requirePermission(actor, 'exportFull') : undefined;
      if (refused && !refused.ok) {
        const m = refused.error.message;
        setState({ kind: 'finished', tone: 'error', say: (tr) => tr.t('exportFailed', { reason: tr.pick(m) }) });
        return true;
      }
      const shiftLabel = `${shift.checkpoint} ${shift.day}`;
      setState({ kind: 'running', shiftLabel });
      let stop = false;
      cancelRef.current = () => {
        stop = true;
      };
      const finish = (tone: 'ok' | 'error' | 'info', say: Say) => {
        cancelRef.current = null;
        setState({ kind: 'finished', tone, say });
      };
      void (async () => {
        const platform = getPlatform();
        const info = await platform.appInfo();
        if (stop) return finish('info', (tr) => tr.t('exportCancelled'));
        const job = startJob(
          {
            op: 'exportHandover',
            dbName: db.name,
            shiftId: shift.id,
            fullIds,
            actor,
            exportedAt: Date.now(),
            tzOffsetMinutes: -new Date().getTimezoneOffset(),
            appVersion: info.ok ? info.value.version : 'unknown',
          },
          (progress) => setState((s) => (s.kind === 'running' ? { ...s, progress } : s)),
        );
        cancelRef.current = () => job.cancel();
        const built = await job.promise;
        if (!built.ok) {
          const message = built.error.message;
          if (built.error.code === CANCELLED) return finish('info', (tr) => tr.t('exportCancelled'));
          return finish('error', (tr) => tr.t('exportFailed', { reason: tr.pick(message) }));
        }
        // From here the file exists in memory: saving is the user's dialog, not cancellable here.
        cancelRef.current = () => undefined;
        setState((s) => (s.kind === 'running' ? { ...s, saving: true } : s));
        const saved = await platform.saveFile({ suggestedName: built.value.fileName, kind: 'xlsx', data: built.value.bytes, actor, fullIds });
        if (!saved.ok) {
          const message = saved.error.message;
          return finish('error', (tr) => tr.t('exportSaveFailed', { reason: tr.pick(message) }));
        }
        if (!saved.value.saved) return finish('info', (tr) => tr.t('exportSaveCancelled'));
        const where = saved.value.path;
        const rec = await recordExport(db, shift.id, { at: Date.now(), where, fullIds });
        if (!rec.ok) {
          const message = rec.error.message;
          return finish('error', (tr) => tr.t('exportNotRecorded', { where, reason: tr.pick(message) }));
        }
        // Every export is in the audit trail: masked or full, which file, how many records.
        const audited = await auditOutput(db, actor, 'export', { shiftId: shift.id, fileName: built.value.fileName, fullIds, vehicles: built.value.vehicles, persons: built.value.persons }, Date.now());
        if (!audited.ok) {
          const message = audited.error.message;
          return finish('error', (tr) => tr.t('exportAuditFailed', { reason: tr.pick(message) }));
        }
        const doneKey = platform.kind === 'web' ? 'exportDownloaded' : 'exportSaved';
        const closed = shift.status === 'closed';
        finish('ok', (tr) => (fullIds ? `${tr.t(doneKey, { where })} ${tr.t('exportFullIdsNote')}` : tr.t(doneKey, { where })) + (closed ? '' : ` ${tr.t('exportProvisionalDone')}`));
      })().catch((e: unknown) => finish('error', (tr) => tr.t('exportFailed', { reason: String(e) })));
      return true;
    },
    [db],
  );

  const api = useMemo<ExportApi>(
    () => ({
      state,
      exportHandover,
      cancel: () => cancelRef.current?.(),
      dismiss: () => setState((s) => (s.kind === 'finished' ? { kind: 'idle' } : s)),
    }),
    [state, exportHandover],
  );

  return (
    <ExportContext.Provider value={api}>
      {children}
      <ExportStatus api={api} />
    </ExportContext.Provider>
  );
}

/** Bottom-right, non-modal: the booth stays usable while the workbook is built. */
function ExportStatus({ api }: { api: ExportApi }) {
  const tr = useT();
  const { t } = tr;
  const { state } = api;
  return (
    // Always in the page (only visually hidden when idle), so screen readers hear the live region change.
    <div className={`export-status ${state.kind === 'idle' ? 'export-idle' : state.kind === 'finished' ? `export-${state.tone}` : ''}`}>
      <div role="status" aria-live="polite" data-testid="export-status">
        {state.kind === 'running' ? (
          <>
            <strong>{t('exportRunning', { shift: state.shiftLabel })}</strong>
            <span>{state.saving ? t('exportSaving') : state.progress ? progressText(tr, state.progress) : t('exportStarting')}</span>
          </>
        ) : state.kind === 'finished' ? (
          <span>{state.say(tr)}</span>
        ) : null}
      </div>
      {state.kind === 'running' ? (
        <>
          <progress max={state.progress?.total ?? 1} value={state.progress?.done ?? 0} aria-label={t('exportProgress')} />
          {state.saving ? null : (
            <button type="button" onClick={api.cancel}>
              {t('exportCancel')}
            </button>
          )}
        </>
      ) : null}
      {state.kind === 'finished' ? (
        <button type="button" onClick={api.dismiss}>
          {t('close')}
        </button>
      ) : null}
    </div>
  );
}
