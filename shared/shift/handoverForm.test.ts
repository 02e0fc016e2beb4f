import { describe, expect, it } from 'vitest';
import { emptyHandoverDraft, handoverNotes, validateHandover } from './handoverForm';

describe('handover form', () => {
  it('requires the receiving lead and their confirmation, nothing else', () => {
    const d = emptyHandoverDraft();
    expect(validateHandover(d)).toEqual({ receivingLead: 'receivingLeadRequired', confirmed: 'confirmRequired' });
    expect(validateHandover({ ...d, receivingLead: '  ' }).receivingLead).toBe('receivingLeadRequired');
    expect(validateHandover({ ...d, receivingLead: '赵队', confirmed: true })).toEqual({});
  });

  it('refuses text too long for the sheet', () => {
    const d = { ...emptyHandoverDraft(), receivingLead: '赵队', confirmed: true, masks: 'x'.repeat(61), pending: 'y'.repeat(2000) };
    expect(validateHandover(d)).toEqual({ masks: 'tooLong' });
  });

  it('builds trimmed notes stamped with the confirmation time', () => {
    const d = {
      pending: ' 鄂A12345 同车人员需回访 ',
      thermometers: '3 支',
      masks: '200 只',
      disinfectant: '2 桶',
      suits: '5 套',
      equipment: '测温枪电量低 ',
      receivingLead: ' 赵队 ',
      confirmed: true,
    };
    expect(handoverNotes(d, 42)).toEqual({
      pending: '鄂A12345 同车人员需回访',
      supplies: { thermometers: '3 支', masks: '200 只', disinfectant: '2 桶', suits: '5 套' },
      equipment: '测温枪电量低',
      receivingLead: '赵队',
      receivedConfirmedAt: 42,
    });
  });

});
