// The close-shift form's rules, pure: what the outgoing lead types (pending matters, supplies on
// hand, equipment state), who takes over, and that the receiving lead confirmed. The counts are
// never typed: they come from the records (shared/shift/summary.ts). The close-shift dialog
// shows these errors next to the fields; storage (closeShift) refuses notes that break them.
import type { HandoverNotes } from '../model';
import type { StringKey } from '../i18n/strings';

export interface HandoverDraft {
  pending: string;
  thermometers: string;
  masks: string;
  disinfectant: string;
  suits: string;
  equipment: string;
  receivingLead: string;
  /** The receiving lead has checked the summary and takes over. */
  confirmed: boolean;
}

export const emptyHandoverDraft = (): HandoverDraft => ({
  pending: '',
  thermometers: '',
  masks: '',
  disinfectant: '',
  suits: '',
  equipment: '',
  receivingLead: '',
  confirmed: false,
});

export const TEXT_FIELDS = ['pending', 'thermometers', 'masks', 'disinfectant', 'suits', 'equipment', 'receivingLead'] as const;
export type HandoverTextField = (typeof TEXT_FIELDS)[number];
export type HandoverField = HandoverTextField | 'confirmed';

/** Lengths a handover sheet cell and a printed A4 page can hold. */
export const MAX_LENGTH: Record<HandoverTextField, number> = {
  pending: 2000,
  thermometers: 60,
  masks: 60,
  disinfectant: 60,
  suits: 60,
  equipment: 500,
  receivingLead: 40,
};

export type HandoverErrorCode = 'receivingLeadRequired' | 'confirmRequired' | 'tooLong';
export type HandoverErrors = Partial<Record<HandoverField, HandoverErrorCode>>;

export function validateHandover(d: HandoverDraft): HandoverErrors {
  const errors: HandoverErrors = {};
  for (const f of TEXT_FIELDS) if (d[f].trim().length > MAX_LENGTH[f]) errors[f] = 'tooLong';
  if (d.receivingLead.trim() === '') errors.receivingLead = 'receivingLeadRequired';
  // The receiving lead's confirmation is part of the handover, not a formality: without it the
  // shift stays open.
  if (!d.confirmed) errors.confirmed = 'confirmRequired';
  return errors;
}

/** The notes stored on the closed shift; `now` is when the receiving lead confirmed. */
export function handoverNotes(d: HandoverDraft, now: number): HandoverNotes {
  return {
    pending: d.pending.trim(),
    supplies: {
      thermometers: d.thermometers.trim(),
      masks: d.masks.trim(),
      disinfectant: d.disinfectant.trim(),
      suits: d.suits.trim(),
    },
    equipment: d.equipment.trim(),
    receivingLead: d.receivingLead.trim(),
    receivedConfirmedAt: now,
  };
}

/** The words for an error, as a catalogue key and its placeholders (the dialog and storage say the same). */
export function handoverErrorText(field: HandoverField, code: HandoverErrorCode): { key: StringKey; params?: Record<string, number> } {
  if (code === 'tooLong') return { key: 'handoverTooLong', params: { max: field === 'confirmed' ? 0 : MAX_LENGTH[field] } };
  return { key: code === 'receivingLeadRequired' ? 'handoverReceivingLeadRequired' : 'handoverConfirmRequired' };
}

/**
 * The same rules over the notes closeShift receives. The confirmation itself is the dialog's
 * gesture (its time is stored as receivedConfirmedAt); storage checks what it can: the receiving
 * lead and the lengths.
 */
export function validateHandoverNotes(n: HandoverNotes): HandoverErrors {
  const { confirmed: _gesture, ...errors } = validateHandover({
    pending: n.pending,
    thermometers: n.supplies.thermometers,
    masks: n.supplies.masks,
    disinfectant: n.supplies.disinfectant,
    suits: n.supplies.suits,
    equipment: n.equipment,
    receivingLead: n.receivingLead,
    confirmed: true,
  });
  return errors;
}
