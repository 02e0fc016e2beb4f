import { describe, expect, it } from 'vitest';
import { INCIDENT_DESCRIPTION_MAX, incidentFields, validateIncident, validateIncidentVoid } from './incident';

describe('incident rules', () => {
  it('require a description for every kind, and refuse (never cut) an over-long one', () => {
    for (const kind of ['obstruction', 'evasion', 'other'] as const) {
      expect(validateIncident({ kind, plate: '', description: '  ' })).toEqual({ description: 'incident.descriptionRequired' });
    }
    expect(validateIncident({ kind: 'evasion', plate: '', description: '冲卡' })).toEqual({});
    expect(validateIncident({ kind: 'evasion', plate: '', description: '字'.repeat(INCIDENT_DESCRIPTION_MAX + 1) })).toEqual({ description: 'name.tooLong' });
  });

  it('store a trimmed description and a normalised plate', () => {
    expect(incidentFields({ kind: 'evasion', plate: ' 鄂a·12345 ', description: ' 冲卡 ' })).toEqual({ kind: 'evasion', plate: '鄂A12345', description: '冲卡' });
  });

  it('need a reason to void', () => {
    expect(validateIncidentVoid(' ')).toBe('incident.voidReasonRequired');
    expect(validateIncidentVoid('误报')).toBeUndefined();
  });
});
