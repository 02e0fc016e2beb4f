// One CheckpointDB per renderer: Dexie connections are cheap but every open instance must
// close for a future schema upgrade to proceed, so the app shares a single one.
// Choosing the name (e.g. from a `?db=` URL parameter for tests/demos) is the UI's business.
import { CheckpointDB } from './db';
import { DB_NAME } from './schema';

let current: CheckpointDB | undefined;

export function openDb(name: string = DB_NAME): CheckpointDB {
  if (current && current.name === name) return current;
  // A different name replaces the previous connection rather than leaking it.
  current?.close();
  current = new CheckpointDB(name);
  return current;
}
