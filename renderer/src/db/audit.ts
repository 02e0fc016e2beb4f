// The audit trail's storage: append one entry (chained to the newest, journaled like every other
// write), read a filtered page (administrators only), check the whole chain. There is no update or
// delete here, and none anywhere else: the trail is append-only by construction, and
// checkAuditChain() finds any row changed or removed behind the app's back — including the newest
// ones, which the chain alone cannot see, by comparing with the head kept in the journal.
import Dexie from 'dexie';
import type { CheckpointDB as CheckpointLike } from './db';
import { chainEntry, verifyChain, type AuditEntry, type AuditInput, type ChainCheck, type AuditAction } from '../../../shared/audit/model';
import { can, type Actor } from '../../../shared/privacy/roles';
import { lastMark, ZERO_COUNTS, type AuditHead, type JournalEntry, type JournalMark } from '../../../shared/journal';
import { fail, ok, type Result } from '../../../shared/result';
import { appendJournal, JOURNAL_MARK_KEY, readMark, stampJournal, writeMark } from './journal';

/** Inside a rw transaction holding db.settings: the journal line for `entry`, and the new audit head in the mark. */
async function stampAudit(db: CheckpointLike, entry: AuditEntry): Promise<JournalEntry> {
  const je = await stampJournal(db, 'audit', { audit: [entry] });
  const audit: AuditHead = { seq: entry.seq, hash: entry.hash };
  await writeMark(db, { seq: je.seq, counts: je.counts, audit });
  return { ...je, audit };
}

/**
 * The journal line for an entry appended inside a transaction without db.settings. Dexie's own
 * promise chain (no native await inside the transaction: started from a timer, a native await
 * would let the transaction commit early).
 */
function followUp(db: CheckpointLike, entry: AuditEntry): Promise<void> {
  return db
    .transaction('rw', db.settings, () =>
      db.settings.get(JOURNAL_MARK_KEY).then((row) => {
        const mark = (row?.value as JournalMark | undefined) ?? { seq: 0, counts: ZERO_COUNTS };
        const next: JournalMark = { seq: mark.seq + 1, counts: mark.counts, audit: { seq: entry.seq, hash: entry.hash } };
        return db.settings.put({ key: JOURNAL_MARK_KEY, value: next }).then((): JournalEntry => ({ ...next, at: Date.now(), op: 'audit', put: { audit: [entry] } }));
      }),
    )
    .then((l) => appendJournal(db, l))
    .catch(() => undefined); // the row is stored; checkAuditChain reads the trail itself
}

/**
 * Appends one entry. Called inside the caller's write transaction when the audited change is a
 * write (the entry and the change commit together or not at all): include `db.audit` (and
 * `db.settings`, which every journaled write has already) in that transaction's scope and Dexie
 * joins it; otherwise this opens its own. The entry's journal line is appended once the
 * transaction has committed; on its own, this resolves only after that line is flushed.
 */
export async function appendAudit(db: CheckpointLike, input: AuditInput): Promise<AuditEntry> {
  const outer = Dexie.currentTransaction;
  const joined = !!outer && outer.active && outer.storeNames.includes('audit');
  // A caller's transaction without db.settings cannot stamp the journal: a short follow-up does.
  const stampHere = !joined || outer.storeNames.includes('settings');
  let line: JournalEntry | undefined;
  const entry = await db.transaction('rw', stampHere ? [db.audit, db.settings] : [db.audit], async () => {
    const prev = await db.audit.orderBy('seq').last();
    const e = chainEntry(prev, input);
    await db.audit.add(e);
    if (stampHere) line = await stampAudit(db, e);
    return e;
  });
  if (!joined) {
    if (line) await appendJournal(db, line);
    return entry;
  }
  outer.idbtrans.addEventListener('complete', () => {
    if (line) {
      void appendJournal(db, line);
      return;
    }
    // A fresh task, outside the finished transaction's event and zone.
    setTimeout(() => void followUp(db, entry), 0);
  });
  return entry;
}

export interface AuditQuery {
  action?: AuditAction;
  actor?: string;
  /** Inclusive time range; newest first. */
  from?: number;
  to?: number;
  limit: number;
  /** Paging: only entries older than this one (by time, then seq) — the last row of the page before. */
  before?: { at: number; seq: number };
}

/** The most a page may hold (the viewer asks for 50; an export reads page after page). */
export const AUDIT_PAGE_MAX = 1000;

const refused = () => fail<never>('audit.refused', '只有管理员可以查看审计记录', 'Only an administrator may view the audit trail');

/**
 * A page of the trail, newest first, through one of the v10 indexes and bounded by `limit`.
 * Refused unless the actor may view the audit trail (the screen hides the button too, but the
 * rule is enforced here). With both an action and an operator, the action index bounds the read
 * and the operator filters it.
 */
export async function listAudit(db: CheckpointLike, actor: Actor | null | undefined, q: AuditQuery): Promise<Result<AuditEntry[]>> {
  if (!can(actor, 'viewAudit')) return refused();
  const limit = Math.max(1, Math.min(q.limit, AUDIT_PAGE_MAX));
  const from = q.from ?? 0;
  // `before` pages by time: entries at the same millisecond are told apart by seq below.
  const to = Math.min(q.to ?? Number.MAX_SAFE_INTEGER, q.before?.at ?? Number.MAX_SAFE_INTEGER);
  const keep = (e: AuditEntry) => (!q.before || e.at < q.before.at || e.seq < q.before.seq) && (!q.actor || !q.action || e.actor === q.actor);
  const coll = q.action
    ? db.audit.where('[action+at]').between([q.action, from], [q.action, to], true, true)
    : q.actor
      ? db.audit.where('[actor+at]').between([q.actor, from], [q.actor, to], true, true)
      : db.audit.where('at').between(from, to, true, true);
  const rows = await coll.reverse().filter(keep).limit(limit).toArray();
  // Same millisecond: newest (highest seq) first, so paging by (at, seq) never skips one.
  return ok(rows.sort((a, b) => b.at - a.at || b.seq - a.seq));
}

/** The operators named in the trail (for the viewer's filter), read through the [actor+at] index a name at a time. */
export async function auditActors(db: CheckpointLike, actor: Actor | null | undefined, max = 200): Promise<Result<string[]>> {
  if (!can(actor, 'viewAudit')) return refused();
  const names: string[] = [];
  let last: string | undefined;
  while (names.length < max) {
    const next: AuditEntry | undefined = await (last === undefined ? db.audit.orderBy('[actor+at]') : db.audit.where('[actor+at]').above([last, Number.MAX_SAFE_INTEGER])).first();
    if (!next) break;
    names.push(next.actor);
    last = next.actor;
  }
  return ok(names);
}

/**
 * The newest audit entry the trail must reach: the head kept in the journal's last line (outside
 * IndexedDB) or in IndexedDB's own journal mark, whichever is further on.
 */
async function auditAnchor(db: CheckpointLike): Promise<AuditHead | undefined> {
  let anchor = (await readMark(db))?.audit;
  const tail = db.journal ? await db.journal.tail() : undefined;
  const fromJournal = tail?.ok ? lastMark(tail.value)?.audit : undefined;
  if (fromJournal && (!anchor || fromJournal.seq > anchor.seq)) anchor = fromJournal;
  return anchor;
}

/**
 * Reads the trail in seq order, a page at a time (bounded memory), and checks every link; then
 * checks that the trail reaches the head recorded in the journal, so deleting the newest entries
 * is found too.
 */
export async function checkAuditChain(db: CheckpointLike, pageSize = 5000): Promise<ChainCheck> {
  let prev: AuditEntry | undefined;
  let count = 0;
  for (;;) {
    const page = await db.audit
      .where('seq')
      .above(prev?.seq ?? 0)
      .limit(pageSize)
      .toArray();
    if (page.length === 0) break;
    const check = verifyChain(page, prev);
    if (!check.ok) return check;
    count += page.length;
    prev = page[page.length - 1];
  }
  const anchor = await auditAnchor(db);
  if (anchor) {
    if ((prev?.seq ?? 0) < anchor.seq) return { ok: false, seq: (prev?.seq ?? 0) + 1, problem: 'missing' };
    const atAnchor = prev && prev.seq === anchor.seq ? prev : await db.audit.get(anchor.seq);
    if (atAnchor && atAnchor.hash !== anchor.hash) return { ok: false, seq: anchor.seq, problem: 'edited' };
  }
  return { ok: true, count };
}
