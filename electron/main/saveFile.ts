// Save dialog + atomic write. The renderer proposes a file name; the user picks the folder.
import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { SaveOutcome } from '../../shared/ipc';
import type { Locale } from '../../shared/model';
import { ok, type Result } from '../../shared/result';
import { catalogue } from '../../shared/i18n/strings';
import { writeFileAtomic } from './atomicWrite';
import { ensureExtension, sanitizeFileName, type FileKind as SaveKind } from '../../shared/fileName';
import { readLastFolder, writeLastFolder } from './lastFolder';

export interface SaveRequest {
  suggestedName: string;
  kind: SaveKind;
  data: Uint8Array;
}

/** The save dialog's words, from the one catalogue. */
function dialogText(kind: SaveKind, locale: Locale): { title: string; filter: string } {
  const w = catalogue(locale);
  if (kind === 'pdf') return { title: w.savePdfTitle, filter: w.savePdfFilter };
  if (kind === 'jsonl') return { title: w.saveSnapshotTitle, filter: w.saveSnapshotFilter };
  return { title: w.saveXlsxTitle, filter: w.saveXlsxFilter };
}

function defaultFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

export async function saveWithDialog(win: BrowserWindow, req: SaveRequest, locale: Locale): Promise<Result<SaveOutcome>> {
  const userData = app.getPath('userData');
  const name = sanitizeFileName(req.suggestedName, req.kind);
  const folder = (await readLastFolder(userData)) ?? defaultFolder();
  const text = dialogText(req.kind, locale);
  const choice = await dialog.showSaveDialog(win, {
    title: text.title,
    defaultPath: path.join(folder, name),
    filters: [{ name: `${text.filter} (*.${req.kind})`, extensions: [req.kind] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return ok({ saved: false, cancelled: true });

  const target = ensureExtension(choice.filePath, req.kind);
  const written = await writeFileAtomic(target, req.data);
  if (!written.ok) return written;
  await writeLastFolder(userData, path.dirname(target));
  return ok({ saved: true, path: target });
}
