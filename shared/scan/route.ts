// Where a scan goes on the registration form, whatever field had focus: a resident ID to a
// person's ID field (the current person's if it is still empty, else the next person without an
// ID, else a new person), a plate to the plate, a QR code's person to that person's fields, other
// text to the focused field as if typed there.
import type { ScanPayload } from './payload';

export interface ScanPersonView {
  name: string;
  docNumber: string;
  phone: string;
}

export interface ScanFormView {
  occupants: readonly ScanPersonView[];
  /** The person whose line has focus, if any. */
  focusedIndex?: number | undefined;
}

export type ScanRoute =
  | { to: 'plate'; plate: string }
  /** `index` may be one past the last person: the form adds a person first. */
  | { to: 'person'; index: number; added: boolean; set: Partial<ScanPersonView>; focus: 'docNumber' | 'name' }
  | { to: 'focused'; text: string };

const same = (a: string, b: string) => a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase();

/** The first person, from the focused one on (then from the top), whose `field` is empty. */
function firstEmpty(view: ScanFormView, field: 'docNumber' | 'name'): number | undefined {
  const n = view.occupants.length;
  const start = view.focusedIndex !== undefined && view.focusedIndex < n ? view.focusedIndex : 0;
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (view.occupants[i]?.[field].trim() === '') return i;
  }
  return undefined;
}

export function routeScan(payload: ScanPayload, view: ScanFormView): ScanRoute {
  switch (payload.kind) {
    case 'plate':
      return { to: 'plate', plate: payload.plate };
    case 'text':
      return { to: 'focused', text: payload.text };
    case 'residentId':
    case 'person': {
      const id = payload.id;
      const name = payload.kind === 'person' ? payload.name : undefined;
      const phone = payload.kind === 'person' ? payload.phone : undefined;
      // The same ID scanned twice lands on the person who has it, never on a second line.
      const already = id === undefined ? -1 : view.occupants.findIndex((o) => same(o.docNumber, id));
      const found = already >= 0 ? already : firstEmpty(view, id !== undefined ? 'docNumber' : 'name');
      const index = found ?? view.occupants.length;
      const current = view.occupants[index];
      const set: Partial<ScanPersonView> = {};
      if (id !== undefined) set.docNumber = id;
      // A scanned name or phone fills an empty field; what the booth typed is never overwritten.
      if (name !== undefined && (current === undefined || current.name.trim() === '')) set.name = name;
      if (phone !== undefined && (current === undefined || current.phone.trim() === '')) set.phone = phone;
      return { to: 'person', index, added: found === undefined, set, focus: id !== undefined ? 'docNumber' : 'name' };
    }
  }
}
