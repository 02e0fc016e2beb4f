import { describe, expect, it } from 'vitest';
import type { PlateKind } from './model';
import { classifyPlate, normalizePlate, toHalfWidth } from './plate';

describe('toHalfWidth', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['ａｂｃ', 'abc'],
    ['３６．５', '36.5'],
    ['\u3000x\u3000', ' x '],
    ['！～', '!~'],
    ['鄂Ａ', '鄂A'],
    ['abc 123', 'abc 123'],
  ])('%j → %j', (raw, expected) => {
    expect(toHalfWidth(raw)).toBe(expected);
  });
});

describe('normalizePlate', () => {
  it.each([
    ['  鄂ａ·１２３４５ ', '鄂A12345'],
    ['川a-12345', '川A12345'],
    ['川A 12345', '川A12345'],
    ['川A\u300012345', '川A12345'],
    ['川A•12345', '川A12345'],
    ['川A.12345', '川A12345'],
    ['川A．12345', '川A12345'],
    ['川A_12345', '川A12345'],
    ['川A－12345', '川A12345'],
    ['川A\t1234\n5', '川A12345'],
    ['粤z1234港', '粤Z1234港'],
    ['wj川12345', 'WJ川12345'],
    ['', ''],
    ['  ', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePlate(raw)).toBe(expected);
  });
});

describe('classifyPlate', () => {
  it.each<[string, string, PlateKind, string | undefined]>([
    // raw, normalised plate, kind, province
    ['  鄂ａ·１２３４５ ', '鄂A12345', 'ordinary', '鄂'],
    ['川a-12345', '川A12345', 'ordinary', '川'],
    ['川AB1234', '川AB1234', 'ordinary', '川'],
    ['京N8P8Z8', '京N8P8Z8', 'ordinary', '京'],
    ['川ABCDEF', '川ABCDEF', 'ordinary', '川'],
    ['川A1234挂', '川A1234挂', 'trailer', '川'],
    ['川A1234学', '川A1234学', 'drivingSchool', '川'],
    ['川A1234警', '川A1234警', 'police', '川'],
    ['粤Z1234港', '粤Z1234港', 'hkMacau', '粤'],
    ['粤Z1234澳', '粤Z1234澳', 'hkMacau', '粤'],
    ['沪A1234领', '沪A1234领', 'consulate', '沪'],
    ['使123456', '使123456', 'embassy', undefined],
    ['使12345', '使12345', 'embassy', undefined],
    ['川AD12345', '川AD12345', 'newEnergy', '川'],
    ['川AF12345', '川AF12345', 'newEnergy', '川'],
    ['川ADA1234', '川ADA1234', 'newEnergy', '川'],
    ['川A12345D', '川A12345D', 'newEnergy', '川'],
    ['川A12345F', '川A12345F', 'newEnergy', '川'],
    ['WJ川12345', 'WJ川12345', 'armedPolice', '川'],
    ['WJ12345', 'WJ12345', 'armedPolice', undefined],
    ['wj 12345', 'WJ12345', 'armedPolice', undefined],
    ['WJ京1234消', 'WJ京1234消', 'armedPolice', '京'],
    ['VA12345', 'VA12345', 'military', undefined],
    ['ka·12345', 'KA12345', 'military', undefined],
  ])('%j → %s %s', (raw, plate, kind, province) => {
    const info = classifyPlate(raw);
    expect(info).toEqual({ plate, kind, valid: true, ...(province ? { province } : {}) });
  });

  it.each<[string, string | undefined]>([
    ['', undefined],
    ['   ', undefined],
    ['ABC', undefined],
    ['A12345', undefined],
    ['12345', undefined],
    ['川I12345', '川'], // I is never used
    ['川O12345', '川'], // O is never used
    ['川AI2345', '川'],
    ['川A1234O', '川'],
    ['川112345', '川'], // second place must be a letter
    ['川A1234', '川'], // too short
    ['川A123456', '川'], // 8 chars, not new energy
    ['川AB12345', '川'], // 8 chars, B is not D/F
    ['川AD1234A', '川'], // small new energy ends in 4 digits
    ['川A1234DD', '川'],
    ['川A12345X', '川'],
    ['川AD123456', '川'],
    ['川A12345挂', '川'], // suffix plates have 4 before the suffix
    ['川A123挂', '川'],
    ['川A1234临', '川'], // temporary and other suffixes: unknown, but the province still counts
    ['鄂A临1234', '鄂'],
    ['港A1234', undefined],
    ['使1234', undefined],
    ['使1234567', undefined],
    ['WJ1234', undefined],
    ['WJ123456', undefined],
    ['WJ港12345', undefined],
    ['V123456', undefined],
    ['VA1234', undefined],
    ['VAB1234', undefined],
    ['ABC-1234', undefined],
    ['A川12345', undefined],
  ])('%j is unknown (province %s)', (raw, province) => {
    const info = classifyPlate(raw);
    expect(info.kind).toBe('unknown');
    expect(info.valid).toBe(false);
    expect(info.province).toBe(province);
    expect(info.plate).toBe(normalizePlate(raw));
  });

  it('accepts every province character', () => {
    const kinds = [...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'].map((c) => classifyPlate(`${c}A12345`));
    expect(kinds.every((i) => i.kind === 'ordinary' && i.province === i.plate.charAt(0))).toBe(true);
  });
});
