// The booth's database. Schema and the reasons for every index: schema.ts (SCHEMA_VERSIONS is
// the note for docs/ARCHITECTURE.md).
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Incident, Person, Shift, Vehicle } from '../../../shared/model';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './schema';

export { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_VERSIONS, DB_NAME } from './schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** One shift read from a booth's handover workbook (supervisor's district summary, v2). */
export interface ImportedShiftRow {
  /** shiftKey(shift): checkpoint + '\u0000' + shiftId. */
  key: string;
  day: string;
  checkpoint: string;
  shift: ImportedShift;
  /** The file it came from, for the supervisor's notices. */
  fileName: string;
  importedAt: number;
}

/** Non-voided vehicles and people of one day (v3), kept in step by every write. */
export interface DayCountRow {
  day: string;
  vehicles: number;
  persons: number;
}

export class CheckpointDB extends Dexie {
  // `declare`: no class-field initialiser may overwrite the tables Dexie attaches in stores().
  declare shifts: Table<Shift, string>;
  declare vehicles: Table<Vehicle, string>;
  declare persons: Table<Person, string>;
  declare incidents: Table<Incident, string>;
  declare settings: Table<SettingRow, string>;
  declare importedShifts: Table<ImportedShiftRow, string>;
  declare dayCounts: Table<DayCountRow, string>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    // Durability is not negotiable and comes last so callers cannot override it: Chromium
    // commits with 'relaxed' durability by default, i.e. a transaction may report success
    // before the data reaches the disk. The UI says 已保存 when saveVehicle resolves, so that
    // must mean "survives a power cut".
    super(name, { ...options, chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_V1);
    // Never edit a shipped version: each change is a new version (see schema.ts).
    // v2 only adds a store, so there is no upgrade() step: v1 data stays as it is.
    this.version(2).stores(SCHEMA_V2);
    // v3 adds counters; no upgrade() pass over a million rows at start-up: a day's row is
    // filled from its indexes the first time that day is counted or written (dayCounts.ts).
    this.version(3).stores(SCHEMA_V3);
  }
}
