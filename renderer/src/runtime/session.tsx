// The signed-in operator for everything below the station: which name a record, correction,
// export or reveal carries, and which role the screens ask `can()` about (shared/privacy/roles.ts).
// The storage layer and IPC handlers take the actor as an argument and check it again themselves.
//
// Who is signed in is decided only by renderer/src/db/operators.ts (PIN checked against its
// hash); this provider remembers the answer for the open shift, locks after the idle time, and
// keeps the answer across a reload of the same window (sessionStorage: gone with the window).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ROLES, type Actor } from '../../../shared/privacy/roles';
import { recordLock } from '../db';
import { useDb } from './dbContext';
import { sessionStorageKey, storedSession, type Stored } from './sessionStore';

export interface Session {
  /** null while nobody is signed in (the booth is locked or the shift not yet open). */
  actor: Actor | null;
  /** After the storage layer accepted a PIN: this actor now acts for the open shift. */
  signIn(actor: Actor, shiftId: string): void;
  /** Locked after the idle time (or by hand): the booth shows the operator switch. */
  lock(): void;
}

export const SessionContext = createContext<Session>({ actor: null, signIn: () => undefined, lock: () => undefined });

export function useSession(): Session {
  return useContext(SessionContext);
}

export function useActor(): Actor | null {
  return useContext(SessionContext).actor;
}


function readStored(dbName: string): Stored | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(sessionStorageKey(dbName)) ?? 'null') as Partial<Stored> | null;
    const a = v?.actor;
    if (v && typeof v.shiftId === 'string' && a && typeof a.name === 'string' && (ROLES as readonly string[]).includes(a.role)) return { shiftId: v.shiftId, actor: { name: a.name, role: a.role } };
  } catch {
    // A damaged entry is nobody signed in.
  }
  return null;
}

function writeStored(dbName: string, s: Stored | null): void {
  try {
    if (s) sessionStorage.setItem(sessionStorageKey(dbName), storedSession(s.shiftId, s.actor));
    else sessionStorage.removeItem(sessionStorageKey(dbName));
  } catch {
    // Storage refused: the session still holds in memory.
  }
}

/** How often the idle time is compared with the clock (Playwright's clock drives it in the e2e). */
const IDLE_CHECK_MS = 5_000;

export function SessionProvider({ shiftId, idleLockMinutes, children }: { shiftId: string | null; idleLockMinutes: number; children: ReactNode }) {
  const db = useDb();
  const [stored, setStored] = useState<Stored | null>(() => readStored(db.name));
  const actor = stored && stored.shiftId === shiftId ? stored.actor : null;
  const lastInput = useRef(Date.now());

  const signIn = useCallback(
    (a: Actor, forShift: string) => {
      const next = { shiftId: forShift, actor: { name: a.name, role: a.role } };
      lastInput.current = Date.now();
      writeStored(db.name, next);
      setStored(next);
    },
    [db],
  );
  const lock = useCallback(() => {
    writeStored(db.name, null);
    setStored(null);
  }, [db]);

  // Any key, click or scroll is activity; capture phase, so a dialog that stops a key still counts.
  useEffect(() => {
    const touch = () => {
      lastInput.current = Date.now();
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (!actor) return;
    const limit = idleLockMinutes * 60_000;
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastInput.current < limit) return;
      // The draft is on disk already (db/boothDraft.ts): locking loses nothing typed.
      lock();
      void recordLock(db, actor, idleLockMinutes, now).catch((e: unknown) => console.error('[lock audit]', e));
    }, IDLE_CHECK_MS);
    return () => clearInterval(timer);
  }, [actor, idleLockMinutes, db, lock]);

  const value = useMemo<Session>(() => ({ actor, signIn, lock }), [actor, signIn, lock]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
