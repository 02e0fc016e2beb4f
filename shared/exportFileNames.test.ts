import { describe, expect, it } from 'vitest';
import { districtFileName, handoverFileName, MAX_FILE_NAME_BYTES } from './exportFileNames';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('handoverFileName', () => {
  it('builds the documented name', () => {
    expect(handoverFileName({ checkpoint: '南江南卡点', shiftName: 'night', status: 'closed' as const }, '2020-02-17')).toBe('南江南卡点_2020-02-17_夜班_交接表.xlsx');
    expect(handoverFileName({ checkpoint: '南江南卡点', shiftName: 'day', status: 'closed' as const }, '2020-02-17')).toBe('南江南卡点_2020-02-17_白班_交接表.xlsx');
    expect(handoverFileName({ checkpoint: '南江南卡点', shiftName: '中班', status: 'closed' as const }, '2020-02-17')).toBe('南江南卡点_2020-02-17_中班_交接表.xlsx');
  });

  it('says so when the shift is not handed over yet (a provisional export)', () => {
    expect(handoverFileName({ checkpoint: '南江南卡点', shiftName: 'night', status: 'open' }, '2020-02-17')).toBe(
      '南江南卡点_2020-02-17_夜班_未交班中途导出_交接表.xlsx',
    );
  });

  it('strips characters file systems forbid, controls and bidi overrides', () => {
    const name = handoverFileName({ checkpoint: 'G108/漓江:路口*卡点?"<>|\u0000\u202e', shiftName: 'a\\b', status: 'closed' as const }, '2020-02-17');
    expect(name).toBe('G108漓江路口卡点_2020-02-17_ab_交接表.xlsx');
  });

  it('falls back when a part is empty', () => {
    expect(handoverFileName({ checkpoint: ' ... ', shiftName: '', status: 'closed' as const }, '')).toBe('卡点_未知日期_班次_交接表.xlsx');
  });

  it('limits length in bytes and keeps the date, shift and extension', () => {
    const name = handoverFileName({ checkpoint: '卡'.repeat(300), shiftName: 'night', status: 'closed' as const }, '2020-02-17');
    expect(utf8(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('_2020-02-17_夜班_交接表.xlsx')).toBe(true);
  });
});

describe('districtFileName', () => {
  it('names one day or a range', () => {
    expect(districtFileName('2020-02-17', '2020-02-17')).toBe('区域汇总_2020-02-17.xlsx');
    expect(districtFileName('2020-02-17', '2020-02-18')).toBe('区域汇总_2020-02-17至2020-02-18.xlsx');
  });
});
