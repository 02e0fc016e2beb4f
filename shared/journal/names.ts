// Names the journal and snapshots may have, as plain patterns: the OPFS worker checks them
// without zod (zod probes \`new Function\`, which the CSP refuses and reports as a violation).

/** The IndexedDB name the journal belongs to: also a file name, so nothing but [A-Za-z0-9_-]. */
export const JOURNAL_DB_NAME = /^[\w-]{1,80}$/;

/** Snapshot file names are made by main / the worker; the renderer may only name one it was given. */
export const SNAPSHOT_NAME = /^(rolling|shift|baseline|restore)-\d{10}-\d{13}\.jsonl$/;
