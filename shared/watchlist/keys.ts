// The match keys of a listed person or vehicle: the same normalisers the booth form uses, so a
// value typed at the window and the same value on a list give the same key.
import { normalizeDocNumber } from '../residentId';
import { normalizePlate } from '../plate';
import { validatePhone } from '../phone';
import { watchKey } from './model';

export interface ListedValues {
  idNumber: string;
  plate: string;
  phone: string;
}

/** Values as a list or the county wrote them → the stored, normalised values. */
export function normalizeListed(raw: { idNumber: string; plate: string; phone: string }): ListedValues {
  const phone = raw.phone.trim() === '' ? '' : (() => {
    const p = validatePhone(raw.phone);
    return p.ok ? p.phone : raw.phone.replace(/\D/g, '');
  })();
  return { idNumber: normalizeDocNumber(raw.idNumber), plate: normalizePlate(raw.plate), phone };
}

export function entryKeys(v: ListedValues): string[] {
  const keys: string[] = [];
  if (v.idNumber) keys.push(watchKey('id', v.idNumber));
  if (v.plate) keys.push(watchKey('plate', v.plate));
  if (v.phone) keys.push(watchKey('phone', v.phone));
  return keys;
}
