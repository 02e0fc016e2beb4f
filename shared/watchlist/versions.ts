// A newer version of a list meets the stored one. An entry is the same entry across versions when
// it shares an ID, plate or phone key with it: it keeps its id, status and resolutions (a person
// already checked off stays checked off). `replace` marks stored entries the new version no longer
// lists as current = 0 (kept for the reconciliation sheet); `add` only adds and updates.
// Pure, so the dialog shows the counts before storing and storage applies the same plan.
import type { WatchEntry } from './model';
import type { ParsedEntry } from './rows';

export type VersionMode = 'replace' | 'add';

export interface VersionCounts {
  /** New entries, and entries a former version had dropped that are listed again. */
  added: number;
  /** Current entries a replace no longer lists (kept with current = 0). */
  removed: number;
  /** Listed again exactly as stored. */
  unchanged: number;
  /** Listed again with a changed name, number, origin or note. */
  updated: number;
}

export interface VersionPlan {
  /** Rows to write (unchanged entries are left as they are). */
  put: WatchEntry[];
  counts: VersionCounts;
}

const FIELDS = ['name', 'idNumber', 'phone', 'plate', 'origin', 'note'] as const;

function sameContent(a: WatchEntry, b: Pick<WatchEntry, (typeof FIELDS)[number] | 'keys'>): boolean {
  return FIELDS.every((f) => a[f] === b[f]) && a.keys.length === b.keys.length && a.keys.every((k) => b.keys.includes(k));
}

/**
 * `existing`: every stored entry of the list (current or not). `newId` makes an id for a new entry.
 * For a brand-new list pass no existing entries: everything is added.
 */
export function planVersion(existing: readonly WatchEntry[], incoming: readonly ParsedEntry[], mode: VersionMode, listId: string, newId: () => string): VersionPlan {
  const byKey = new Map<string, WatchEntry[]>();
  for (const e of existing) {
    for (const k of e.keys) {
      const list = byKey.get(k);
      if (list) list.push(e);
      else byKey.set(k, [e]);
    }
  }
  const claimed = new Set<string>();
  const counts: VersionCounts = { added: 0, removed: 0, unchanged: 0, updated: 0 };
  const put: WatchEntry[] = [];
  for (const p of incoming) {
    // The stored entry sharing a key, a current one first; each stored entry matches once.
    let match: WatchEntry | undefined;
    for (const k of p.keys) {
      for (const e of byKey.get(k) ?? []) {
        if (claimed.has(e.id)) continue;
        if (!match || (e.current === 1 && match.current === 0)) match = e;
      }
    }
    if (!match) {
      put.push({ id: newId(), listId, ...p, keys: [...p.keys], status: 'open', resolutions: [], current: 1 });
      counts.added++;
      continue;
    }
    claimed.add(match.id);
    // Adding to a list never forgets a number it had: keys accumulate. A replace lists exactly the new keys.
    const keys = mode === 'add' ? [...match.keys, ...p.keys.filter((k) => !match.keys.includes(k))] : [...p.keys];
    const next: WatchEntry = { ...match, ...p, keys, current: 1 };
    if (match.current === 0) {
      counts.added++;
      put.push(next);
    } else if (sameContent(match, next)) {
      counts.unchanged++;
    } else {
      counts.updated++;
      put.push(next);
    }
  }
  if (mode === 'replace') {
    for (const e of existing) {
      if (e.current === 1 && !claimed.has(e.id)) {
        put.push({ ...e, current: 0 });
        counts.removed++;
      }
    }
  }
  return { put, counts };
}
