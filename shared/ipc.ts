// The one contract between renderer and main. The preload wraps each channel in a
// named function; main validates every payload with these schemas before acting.
import { z } from 'zod';
import { JOURNAL_DB_NAME, SNAPSHOT_NAME } from './journal/names';

export { SNAPSHOT_NAME };
import type { Locale } from './model';
import { ORIGIN_CHUNK_ROWS } from './originMove';
import type { Result } from './result';
import type { CountyDay, CountyDown, CountyWatchEntry, DayRequest, WatchEntriesRequest, PushOutcome, SyncBatch, SyncConfigure, SyncStatus } from './sync/batch';

export { syncBatchSchema, syncConfigureSchema, dayRequestSchema, watchEntriesRequestSchema } from './sync/batch';

/** A booth configuration file's text, read by the renderer from the file the user picked. */
export const boothFileTextSchema = z.string().min(2).max(256 * 1024);
import type { FileOutcome } from './excel/parserHost';
import { IMPORT_LIMITS } from './excel/zipCheck';
import { actorSchema } from './privacy/actorSchema';

export { IPC, MENU_COMMANDS, type MenuCommand } from './ipcChannels';
import type { MenuCommand } from './ipcChannels';

export const localeSchema = z.enum(['zh', 'en']);

export const saveFileRequestSchema = z.object({
  /** File name only; main sanitises it again and never trusts a path from the renderer. */
  suggestedName: z.string().min(1).max(200),
  /** jsonl: a data snapshot (关于 → 下载快照). */
  kind: z.enum(['xlsx', 'pdf', 'jsonl']),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength < 512 * 1024 * 1024, {
    message: 'file data must be 1 byte to 512 MiB',
  }),
  /** Who saves it (access): a full-ID workbook needs exportFull (checked in main, electron/main/ipcCore.ts). */
  actor: actorSchema.nullish(),
  /** The file carries full IDs and phones. */
  fullIds: z.boolean().optional(),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export type SaveOutcome = { saved: true; path: string } | { saved: false; cancelled: true };

export const printToPdfRequestSchema = z.object({
  suggestedName: z.string().min(1).max(200),
});
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

/** IndexedDB store names: plain identifiers, so they are safe in file names and logs. */
const tableNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

export const originChunkSchema = z.object({
  table: tableNameSchema,
  rows: z.array(z.record(z.string(), z.unknown())).min(1).max(ORIGIN_CHUNK_ROWS),
});
export type OriginChunk = z.infer<typeof originChunkSchema>;

export const originSummarySchema = z.object({
  /** Rows per table, every table of the database (also empty ones). */
  counts: z.record(tableNameSchema, z.number().int().nonnegative()),
  /** SHA-256 (hex) over every table's rows in primary-key order (renderer/src/db/originTransfer.ts). */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type OriginSummary = z.infer<typeof originSummarySchema>;

export interface OriginImportPlan {
  chunks: number;
  summary: OriginSummary;
}

export const originChunkIndexSchema = z.number().int().nonnegative().max(10_000_000);
export const readWorkbooksRequestSchema = z.object({
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(260),
        // A file over the import limit still crosses (so the parser can say why it is refused),
        // but nothing much larger: IPC copies it.
        bytes: z.instanceof(Uint8Array).refine((d) => d.byteLength <= IMPORT_LIMITS.fileBytes * 2, { message: 'file too large' }),
      }),
    )
    .min(1)
    .max(200),
});
export type ReadWorkbooksRequest = z.infer<typeof readWorkbooksRequestSchema>;
export type { FileOutcome };

// --- The second copy (journal + snapshots outside IndexedDB; renderer/src/db/journal.ts) ----------

export const journalDbSchema = z.string().regex(JOURNAL_DB_NAME);
export const SNAPSHOT_KINDS = ['rolling', 'shift', 'baseline', 'restore'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

export const journalAppendRequestSchema = z.object({
  db: journalDbSchema,
  /** Whole lines without their newline: a line with one inside would split a record in two. */
  lines: z.array(z.string().min(2).max(16 * 1024 * 1024).refine((l) => !/[\r\n]/.test(l), { message: 'a line may not contain a newline' })).min(1).max(100),
});
export type JournalAppendRequest = z.infer<typeof journalAppendRequestSchema>;

export const journalReadRequestSchema = z.object({ db: journalDbSchema, part: z.enum(['all', 'tail']) });
export type JournalReadRequest = z.infer<typeof journalReadRequestSchema>;

export const snapshotWriteRequestSchema = z.object({
  db: journalDbSchema,
  kind: z.enum(SNAPSHOT_KINDS),
  seq: z.number().int().min(0),
  text: z.string().min(1).max(512 * 1024 * 1024),
  /** A second folder (a USB stick) that gets a copy too; absolute, chosen in 设置. */
  mirrorDir: z.string().min(1).max(1000).optional(),
});
export type SnapshotWriteRequest = z.infer<typeof snapshotWriteRequestSchema>;

export const snapshotListRequestSchema = z.object({ db: journalDbSchema });
export const snapshotReadRequestSchema = z.object({ db: journalDbSchema, name: z.string().regex(SNAPSHOT_NAME) });
export type SnapshotReadRequest = z.infer<typeof snapshotReadRequestSchema>;

/**
 * After a retention purge: the journal becomes `head` (the mark line at the purge snapshot's seq)
 * plus the lines after `keepAfterSeq`; every snapshot but `keepSnapshot` is deleted. So no copy
 * outside IndexedDB still holds the purged personal data.
 */
export const journalCompactRequestSchema = z.object({
  db: journalDbSchema,
  keepAfterSeq: z.number().int().min(0),
  head: z.string().min(2).max(64 * 1024).refine((l) => !/[\r\n]/.test(l), { message: 'a line may not contain a newline' }),
  keepSnapshot: z.string().regex(SNAPSHOT_NAME),
});
export type JournalCompactRequest = z.infer<typeof journalCompactRequestSchema>;

export interface SnapshotInfo {
  name: string;
  kind: SnapshotKind;
  seq: number;
  bytes: number;
  /** A copy also reached the second folder. */
  mirrored?: boolean;
}

export interface AppInfo {
  version: string;
  platform: 'electron' | 'web';
  /** Where IndexedDB and settings live; shown in 帮助 → 关于 so staff can back it up. */
  dataDir: string;
}

/** What the preload exposes (as checkpointDesktop on the page); also the shape of the web platform. */
export interface DesktopApi {
  appInfo(): Promise<Result<AppInfo>>;
  setLocale(locale: Locale): Promise<Result<null>>;
  saveFile(req: SaveFileRequest): Promise<Result<SaveOutcome>>;
  print(): Promise<Result<null>>;
  printToPdf(req: PrintToPdfRequest): Promise<Result<SaveOutcome>>;
  originExportChunk(chunk: OriginChunk): Promise<Result<null>>;
  originExportDone(summary: OriginSummary): Promise<Result<null>>;
  /** null: nothing to carry over (already done, or the old origin held no data). */
  originImportPlan(): Promise<Result<OriginImportPlan | null>>;
  originImportChunk(index: number): Promise<Result<OriginChunk>>;
  originImportDone(summary: OriginSummary): Promise<Result<null>>;
  syncStatus(): Promise<Result<SyncStatus>>;
  syncConfigure(req: SyncConfigure): Promise<Result<SyncStatus>>;
  syncImportConfig(text: string): Promise<Result<SyncStatus>>;
  syncForget(): Promise<Result<SyncStatus>>;
  syncPush(batch: SyncBatch): Promise<Result<PushOutcome>>;
  syncPull(): Promise<Result<CountyDown>>;
  syncWatchEntries(req: WatchEntriesRequest): Promise<Result<CountyWatchEntry[]>>;
  syncCountyDay(req: DayRequest): Promise<Result<CountyDay>>;
  /** Reads handover workbooks away from the page, with the time limit; one outcome per file. */
  readWorkbooks(req: ReadWorkbooksRequest): Promise<Result<FileOutcome[]>>;
  /** Stops a running readWorkbooks at once (it resolves as cancelled). */
  cancelImport(): Promise<Result<null>>;
  /** Resolves after the lines are flushed to disk. */
  journalAppend(req: JournalAppendRequest): Promise<Result<null>>;
  journalRead(req: JournalReadRequest): Promise<Result<string>>;
  snapshotWrite(req: SnapshotWriteRequest): Promise<Result<SnapshotInfo>>;
  snapshotList(req: { db: string }): Promise<Result<SnapshotInfo[]>>;
  snapshotRead(req: SnapshotReadRequest): Promise<Result<string>>;
  journalCompact(req: JournalCompactRequest): Promise<Result<null>>;
  /** Returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
