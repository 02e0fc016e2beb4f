// The audit trail's row and its hash chain (issue: privacy). Each entry's hash covers the previous
// entry's hash and the entry's own content, so deleting or editing any stored entry breaks the
// chain at that point and verifyChain() says where. Pure: the same code checks the chain in the
// renderer, in main and in tests.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../journal/hash';
import type { Role } from '../privacy/roles';

export const AUDIT_ACTIONS = [
  'create',
  'correct',
  'void',
  'recheck',
  'export',
  'print',
  'import',
  'reveal',
  'search',
  'signIn',
  'signOut',
  'lock',
  'settings',
  'purge',
  'watchlistImport',
  'watchlistRetire',
  'watchHit',
  'watchResolve',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a caller supplies; seq, prevHash and hash are filled in by the storage layer. */
export interface AuditInput {
  at: number;
  /** The signed-in operator's name, or 'system' for start-up jobs (the retention purge). */
  actor: string;
  role: Role | 'system';
  action: AuditAction;
  /** What it was about: a record id, a file name, a search text's kind — never a full ID number. */
  target?: string;
  /** Action-specific facts: { masked: true }, { reason }, { before, after } for corrections, counts. */
  detail?: Record<string, unknown>;
}

export interface AuditEntry extends AuditInput {
  /** 1, 2, 3 … with no gaps: a missing number is a deleted entry. */
  seq: number;
  prevHash: string;
  hash: string;
}

/** The chain's anchor: the first entry's prevHash. */
export const AUDIT_GENESIS = '0'.repeat(64);

export function auditHash(prevHash: string, entry: AuditInput & { seq: number }): string {
  const { seq, at, actor, role, action, target, detail } = entry;
  const text = prevHash + '\n' + canonicalJson({ seq, at, actor, role, action, target, detail });
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function chainEntry(prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined, input: AuditInput): AuditEntry {
  const seq = (prev?.seq ?? 0) + 1;
  const prevHash = prev?.hash ?? AUDIT_GENESIS;
  return { ...input, seq, prevHash, hash: auditHash(prevHash, { ...input, seq }) };
}

export type ChainCheck =
  | { ok: true; count: number }
  | { ok: false; seq: number; problem: 'edited' | 'missing' | 'relinked' };

/** Entries in seq order (the whole trail, or a run of it starting after `prev`). */
export function verifyChain(entries: readonly AuditEntry[], prev?: Pick<AuditEntry, 'seq' | 'hash'>): ChainCheck {
  let last = prev;
  for (const e of entries) {
    const expectedSeq = (last?.seq ?? 0) + 1;
    if (e.seq !== expectedSeq) return { ok: false, seq: expectedSeq, problem: 'missing' };
    if (e.prevHash !== (last?.hash ?? AUDIT_GENESIS)) return { ok: false, seq: e.seq, problem: 'relinked' };
    if (auditHash(e.prevHash, e) !== e.hash) return { ok: false, seq: e.seq, problem: 'edited' };
    last = e;
  }
  return { ok: true, count: entries.length };
}
