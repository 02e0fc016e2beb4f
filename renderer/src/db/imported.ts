// The supervisor's imported shifts (schema v2): what other booths' handover workbooks said, kept
// so the district summary survives a restart. Rows are replaced, never edited: a shift is stored
// once (key = checkpoint + shift id), and a later export of it replaces the earlier one.
import { mergeDistrict, shiftKey, type MergeResult } from '../../../shared/district/merge';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import { ok, type Bilingual, type Result } from '../../../shared/result';
import type { CheckpointDB, ImportedShiftRow, PinnedStationRow } from './db';
import { journaledWrite } from './journaledWrite';

export interface IncomingShift {
  shift: ImportedShift;
  fileName: string;
}

export interface StoreImportResult {
  /** mergeDistrict(already stored shifts with the incoming keys, incoming), by object identity. */
  merge: MergeResult;
  /** The stored rows the incoming shifts were compared with. */
  existing: ImportedShift[];
  /** How many incoming shifts were written (new, or replacing an earlier export). */
  written: number;
  /** Refused by the station check (not merged, not stored), with the reason. */
  rejected: { shift: ImportedShift; message: Bilingual }[];
  /** Signed by a checkpoint seen for the first time: its key was pinned now. */
  pinned: ImportedShift[];
}

const WRONG_KEY = (checkpoint: string, got: string, pinned: string[]): Bilingual => ({
  zh: `「${checkpoint}」交接表的签名密钥（指纹 ${got}）不是该卡点已登记的密钥（${pinned.join('、')}）：可能是伪造的文件，未导入。如该卡点确实换了电脑，请电话核对新指纹后清空导入数据再导入`,
  en: `The workbook from "${checkpoint}" is signed with key ${got}, not the key pinned for that checkpoint (${pinned.join(', ')}): it may be forged; not imported. If that checkpoint really changed its PC, confirm the new fingerprint by phone, clear the imported data and import again`,
});
const UNSIGNED_FROM_PINNED = (checkpoint: string): Bilingual => ({
  zh: `「${checkpoint}」已登记签名密钥，但这份交接表没有签名：可能是伪造或被修改的文件，未导入`,
  en: `"${checkpoint}" has a pinned signing key but this workbook is not signed: it may be forged or edited; not imported`,
});

/**
 * The station check (trust on first use): the first signed workbook of a checkpoint pins its
 * public key; later workbooks of that checkpoint must carry the same key (their signature was
 * verified by the reader), and an unsigned one is refused once a key is pinned.
 */
async function checkStations(db: CheckpointDB, incoming: readonly IncomingShift[], now: number) {
  const checkpoints = [...new Set(incoming.map((i) => i.shift.checkpoint))];
  const pins = new Map<string, PinnedStationRow>();
  for (const r of await db.pinnedStations.bulkGet(checkpoints)) if (r) pins.set(r.checkpoint, r);
  const accepted: IncomingShift[] = [];
  const rejected: StoreImportResult['rejected'] = [];
  const pinned: ImportedShift[] = [];
  const changed = new Set<string>();
  for (const i of incoming) {
    const s = i.shift;
    const station = s.station ?? null;
    const pin = pins.get(s.checkpoint);
    if (!station) {
      if (pin) rejected.push({ shift: s, message: UNSIGNED_FROM_PINNED(s.checkpoint) });
      else accepted.push(i);
    } else if (!pin) {
      pins.set(s.checkpoint, { checkpoint: s.checkpoint, keys: [{ publicKey: station.publicKey, fingerprint: station.fingerprint, pinnedAt: now, fileName: i.fileName }] });
      changed.add(s.checkpoint);
      pinned.push(s);
      accepted.push(i);
    } else if (pin.keys.some((k) => k.publicKey === station.publicKey)) {
      accepted.push(i);
    } else {
      rejected.push({ shift: s, message: WRONG_KEY(s.checkpoint, station.fingerprint, pin.keys.map((k) => k.fingerprint)) });
    }
  }
  const rows = [...changed].map((c) => pins.get(c)).filter((r): r is PinnedStationRow => r !== undefined);
  if (rows.length > 0) await db.pinnedStations.bulkPut(rows);
  return { accepted, rejected, pinned };
}

/**
 * Merges the incoming shifts with what is stored, in ONE transaction: the rows with the same keys
 * are read, mergeDistrict decides (duplicate / replaced / new), and the winners that came in are
 * written. Either all of them are stored or, on a failure, none.
 */
export async function storeImportedShifts(db: CheckpointDB, incoming: readonly IncomingShift[], now: number): Promise<Result<StoreImportResult>> {
  const fileOf = new Map<ImportedShift, string>();
  for (const i of incoming) fileOf.set(i.shift, i.fileName);
  const keys = [...new Set(incoming.map((i) => shiftKey(i.shift)))];
  return journaledWrite(db, { zh: '保存导入的交接表', en: 'Storing the imported workbooks' }, (stamp) =>
    db.transaction('rw', [db.importedShifts, db.pinnedStations, db.settings], async () => {
      const { accepted, rejected, pinned } = await checkStations(db, incoming, now);
      const existing = (await db.importedShifts.bulkGet(keys)).filter((r): r is ImportedShiftRow => r !== undefined).map((r) => r.shift);
      const merge = mergeDistrict(
        existing,
        accepted.map((i) => i.shift),
      );
      const rows: ImportedShiftRow[] = merge.merged
        .filter((s) => fileOf.has(s))
        .map((s) => ({ key: shiftKey(s), day: s.day, checkpoint: s.checkpoint, shift: s, fileName: fileOf.get(s) ?? '', importedAt: now }));
      if (rows.length > 0) {
        await db.importedShifts.bulkPut(rows);
        await stamp('storeImportedShifts', { importedShifts: rows });
      }
      return ok({ merge, existing, written: rows.length, rejected, pinned });
    }),
  );
}

/**
 * Every imported shift, for the district summary. The one whole-table read in the app: a row is
 * one shift's counts (a few thousand rows at most), never a registration.
 */
export async function listImportedShifts(db: CheckpointDB): Promise<ImportedShift[]> {
  return (await db.importedShifts.toArray()).map((r) => r.shift);
}

/** Imported shifts of one day (day view), on the `day` index. */
export async function importedShiftsOfDay(db: CheckpointDB, day: string): Promise<ImportedShift[]> {
  return (await db.importedShifts.where('day').equals(day).toArray()).map((r) => r.shift);
}

/** Clears the district data and the pinned keys with it (a fresh start, e.g. after a PC change). */
export async function clearImportedShifts(db: CheckpointDB): Promise<Result<number>> {
  return journaledWrite(db, { zh: '清空导入记录', en: 'Clearing the imported shifts' }, (stamp) =>
    db.transaction('rw', [db.importedShifts, db.pinnedStations, db.settings], async () => {
      const n = await db.importedShifts.count();
      await db.importedShifts.clear();
      await db.pinnedStations.clear();
      await stamp('clearImportedShifts', {}, {}, ['importedShifts']);
      return ok(n);
    }),
  );
}
