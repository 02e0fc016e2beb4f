// IndexedDB belongs to its origin: the same profile folder holds the booth's data under
// file:// and an empty database under app://station. This carries the data across once.
//
//   1. main loads a hidden migration page from the OLD origin (file://…/migrate.html); it
//      reads the old database in bounded chunks and sends each here (originExportChunk),
//      then the old database's counts and content digest (originExportDone);
//   2. each chunk is spooled to a file in the data folder (fsynced), so main's memory stays
//      flat however large the database is, and a crash can resume;
//   3. the app page at app://station asks for the plan, imports chunk by chunk, recounts and
//      re-digests ITS database and reports (originImportDone); only when counts and digest
//      equal the old database's is the move marked done and the spool removed.
// The old database is never deleted or changed: if anything goes wrong it is still there.
// No electron import: the state machine runs in Node tests and behind the Chromium test.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { OriginChunk, OriginImportPlan, OriginSummary } from '../../shared/ipc';
import { fail, ok, type AppError, type Result } from '../../shared/result';
import { describeWriteError, writeFileAtomic } from './atomicWrite';
import type { IpcHandlers } from './ipcCore';

/** One chunk's JSON may not exceed this (500 rows of a few hundred bytes are ~200 KB). */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

export type MigrationState =
  /** `chunks` is 0 here: the spooled chunk files are counted when the export finishes. */
  | { status: 'exporting'; chunks: number; startedAt: string }
  | { status: 'exported'; chunks: number; summary: OriginSummary; exportedAt: string }
  | { status: 'done'; summary: OriginSummary; doneAt: string };

const STATE_FILE = 'state.json';
const chunkFile = (i: number) => `chunk-${String(i).padStart(7, '0')}.json`;

const isEmpty = (summary: OriginSummary) => Object.values(summary.counts).every((n) => n === 0);

export function sameSummary(a: OriginSummary, b: OriginSummary): boolean {
  const tables = new Set([...Object.keys(a.counts), ...Object.keys(b.counts)]);
  for (const t of tables) if ((a.counts[t] ?? 0) !== (b.counts[t] ?? 0)) return false;
  return a.digest === b.digest;
}

export class OriginMigration {
  private readonly dir: string;
  private readonly now: () => Date;

  /** `dir`: a folder of its own in the data folder, e.g. <userData>/origin-migration. */
  constructor(dir: string, now: () => Date = () => new Date()) {
    this.dir = dir;
    this.now = now;
  }

  state(): MigrationState | undefined {
    const file = path.join(this.dir, STATE_FILE);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as MigrationState;
    } catch {
      // A torn state file (it is written atomically, so only by hand): redo the export; the
      // import is idempotent and the old database is untouched.
      return undefined;
    }
  }

  /** Does main need to run the migration page? Not once done, and not while an export waits to be imported. */
  needsExport(): boolean {
    const s = this.state();
    return s === undefined || s.status === 'exporting';
  }

  private async writeState(state: MigrationState): Promise<Result<null>> {
    return writeFileAtomic(path.join(this.dir, STATE_FILE), new TextEncoder().encode(JSON.stringify(state)));
  }

  private clearChunks(): void {
    if (!existsSync(this.dir)) return;
    for (const f of readdirSync(this.dir)) if (f.startsWith('chunk-')) rmSync(path.join(this.dir, f), { force: true });
  }

  /** Starts (or restarts, after a crash) an export: earlier chunks are dropped. */
  async beginExport(): Promise<Result<null>> {
    try {
      mkdirSync(this.dir, { recursive: true });
      this.clearChunks();
      this.spooled = 0;
    } catch (e) {
      return describeWriteError(e, path.basename(this.dir));
    }
    return this.writeState({ status: 'exporting', chunks: 0, startedAt: this.now().toISOString() });
  }

  /** Chunks spooled so far; counted from the folder once, then kept here (one fsync per chunk, not two). */
  private spooled: number | undefined;

  private spooledChunks(): number {
    this.spooled ??= existsSync(this.dir) ? readdirSync(this.dir).filter((f) => /^chunk-\d+\.json$/.test(f)).length : 0;
    return this.spooled;
  }

  async addChunk(chunk: OriginChunk): Promise<Result<null>> {
    const s = this.state();
    if (s?.status !== 'exporting') return fail('origin.notExporting', '当前没有进行中的数据迁移。', 'No data migration is in progress.');
    const bytes = new TextEncoder().encode(JSON.stringify(chunk));
    if (bytes.byteLength > MAX_CHUNK_BYTES) return fail('origin.chunkTooLarge', '迁移数据块过大。', 'A migration chunk is too large.');
    const index = this.spooledChunks();
    const written = await writeFileAtomic(path.join(this.dir, chunkFile(index)), bytes);
    if (written.ok) this.spooled = index + 1;
    return written;
  }

  /** The old origin's figures. An empty old database needs no import: done at once. */
  async finishExport(summary: OriginSummary): Promise<Result<null>> {
    const s = this.state();
    if (s?.status !== 'exporting') return fail('origin.notExporting', '当前没有进行中的数据迁移。', 'No data migration is in progress.');
    const at = this.now().toISOString();
    const chunks = this.spooledChunks();
    if (isEmpty(summary) && chunks === 0) return this.writeState({ status: 'done', summary, doneAt: at });
    return this.writeState({ status: 'exported', chunks, summary, exportedAt: at });
  }

  /** What the app page must import; null when there is nothing (never migrated data, or done). */
  importPlan(): OriginImportPlan | null {
    const s = this.state();
    return s?.status === 'exported' ? { chunks: s.chunks, summary: s.summary } : null;
  }

  readChunk(index: number): Result<OriginChunk> {
    const s = this.state();
    if (s?.status !== 'exported' || index >= s.chunks) return fail('origin.noChunk', `迁移数据块 ${index} 不存在。`, `Migration chunk ${index} does not exist.`);
    try {
      return ok(JSON.parse(readFileSync(path.join(this.dir, chunkFile(index)), 'utf8')) as OriginChunk);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return fail('origin.chunkUnreadable', `迁移数据块 ${index} 无法读取：${detail}`, `Migration chunk ${index} cannot be read: ${detail}`);
    }
  }

  /**
   * The new origin's figures after its import. Equal → done, spool removed. Different → an
   * error naming both; state stays 'exported' so the next start imports again (idempotently).
   */
  async finishImport(imported: OriginSummary): Promise<Result<null>> {
    const s = this.state();
    if (s?.status !== 'exported') return fail('origin.notExported', '没有待导入的迁移数据。', 'There is no migrated data waiting to be imported.');
    if (!sameSummary(s.summary, imported)) {
      const show = (x: OriginSummary) => Object.entries(x.counts).map(([t, n]) => `${t} ${n}`).join(', ');
      return fail(
        'origin.mismatch',
        `数据迁移校验不一致：旧数据 ${show(s.summary)}，新数据 ${show(imported)}。旧数据完好保留，下次启动将重试。`,
        `Data migration check failed: old data ${show(s.summary)}, new data ${show(imported)}. The old data is kept intact; the next start retries.`,
      );
    }
    const written = await this.writeState({ status: 'done', summary: s.summary, doneAt: this.now().toISOString() });
    if (written.ok) {
      this.clearChunks();
      this.spooled = 0;
    }
    return written;
  }
}

type MigrationCalls = Pick<IpcHandlers, 'originExportChunk' | 'originExportDone' | 'originImportPlan' | 'originImportChunk' | 'originImportDone'>;

/**
 * The five IPC handlers of the move, as main registers them. `onExportFinished` releases the
 * hidden migration window; `onImportRefused` tells the user (main shows a dialog).
 */
export function originMigrationHandlers(
  migration: OriginMigration,
  hooks: { development: boolean; onExportFinished(ok: boolean): void; onImportRefused(error: AppError): void },
): MigrationCalls {
  return {
    originExportChunk: (chunk) => migration.addChunk(chunk),
    originExportDone: async (summary) => {
      const done = await migration.finishExport(summary);
      hooks.onExportFinished(done.ok);
      return done;
    },
    // Development serves from the dev server's origin: nothing is carried over there.
    originImportPlan: async () => ok(hooks.development ? null : migration.importPlan()),
    originImportChunk: async (index) => migration.readChunk(index),
    originImportDone: async (summary) => {
      const done = await migration.finishImport(summary);
      if (!done.ok) hooks.onImportRefused(done.error);
      return done;
    },
  };
}
