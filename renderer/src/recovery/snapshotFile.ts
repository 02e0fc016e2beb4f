// A snapshot the operator can carry away (download) or bring back (upload).
import { encodeSnapshot } from '../../../shared/journal';
import type { Result } from '../../../shared/result';
import type { SaveOutcome } from '../../../shared/ipc';
import type { JournalStore } from '../db/journal';
import { rebuildFromStore } from '../db/recovery';
import { getPlatform } from '../platform/platform';
import { dayKey } from '../db';

/** Builds a snapshot from the journal + stored snapshots (not from IndexedDB, which may be the broken part). */
export async function downloadSnapshot(store: JournalStore, dbName: string): Promise<Result<SaveOutcome>> {
  const rebuilt = await rebuildFromStore(store);
  if (!rebuilt.ok) return rebuilt;
  const text = encodeSnapshot(rebuilt.value.data, rebuilt.value.mark?.seq ?? 0, Date.now());
  const name = `卡口快照-${dbName.replace(/[^\w-]/g, '_')}-${dayKey(Date.now())}.jsonl`;
  return getPlatform().saveFile({ suggestedName: name, kind: 'jsonl', data: new TextEncoder().encode(text) });
}
