import { describe, expect, it } from 'vitest';
import type { KeyAreaEntry } from './model';
import { DEFAULT_SETTINGS } from './model';
import { keyAreasInForce, matchKeyArea, parseKeyAreaLines } from './keyAreas';

const HUBEI: KeyAreaEntry = { name: '湖北', plateProvince: '鄂', from: '2020-01-23' };
const WENZHOU: KeyAreaEntry = { name: '温州', from: '2020-02-02', to: '2020-02-20' };
const SHENZHEN: KeyAreaEntry = { name: '深圳', from: '2020-02-01' };
const LIST = [HUBEI, WENZHOU, SHENZHEN];

describe('keyAreasInForce', () => {
  it.each<[string, KeyAreaEntry[]]>([
    ['2020-01-22', []],
    ['2020-01-23', [HUBEI]],
    ['2020-02-01', [HUBEI, SHENZHEN]],
    ['2020-02-02', [HUBEI, WENZHOU, SHENZHEN]],
    ['2020-02-20', [HUBEI, WENZHOU, SHENZHEN]],
    ['2020-02-21', [HUBEI, SHENZHEN]],
    ['2021-01-01', [HUBEI, SHENZHEN]],
  ])('on %s', (day, expected) => {
    expect(keyAreasInForce(LIST, day)).toEqual(expected);
  });

  it('treats an empty end date as still in force', () => {
    expect(keyAreasInForce([{ name: '武汉', from: '2020-01-23', to: '' }], '2020-06-01')).toHaveLength(1);
  });
});

describe('matchKeyArea', () => {
  const day = '2020-02-10';
  it.each<[string, { plateProvince?: string; origin: string; route: string }, string[]]>([
    ['鄂 plate', { plateProvince: '鄂', origin: '', route: '' }, ['plate:鄂']],
    ['川 plate, nothing else', { plateProvince: '川', origin: '成都', route: '绵阳' }, []],
    ['no plate province', { origin: '成都', route: '' }, []],
    ['川A back from Wenzhou', { plateProvince: '川', origin: '浙江温州', route: '' }, ['origin:温州']],
    ['origin by province name', { plateProvince: '川', origin: '湖北', route: '' }, ['origin:湖北']],
    ['origin 湖北武汉: the entry name first', { origin: '湖北武汉', route: '' }, ['origin:湖北']],
    ['origin by Hubei city', { origin: '武汉', route: '' }, ['origin:武汉']],
    ['origin 武汉市江汉区', { origin: '武汉市江汉区', route: '' }, ['origin:武汉']],
    ['origin 湖北省黄冈市', { origin: '湖北省黄冈市', route: '' }, ['origin:湖北']],
    ['origin 恩施', { origin: '恩施州', route: '' }, ['origin:恩施']],
    ['route list with 、', { origin: '重庆', route: '西安、十堰、襄阳' }, ['route:十堰']],
    ['route list with commas', { origin: '重庆', route: '长沙,深圳，广州' }, ['route:深圳']],
    ['route with slashes and spaces', { origin: '重庆', route: '郑州 / 孝感 / 信阳' }, ['route:孝感']],
    ['all three', { plateProvince: '鄂', origin: '武汉', route: '深圳 温州' }, ['plate:鄂', 'origin:武汉', 'route:深圳', 'route:温州']],
    ['no duplicates', { plateProvince: '鄂', origin: '武汉', route: '武汉' }, ['plate:鄂', 'origin:武汉', 'route:武汉']],
    ['a Zhejiang city other than Wenzhou is not listed', { origin: '杭州', route: '' }, []],
    ['a Guangdong city other than Shenzhen is not listed', { origin: '广州', route: '' }, []],
    ['empty', { origin: '', route: '' }, []],
    ['whitespace only', { origin: '  ', route: ' ' }, []],
  ])('%s', (_label, v, expected) => {
    expect(matchKeyArea(v, LIST, day)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['before Wenzhou was listed', '2020-02-01', []],
    ['while listed', '2020-02-02', ['origin:温州']],
    ['last day', '2020-02-20', ['origin:温州']],
    ['after it was lifted', '2020-02-21', []],
  ])('dated entries: %s', (_label, day, expected) => {
    expect(matchKeyArea({ origin: '温州', route: '' }, LIST, day)).toEqual(expected);
  });

  it.each<[string, KeyAreaEntry[], { plateProvince?: string; origin: string; route: string }, string[]]>([
    ['an entry written as a plate char flags plates', [{ name: '鄂', from: '2020-01-01' }], { plateProvince: '鄂', origin: '', route: '' }, ['plate:鄂']],
    ['and matches its province and cities in text', [{ name: '鄂', from: '2020-01-01' }], { origin: '宜昌', route: '' }, ['origin:宜昌']],
    ['a lone plate char is not searched in text', [{ name: '川', from: '2020-01-01' }], { origin: '上海川沙', route: '' }, []],
    ['a province entry without plateProvince does not flag plates', [{ name: '湖北', from: '2020-01-01' }], { plateProvince: '鄂', origin: '', route: '' }, []],
    ['but still matches its cities', [{ name: '湖北', from: '2020-01-01' }], { origin: '荆州', route: '' }, ['origin:荆州']],
    ['湖北省 as entry name', [{ name: '湖北省', from: '2020-01-01' }], { origin: '仙桃', route: '' }, ['origin:仙桃']],
    ['a city entry does not expand to its province', [{ name: '武汉', from: '2020-01-01' }], { origin: '黄冈', route: '' }, []],
    ['a city entry', [{ name: '武汉', from: '2020-01-01' }], { origin: '', route: '途经武汉' }, ['route:武汉']],
    ['a province with listed cities', [{ name: '浙江', plateProvince: '浙', from: '2020-01-01' }], { origin: '温州', route: '' }, ['origin:温州']],
    ['overlapping entries report a place once', [HUBEI, { name: '武汉', from: '2020-01-01' }], { origin: '武汉', route: '' }, ['origin:武汉']],
    ['the default settings flag 鄂 plates', DEFAULT_SETTINGS.keyAreas, { plateProvince: '鄂', origin: '', route: '' }, ['plate:鄂']],
  ])('%s', (_label, list, v, expected) => {
    expect(matchKeyArea(v, list, '2020-02-10')).toEqual(expected);
  });
});

describe('parseKeyAreaLines', () => {
  it.each<[string, KeyAreaEntry[]]>([
    ['湖北', [{ name: '湖北', plateProvince: '鄂', from: '2020-02-10' }]],
    ['湖北,2020-01-23', [{ name: '湖北', plateProvince: '鄂', from: '2020-01-23' }]],
    ['温州，2020-02-02，2020-02-20', [{ name: '温州', from: '2020-02-02', to: '2020-02-20' }]],
    [' 温州 , 2020/2/2 , 2020.2.20 ', [{ name: '温州', from: '2020-02-02', to: '2020-02-20' }]],
    ['深圳,,2020-03-01', [{ name: '深圳', from: '2020-02-10', to: '2020-03-01' }]],
    ['鄂,2020-01-23', [{ name: '鄂', plateProvince: '鄂', from: '2020-01-23' }]],
    ['湖北省', [{ name: '湖北省', plateProvince: '鄂', from: '2020-02-10' }]],
    ['温州,2020-02-02,2020-02-02', [{ name: '温州', from: '2020-02-02', to: '2020-02-02' }]],
    [
      '湖北,2020-01-23\r\n\n  \n温州,2020-02-02',
      [
        { name: '湖北', plateProvince: '鄂', from: '2020-01-23' },
        { name: '温州', from: '2020-02-02' },
      ],
    ],
    ['', []],
  ])('%j', (text, entries) => {
    expect(parseKeyAreaLines(text, '2020-02-10')).toEqual({ entries, errors: [] });
  });

  it.each<[string, { line: number; code: string }[], number]>([
    [',2020-01-23', [{ line: 1, code: 'keyArea.nameEmpty' }], 0],
    ['湖北,2020-02-30', [{ line: 1, code: 'keyArea.badDate' }], 0],
    ['湖北,2020-13-01', [{ line: 1, code: 'keyArea.badDate' }], 0],
    ['湖北,yesterday', [{ line: 1, code: 'keyArea.badDate' }], 0],
    ['湖北,2020-01-23,soon', [{ line: 1, code: 'keyArea.badDate' }], 0],
    ['温州,2020-02-20,2020-02-02', [{ line: 1, code: 'keyArea.badRange' }], 0],
    ['湖北\n\n温州,2020-02-31\n深圳', [{ line: 3, code: 'keyArea.badDate' }], 2],
  ])('%j reports errors, keeps the good lines', (text, errors, kept) => {
    const r = parseKeyAreaLines(text, '2020-02-10');
    expect(r.errors).toEqual(errors);
    expect(r.entries).toHaveLength(kept);
  });
});
