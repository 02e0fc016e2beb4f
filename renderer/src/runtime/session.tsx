// The signed-in operator for everything below the booth screen: which name a record, correction,
// export or reveal carries, and which role the screens ask `can()` about (shared/privacy/roles.ts).
// The storage layer and IPC handlers take the actor as an argument and check it again themselves.
import { createContext, useContext } from 'react';
import type { Actor } from '../../../shared/privacy/roles';

export interface Session {
  /** null while nobody is signed in (the booth is locked or the shift not yet open). */
  actor: Actor | null;
}

export const SessionContext = createContext<Session>({ actor: null });

export function useSession(): Session {
  return useContext(SessionContext);
}

export function useActor(): Actor | null {
  return useContext(SessionContext).actor;
}
