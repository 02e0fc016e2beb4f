// Moving the booth's IndexedDB from the old file:// origin to app://station (once, on the first
// start of a version served from app://). Kept apart from shared/ipc.ts so the migration
// preload, which reads these, does not bundle zod.

/** Rows per chunk: a busy day's persons are thousands, so a chunk is a few hundred KB over IPC. */
export const ORIGIN_CHUNK_ROWS = 500;
