// A workbook built in the export worker and saved through the platform, said back as one message:
// the district summary and the watchlist reconciliation take this path (the handover export has
// its own, which also marks the shift exported).
import type { StringKey } from '../../../shared/i18n/strings';
import type { Say } from '../runtime/i18n';
import { getPlatform } from '../platform/platform';
import { startJob } from './workerClient';
import type { JobRequest, Progress } from './protocol';

export type SaveMessage = { tone: 'ok' | 'error' | 'info'; say: Say };

/** The file's own words: saved (desktop), downloaded (browser), cancelled, not saved ({reason}). */
export interface SaveWords {
  saved: StringKey;
  downloaded: StringKey;
  cancelled: StringKey;
  failed: StringKey;
}

export interface SaveOutcome {
  message: SaveMessage;
  /** Set only when the file is on disk (or handed to the browser's download). */
  saved?: { fileName: string; where: string };
}

export async function buildAndSave(req: JobRequest & { op: 'districtWorkbook' | 'watchReconciliation' }, words: SaveWords, onProgress: (p: Progress) => void = () => undefined): Promise<SaveOutcome> {
  const built = await startJob(req, onProgress).promise;
  if (!built.ok) return { message: { tone: 'error', say: (tr) => tr.t('exportFailed', { reason: tr.pick(built.error.message) }) } };
  const platform = getPlatform();
  // The reconciliation's actor and full-ID choice go with the file: main refuses full IDs without
  // exportFull (ipcCore accessOf), as for the handover. The district summary holds no IDs.
  const access = req.op === 'watchReconciliation' ? { actor: req.actor, fullIds: req.fullIds } : {};
  const saved = await platform.saveFile({ suggestedName: built.value.fileName, kind: 'xlsx', data: built.value.bytes, ...access });
  if (!saved.ok) return { message: { tone: 'error', say: (tr) => tr.t(words.failed, { reason: tr.pick(saved.error.message) }) } };
  if (!saved.value.saved) return { message: { tone: 'info', say: (tr) => tr.t(words.cancelled) } };
  const where = saved.value.path;
  return {
    message: { tone: 'ok', say: (tr) => tr.t(platform.kind === 'web' ? words.downloaded : words.saved, { where }) },
    saved: { fileName: built.value.fileName, where },
  };
}
