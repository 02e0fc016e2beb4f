import { describe, expect, it } from 'vitest';
import { normalisePin, pinBackoffMs, validatePin } from './pin';
import { shiftMembers } from './shiftRoles';

describe('PIN rules', () => {
  it('accepts 4–6 digits (full-width too) and refuses anything else', () => {
    for (const ok of ['1234', '123456', '１２３４']) expect(validatePin(ok)).toBeUndefined();
    expect(normalisePin('１２３４')).toBe('1234');
    expect(validatePin('')).toBe('pin.required');
    for (const bad of ['123', '1234567', '12a4', '12 34']) expect(validatePin(bad)).toBe('pin.format');
  });

  it('waits only after three wrong PINs, doubling, capped at five minutes', () => {
    expect([0, 1, 2].map(pinBackoffMs)).toEqual([0, 0, 0]);
    expect(pinBackoffMs(3)).toBe(30_000);
    expect(pinBackoffMs(4)).toBe(60_000);
    expect(pinBackoffMs(20)).toBe(300_000);
  });
});

describe('shift roles', () => {
  it('the lead is lead, a health worker health, everyone else staff; each name once, lead first', () => {
    const members = shiftMembers({
      leadName: '岳阳',
      staff: [
        { name: '王医生', unit: 'health' },
        { name: '岳阳', unit: 'police' },
        { name: '李警官', unit: 'auxiliary' },
      ],
    });
    expect(members).toEqual([
      { name: '岳阳', role: 'lead' },
      { name: '王医生', role: 'health' },
      { name: '李警官', role: 'staff' },
    ]);
  });
});
