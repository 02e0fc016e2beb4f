import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckpointDB } from './db';
import { ensureStationKey } from './stationKey';
import { freshDb } from './testing';

let db: CheckpointDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('station key', () => {
  it('is made once, non-extractable, and the same on every later call', async () => {
    const [a, b] = await Promise.all([ensureStationKey(db), ensureStationKey(db)]);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.privateKey.extractable).toBe(false);
    expect(a.publicKeyRaw).toHaveLength(32);
    expect(await db.stationKeys.count()).toBe(1);
    expect((await ensureStationKey(db)).fingerprint).toBe(a.fingerprint);
  });
});
