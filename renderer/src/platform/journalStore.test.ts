import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/result';
import { journalNameOf, journalStoreFor } from './journalStore';
import type { Platform } from './platform';

function fakePlatform() {
  return {
    journalAppend: vi.fn(async () => ok(null)),
    journalRead: vi.fn(async () => ok('')),
    snapshotWrite: vi.fn(async () => ok({ name: 'n', kind: 'shift' as const, seq: 1, bytes: 1 })),
    snapshotList: vi.fn(async () => ok([])),
    snapshotRead: vi.fn(async () => ok('')),
  };
}

describe('journalStoreFor', () => {
  it('names the journal after the database (file-safe) and passes the second folder only when one is set', async () => {
    const p = fakePlatform();
    const folder: { dir?: string } = {};
    const store = journalStoreFor(p as unknown as Platform, 'checkpoint-station-南江', () => folder.dir);
    expect(journalNameOf('checkpoint-station-南江')).toBe('checkpoint-station-__');
    await store.append(['{"a":1}']);
    expect(p.journalAppend).toHaveBeenCalledWith({ db: 'checkpoint-station-__', lines: ['{"a":1}'] });
    await store.tail();
    expect(p.journalRead).toHaveBeenCalledWith({ db: 'checkpoint-station-__', part: 'tail' });
    await store.writeSnapshot('shift', 3, 'x');
    expect(p.snapshotWrite).toHaveBeenLastCalledWith({ db: 'checkpoint-station-__', kind: 'shift', seq: 3, text: 'x' });
    folder.dir = 'E:\\备份';
    await store.writeSnapshot('rolling', 4, 'y');
    expect(p.snapshotWrite).toHaveBeenLastCalledWith({ db: 'checkpoint-station-__', kind: 'rolling', seq: 4, text: 'y', mirrorDir: 'E:\\备份' });
  });
});
