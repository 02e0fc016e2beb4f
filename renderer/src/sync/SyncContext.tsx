// Runs county sync in the background and tells the top bar how it stands. A run reads the
// outbox in short, bounded transactions and hands batches to main; saves never wait for it.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Bilingual } from '../../../shared/result';
import type { SyncStatus } from '../../../shared/sync/batch';
import { countRefused, countWaiting, readSyncState } from '../db/outbox';
import { useDb } from '../runtime/dbContext';
import { getPlatform } from '../platform/platform';
import { sendRefusedAgain, syncOnce, type SyncRunResult, type SyncTransport } from './engine';

/** How often a configured booth tries; a catch-up sends this many batches per run, then yields. */
const INTERVAL_MS = 60_000;
const BATCHES_PER_RUN = 20;

export interface SyncView {
  status: SyncStatus | null;
  lastSyncAt: number | null;
  lastError: Bilingual | null;
  waiting: number;
  refused: number;
  /** null until the first attempt. */
  reachable: boolean | null;
  running: boolean;
  lastRun: SyncRunResult | null;
  syncNow(): Promise<void>;
  /** 再次发送 the refused records; resolves to how many the county refused again (null: failed). */
  sendAgain(): Promise<number | null>;
  setStatus(s: SyncStatus): void;
}

function platformTransport(): SyncTransport {
  const platform = getPlatform();
  return { push: (b) => platform.syncPush(b), pull: () => platform.syncPull(), watchEntries: (r) => platform.syncWatchEntries(r) };
}

const SyncCtx = createContext<SyncView | null>(null);

export function useSync(): SyncView | null {
  return useContext(SyncCtx);
}

export function SyncProvider({ children }: { children: ReactNode }) {
  const db = useDb();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [running, setRunning] = useState(false);
  const [reachable, setReachable] = useState<boolean | null>(null);
  const [lastRun, setLastRun] = useState<SyncRunResult | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    void getPlatform()
      .syncStatus()
      .then((r) => {
        if (live && r.ok) setStatus(r.value);
      });
    return () => {
      live = false;
    };
  }, []);

  // Only a station set up for sync counts what waits (the count walks an index at every save).
  const configured = status?.configured === true;
  const counts = useLiveQuery(async () => {
    const state = await readSyncState(db);
    return { state, waiting: configured ? await countWaiting(db, state.cursor) : 0, refused: await countRefused(db) };
  }, [db, configured]);

  const checkpoint = status?.configured && status.setup ? status.setup.checkpoint : null;
  const syncNow = useCallback(async () => {
    // A supervisor's account (no checkpoint) only reads the county.
    if (busy.current || checkpoint === null || checkpoint === '') return;
    busy.current = true;
    setRunning(true);
    try {
      const r = await syncOnce(db, platformTransport(), { checkpoint, maxBatches: BATCHES_PER_RUN });
      setLastRun(r);
      setReachable(r.error === null || r.batches > 0);
    } finally {
      busy.current = false;
      setRunning(false);
    }
  }, [db, checkpoint]);

  const sendAgain = useCallback(async (): Promise<number | null> => {
    if (busy.current || checkpoint === null || checkpoint === '') return null;
    busy.current = true;
    setRunning(true);
    try {
      const r = await sendRefusedAgain(db, platformTransport(), { checkpoint });
      setReachable(r.ok);
      return r.ok ? (r.value?.refused.length ?? 0) : null;
    } finally {
      busy.current = false;
      setRunning(false);
    }
  }, [db, checkpoint]);

  useEffect(() => {
    if (checkpoint === null || checkpoint === '') return;
    void syncNow();
    const timer = setInterval(() => void syncNow(), INTERVAL_MS);
    return () => clearInterval(timer);
  }, [checkpoint, syncNow]);

  const value = useMemo<SyncView>(
    () => ({
      status,
      lastSyncAt: counts?.state.lastSyncAt ?? null,
      lastError: counts?.state.lastError ?? null,
      waiting: counts?.waiting ?? 0,
      refused: counts?.refused ?? 0,
      reachable,
      running,
      lastRun,
      syncNow,
      sendAgain,
      setStatus,
    }),
    [status, counts, reachable, running, lastRun, syncNow, sendAgain],
  );
  return <SyncCtx.Provider value={value}>{children}</SyncCtx.Provider>;
}
