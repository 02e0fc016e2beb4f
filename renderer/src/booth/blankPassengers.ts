import type { OccupantDraft, VehicleDraft } from '../../../shared/registration';

/** Nothing typed for this person (choices left at their defaults do not count). */
export function occupantIsBlank(o: OccupantDraft): boolean {
  return [o.name, o.docNumber, o.phone, o.temp, o.recheckTemp, o.remarks].every((s) => s.trim() === '') && o.symptoms.length === 0;
}

/**
 * Enter after a person's temperature adds the next person, so a vehicle often ends with an empty
 * line the operator never meant to fill. Such trailing empty lines are not people: they are left
 * out of validation and of the saved record. The driver's line always stays (it is required), and
 * an empty line between two people is kept so its "required" message points at it.
 */
export function withoutBlankPassengers(d: VehicleDraft): VehicleDraft {
  let n = d.occupants.length;
  while (n > 1 && occupantIsBlank(d.occupants[n - 1] as OccupantDraft)) n--;
  return n === d.occupants.length ? d : { ...d, occupants: d.occupants.slice(0, n) };
}
