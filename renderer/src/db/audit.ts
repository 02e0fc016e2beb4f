// The audit trail's storage: append one entry (chained to the newest), read a filtered page,
// check the whole chain. There is no update or delete here, and none anywhere else: the trail is
// append-only by construction, and verifyChain() finds any row changed behind the app's back.
import type { CheckpointDB as CheckpointLike } from './db';
import { chainEntry, verifyChain, type AuditEntry, type AuditInput, type ChainCheck, type AuditAction } from '../../../shared/audit/model';


/**
 * Appends one entry. Called inside the caller's write transaction when the audited change is a
 * write (the entry and the change commit together or not at all): include `db.audit` in that
 * transaction's scope and Dexie joins it; otherwise this opens its own.
 */
export async function appendAudit(db: CheckpointLike, input: AuditInput): Promise<AuditEntry> {
  return db.transaction('rw', db.audit, async () => {
    const prev = await db.audit.orderBy('seq').last();
    const entry = chainEntry(prev, input);
    await db.audit.add(entry);
    return entry;
  });
}

export interface AuditQuery {
  action?: AuditAction;
  actor?: string;
  /** Inclusive time range; newest first. */
  from?: number;
  to?: number;
  limit: number;
}

/** A page of the trail, newest first, through one of the v10 indexes and bounded by `limit`. */
export async function listAudit(db: CheckpointLike, q: AuditQuery): Promise<AuditEntry[]> {
  const from = q.from ?? 0;
  const to = q.to ?? Number.MAX_SAFE_INTEGER;
  if (q.action) {
    return db.audit.where('[action+at]').between([q.action, from], [q.action, to], true, true).reverse().limit(q.limit).toArray();
  }
  if (q.actor) {
    return db.audit.where('[actor+at]').between([q.actor, from], [q.actor, to], true, true).reverse().limit(q.limit).toArray();
  }
  return db.audit.where('at').between(from, to, true, true).reverse().limit(q.limit).toArray();
}

/** Reads the trail in seq order, a page at a time (bounded memory), and checks every link. */
export async function checkAuditChain(db: CheckpointLike, pageSize = 5000): Promise<ChainCheck> {
  let prev: AuditEntry | undefined;
  let count = 0;
  for (;;) {
    const page = await db.audit
      .where('seq')
      .above(prev?.seq ?? 0)
      .limit(pageSize)
      .toArray();
    if (page.length === 0) return { ok: true, count };
    const check = verifyChain(page, prev);
    if (!check.ok) return check;
    count += page.length;
    prev = page[page.length - 1];
  }
}
