// One sync run: push the outbox batch by batch, each acknowledged before the next is read, then
// pull the county's settings and the watchlists that changed. A failed push leaves the cursor where it was, so the same records
// go again next time (the county stores each once). Runs beside the booth's work: it only reads
// records in short bounded transactions and never holds a lock a save waits for.
import { fail, type Bilingual, type Result } from '../../../shared/result';
import type { CountyDown, CountyWatchEntry, PushOutcome, SyncBatch, WatchEntriesRequest } from '../../../shared/sync/batch';
// From limits, not batch.ts: batch.ts loads zod, whose start-up eval probe the production CSP refuses.
import { WATCH_PAGE_MAX } from '../../../shared/sync/limits';
import { acknowledgeBatch, applyCountyDown, nextOutboxBatch, readSyncState, recordSyncFailure, refusedBatch } from '../db/outbox';
import { applyCountyWatchlist, retireCountyWatchlists, watchlistsToFetch } from '../db/countyWatchlists';
import { dayKey, type CheckpointDB } from '../db';

export interface SyncTransport {
  push(batch: SyncBatch): Promise<Result<PushOutcome>>;
  pull(): Promise<Result<CountyDown>>;
  watchEntries(req: WatchEntriesRequest): Promise<Result<CountyWatchEntry[]>>;
}

export interface SyncRunOptions {
  checkpoint: string;
  now?: () => number;
  maxVehicles?: number;
  /** Stop after this many batches (the next run continues); a catch-up yields between runs. */
  maxBatches?: number;
}

export interface SyncRunResult {
  batches: number;
  stored: number;
  duplicates: number;
  refused: number;
  /** Nothing left to send. */
  done: boolean;
  error: Bilingual | null;
  settingsChanged: boolean;
  /** County watchlists stored anew in this run. */
  watchlistsUpdated: number;
}

export async function syncOnce(db: CheckpointDB, transport: SyncTransport, opts: SyncRunOptions): Promise<SyncRunResult> {
  const now = opts.now ?? Date.now;
  const out: SyncRunResult = { batches: 0, stored: 0, duplicates: 0, refused: 0, done: false, error: null, settingsChanged: false, watchlistsUpdated: 0 };
  const maxBatches = opts.maxBatches ?? Number.POSITIVE_INFINITY;
  while (out.batches < maxBatches) {
    const state = await readSyncState(db);
    const next = await nextOutboxBatch(db, state.cursor, { checkpoint: opts.checkpoint, today: dayKey(now()), ...(opts.maxVehicles ? { maxVehicles: opts.maxVehicles } : {}) });
    if (!next) {
      out.done = true;
      break;
    }
    let r: Result<PushOutcome>;
    try {
      r = await transport.push(next.batch);
    } catch (e) {
      r = fail('sync.failed', `同步失败：${String(e)}`, `Sync failed: ${String(e)}`);
    }
    if (!r.ok) {
      out.error = r.error.message;
      await recordSyncFailure(db, r.error.message, now());
      return out;
    }
    await acknowledgeBatch(db, next.next, next.batch, r.value.refused, now());
    out.batches++;
    out.stored += r.value.stored;
    out.duplicates += r.value.duplicates;
    out.refused += r.value.refused.length;
    if (!next.more) {
      out.done = true;
      break;
    }
  }
  if (out.done) {
    const down = await transport.pull();
    if (down.ok) {
      out.settingsChanged = await applyCountyDown(db, down.value);
      const lists = await pullWatchlists(db, transport, down.value, now);
      if (lists.ok) out.watchlistsUpdated = lists.value;
      else {
        out.error = lists.error.message;
        await recordSyncFailure(db, lists.error.message, now());
      }
    } else {
      out.error = down.error.message;
      await recordSyncFailure(db, down.error.message, now());
    }
  }
  return out;
}

/**
 * 再次发送: the refused records go once more, as they are now. Those the county accepts leave the
 * refused list; those it refuses again stay with the new reason. The outbox cursor is untouched.
 */
export async function sendRefusedAgain(db: CheckpointDB, transport: SyncTransport, opts: Pick<SyncRunOptions, 'checkpoint' | 'now'>): Promise<Result<PushOutcome | null>> {
  const now = opts.now ?? Date.now;
  const batch = await refusedBatch(db, opts.checkpoint);
  if (!batch) return { ok: true, value: null };
  let r: Result<PushOutcome>;
  try {
    r = await transport.push(batch);
  } catch (e) {
    r = fail('sync.failed', `同步失败：${String(e)}`, `Sync failed: ${String(e)}`);
  }
  if (!r.ok) {
    await recordSyncFailure(db, r.error.message, now());
    return r;
  }
  const { cursor } = await readSyncState(db);
  await acknowledgeBatch(db, cursor, batch, r.value.refused, now());
  return r;
}

/**
 * Fetches every changed county list page by page, then stores it whole: a link that drops
 * half-way leaves the booth's previous version of the list in force, and the next run retries.
 */
async function pullWatchlists(db: CheckpointDB, transport: SyncTransport, down: CountyDown, now: () => number): Promise<Result<number>> {
  await retireCountyWatchlists(db, down.watchlists ?? [], now());
  let stored = 0;
  for (const head of await watchlistsToFetch(db, down.watchlists ?? [])) {
    const entries: CountyWatchEntry[] = [];
    for (let after = ''; ; ) {
      const page = await transport.watchEntries({ listId: head.id, after, limit: WATCH_PAGE_MAX });
      if (!page.ok) return page;
      entries.push(...page.value);
      const last = page.value[page.value.length - 1];
      if (!last || page.value.length < WATCH_PAGE_MAX) break;
      after = last.id;
    }
    await applyCountyWatchlist(db, head, entries, now());
    stored++;
  }
  return { ok: true, value: stored };
}
