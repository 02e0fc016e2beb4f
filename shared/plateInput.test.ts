import { describe, expect, it } from 'vitest';
import { classifyPlate } from './plate';
import { expandPlateInput, previewPlateInput } from './plateInput';

describe('expandPlateInput: Chinese first character', () => {
  it.each([
    ['鄂A12345', '鄂A12345'],
    ['  鄂ａ·１２３４５ ', '鄂A12345'],
    ['川a-12345', '川A12345'],
    ['粤Z1234港', '粤Z1234港'],
    ['使123456', '使123456'],
    ['湖北', '湖北'],
  ])('%j → %s, no candidates', (raw, plate) => {
    expect(expandPlateInput(raw, '川')).toEqual({ plate, candidates: [] });
  });
});

describe('expandPlateInput: letters and digits only take the home province', () => {
  it.each([
    ['a12345', '川', '川A12345'],
    ['A12345', '渝', '渝A12345'],
    ['AD12345', '川', '川AD12345'],
    ['a12345d', '川', '川A12345D'],
    ['ａ１２３４５', '川', '川A12345'],
    ['  a12345  ', '川', '川A12345'],
    ['a-12345', '川', '川A12345'],
    ['a·12345', '川', '川A12345'],
    ['a1', '川', '川A1'],
    ['a', '川', '川A'],
    ['1234', '川', '川1234'],
    ['chuan', '鄂', '鄂CHUAN'], // no separator yet: not a quick key
    ['EA12345', '川', 'EA12345'], // a military shape that is no valid plate with the home province
  ])('%j (home %s) → %s', (raw, home, plate) => {
    const homeAdded = plate.startsWith(home) ? { homeAdded: home } : {};
    expect(expandPlateInput(raw, home)).toEqual({ plate, candidates: [], ...homeAdded });
  });

  it.each([[''], ['   '], ['\u3000']])('%j stays empty', (raw) => {
    expect(expandPlateInput(raw, '川')).toEqual({ plate: '', candidates: [] });
  });
});

describe('expandPlateInput: pinyin quick key', () => {
  it.each([
    ['e a12345', '鄂A12345', ['鄂'], 'e'],
    ['E A12345', '鄂A12345', ['鄂'], 'e'],
    ['e.a12345', '鄂A12345', ['鄂'], 'e'],
    ['e,a12345', '鄂A12345', ['鄂'], 'e'],
    ['e/a12345', '鄂A12345', ['鄂'], 'e'],
    ['ｅ　ａ１２３４５', '鄂A12345', ['鄂'], 'e'],
    ['e a-12345', '鄂A12345', ['鄂'], 'e'],
    ['yue b12345', '粤B12345', ['粤'], 'yue'],
    ['yue z1234港', '粤Z1234港', ['粤'], 'yue'],
    ['chuan a1', '川A1', ['川'], 'chuan'],
    ['chuan ', '川', ['川'], 'chuan'],
    ['chuan ad12345', '川AD12345', ['川'], 'chuan'],
    ['c a12345', '川A12345', ['川'], 'c'],
    ['shaan a12345', '陕A12345', ['陕'], 'shaan'],
    ['sh a12345', '陕A12345', ['陕'], 'sh'],
    ['s a12345', '苏A12345', ['苏', '陕'], 's'],
    ['su a12345', '苏A12345', ['苏'], 'su'],
    ['jing a12345', '京A12345', ['京'], 'jing'],
    ['hu a12345', '沪A12345', ['沪'], 'hu'],
    ['h a12345', '沪A12345', ['沪', '黑'], 'h'],
    ['xin a12345', '新A12345', ['新'], 'xin'],
    ['x2 a12345', '新A12345', ['湘', '新'], 'x'],
    ['zang a12345', '藏A12345', ['藏'], 'zang'],
    ['q2 a12345', '琼A12345', ['青', '琼'], 'q'],
    ['e 12345', '鄂12345', ['鄂'], 'e'], // partial/odd body: previewed, classified unknown later
  ])('%j → %s', (raw, plate, candidates, quickKey) => {
    expect(expandPlateInput(raw, '川')).toEqual({ plate, candidates, quickKey });
  });

  it.each([
    ['yu a12345', '渝A12345', ['渝', '豫', '云', '粤']],
    ['yu1 a12345', '渝A12345', ['渝', '豫', '云', '粤']],
    ['yu2 a12345', '豫A12345', ['渝', '豫', '云', '粤']],
    ['yu3 a12345', '云A12345', ['渝', '豫', '云', '粤']],
    ['yu4 a12345', '粤A12345', ['渝', '豫', '云', '粤']],
    ['jin a12345', '津A12345', ['津', '晋', '京']],
    ['jin2 a12345', '晋A12345', ['津', '晋', '京']],
    ['jin3 a12345', '京A12345', ['津', '晋', '京']],
    ['gan a12345', '赣A12345', ['赣', '甘']],
    ['gan2 a12345', '甘A12345', ['赣', '甘']],
    ['gui a12345', '桂A12345', ['桂', '贵']],
    ['gui2 a12345', '贵A12345', ['桂', '贵']],
    ['ji a12345', '冀A12345', ['冀', '吉', '京', '津', '晋']],
    ['ji2 a12345', '吉A12345', ['冀', '吉', '京', '津', '晋']],
    ['j a12345', '京A12345', ['京', '津', '冀', '晋', '吉']],
    ['g a12345', '赣A12345', ['赣', '桂', '甘', '贵']],
    ['m2 a12345', '闽A12345', ['蒙', '闽']],
    ['l a12345', '辽A12345', ['辽', '鲁']],
    ['y a12345', '渝A12345', ['渝', '豫', '云', '粤']],
    ['yun a12345', '云A12345', ['云']],
    ['n a12345', '宁A12345', ['宁']],
    ['z a12345', '浙A12345', ['浙', '藏']],
  ])('ambiguous %j → %s, candidates %j', (raw, plate, candidates) => {
    const r = expandPlateInput(raw, '川');
    expect(r.plate).toBe(plate);
    expect(r.candidates).toEqual(candidates);
  });

  it('a digit past the candidate list picks nothing', () => {
    expect(expandPlateInput('gan3 a12345', '川')).toEqual({ plate: 'GAN3A12345', candidates: ['赣', '甘'], quickKey: 'gan' });
    expect(classifyPlate(expandPlateInput('gan3 a12345', '川').plate).valid).toBe(false);
  });

  it.each([
    ['b a12345', 'BA12345'],
    ['shan a12345', 'SHANA12345'],
    ['zhou a12345', 'ZHOUA12345'],
    ['hubei a12345', 'HUBEIA12345'],
  ])('unknown quick key %j → %s, no candidates', (raw, plate) => {
    expect(expandPlateInput(raw, '川')).toEqual({ plate, candidates: [] });
  });
});

describe('expandPlateInput: armed police and military plates pass unchanged', () => {
  it.each([
    ['WJ12345', 'WJ12345'],
    ['wj12345', 'WJ12345'],
    ['wj 12345', 'WJ12345'],
    ['WJ川12345', 'WJ川12345'],
    ['wj川12345', 'WJ川12345'],
    ['VA12345', 'VA12345'],
    ['va 12345', 'VA12345'],
    ['ka-12345', 'KA12345'],
    ['yu 12345', 'YU12345'], // keyed plate 渝12345 is invalid, the whole is a military shape
  ])('%j → %s', (raw, plate) => {
    const r = expandPlateInput(raw, '川');
    expect(r).toEqual({ plate, candidates: [] });
    expect(classifyPlate(r.plate).valid).toBe(true);
  });

  it('a valid keyed plate wins over a military shape', () => {
    // 'e a12345' normalises to EA12345, which is also two letters and five digits.
    expect(expandPlateInput('e a12345', '川').plate).toBe('鄂A12345');
  });
});

describe('previewPlateInput: what every plate field shows and what needs the confirmation tick', () => {
  it('a Hubei plate typed without its space is a military shape: it needs the tick, with no key-area province', () => {
    const p = previewPlateInput('ea12345', '川');
    expect(p).toMatchObject({ plate: 'EA12345', confirm: 'rare', info: { kind: 'military' } });
    expect(p.info.province).toBeUndefined();
    expect(p.homeAdded).toBeUndefined();
  });

  it('armed-police shapes need the tick too; ordinary and keyed plates do not', () => {
    expect(previewPlateInput('WJ川12345', '川').confirm).toBe('rare');
    expect(previewPlateInput('e a12345', '川').plate).toBe('鄂A12345');
    expect(previewPlateInput('e a12345', '川').confirm).toBeUndefined();
    expect(previewPlateInput('临A1234', '川').confirm).toBe('unknown');
    expect(previewPlateInput('', '川').confirm).toBeUndefined();
  });

  it('says when the home province was put in front of a bare plate', () => {
    expect(previewPlateInput('a12345', '川')).toMatchObject({ plate: '川A12345', homeAdded: '川' });
    expect(previewPlateInput('川A12345', '川').homeAdded).toBeUndefined();
    expect(previewPlateInput('yue b12345', '川').homeAdded).toBeUndefined();
  });
});
