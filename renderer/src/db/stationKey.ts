// This station's signing key (schema v8): made once, on first start, kept in IndexedDB. The
// private key is a non-extractable CryptoKey: the app can sign with it, nobody can copy it out
// through the app. A second station on the same PC (another data folder) has its own.
import { generateStationKey, keyFingerprint, type StationKey } from '../../../shared/excel/signature';
import type { CheckpointDB } from './db';

export interface OwnStationKey extends StationKey {
  fingerprint: string;
}

/** The station's key, made and stored the first time it is asked for (one transaction). */
export async function ensureStationKey(db: CheckpointDB): Promise<OwnStationKey> {
  const existing = await db.stationKeys.get('self');
  let row = existing;
  if (!row) {
    const fresh = await generateStationKey(); // outside the transaction: Web Crypto is async
    row = await db.transaction('rw', db.stationKeys, async () => {
      // Another tab or the export worker may have made one meanwhile: the first one stays.
      const raced = await db.stationKeys.get('self');
      if (raced) return raced;
      const made = { id: 'self' as const, privateKey: fresh.privateKey, publicKeyRaw: fresh.publicKeyRaw, createdAt: Date.now() };
      await db.stationKeys.add(made);
      return made;
    });
  }
  return { privateKey: row.privateKey, publicKeyRaw: row.publicKeyRaw, fingerprint: await keyFingerprint(row.publicKeyRaw) };
}
