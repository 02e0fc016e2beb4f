// The desktop's second copy, in the data folder next to (not inside) Chromium's IndexedDB:
//   journal/<db>.jsonl            one line per confirmed write, appended and fdatasync'ed
//   snapshots/<db>/<kind>-<seq>-<ms>.jsonl   whole-station copies, temp file → fsync → rename
// and optionally a copy of every snapshot in a second folder (a USB stick). Electron-free.
import { mkdir, open, readdir, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { JournalAppendRequest, JournalCompactRequest, SnapshotInfo, SnapshotWriteRequest } from '../../shared/ipc';
import { compactJournal } from '../../shared/journal/format';
import { parseSnapshotName, snapshotName, snapshotsToDelete } from '../../shared/journal/snapshotFiles';
import { fail, ok, type Result } from '../../shared/result';
import { describeWriteError, writeFileAtomic } from './atomicWrite';

export interface JournalFilesOptions {
  /** Rolling snapshots kept (the newest N); shift and baseline ones are kept separately. */
  keepRolling?: number;
  /** Per-shift snapshots kept: one per closed shift, the newest N (older shifts stay in the journal). */
  keepShift?: number;
  /** Bytes read from the end of the journal for the start-up check. */
  tailBytes?: number;
}

export { snapshotName, parseSnapshotName };

export function createJournalFiles(dataDir: string, options: JournalFilesOptions = {}) {
  const keepRolling = options.keepRolling ?? 5;
  const keepShift = options.keepShift ?? 14;
  const tailBytes = options.tailBytes ?? 64 * 1024;
  const journalDir = path.join(dataDir, 'journal');
  const journalPath = (db: string) => path.join(journalDir, `${db}.jsonl`);
  const snapshotDir = (db: string) => path.join(dataDir, 'snapshots', db);
  // One open handle per journal: opening a file for every save costs more than the write.
  const handles = new Map<string, FileHandle>();

  async function handleFor(db: string): Promise<FileHandle> {
    let h = handles.get(db);
    if (!h) {
      await mkdir(journalDir, { recursive: true });
      h = await open(journalPath(db), 'a');
      handles.set(db, h);
    }
    return h;
  }

  async function append(req: JournalAppendRequest): Promise<Result<null>> {
    try {
      const h = await handleFor(req.db);
      const text = req.lines.map((l) => `${l}\n`).join('');
      // 'a' mode: every write lands at the end even if two writes race. datasync = the data and the
      // size reach the disk before 已保存 is shown; the modification time may follow later.
      await h.write(text);
      await h.datasync();
      return ok(null);
    } catch (e) {
      // A failed handle is dropped so the next save reopens (a USB-style hiccup, a full disk freed).
      const h = handles.get(req.db);
      handles.delete(req.db);
      await h?.close().catch(() => undefined);
      return describeWriteError(e, path.basename(journalPath(req.db)));
    }
  }

  async function read(db: string, part: 'all' | 'tail'): Promise<Result<string>> {
    const file = journalPath(db);
    try {
      if (part === 'all') return ok(await readFile(file, 'utf8'));
      const h = await open(file, 'r');
      try {
        const { size } = await h.stat();
        const start = Math.max(0, size - tailBytes);
        const buf = Buffer.alloc(size - start);
        await h.read(buf, 0, buf.length, start);
        return ok(buf.toString('utf8'));
      } finally {
        await h.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok('');
      return fail('journal.read', `无法读取备份日志：${String(e)}`, `Could not read the backup journal: ${String(e)}`);
    }
  }

  async function list(dir: string): Promise<SnapshotInfo[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return [];
    }
    const out: SnapshotInfo[] = [];
    for (const name of names) {
      const p = parseSnapshotName(name);
      if (!p) continue; // temp files of an interrupted write, anything else
      const s = await stat(path.join(dir, name)).catch(() => undefined);
      if (s) out.push({ name, kind: p.kind, seq: p.seq, bytes: s.size });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  async function prune(dir: string): Promise<void> {
    for (const name of snapshotsToDelete(await list(dir), { rolling: keepRolling, shift: keepShift })) await rm(path.join(dir, name), { force: true });
  }

  async function writeSnapshot(req: SnapshotWriteRequest, now = Date.now()): Promise<Result<SnapshotInfo>> {
    const name = snapshotName(req.kind, req.seq, now);
    const data = Buffer.from(req.text, 'utf8');
    const dir = snapshotDir(req.db);
    try {
      await mkdir(dir, { recursive: true });
    } catch (e) {
      return describeWriteError(e, name);
    }
    const written = await writeFileAtomic(path.join(dir, name), data);
    if (!written.ok) return written;
    await prune(dir);
    let mirrored: boolean | undefined;
    if (req.mirrorDir) {
      // The second folder is best effort: a pulled USB stick must not fail the snapshot on disk.
      const mdir = path.join(req.mirrorDir, 'checkpoint-snapshots', req.db);
      mirrored = false;
      if (path.isAbsolute(req.mirrorDir)) {
        try {
          await mkdir(mdir, { recursive: true });
          mirrored = (await writeFileAtomic(path.join(mdir, name), data)).ok;
          if (mirrored) await prune(mdir);
        } catch {
          mirrored = false;
        }
      }
    }
    return ok({ name, kind: req.kind, seq: req.seq, bytes: data.byteLength, ...(mirrored === undefined ? {} : { mirrored }) });
  }

  async function readSnapshot(db: string, name: string): Promise<Result<string>> {
    if (!parseSnapshotName(name)) return fail('snapshot.name', '快照名称无效', 'Invalid snapshot name');
    try {
      return ok(await readFile(path.join(snapshotDir(db), name), 'utf8'));
    } catch (e) {
      return fail('snapshot.read', `无法读取快照 ${name}：${String(e)}`, `Could not read snapshot ${name}: ${String(e)}`);
    }
  }

  /**
   * Retention: rewrite the journal without the lines the purge snapshot covers (temp file, fsync,
   * rename: the old journal or the new one, never half of either), then delete every other
   * snapshot here. The second folder (a USB stick) is not touched: it may not be plugged in; the
   * README says to age it out by hand.
   */
  async function compact(req: JournalCompactRequest): Promise<Result<null>> {
    const current = await read(req.db, 'all');
    if (!current.ok) return current;
    const h = handles.get(req.db);
    handles.delete(req.db);
    await h?.close().catch(() => undefined);
    await mkdir(journalDir, { recursive: true }).catch(() => undefined);
    const written = await writeFileAtomic(journalPath(req.db), Buffer.from(compactJournal(current.value, req.keepAfterSeq, req.head), 'utf8'));
    if (!written.ok) return written;
    const dir = snapshotDir(req.db);
    for (const s of await list(dir)) if (s.name !== req.keepSnapshot) await rm(path.join(dir, s.name), { force: true });
    return ok(null);
  }

  async function close(): Promise<void> {
    for (const h of handles.values()) await h.close().catch(() => undefined);
    handles.clear();
  }

  return {
    journalPath,
    snapshotDir,
    append,
    read,
    writeSnapshot,
    listSnapshots: async (db: string): Promise<Result<SnapshotInfo[]>> => ok(await list(snapshotDir(db))),
    readSnapshot,
    compact,
    close,
  };
}
