// The rules for an incident record (妨害防疫检查、冲关逃逸、暴力抗法…), used by the incident dialog
// (messages next to the fields) and by storage (renderer/src/db/incidents.ts), so both refuse the
// same input. An incident is a police record: what happened is always required, whatever its
// kind — the kind alone says nothing a later reader can act on.
import type { ValidationCode } from './messages';
import type { IncidentKind } from './model';
import { normalizePlate } from './plate';

export interface IncidentDraft {
  kind: IncidentKind;
  plate: string;
  description: string;
}

/** Longer text is refused, not cut: the handover sheet keeps every word. */
export const INCIDENT_DESCRIPTION_MAX = 500;
export const INCIDENT_VOID_REASON_MAX = 200;

export type IncidentErrors = Partial<Record<'description', ValidationCode>>;

export function validateIncident(d: IncidentDraft): IncidentErrors {
  const text = d.description.trim();
  if (text === '') return { description: 'incident.descriptionRequired' };
  if ([...text].length > INCIDENT_DESCRIPTION_MAX) return { description: 'name.tooLong' };
  return {};
}

/** The stored form of a valid draft's fields. */
export function incidentFields(d: IncidentDraft): IncidentDraft {
  return { kind: d.kind, plate: normalizePlate(d.plate), description: d.description.trim() };
}

/** Voiding keeps the record and needs a reason (as for a vehicle). */
export function validateIncidentVoid(reason: string): ValidationCode | undefined {
  const text = reason.trim();
  if (text === '') return 'incident.voidReasonRequired';
  if ([...text].length > INCIDENT_VOID_REASON_MAX) return 'name.tooLong';
  return undefined;
}
