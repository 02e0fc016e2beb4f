// One open connection per seeded database, per thread (the page and the bench worker each keep
// their own), so a measurement never includes opening the database unless it means to.
import { CheckpointDB } from '../../renderer/src/db';
import { dbFullName } from './seed';

const open = new Map<string, CheckpointDB>();

export async function connect(name: string): Promise<CheckpointDB> {
  let db = open.get(name);
  if (!db) {
    db = new CheckpointDB(dbFullName(name));
    await db.open();
    open.set(name, db);
  }
  return db;
}

export function disconnect(): void {
  for (const db of open.values()) db.close();
  open.clear();
}
