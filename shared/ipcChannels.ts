// The IPC channel names and menu commands, apart from the zod schemas in ipc.ts: the sandboxed
// preload bundles this module to wrap every channel by name, and it may carry nothing but
// constants (a preload can require only 'electron'; zod would bloat it).

export const IPC = {
  appInfo: 'app:info',
  setLocale: 'app:set-locale',
  saveFile: 'file:save',
  print: 'window:print',
  printToPdf: 'window:print-to-pdf',
  /** Handover workbooks read in the parser process (utilityProcess), never in main or the page. */
  readWorkbooks: 'import:read-workbooks',
  cancelImport: 'import:cancel',
  journalAppend: 'journal:append',
  journalRead: 'journal:read',
  snapshotWrite: 'snapshot:write',
  snapshotList: 'snapshot:list',
  snapshotRead: 'snapshot:read',
  /** Retention: the journal rewritten after a purge, older snapshots deleted (audit). */
  journalCompact: 'journal:compact',
  /** main → renderer: a menu item was chosen. */
  menuCommand: 'menu:command',
  // Carrying the booth's IndexedDB from the old file:// origin to app://station (once).
  /** Migration page (file://) → main: one bounded chunk of one table. */
  originExportChunk: 'origin:export-chunk',
  /** Migration page (file://) → main: all chunks sent; the old database's counts and digest. */
  originExportDone: 'origin:export-done',
  /** App page → main: is there exported data to import, and how many chunks? */
  originImportPlan: 'origin:import-plan',
  /** App page → main: chunk number n of the export. */
  originImportChunk: 'origin:import-chunk',
  /** App page → main: imported; main compares counts and digest before marking the move done. */
  originImportDone: 'origin:import-done',
  // County sync (issue 11): the renderer reads its outbox from IndexedDB, main talks to PostgreSQL.
  syncStatus: 'sync:status',
  syncConfigure: 'sync:configure',
  syncImportConfig: 'sync:import-config',
  syncForget: 'sync:forget',
  syncPush: 'sync:push',
  syncPull: 'sync:pull',
  /** One page of a county watchlist's entries (a list pulled only when its version moved). */
  syncWatchEntries: 'sync:watch-entries',
  syncCountyDay: 'sync:county-day',
} as const;

export const MENU_COMMANDS = [
  'newVehicle',
  'addOccupant',
  'save',
  'search',
  'incident',
  'closeShift',
  'exportHandover',
  'print',
  'settings',
  'toggleTheme',
  'toggleLocale',
  'help',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
