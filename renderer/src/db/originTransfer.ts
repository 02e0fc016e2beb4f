// Reading a whole database out in bounded chunks and writing it back, with one content digest
// both sides compute the same way. Used once, to carry the booth's data from the old file://
// origin to app://station (see electron/main/originMigration.ts for the whole flow).
//
// Every read is a primary-key range with a LIMIT (keyset pagination: "above the last key"),
// so neither side ever holds more than one chunk of rows, at a million persons as at ten.
import Dexie, { type Table } from 'dexie';
import type { OriginChunk, OriginImportPlan, OriginSummary } from '../../../shared/ipc';
import { ORIGIN_CHUNK_ROWS } from '../../../shared/originMove';
import type { Result } from '../../../shared/result';

/** Rows must be plain data: a Date or a typed array would not survive the JSON spool unchanged. */
function canonical(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  }
  throw new Error(`origin transfer: a stored value is not plain data (${Object.prototype.toString.call(value)})`);
}

async function sha256Hex(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Stores that never move between origins: the station's signing key is a non-extractable
 * CryptoKey (it cannot cross IPC, by design); the new origin makes its own on first start.
 * The release that moves the origin is the one that introduces signing, so no workbook signed
 * with an old-origin key exists.
 */
export const NOT_TRANSFERRED = new Set(['stationKeys']);

function sortedTables(db: Dexie): Table<Record<string, unknown>, unknown>[] {
  return [...db.tables].filter((t) => !NOT_TRANSFERRED.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) as Table<Record<string, unknown>, unknown>[];
}

/**
 * Walks every table in primary-key order, `chunkRows` rows at a time, handing each chunk to
 * `onChunk`, and returns the counts and digest. The digest is SHA-256 over, per table (sorted
 * by name), the table name and the SHA-256 of each chunk's canonical JSON.
 */
export async function walkDatabase(db: Dexie, onChunk: (chunk: OriginChunk) => Promise<void>, chunkRows = ORIGIN_CHUNK_ROWS): Promise<OriginSummary> {
  const counts: Record<string, number> = {};
  const parts: string[] = [];
  for (const table of sortedTables(db)) {
    const keyPath = table.schema.primKey.keyPath;
    if (typeof keyPath !== 'string') throw new Error(`origin transfer: table ${table.name} has no inbound primary key`);
    counts[table.name] = 0;
    parts.push(`table:${table.name}`);
    let last: unknown;
    for (;;) {
      // Primary-key range with a LIMIT: one chunk in memory at a time.
      const rows = last === undefined ? await table.orderBy(':id').limit(chunkRows).toArray() : await table.where(':id').above(last).limit(chunkRows).toArray();
      if (rows.length === 0) break;
      parts.push(await sha256Hex(canonical(rows)));
      counts[table.name] = (counts[table.name] ?? 0) + rows.length;
      await onChunk({ table: table.name, rows });
      last = Dexie.getByKeyPath(rows[rows.length - 1] as object, keyPath);
      if (rows.length < chunkRows) break;
    }
  }
  return { counts, digest: await sha256Hex(parts.join('\n')) };
}

/** Counts and digest of a database, reading it the same way the export did. */
export const summarizeDatabase = (db: Dexie, chunkRows = ORIGIN_CHUNK_ROWS): Promise<OriginSummary> => walkDatabase(db, async () => undefined, chunkRows);

export interface ImportSource {
  chunk(index: number): Promise<Result<OriginChunk>>;
}

/**
 * Writes every chunk of `plan` into `db`, each in its own durable transaction. bulkPut, not
 * bulkAdd: rows are keyed, so an import interrupted by a crash and started again ends with the
 * same rows, never duplicates. Returns the database's own summary afterwards.
 */
export async function importChunks(db: Dexie, plan: OriginImportPlan, source: ImportSource, onProgress?: (done: number) => void): Promise<OriginSummary> {
  const names = new Set(db.tables.map((t) => t.name));
  for (let i = 0; i < plan.chunks; i++) {
    const got = await source.chunk(i);
    if (!got.ok) throw new Error(got.error.message.en);
    const { table, rows } = got.value;
    if (!names.has(table)) throw new Error(`origin transfer: the old database has a table "${table}" this version does not know`);
    await db.transaction('rw', table, () => db.table(table).bulkPut(rows));
    onProgress?.(i + 1);
  }
  return summarizeDatabase(db);
}

export interface ExportSink {
  originExportChunk(chunk: OriginChunk): Promise<Result<null>>;
  originExportDone(summary: OriginSummary): Promise<Result<null>>;
}

/** The old origin's side: every chunk to main, then the summary. Throws on the first refusal. */
export async function exportToSink(db: Dexie, sink: ExportSink): Promise<OriginSummary> {
  const summary = await walkDatabase(db, async (chunk) => {
    const sent = await sink.originExportChunk(chunk);
    if (!sent.ok) throw new Error(sent.error.message.en);
  });
  const done = await sink.originExportDone(summary);
  if (!done.ok) throw new Error(done.error.message.en);
  return summary;
}
