// Earlier visits of one resident ID (people recognised across visits; the rule is
// shared/recognition.ts). One bounded read on the persons.docNumber index.
import { RECOGNITION_READ_LIMIT, recognisePerson, type PersonRecognition } from '../../../shared/recognition';
import type { CheckpointDB } from './db';

/**
 * `persons.docNumber` (an index since v1, for "ID starts with" search) answers "this ID's rows";
 * within one key IndexedDB orders by primary key, and ids are time-ordered, so reading it
 * backwards with a limit takes the newest RECOGNITION_READ_LIMIT rows of that one person.
 * The rule sorts them by time again (older booths may hold random ids).
 */
export async function earlierVisitsOfId(db: CheckpointDB, id: string): Promise<PersonRecognition | undefined> {
  const rows = await db.persons.where('docNumber').equals(id).reverse().limit(RECOGNITION_READ_LIMIT).toArray();
  return recognisePerson(id, rows, rows.length === RECOGNITION_READ_LIMIT);
}
