// The retention purge runs at start-up and then daily (checked hourly, so a PC that slept or a
// clock moved on catches up within the hour). It does nothing until an administrator has confirmed
// the first run (RetentionDialog). One run at a time.
import { useEffect } from 'react';
import { getRetention, runPurge } from '../db/retention';
import type { CheckpointDB } from '../db/db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function purgeIfDue(db: CheckpointDB, now = Date.now()): Promise<void> {
  const state = await getRetention(db);
  if (state.confirmedAt === undefined) return;
  if (state.lastRunAt !== undefined && now - state.lastRunAt < DAY && now >= state.lastRunAt) return;
  await runPurge(db, 'system', now);
}

export function usePurgeSchedule(db: CheckpointDB): void {
  useEffect(() => {
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      purgeIfDue(db)
        .catch((e: unknown) => console.error('[retention purge]', e))
        .finally(() => {
          running = false;
        });
    };
    tick();
    const timer = setInterval(tick, HOUR);
    return () => clearInterval(timer);
  }, [db]);
}
