// Entry of the bench-only page (bench/page/bench.html, built by bench/vite.config.ts): exposes
// window.bench for bench/run.mjs, which drives it with Playwright. Not part of the app.
import { seedExportShift, seedScale } from './seed';
import type { IdMode } from './generate';
import { anatomy, idExperiment } from './anatomy';
import { connect, dayView, lastClosed, disconnect, lastVisits, meta, removeSince, removeVehicles, saves, scopedSearches, searches, signedInSession, today, upgradeV7 } from './measure';
import { seedWatchlist, watchMatches } from './watchBench';
import { appExport, appMerge, breakdownInWorker, exportOnMainThread, makeBoothFiles, rawInWorker, terminateWorker, writeOnlyInWorker } from './exportBench';
import { listImportApp, listImportPure, makeListFile, rawListRead } from './watchlistBench';

const bench = {
  seedScale: (name: string, persons: number, seed: number, force = false, idMode: IdMode = 'ordered') =>
    seedScale(name, persons, seed, (p) => console.log(`[bench-progress] ${name} ${p.persons}/${p.target} persons, ${p.vehicles} vehicles, ${(p.ms / 1000).toFixed(1)} s`), force, idMode),
  seedExportShift,
  connect: async (name: string) => {
    await connect(name);
  },
  disconnect,
  meta,
  signedInSession,
  saves,
  removeVehicles,
  removeSince,
  searches,
  scopedSearches,
  lastVisits,
  today,
  dayView,
  upgradeV7,
  lastClosed,
  anatomy,
  idExperiment,
  appExport,
  breakdownInWorker,
  exportOnMainThread,
  rawInWorker,
  writeOnlyInWorker,
  makeBoothFiles,
  appMerge,
  terminateWorker,
  makeListFile,
  rawListRead,
  listImportPure,
  listImportApp,
  seedWatchlist,
  watchMatches,
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
const log = document.getElementById('log');
if (log) log.textContent = 'bench ready';
