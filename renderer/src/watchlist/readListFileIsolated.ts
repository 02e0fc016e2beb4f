// Reading a watchlist file through the same parser host as handover imports: a worker per file,
// the same time limit per file, kill and report on a hang or crash, cancel at once. Both builds use
// a Web Worker here (the desktop app's renderer runs workers like the browser's).
import { parseIsolated, type ParseHandle, type ParserChild } from '../../../shared/excel/parserHost';
import { workerChild } from '../platform/workerChild';
import type { ListFile } from '../../../shared/watchlist/readListFile';

function spawnListWorker(): ParserChild<ListFile> {
  // This exact form lets Vite find and bundle the worker.
  return workerChild(new Worker(new URL('./listFile.worker.ts', import.meta.url), { type: 'module' }));
}

export function readListFileIsolated(name: string, bytes: Uint8Array): ParseHandle<ListFile> {
  return parseIsolated<ListFile>(spawnListWorker, [{ name, bytes }]);
}
