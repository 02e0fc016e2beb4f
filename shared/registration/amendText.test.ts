import { describe, expect, it } from 'vitest';
import { changeLabel, changeValue, changesText, formatChange, formatChanges } from './amendText';

describe('the one amendment formatter', () => {
  it('names fields by their Chinese or English label, never by internal name', () => {
    expect(changeLabel('origin', 'zh')).toBe('来自何地');
    expect(changeLabel('origin', 'en')).toBe('Coming from');
    expect(changeLabel('persons[1].docNumber', 'zh')).toBe('人员2 证件号码');
    expect(changeLabel('persons[0].first', 'zh')).toBe('人员1 初测体温');
    expect(changeLabel('persons[0].first', 'en')).toBe('Person 1 First reading');
    expect(changeLabel('persons[0]', 'zh')).toBe('人员1');
  });

  it('writes values in words: codes as labels, readings in ℃ with the method, IDs and phones masked', () => {
    expect(changeValue('persons[0].docNumber', '34052419800101001X', 'zh')).toBe('340524********001X');
    expect(changeValue('persons[0].phone', '13812345678', 'zh')).toBe('138****5678');
    expect(changeValue('disposition', 'turnedBack', 'zh')).toBe('劝返');
    expect(changeValue('persons[0].disposition', 'feverClinic', 'en')).toBe('Sent to fever clinic');
    expect(changeValue('vehicleType', 'truck', 'zh')).toBe('货车');
    expect(changeValue('persons[0].docType', 'hkMacauPermit', 'zh')).toBe('港澳居民来往内地通行证');
    expect(changeValue('persons[0].recheck', { celsius: 37.85, method: 'mercuryAxillary', at: 1 }, 'zh')).toBe('37.9 ℃（水银腋温）');
    expect(changeValue('persons[0].first', { celsius: 36.5, method: 'infrared', at: 1 }, 'en')).toBe('36.5 ℃ (Infrared)');
    expect(changeValue('persons[0].symptoms', ['cough', 'fatigue'], 'zh')).toBe('咳嗽、乏力');
    expect(changeValue('keyAreaReasons', ['plate:鄂', 'origin:武汉'], 'zh')).toBe('车牌 鄂、来自 武汉');
    expect(changeValue('keyAreaReasons', [], 'zh')).toBe('（空）');
    expect(changeValue('inspected', true, 'en')).toBe('Yes');
  });

  it('masks an ID or phone typed into free text (remarks, local contact), nothing else', () => {
    expect(changeValue('remarks', '司机电话 137-1234-5678，体温 37.5', 'zh')).toBe('司机电话 137-****-5678，体温 37.5');
    expect(changeValue('localContact', '母亲 13312345678', 'zh')).toBe('母亲 133****5678');
    expect(changeValue('persons[0].remarks', '证 34052419800101001X', 'zh')).toBe('证 340524********001X');
    expect(changeValue('destination', '南江县城关镇 3 组', 'zh')).toBe('南江县城关镇 3 组');
  });

  it('shows 字段：旧值 → 新值, one formatter for every language', () => {
    expect(formatChange('origin', ['', '温州'], 'zh')).toBe('来自何地：（空） → 温州');
    expect(formatChange('origin', ['成都', '温州'], 'en')).toBe('Coming from: 成都 → 温州');
    expect(formatChanges({ disinfected: [false, true], 'persons[1]': ['李四', null] }, 'zh')).toEqual(['消毒：否 → 是', '人员2：李四 → （空）']);
    expect(changesText({ disinfected: [false, true], 'persons[0].name': ['张三', '张叁'] }, 'zh')).toBe('消毒：否 → 是；人员1 姓名：张三 → 张叁');
  });

  it('never prints raw JSON for anything the booth records', () => {
    const line = changesText(
      {
        'persons[0].first': [{ celsius: 36.5, method: 'infrared', at: 1 }, { celsius: 38.1, method: 'infrared', at: 2 }],
        'persons[0].recheck': [null, { celsius: 38.0, method: 'mercuryAxillary', at: 3 }],
        keyAreaReasons: [[], ['origin:温州']],
      },
      'zh',
    );
    expect(line).toBe('人员1 初测体温：36.5 ℃（红外） → 38.1 ℃（红外）；人员1 复测体温：（空） → 38.0 ℃（水银腋温）；重点地区依据：（空） → 来自 温州');
    expect(line).not.toMatch(/[{}"]/);
  });
});
