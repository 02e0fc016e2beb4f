// Snapshot file names and which ones to keep: one rule for the desktop folder and the browser's
// Origin Private File System.
import type { SnapshotInfo, SnapshotKind } from '../ipc';
import { SNAPSHOT_NAME } from './names';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const snapshotName = (kind: SnapshotKind, seq: number, at: number) => `${kind}-${pad(seq, 10)}-${pad(at, 13)}.jsonl`;

export function parseSnapshotName(name: string): { kind: SnapshotKind; seq: number; at: number } | undefined {
  if (!SNAPSHOT_NAME.test(name)) return undefined;
  const [kind, seq, at] = name.replace('.jsonl', '').split('-');
  return { kind: kind as SnapshotKind, seq: Number(seq), at: Number(at) };
}

export interface KeepRule {
  /** The newest N rolling snapshots. */
  rolling: number;
  /** One per closed shift, the newest N (older shifts remain in the journal itself). */
  shift: number;
}
export const DEFAULT_KEEP: KeepRule = { rolling: 5, shift: 14 };

/** Names to delete: all but the newest N rolling, N shift, 1 baseline and 1 restore snapshot. */
export function snapshotsToDelete(all: readonly SnapshotInfo[], rule: KeepRule = DEFAULT_KEEP): string[] {
  const keep = new Set<string>();
  const newest = (kind: SnapshotKind, n: number) =>
    all
      .filter((s) => s.kind === kind)
      .sort((a, b) => b.seq - a.seq || b.name.localeCompare(a.name))
      .slice(0, n)
      .forEach((s) => keep.add(s.name));
  newest('rolling', rule.rolling);
  newest('shift', rule.shift);
  newest('baseline', 1);
  newest('restore', 1);
  return all.filter((s) => !keep.has(s.name)).map((s) => s.name);
}
