// Test factories (not part of the public API; not re-exported by index.ts).
// They produce valid records; tests override what they are about.
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import type { Person, Shift, Vehicle } from '../../../shared/model';
import { CheckpointDB } from './db';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './schema';
import { dayKey, newId } from './ids';
import { docRevOf } from '../../../shared/derived';
import type { JournalStore, SnapshotInfo } from './journal';
import { fail, ok, type Result } from '../../../shared/result';
import { compactJournal } from '../../../shared/journal';
import { listAudit, type AuditQuery } from './audit';
import type { AuditEntry } from '../../../shared/audit/model';

/** A valid resident ID (GB 11643-1999 check digit X), area 340524 (Anhui). */
export const VALID_ID = '34052419800101001X';

/** 2020-02-01 10:00 booth local time. */
export const T0 = new Date(2020, 1, 1, 10, 0, 0).getTime();

export function makeVehicle(partial: Partial<Vehicle> = {}): Vehicle {
  const createdAt = partial.createdAt ?? T0;
  const plate = partial.plate ?? '川A12345';
  return {
    id: newId(),
    shiftId: 'shift-test',
    checkpoint: '成绵高速黄许出口卡点',
    operator: '李警官',
    createdAt,
    updatedAt: createdAt,
    day: dayKey(createdAt),
    plate,
    plateBody: plate.slice(1),
    plateKind: 'ordinary',
    plateProvince: plate.slice(0, 1),
    plateConfirmed: false,
    vehicleType: 'car',
    direction: 'in',
    origin: '成都',
    route: '成绵高速',
    destination: '德阳市旌阳区',
    purpose: '返乡',
    localContact: '',
    keyArea: false,
    keyAreaReasons: [],
    inspected: true,
    disinfected: false,
    disposition: 'released',
    remarks: '',
    personCount: 1,
    maxTemp: 36.5,
    anyFever: false,
    watchHits: [],
    voided: 0,
    amendments: [],
    ...partial,
  };
}

/** A person; pass the vehicle to copy its keys (vehicleId, shiftId, createdAt, day, plate). */
export function makePerson(partial: Partial<Person> = {}, of?: Vehicle): Person {
  const createdAt = partial.createdAt ?? of?.createdAt ?? T0;
  const docNumber = partial.docNumber ?? VALID_ID;
  return {
    id: newId(),
    vehicleId: of?.id ?? 'vehicle-test',
    shiftId: of?.shiftId ?? 'shift-test',
    createdAt,
    day: of?.day ?? dayKey(createdAt),
    plate: of?.plate ?? '川A12345',
    role: 'driver',
    seq: 0,
    name: '张三',
    docType: 'residentId',
    docNumber,
    docRev: docRevOf(docNumber),
    phone: '13800138000',
    homeProvince: '安徽',
    first: { celsius: 36.5, method: 'infrared', at: createdAt },
    symptoms: [],
    feverFirst: false,
    feverConfirmed: false,
    disposition: 'released',
    remarks: '',
    voided: 0,
    ...partial,
  };
}

export function makeShift(partial: Partial<Shift> = {}): Shift {
  const openedAt = partial.openedAt ?? T0 - 2 * 3600_000;
  return {
    id: newId(),
    checkpoint: '成绵高速黄许出口卡点',
    shiftName: 'day',
    leadName: '王队长',
    staff: [{ name: '李警官', unit: 'police' }],
    openedAt,
    day: dayKey(openedAt),
    status: 'open',
    exports: [],
    ...partial,
  };
}

/** A CheckpointDB on its own database (fake-indexeddb in tests), so tests never share state. */
/**
 * Writes a database named `name` as shipped schema `version` left it (its stores exactly as
 * shipped, with raw Dexie: CheckpointDB would open the current version), holding `rows` per
 * table, and closes it for the current code to open.
 */
export async function shippedDatabase(name: string, version: 1 | 2 | 3, rows: Record<string, unknown[]>): Promise<void> {
  const old = new Dexie(name);
  [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3].slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
  await old.open();
  for (const [table, rs] of Object.entries(rows)) await old.table(table).bulkAdd(rs);
  old.close();
}

export function freshDb(): CheckpointDB {
  return new CheckpointDB(`test-${newId()}`);
}

/**
 * A fresh database for every test of the calling file, closed after it; with `openShift` (the
 * default) it holds one open shift. `bind` receives both before each test.
 */
export function withTestDb(bind: (c: { db: CheckpointDB; shift: Shift }) => void, openShift = true): void {
  let db: CheckpointDB | undefined;
  beforeEach(async () => {
    db = freshDb();
    const shift = makeShift();
    if (openShift) await db.shifts.add(shift);
    bind({ db, shift });
  });
  afterEach(() => db?.close());
}

/** A fresh database with an in-memory journal for every test of the calling file, closed after it. */
export function withJournaledDb(bind: (c: { db: CheckpointDB; store: MemoryJournalStore }) => void): void {
  let db: CheckpointDB | undefined;
  beforeEach(() => {
    db = freshDb();
    const store = memoryJournalStore();
    db.journal = store;
    bind({ db, store });
  });
  afterEach(() => db?.close());
}

export type MemoryJournalStore = ReturnType<typeof memoryJournalStore>;

/** A JournalStore in memory, with a switch to make appends fail (a full or pulled disk). */
export function memoryJournalStore() {
  const lines: string[] = [];
  const snapshots = new Map<string, { info: SnapshotInfo; text: string }>();
  const store = {
    lines,
    snapshots,
    failAppends: false,
    async append(ls: string[]): Promise<Result<null>> {
      if (store.failAppends) return fail('save.diskFull', '磁盘空间不足', 'The disk is full');
      lines.push(...ls);
      return ok(null);
    },
    async readAll(): Promise<Result<string>> {
      return ok(lines.map((l) => `${l}\n`).join(''));
    },
    async tail(): Promise<Result<string>> {
      return ok(lines.slice(-20).map((l) => `${l}\n`).join(''));
    },
    async writeSnapshot(kind: SnapshotInfo['kind'], seq: number, text: string): Promise<Result<SnapshotInfo>> {
      const info: SnapshotInfo = { name: `${kind}-${seq}-${snapshots.size}`, kind, seq, bytes: text.length };
      snapshots.set(info.name, { info, text });
      return ok(info);
    },
    async compact(keepAfterSeq: number, head: string, keepSnapshot: string): Promise<Result<null>> {
      const text = compactJournal(lines.map((l) => `${l}\n`).join(''), keepAfterSeq, head);
      lines.splice(0, lines.length, ...text.split('\n').filter((l) => l !== ''));
      for (const name of [...snapshots.keys()]) if (name !== keepSnapshot) snapshots.delete(name);
      return ok(null);
    },
    async listSnapshots(): Promise<Result<SnapshotInfo[]>> {
      return ok([...snapshots.values()].map((s) => s.info));
    },
    async readSnapshot(name: string): Promise<Result<string>> {
      const s = snapshots.get(name);
      return s ? ok(s.text) : fail('snapshot.missing', '快照不存在', 'No such snapshot');
    },
  };
  return store satisfies JournalStore;
}

/** The audit trail as an administrator reads it (the viewer's own storage call), for assertions. */
export async function auditAsAdmin(db: CheckpointDB, q: AuditQuery): Promise<AuditEntry[]> {
  const r = await listAudit(db, { name: '管理员', role: 'admin' }, q);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}
