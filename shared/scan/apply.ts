// A routed scan applied to the registration draft: pure, so the form only renders the result.
import { emptyOccupant, type VehicleDraft } from '../registration';
import type { ScanFormView, ScanRoute } from './route';

/** The form as routeScan sees it: each person's name, ID and phone, and the focused person. */
export function scanView(draft: VehicleDraft, focusedIndex?: number): ScanFormView {
  return { occupants: draft.occupants.map((o) => ({ name: o.name, docNumber: o.docNumber, phone: o.phone })), focusedIndex };
}

/**
 * The draft after a plate or person scan (a 'focused' text route changes the focused field and is
 * applied where the caret is). A scanned ID is a resident ID: the person's document type follows.
 */
export function draftWithScan(draft: VehicleDraft, route: ScanRoute, newKey: () => string): VehicleDraft {
  if (route.to === 'plate') return { ...draft, plateInput: route.plate, plateConfirmed: false };
  if (route.to === 'focused') return draft;
  const occupants = route.added ? [...draft.occupants, emptyOccupant(newKey(), draft.occupants.length === 0 ? 'driver' : 'passenger')] : draft.occupants;
  return {
    ...draft,
    occupants: occupants.map((o, i) => (i === route.index ? { ...o, ...route.set, ...(route.set.docNumber !== undefined ? { docType: 'residentId' as const } : {}) } : o)),
  };
}
