// Reading workbooks away from the booth's process, with a time limit and a cancel.
//
// The parser (SheetJS behind our zip check) runs in a separate process or thread: an Electron
// utilityProcess in the desktop app, a dedicated Web Worker in the browser build, a Node child in
// tests. This module is the one rule for driving it, whatever it runs in: files are sent one job
// at a time; each file must be answered within the time limit; when the parser overruns, crashes
// or runs out of memory, it is killed, that file is reported as not imported with the reason, and
// a fresh parser takes the remaining files — one hostile file never stops the others, and
// nothing the parser does can take the booth screen down with it. Cancel kills it at once.
// Pure TypeScript (no DOM, no Node): the three adapters live beside their platforms.
import { fail, ok, type Result } from '../result';
import type { ImportedShift } from './importHandover';

/** Per file. A 20,000-person workbook (the largest planned shift) read in 11 s on a loaded 2-core test machine. */
export const IMPORT_TIME_LIMIT_MS = 60_000;

export interface ParserFile {
  name: string;
  bytes: Uint8Array;
}

/** Host → parser. */
export interface ParserRequest {
  files: ParserFile[];
}

/**
 * Parser → host. `index` is the file's position in the request. `T` is what one file reads as:
 * a handover shift by default; a watchlist file (shared/watchlist/readListFile.ts) goes through
 * the same host with its own parser entry.
 */
export type ParserMessage<T = ImportedShift> =
  | { type: 'start'; index: number }
  | { type: 'outcome'; index: number; result: Result<T>; ms?: number; maxRssKb?: number }
  | { type: 'done' };

/** One running parser (process or thread). */
export interface ParserChild<T = ImportedShift> {
  post(req: ParserRequest): void;
  onMessage(fn: (m: ParserMessage<T>) => void): void;
  /** The parser stopped without being asked (crash, out of memory, failed to load). */
  onExit(fn: (detail: string) => void): void;
  kill(): void;
}

export interface FileOutcome<T = ImportedShift> {
  name: string;
  result: Result<T>;
  ms?: number;
  maxRssKb?: number;
}

export interface ParseProgress {
  done: number;
  total: number;
  fileName: string;
}

export interface ParseHandle<T = ImportedShift> {
  promise: Promise<Result<FileOutcome<T>[]>>;
  cancel(): void;
}

export const IMPORT_CANCELLED = 'import.cancelled';

const timeout = <T>(limitMs: number) =>
  fail<T>(
    'import.timeout',
    `读取超时（超过 ${Math.round(limitMs / 1000)} 秒），已停止；文件可能已损坏或不是交接表`,
    `Reading took longer than ${Math.round(limitMs / 1000)} s and was stopped; the file may be damaged or not a handover workbook`,
  );
const crashed = <T>(detail: string) =>
  fail<T>('import.crashed', `读取该文件时解析程序异常退出（${detail}），已跳过`, `The parser stopped while reading this file (${detail}); skipped`);

function isMessage<T>(m: unknown): m is ParserMessage<T> {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  return t === 'start' || t === 'outcome' || t === 'done';
}

export function parseIsolated<T = ImportedShift>(
  spawn: () => ParserChild<T>,
  files: readonly ParserFile[],
  opts: { timeLimitMs?: number; onProgress?: (p: ParseProgress) => void } = {},
): ParseHandle<T> {
  const limit = opts.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
  const outcomes: (FileOutcome<T> | undefined)[] = files.map(() => undefined);
  let child: ParserChild<T> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let finished = false;
  let resolve: (r: Result<FileOutcome<T>[]>) => void = () => undefined;
  const promise = new Promise<Result<FileOutcome<T>[]>>((r) => (resolve = r));

  const stopChild = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const c = child;
    child = null;
    try {
      c?.kill();
    } catch {
      // already gone
    }
  };
  const finish = (r: Result<FileOutcome<T>[]>) => {
    if (finished) return;
    finished = true;
    stopChild();
    resolve(r);
  };
  const nextPending = () => outcomes.findIndex((o) => o === undefined);

  /** The parser failed on the file it was reading: record it and go on with a fresh one. */
  const giveUp = (result: Result<T>) => {
    const i = nextPending();
    stopChild();
    if (i < 0) return finish(ok(outcomes as FileOutcome<T>[]));
    outcomes[i] = { name: files[i]?.name ?? '', result };
    run();
  };

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => giveUp(timeout<T>(limit)), limit);
  };

  function run(): void {
    if (finished) return;
    const first = nextPending();
    if (first < 0) return finish(ok(outcomes as FileOutcome<T>[]));
    const batch = files.map((f, i) => ({ f, i })).filter(({ i }) => outcomes[i] === undefined);
    let c: ParserChild<T>;
    try {
      c = spawn();
    } catch (e) {
      return finish(fail('import.noParser', `无法启动读取程序：${String(e)}`, `Cannot start the parser: ${String(e)}`));
    }
    child = c;
    const mine = () => child === c && !finished;
    c.onMessage((m) => {
      if (!mine() || !isMessage<T>(m)) return;
      if (m.type === 'start') {
        const i = batch[m.index]?.i;
        if (i === undefined) return;
        arm();
        opts.onProgress?.({ done: i + 1, total: files.length, fileName: files[i]?.name ?? '' });
      } else if (m.type === 'outcome') {
        const i = batch[m.index]?.i;
        if (i === undefined) return;
        outcomes[i] = { name: files[i]?.name ?? '', result: m.result, ...(m.ms === undefined ? {} : { ms: m.ms }), ...(m.maxRssKb === undefined ? {} : { maxRssKb: m.maxRssKb }) };
      } else {
        stopChild();
        run(); // finishes when every file has its outcome
      }
    });
    c.onExit((detail) => {
      if (mine()) giveUp(crashed<T>(detail));
    });
    arm();
    c.post({ files: batch.map(({ f }) => f) });
  }

  run();
  return { promise, cancel: () => finish(fail(IMPORT_CANCELLED, '已取消读取，未导入任何内容', 'Reading cancelled; nothing imported')) };
}

/**
 * The readWorkbooks / cancelImport pair both platforms expose (desktop: a utilityProcess per
 * parser, browser: a worker): one import at a time — a new one cancels the running one — and a
 * cancel that resolves at once.
 */
export function createImportRunner(spawn: () => ParserChild) {
  let current: ParseHandle | null = null;
  return {
    readWorkbooks: async (req: { files: readonly ParserFile[] }): Promise<Result<FileOutcome[]>> => {
      current?.cancel();
      const handle = parseIsolated(spawn, req.files);
      current = handle;
      const r = await handle.promise;
      if (current === handle) current = null;
      return r;
    },
    cancelImport: async (): Promise<Result<null>> => {
      current?.cancel();
      current = null;
      return ok(null);
    },
  };
}
