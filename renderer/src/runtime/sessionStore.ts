// Where and how a window keeps its sign-in (sessionStorage, per database: gone with the window).
// Apart from session.tsx so the bench, which has no JSX, signs its app page in the same way.
import type { Actor } from '../../../shared/privacy/roles';

export interface Stored {
  shiftId: string;
  actor: Actor;
}

export const sessionStorageKey = (dbName: string) => `checkpoint-session:${dbName}`;

/** The stored form of a sign-in for `shiftId`. */
export const storedSession = (shiftId: string, actor: Actor): string => JSON.stringify({ shiftId, actor: { name: actor.name, role: actor.role } } satisfies Stored);
