import { describe, expect, it } from 'vitest';
import { MESSAGES, formatMessage, type ValidationCode } from './messages';

// Every code another module can return; a new code without a message fails the first test.
const ALL_CODES: ValidationCode[] = [
  'id.empty', 'id.length', 'id.chars', 'id.checksum', 'id.birth', 'id.area', 'id.excelMangled',
  'doc.empty', 'doc.format',
  'phone.empty', 'phone.format',
  'temp.empty', 'temp.notNumber', 'temp.implausible', 'temp.fahrenheit',
  'plate.empty', 'plate.unknown', 'plate.rare',
  'required', 'name.tooLong', 'recheck.required', 'disposition.feverRequired',
  'keyArea.inspectRequired', 'keyArea.disinfectRequired',
  'keyArea.nameEmpty', 'keyArea.badDate', 'keyArea.badRange',
  'settings.checkpointTooLong', 'settings.homeProvince', 'settings.feverLineEmpty', 'settings.feverLineNotNumber',
  'settings.feverLineRange', 'settings.feverLineFahrenheit', 'settings.keyAreaLine', 'settings.retentionDays', 'settings.idleLock',
  'text.invisible',
  // incidents (shared/incident.ts)
  'incident.descriptionRequired', 'incident.voidReasonRequired',
  // opening a shift (shared/shift/openShift.ts)
  'shift.checkpointRequired', 'shift.nameRequired', 'shift.leadRequired', 'shift.staffRequired', 'shift.staffTooMany',
  'pin.required', 'pin.format', 'pin.mismatch',
];

describe('MESSAGES', () => {
  it('has exactly the known codes', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...ALL_CODES].sort());
  });

  it.each(ALL_CODES)('%s has a short Chinese and an English text', (code) => {
    const { zh, en } = MESSAGES[code];
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(en).toMatch(/^[\x20-\x7E°–—“”’]+$/);
    expect(zh.length).toBeLessThanOrEqual(40);
    expect(en.length).toBeLessThanOrEqual(110);
  });

  it.each(ALL_CODES)('%s uses the same placeholders in both languages', (code) => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(MESSAGES[code].zh)).toEqual(names(MESSAGES[code].en));
  });
});

describe('formatMessage', () => {
  it.each<[ValidationCode, 'zh' | 'en', Record<string, string | number> | undefined, string]>([
    ['id.checksum', 'zh', undefined, '身份证号校验位不对，请核对后重输'],
    ['id.checksum', 'en', undefined, 'ID check digit is wrong — re-check the number'],
    ['temp.fahrenheit', 'zh', { c: '37.0' }, '这像是华氏度，是否为 37.0 ℃？'],
    ['temp.fahrenheit', 'en', { c: '37.0' }, 'This looks like Fahrenheit — did you mean 37.0 °C?'],
    ['name.tooLong', 'zh', { max: 40 }, '内容太长，最多 40 个字'],
    ['name.tooLong', 'en', { max: 40 }, 'Too long — at most 40 characters'],
    ['recheck.required', 'zh', { line: '37.3' }, '体温达到 37.3 ℃，请复测后填写复测体温'],
    ['plate.unknown', 'en', { plate: '川A1234临' }, 'Plate 川A1234临 has an unknown format: check it; if it is right, tick the box below'],
    ['temp.fahrenheit', 'zh', { other: 1 }, '这像是华氏度，是否为 {c} ℃？'], // a missing value stays visible
    ['temp.fahrenheit', 'zh', undefined, '这像是华氏度，是否为 {c} ℃？'],
    ['required', 'zh', { c: 'x' }, '此项必填'],
    ['recheck.required', 'en', { line: 0 }, 'Reading at or above 0 °C — recheck and enter the second reading'],
  ])('%s (%s, %j)', (code, locale, params, expected) => {
    expect(formatMessage(code, locale, params)).toBe(expected);
  });
});
