import { describe, expect, it } from 'vitest';
import { ID_REGION_NAMES, PROVINCE_CHARS, PROVINCES, provinceByChar, provinceByIdCode, provinceByName } from './provinces';

describe('PROVINCES', () => {
  it('has one entry per plate character, in PROVINCE_CHARS order', () => {
    expect(PROVINCES.map((p) => p.char).join('')).toBe(PROVINCE_CHARS);
    expect(PROVINCES).toHaveLength(31);
  });

  it('has unique ID codes and names', () => {
    expect(new Set(PROVINCES.map((p) => p.idCode)).size).toBe(31);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(31);
  });

  it.each([
    ['京', '11', '北京', 'jing'], ['津', '12', '天津', 'jin'], ['冀', '13', '河北', 'ji'], ['晋', '14', '山西', 'jin'],
    ['蒙', '15', '内蒙古', 'meng'], ['辽', '21', '辽宁', 'liao'], ['吉', '22', '吉林', 'ji'], ['黑', '23', '黑龙江', 'hei'],
    ['沪', '31', '上海', 'hu'], ['苏', '32', '江苏', 'su'], ['浙', '33', '浙江', 'zhe'], ['皖', '34', '安徽', 'wan'],
    ['闽', '35', '福建', 'min'], ['赣', '36', '江西', 'gan'], ['鲁', '37', '山东', 'lu'], ['豫', '41', '河南', 'yu'],
    ['鄂', '42', '湖北', 'e'], ['湘', '43', '湖南', 'xiang'], ['粤', '44', '广东', 'yue'], ['桂', '45', '广西', 'gui'],
    ['琼', '46', '海南', 'qiong'], ['渝', '50', '重庆', 'yu'], ['川', '51', '四川', 'chuan'], ['贵', '52', '贵州', 'gui'],
    ['云', '53', '云南', 'yun'], ['藏', '54', '西藏', 'zang'], ['陕', '61', '陕西', 'shaan'], ['甘', '62', '甘肃', 'gan'],
    ['青', '63', '青海', 'qing'], ['宁', '64', '宁夏', 'ning'], ['新', '65', '新疆', 'xin'],
  ])('%s has ID code %s, name %s, pinyin %s', (char, code, name, pinyin) => {
    expect(provinceByChar(char)).toMatchObject({ char, idCode: code, name, pinyin });
    expect(provinceByIdCode(code)?.char).toBe(char);
  });

  it('gives every province an English name', () => {
    expect(PROVINCES.filter((p) => !/^[A-Z][A-Za-z ]+$/.test(p.nameEn))).toEqual([]);
  });
});

describe('provinceByChar / provinceByIdCode', () => {
  it.each([[''], ['A'], ['湖'], ['鄂A'], ['使']])('provinceByChar(%j) is undefined', (c) => {
    expect(provinceByChar(c)).toBeUndefined();
  });

  it.each([[''], ['4'], ['420'], ['71'], ['81'], ['82'], ['99'], ['10']])('provinceByIdCode(%j) is undefined', (code) => {
    expect(provinceByIdCode(code)).toBeUndefined();
  });
});

describe('provinceByName', () => {
  it.each([
    ['湖北', '鄂'], ['湖北省', '鄂'], ['鄂', '鄂'], ['Hubei', '鄂'], ['hubei', '鄂'], ['  HUBEI ', '鄂'], [' 湖北 ', '鄂'],
    ['北京市', '京'], ['重庆市', '渝'], ['广西壮族自治区', '桂'], ['宁夏回族自治区', '宁'], ['新疆维吾尔自治区', '新'],
    ['西藏自治区', '藏'], ['内蒙古自治区', '蒙'], ['内蒙古', '蒙'], ['Inner Mongolia', '蒙'], ['Xizang', '藏'], ['Tibet', '藏'],
    ['Shanxi', '晋'], ['Shaanxi', '陕'], ['山西', '晋'], ['陕西', '陕'], ['黑龙江省', '黑'], ['川', '川'],
  ])('%j → %s', (name, char) => {
    expect(provinceByName(name)?.char).toBe(char);
  });

  it.each([[''], ['  '], ['武汉'], ['湖北武汉'], ['湖'], ['湖北县'], ['Hube'], ['台湾'], ['香港'], ['香港特别行政区']])(
    '%j → undefined',
    (name) => {
      expect(provinceByName(name)).toBeUndefined();
    },
  );
});

describe('ID_REGION_NAMES', () => {
  it('covers the 31 provinces and 71/81/82, nothing else', () => {
    expect(Object.keys(ID_REGION_NAMES).sort()).toEqual([...PROVINCES.map((p) => p.idCode), '71', '81', '82'].sort());
  });

  it.each([
    ['11', '北京'], ['42', '湖北'], ['51', '四川'], ['65', '新疆'], ['71', '台湾'], ['81', '香港'], ['82', '澳门'],
  ])('%s → %s', (code, name) => {
    expect(ID_REGION_NAMES[code]).toBe(name);
  });
});
