// The browser's second copy, in the Origin Private File System: a different storage area from
// IndexedDB (its own folder in the profile), so a corrupted or deleted IndexedDB leaves it intact.
// Only a dedicated worker may open a *sync* access handle, which writes in place and has flush():
// the one OPFS API that says "this is on disk" for an append. (A writable stream from the page
// copies the whole file on every close — ruinous for a journal that grows all day.)
/// <reference lib="webworker" />
import type { SnapshotInfo } from '../../../shared/ipc';
import { JOURNAL_DB_NAME, SNAPSHOT_NAME } from '../../../shared/journal/names';
import { parseSnapshotName, snapshotName, snapshotsToDelete } from '../../../shared/journal/snapshotFiles';
import { compactJournal } from '../../../shared/journal/format';
import { fail, ok, type Result } from '../../../shared/result';
import type { OpfsCall, OpfsReply, OpfsRequest } from './opfsJournal.protocol';

const TAIL_BYTES = 64 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface SyncHandle {
  getSize(): number;
  read(buf: Uint8Array, opts: { at: number }): number;
  write(buf: Uint8Array, opts: { at: number }): number;
  flush(): void;
  truncate(size: number): void;
  close(): void;
}
type FileHandleWithSync = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncHandle>; move?(name: string): Promise<void> };

const journals = new Map<string, SyncHandle>();

async function folder(...parts: string[]): Promise<FileSystemDirectoryHandle> {
  let dir = await navigator.storage.getDirectory();
  for (const p of parts) dir = await dir.getDirectoryHandle(p, { create: true });
  return dir;
}

async function journalHandle(db: string): Promise<SyncHandle> {
  let h = journals.get(db);
  if (!h) {
    const file = (await (await folder('journal')).getFileHandle(`${db}.jsonl`, { create: true })) as FileHandleWithSync;
    h = await file.createSyncAccessHandle();
    journals.set(db, h);
  }
  return h;
}

function describe(e: unknown): Result<never> {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError') return fail('save.diskFull', '备份日志写入失败：磁盘空间不足', 'The backup journal could not be written: the disk is full');
  if (name === 'NoModificationAllowedError') {
    return fail('journal.locked', '备份日志正被另一个窗口使用（同一站点只能开一个窗口）', 'The backup journal is in use by another window (open the station in one window only)');
  }
  return fail('journal.failed', `备份日志出错：${String(e)}`, `Backup journal error: ${String(e)}`);
}

async function listSnapshots(db: string): Promise<SnapshotInfo[]> {
  const dir = await folder('snapshots', db);
  const out: SnapshotInfo[] = [];
  for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    const p = parseSnapshotName(name);
    if (!p || handle.kind !== 'file') continue;
    out.push({ name, kind: p.kind, seq: p.seq, bytes: (await (handle as FileSystemFileHandle).getFile()).size });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

async function handle(req: OpfsRequest): Promise<OpfsReply['result']> {
  if (!JOURNAL_DB_NAME.test(req.db)) return fail('ipc.invalid', '数据库名称无效', 'Invalid database name');
  switch (req.op) {
    case 'append': {
      const h = await journalHandle(req.db);
      const bytes = encoder.encode(req.lines.map((l) => `${l}\n`).join(''));
      const at = h.getSize();
      const n = h.write(bytes, { at });
      if (n !== bytes.length) {
        // A short write (quota): cut back to the last whole line rather than leave half a record.
        h.truncate(at);
        h.flush();
        return fail('save.diskFull', '备份日志写入失败：磁盘空间不足', 'The backup journal could not be written: the disk is full');
      }
      h.flush();
      return ok(null);
    }
    case 'read': {
      const h = await journalHandle(req.db);
      const size = h.getSize();
      const start = req.part === 'tail' ? Math.max(0, size - TAIL_BYTES) : 0;
      const buf = new Uint8Array(size - start);
      h.read(buf, { at: start });
      return ok(decoder.decode(buf));
    }
    case 'snapshotWrite': {
      const dir = await folder('snapshots', req.db);
      const name = snapshotName(req.kind, req.seq, req.at);
      // Temp file → flush → rename: a snapshot is either absent or whole.
      const tmpName = `${name}.tmp`;
      const tmp = (await dir.getFileHandle(tmpName, { create: true })) as FileHandleWithSync;
      const h = await tmp.createSyncAccessHandle();
      const bytes = encoder.encode(req.text);
      try {
        h.truncate(0);
        const n = h.write(bytes, { at: 0 });
        if (n !== bytes.length) throw Object.assign(new Error('short write'), { name: 'QuotaExceededError' });
        h.flush();
      } finally {
        h.close();
      }
      if (!tmp.move) {
        await dir.removeEntry(tmpName);
        return fail('snapshot.unsupported', '此浏览器不支持快照文件改名', 'This browser cannot rename snapshot files');
      }
      await tmp.move(name);
      for (const old of snapshotsToDelete(await listSnapshots(req.db))) await dir.removeEntry(old).catch(() => undefined);
      return ok({ name, kind: req.kind, seq: req.seq, bytes: bytes.length });
    }
    case 'compact': {
      // Retention: the journal without the lines the purge snapshot covers, then every other
      // snapshot deleted. Rewritten in place (the snapshot just written holds everything).
      const h = await journalHandle(req.db);
      const old = new Uint8Array(h.getSize());
      h.read(old, { at: 0 });
      const bytes = encoder.encode(compactJournal(decoder.decode(old), req.keepAfterSeq, req.head));
      h.truncate(0);
      const n = h.write(bytes, { at: 0 });
      h.flush();
      if (n !== bytes.length) return fail('save.diskFull', '备份日志写入失败：磁盘空间不足', 'The backup journal could not be written: the disk is full');
      const dir = await folder('snapshots', req.db);
      for (const s of await listSnapshots(req.db)) if (s.name !== req.keepSnapshot) await dir.removeEntry(s.name).catch(() => undefined);
      return ok(null);
    }
    case 'snapshotList':
      return ok(await listSnapshots(req.db));
    case 'snapshotRead': {
      if (!SNAPSHOT_NAME.test(req.name)) return fail('snapshot.name', '快照名称无效', 'Invalid snapshot name');
      const dir = await folder('snapshots', req.db);
      return ok(await (await dir.getFileHandle(req.name)).getFile().then((f) => f.text()));
    }
  }
}

// One request at a time: appends reach the file in the order the page sent them.
let queue: Promise<unknown> = Promise.resolve();
self.onmessage = (ev: MessageEvent<OpfsCall>) => {
  const { id, req } = ev.data;
  queue = queue.then(async () => {
    let result: OpfsReply['result'];
    try {
      result = await handle(req);
    } catch (e) {
      result = describe(e);
    }
    (self as unknown as Worker).postMessage({ id, result } satisfies OpfsReply);
  });
};
