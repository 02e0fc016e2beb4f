import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './model';
import { formatMessage } from './messages';
import { settingsDraft, validateSettings, type SettingsDraft } from './settings';

const TODAY = '2020-02-17';
const current = { ...DEFAULT_SETTINGS, checkpoint: '南江南卡点' };
const draft = (p: Partial<SettingsDraft>): SettingsDraft => ({ ...settingsDraft(current), ...p });
const errorsOf = (p: Partial<SettingsDraft>) => {
  const r = validateSettings(draft(p), current, TODAY);
  return r.ok ? {} : r.errors;
};

describe('validateSettings: settings have their own rules and words', () => {
  it('takes a good draft as it is', () => {
    const r = validateSettings(draft({ feverLine: '37.2', homeProvince: ' 鄂 ' }), current, TODAY);
    expect(r).toEqual({ ok: true, settings: { ...current, feverLine: 37.2, homeProvince: '鄂' } });
  });

  it('a fever line of 36.9 is out of the settable range — not a mistyped reading', () => {
    const e = errorsOf({ feverLine: '36.9' }).feverLine;
    expect(e).toEqual({ code: 'settings.feverLineRange', params: { min: '37.0', max: '38.5' } });
    const text = formatMessage(e!.code, 'zh', e!.params);
    expect(text).toBe('发热标准应在 37.0–38.5 ℃ 之间');
    expect(text).not.toContain('34.0');
  });

  it('99.5 names its Celsius value, no placeholder left unfilled', () => {
    const e = errorsOf({ feverLine: '99.5' }).feverLine;
    expect(e?.code).toBe('settings.feverLineFahrenheit');
    const zh = formatMessage(e!.code, 'zh', e!.params);
    expect(zh).toBe('这像是华氏度（约 37.5 ℃），发热标准请填摄氏度');
    expect(formatMessage(e!.code, 'en', e!.params)).not.toMatch(/[{}]/);
  });

  it('a bad home province says what a province is, with no plate-confirmation box to tick', () => {
    for (const homeProvince of ['', 'A', '川A', '四川']) {
      const e = errorsOf({ homeProvince }).homeProvince;
      expect(e?.code).toBe('settings.homeProvince');
      expect(formatMessage(e!.code, 'zh')).not.toMatch(/勾选|确认/);
    }
  });

  it('empty and non-numeric fever lines, long names and bad key-area lines each have their message', () => {
    expect(errorsOf({ feverLine: '' }).feverLine?.code).toBe('settings.feverLineEmpty');
    expect(errorsOf({ feverLine: 'abc' }).feverLine?.code).toBe('settings.feverLineNotNumber');
    expect(errorsOf({ checkpoint: '卡'.repeat(41) }).checkpoint?.code).toBe('settings.checkpointTooLong');
    expect(errorsOf({ keyAreas: '湖北,2020-01-23\n温州,2020-13-01' }).keyAreas).toEqual({ code: 'settings.keyAreaLine', lines: [{ line: 2, code: 'keyArea.badDate' }] });
  });
});

describe('idle lock (access)', () => {
  it('takes whole minutes 1–60 (full-width digits too) and refuses anything else with its own message', () => {
    for (const [text, minutes] of [['5', 5], ['１０', 10], ['60', 60]] as const) {
      const r = validateSettings({ ...settingsDraft(DEFAULT_SETTINGS), idleLockMinutes: text }, DEFAULT_SETTINGS, '2020-02-01');
      expect(r.ok && r.settings.idleLockMinutes).toBe(minutes);
    }
    for (const text of ['0', '61', '2.5', '', '五']) {
      const r = validateSettings({ ...settingsDraft(DEFAULT_SETTINGS), idleLockMinutes: text }, DEFAULT_SETTINGS, '2020-02-01');
      expect(!r.ok && r.errors.idleLockMinutes?.code).toBe('settings.idleLock');
    }
    expect(formatMessage('settings.idleLock', 'zh', { min: 1, max: 60 })).toBe('自动锁屏时间须为 1–60 分钟的整数');
  });
});
