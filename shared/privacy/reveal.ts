// Revealing a full ID / phone (查看完整证件号码): per record, by role (`can(actor, 'reveal')`), with
// a stated reason, for a short time, audited. The rules live here so the dialog and the storage
// function (renderer/src/db/privacy.ts, which refuses on its own) check the same things.

/** How long a revealed value stays on screen before it is masked again. */
export const REVEAL_SECONDS = 30;
export const REVEAL_MS = REVEAL_SECONDS * 1000;

/** The reasons offered; 'other' needs a typed reason. */
export const REVEAL_REASONS = ['feverReferral', 'identityCheck', 'healthDept', 'other'] as const;
export type RevealReasonKind = (typeof REVEAL_REASONS)[number];

/** Longest typed reason (it goes into every audit entry). */
export const REVEAL_REASON_MAX = 100;
/** Shortest typed reason for 'other': two characters (两个汉字) say something. */
export const REVEAL_REASON_MIN = 2;

export interface RevealReason {
  kind: RevealReasonKind;
  /** Typed text: required for 'other', optional words added to a chosen reason. */
  text: string;
}

export type RevealReasonCode = 'reveal.reasonRequired' | 'reveal.reasonTooLong' | 'reveal.reasonUnknown';

export function validateRevealReason(r: RevealReason): RevealReasonCode | null {
  if (!(REVEAL_REASONS as readonly string[]).includes(r.kind)) return 'reveal.reasonUnknown';
  const text = r.text.trim();
  if ([...text].length > REVEAL_REASON_MAX) return 'reveal.reasonTooLong';
  if (r.kind === 'other' && [...text].length < REVEAL_REASON_MIN) return 'reveal.reasonRequired';
  return null;
}

/** What the audit entry stores: the chosen reason's code and the typed words (never the value). */
export function revealAuditDetail(r: RevealReason): { reason: RevealReasonKind; reasonText: string } {
  return { reason: r.kind, reasonText: r.text.trim() };
}
