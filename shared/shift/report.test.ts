import { describe, expect, it } from 'vitest';
import { summarizeShift } from './summary';
import { FORMULA_NAME, ID_SICHUAN, makeShiftFixture } from '../excel/testFixtures';
import { formatDateTime } from '../time';
import { buildHandoverReport } from './report';

describe('printable handover report', () => {
  const f = makeShiftFixture();
  const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
  const r = buildHandoverReport({ ...f, summary });

  it('has the header, the computed counts in report order and the notes', () => {
    expect(r.title).toBe('南江南卡点 交接班记录');
    expect(r.header).toContainEqual(['班次', '夜班']);
    expect(r.header).toContainEqual(['结束时间', formatDateTime(f.shift.closedAt ?? 0)]);
    expect(r.counts[0]).toEqual({ key: 'vehiclesChecked', label: '检查车辆', value: summary.vehiclesChecked });
    expect(r.counts.find((c) => c.key === 'feverReferred')?.value).toBe(2);
    expect(r.pending).toContain('同车人员需社区回访');
    expect(r.supplies).toEqual([
      ['体温计', '3 支（1 支电量低）'],
      ['口罩', '0120 只'],
      ['消毒液', '2 桶'],
      ['防护服', '5 套'],
    ]);
    expect(r.outgoingLead).toBe('王队');
    expect(r.receivingLead).toBe('赵队');
  });

  it('lists each fever case with masked ID and phone and its disposition', () => {
    const zhang = r.feverCases.find((c) => c.name === '张三');
    expect(zhang).toMatchObject({ plate: '鄂A12345', disposition: '送发热门诊', phone: '138****5678' });
    expect(zhang?.doc).toBe(`居民身份证 ${ID_SICHUAN.slice(0, 6)}********${ID_SICHUAN.slice(-4)}`);
    expect(zhang?.readings).toBe('37.9 ℃ 红外 / 复测 37.8 ℃ 水银腋温');
    // Voided people are not fever cases.
    expect(r.feverCases.map((c) => c.name)).not.toContain('孙八');
    expect(r.feverCases.map((c) => c.name)).not.toContain(FORMULA_NAME);
  });

  it('keeps incidents (voided ones marked) and corrections made after the close', () => {
    expect(r.incidents.map((i) => i.kind)).toEqual(['冲关逃逸', '拒不配合检查']);
    expect(r.incidents[1]?.voided).toBe('已作废：误报');
    expect(r.amendments.map((a) => a.record)).toEqual(['车辆 #1 鄂A12345', '事件 #1 冲关逃逸']);
    expect(r.amendments[0]).toMatchObject({ by: '王队', reason: '复核后补录消毒', changes: '消毒：否 → 是' });
  });

  it('prints an open shift with blanks, not invented values', () => {
    const open = buildHandoverReport({ ...f, shift: { ...f.shift, status: 'open', closedAt: undefined, handover: undefined }, summary });
    expect(open.header).toContainEqual(['结束时间', '未交班']);
    expect(open.receivingLead).toBe('');
    expect(open.closedAt).toBe('');
    expect(open.pending).toBe('（未填写）');
  });
});
