import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalFiles, parseSnapshotName, snapshotName } from './journalFiles';

let dir: string;
let files: ReturnType<typeof createJournalFiles>;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'journal-'));
  files = createJournalFiles(dir, { keepRolling: 2, keepShift: 2, tailBytes: 64 });
});
afterEach(async () => {
  await files.close();
  await rm(dir, { recursive: true, force: true });
});

describe('journal file', () => {
  it('appends whole lines that are on disk when append resolves, and reads them back whole or as a tail', async () => {
    expect(await files.read('station', 'all')).toEqual({ ok: true, value: '' });
    for (let i = 1; i <= 20; i++) expect(await files.append({ db: 'station', lines: [`{"seq":${i},"plate":"鄂A1234${i % 10}"}`] })).toEqual({ ok: true, value: null });
    const onDisk = await readFile(path.join(dir, 'journal', 'station.jsonl'), 'utf8');
    expect(onDisk.split('\n').filter(Boolean)).toHaveLength(20);
    const all = await files.read('station', 'all');
    expect(all).toEqual({ ok: true, value: onDisk });
    const tail = await files.read('station', 'tail');
    expect(tail.ok && Buffer.byteLength(tail.value)).toBeLessThanOrEqual(64);
    expect(tail.ok && tail.value.endsWith('{"seq":20,"plate":"鄂A12340"}\n')).toBe(true);
    // Each database has its own journal.
    expect(await files.read('other', 'all')).toEqual({ ok: true, value: '' });
  });

  it('a full disk is a bilingual failure, and the next append after space returns works again', async () => {
    if (!existsSync('/dev/full')) throw new Error('this test needs /dev/full (Linux)');
    await mkdir(path.join(dir, 'journal'), { recursive: true });
    await symlink('/dev/full', path.join(dir, 'journal', 'full.jsonl'));
    const r = await files.append({ db: 'full', lines: ['{"seq":1}'] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('save.diskFull');
    expect(!r.ok && r.error.message.zh).toContain('空间已满');
    await rm(path.join(dir, 'journal', 'full.jsonl'));
    expect((await files.append({ db: 'full', lines: ['{"seq":1}'] })).ok).toBe(true);
  });
});

describe('snapshots', () => {
  it('names carry kind and seq; anything else is not a snapshot', () => {
    const n = snapshotName('shift', 42, 1_700_000_000_000);
    expect(n).toBe('shift-0000000042-1700000000000.jsonl');
    expect(parseSnapshotName(n)).toEqual({ kind: 'shift', seq: 42, at: 1_700_000_000_000 });
    expect(parseSnapshotName('../../etc/passwd')).toBeUndefined();
    expect(parseSnapshotName(`${n}.tmp-abc`)).toBeUndefined();
  });

  it('keeps the newest N rolling and N shift snapshots, the newest baseline, and ignores leftover temp files', async () => {
    const at = 1_700_000_000_000;
    for (let s = 1; s <= 4; s++) await files.writeSnapshot({ db: 'st', kind: 'rolling', seq: s, text: `r${s}` }, at + s);
    for (let s = 1; s <= 3; s++) await files.writeSnapshot({ db: 'st', kind: 'shift', seq: s * 10, text: `s${s}` }, at + 100 + s);
    await files.writeSnapshot({ db: 'st', kind: 'baseline', seq: 0, text: 'b' }, at);
    await writeFile(path.join(files.snapshotDir('st'), `${snapshotName('rolling', 9, at)}.tmp-123`), 'half');
    const list = await files.listSnapshots('st');
    expect(list.ok && list.value.map((s) => `${s.kind}:${s.seq}`)).toEqual(['baseline:0', 'rolling:3', 'rolling:4', 'shift:20', 'shift:30']);
    const newest = list.ok ? list.value.find((s) => s.seq === 30)! : undefined;
    expect(await files.readSnapshot('st', newest!.name)).toEqual({ ok: true, value: 's3' });
    expect((await files.readSnapshot('st', '../journal/st.jsonl')).ok).toBe(false);
  });

  it('copies each snapshot to the second folder; a missing second folder does not fail the snapshot', async () => {
    const usb = path.join(dir, 'usb');
    await mkdir(usb);
    const r = await files.writeSnapshot({ db: 'st', kind: 'shift', seq: 7, text: '班次快照', mirrorDir: usb });
    expect(r.ok && r.value.mirrored).toBe(true);
    const copies = await readdir(path.join(usb, 'checkpoint-snapshots', 'st'));
    expect(copies).toHaveLength(1);
    expect(await readFile(path.join(usb, 'checkpoint-snapshots', 'st', copies[0]!), 'utf8')).toBe('班次快照');
    // A path below a plain file cannot be created: as good as a pulled stick.
    await writeFile(path.join(dir, 'not-a-folder'), '');
    const pulled = await files.writeSnapshot({ db: 'st', kind: 'shift', seq: 8, text: 'x', mirrorDir: path.join(dir, 'not-a-folder', 'usb') });
    expect(pulled.ok && pulled.value.mirrored).toBe(false);
  });
});

describe('retention: compact after a purge', () => {
  it('rewrites the journal to the head line plus later lines, deletes every other snapshot, and appends keep working', async () => {
    const { encodeEntry } = await import('../../shared/journal/format');
    const line = (seq: number, name: string) => encodeEntry({ seq, counts: { shifts: 1, vehicles: 1, persons: seq, incidents: 0 }, at: seq, op: 'saveVehicle', put: { persons: [{ id: `p${seq}`, name }] } });
    for (let i = 1; i <= 5; i++) await files.append({ db: 'station', lines: [line(i, `旧名${i}`)] });
    const old = await files.writeSnapshot({ db: 'station', kind: 'shift', seq: 3, text: 'old 旧名1' }, 1);
    const kept = await files.writeSnapshot({ db: 'station', kind: 'baseline', seq: 4, text: 'purged' }, 2);
    expect(old.ok && kept.ok).toBe(true);
    const head = encodeEntry({ seq: 4, counts: { shifts: 1, vehicles: 1, persons: 4, incidents: 0 }, audit: { seq: 9, hash: 'ab' }, at: 10, op: 'compact', put: {} });
    expect(await files.compact({ db: 'station', keepAfterSeq: 4, head, keepSnapshot: kept.ok ? kept.value.name : '' })).toEqual({ ok: true, value: null });

    const onDisk = await readFile(path.join(dir, 'journal', 'station.jsonl'), 'utf8');
    expect(onDisk).toBe(`${head}\n${line(5, '旧名5')}\n`);
    expect(onDisk).not.toContain('旧名1');
    expect(await readdir(path.join(dir, 'snapshots', 'station'))).toEqual([kept.ok ? kept.value.name : '']);
    // The open append handle was replaced: the next line lands in the new file.
    await files.append({ db: 'station', lines: [line(6, '新名6')] });
    expect((await readFile(path.join(dir, 'journal', 'station.jsonl'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
  });
});
