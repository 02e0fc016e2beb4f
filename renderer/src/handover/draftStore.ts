import { useCallback, useState } from 'react';
import { emptyHandoverDraft, type HandoverDraft } from '../../../shared/shift/handoverForm';

// Handover notes typed but not yet confirmed, per shift, for the life of the page: closing the
// dialog, visiting the supervisor view and coming back never loses them. (A reload does: the
// notes are a few lines, and storing unconfirmed drafts would blur what was handed over.)
const drafts = new Map<string, HandoverDraft>();

export function useHandoverDraft(shiftId: string): [HandoverDraft, (d: HandoverDraft) => void] {
  const [draft, setDraft] = useState<HandoverDraft>(() => drafts.get(shiftId) ?? emptyHandoverDraft());
  const update = useCallback(
    (d: HandoverDraft) => {
      drafts.set(shiftId, d);
      setDraft(d);
    },
    [shiftId],
  );
  return [draft, update];
}
