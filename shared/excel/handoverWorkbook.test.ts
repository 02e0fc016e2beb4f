// Round trip: records → WorkbookModel → .xlsx bytes → SheetJS read, checked sheet by sheet
// against the records.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { COUNT_KEYS, hourlyCounts, summarizeShift } from '../shift/summary';
import { excelDate } from './cells';
import { maskId, maskPhone } from '../privacy/mask';
import { buildHandoverWorkbook } from './handoverWorkbook';
import { FEVER_COLUMNS, INCIDENT_COLUMNS, PERSON_COLUMNS, SHEET, VEHICLE_COLUMNS, type ColumnDef } from './handoverFormat';
import { LABELS } from '../i18n/labels';
import { FORMULA_NAME, ID_ENDING_X, ID_SICHUAN, makeShiftFixture, PHONE, TZ_CHINA, type ShiftFixture } from './testFixtures';
import { workbookToXlsx } from './toXlsx';

const EXPORTED_AT = Date.UTC(2020, 1, 18, 0, 30);

function exportShift(f: ShiftFixture, fullIds = false, exportedAt = EXPORTED_AT) {
  const summary = summarizeShift(f.vehicles, f.persons, f.incidents);
  const model = buildHandoverWorkbook({ ...f, summary, fullIds, exportedAt, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' });
  const bytes = workbookToXlsx(model);
  const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true });
  return { summary, model, bytes, wb };
}

function sheet(wb: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`missing sheet ${name}`);
  return ws;
}

/** Cell values by position (sheet_to_json would turn date-formatted numbers into Dates). */
function rows(ws: XLSX.WorkSheet): unknown[][] {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const out: unknown[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: unknown[] = [];
    for (let c = 0; c <= range.e.c; c++) row.push((ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined)?.v ?? null);
    out.push(row);
  }
  return out;
}

/** Cell object at (data row i, column header h) of a table sheet (row 0 = first data row). */
function cellAt(ws: XLSX.WorkSheet, defs: readonly ColumnDef[], i: number, h: string): XLSX.CellObject | undefined {
  const c = defs.findIndex((d) => d.h === h);
  return ws[XLSX.utils.encode_cell({ r: i + 1, c })] as XLSX.CellObject | undefined;
}

function eachCell(ws: XLSX.WorkSheet, fn: (cell: XLSX.CellObject, addr: string) => void) {
  for (const [addr, cell] of Object.entries(ws)) if (!addr.startsWith('!')) fn(cell as XLSX.CellObject, addr);
}

describe('handover workbook round trip (masked, the default)', () => {
  const f = makeShiftFixture();
  const { summary, wb, model } = exportShift(f);

  it('has the five sheets and a hidden _meta sheet, in order', () => {
    expect(wb.SheetNames).toEqual([SHEET.summary, SHEET.vehicles, SHEET.persons, SHEET.fever, SHEET.incidents, SHEET.meta]);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(wb.Props?.Title).toBe('南江南卡点 2020-02-17 夜班 交接表');
  });

  it('evaluates no cell: no formulas, and no text starting with a trigger character', () => {
    for (const name of wb.SheetNames) {
      eachCell(sheet(wb, name), (cell, addr) => {
        expect(cell.f, `${name}!${addr}`).toBeUndefined();
        if (cell.t === 's') expect(String(cell.v), `${name}!${addr}`).not.toMatch(/^[=+\-@\t\r]/);
      });
    }
  });

  it('车辆登记: one row per vehicle, voided ones marked, dates real, plates text', () => {
    const ws = sheet(wb, SHEET.vehicles);
    const r = rows(ws);
    expect(r[0]).toEqual(VEHICLE_COLUMNS.map((d) => d.h));
    expect(r).toHaveLength(1 + f.vehicles.length);
    const sorted = [...f.vehicles].sort((a, b) => a.createdAt - b.createdAt);
    sorted.forEach((v, i) => {
      expect(cellAt(ws, VEHICLE_COLUMNS, i, '序号')?.v).toBe(i + 1);
      expect(cellAt(ws, VEHICLE_COLUMNS, i, '车牌号')).toMatchObject({ t: 's', v: v.plate });
      const time = cellAt(ws, VEHICLE_COLUMNS, i, '登记时间');
      expect(time?.t).toBe('n');
      expect(time?.z).toBe('yyyy-mm-dd hh:mm');
      expect(time?.v).toBeCloseTo(excelDate(v.createdAt, TZ_CHINA), 9);
      expect(cellAt(ws, VEHICLE_COLUMNS, i, '车辆类型')?.v).toBe(LABELS.vehicleType[v.vehicleType].zh);
      expect(cellAt(ws, VEHICLE_COLUMNS, i, '处置')?.v).toBe(LABELS.vehicleDisposition[v.disposition].zh);
      expect(cellAt(ws, VEHICLE_COLUMNS, i, '重点地区')?.v).toBe(v.keyArea ? '是' : '否');
      expect(cellAt(ws, VEHICLE_COLUMNS, i, '已作废')?.v).toBe(v.voided ? '是' : undefined);
      expect(cellAt(ws, VEHICLE_COLUMNS, i, '登记人')?.v).toBe(v.operator);
    });
    const nonVoided = rows(ws).slice(1).filter((row) => row[VEHICLE_COLUMNS.findIndex((d) => d.h === '已作废')] !== '是');
    expect(nonVoided).toHaveLength(summary.vehiclesChecked);
    // Key-area reasons in Chinese; a leading-zero remark stays text.
    expect(cellAt(ws, VEHICLE_COLUMNS, 0, '重点地区依据')?.v).toBe('车牌 鄂、来自 武汉');
    expect(cellAt(ws, VEHICLE_COLUMNS, 1, '备注')).toMatchObject({ t: 's', v: '0101' });
    expect(cellAt(ws, VEHICLE_COLUMNS, 0, '乘员人数')?.v).toBe(2);
    expect(cellAt(ws, VEHICLE_COLUMNS, 0, '本地联系人')?.v).toBe('母亲 133****5678');
    expect(cellAt(ws, VEHICLE_COLUMNS, 0, '最高体温')).toMatchObject({ t: 'n', v: 37.8, z: '0.0' });
    expect(cellAt(ws, VEHICLE_COLUMNS, 3, '作废原因')?.v).toBe('重复登记');
    expect(ws['!autofilter']?.ref).toBe(`A1:V${1 + f.vehicles.length}`);
    expect(ws['!cols']?.map((c) => c.wch)).toEqual(VEHICLE_COLUMNS.map((d) => d.w));
  });

  it('人员体温: one row per person, IDs and phones masked text, formula names neutralised', () => {
    const ws = sheet(wb, SHEET.persons);
    const r = rows(ws);
    expect(r[0]).toEqual(PERSON_COLUMNS.map((d) => d.h));
    expect(r).toHaveLength(1 + f.persons.length);
    const names = r.slice(1).map((row) => row[PERSON_COLUMNS.findIndex((d) => d.h === '姓名')]);
    expect(names).toEqual(['张三', "'" + FORMULA_NAME, "'+李四", "'@王五", '赵六', '钱七', '孙八', '周九']);

    const byName = (n: string) => names.indexOf(n);
    const zhang = byName('张三');
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '证件号码')).toMatchObject({ t: 's', v: maskId(ID_SICHUAN) });
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '联系电话')).toMatchObject({ t: 's', v: '138****5678' });
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '初测体温')).toMatchObject({ t: 'n', v: 37.9, z: '0.0' });
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '复测体温')?.v).toBe(37.8);
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '复测方式')?.v).toBe('水银腋温');
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '复测时间')).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm' });
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '症状')?.v).toBe('发热、咳嗽');
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '处置')?.v).toBe('送发热门诊');
    expect(cellAt(ws, PERSON_COLUMNS, zhang, '身份')?.v).toBe('驾驶员');

    const formula = byName("'" + FORMULA_NAME);
    expect(cellAt(ws, PERSON_COLUMNS, formula, '姓名')).toMatchObject({ t: 's', v: "'" + FORMULA_NAME });
    expect(cellAt(ws, PERSON_COLUMNS, formula, '证件号码')).toMatchObject({ t: 's', v: '340524********001X' });
    expect(cellAt(ws, PERSON_COLUMNS, formula, '备注')?.v).toBe("'-已告知");
    expect(cellAt(ws, PERSON_COLUMNS, byName("'@王五"), '证件类型')?.v).toBe('护照');
    expect(cellAt(ws, PERSON_COLUMNS, byName("'@王五"), '证件号码')?.v).toBe('E1*****78');
    expect(cellAt(ws, PERSON_COLUMNS, byName('周九'), '证件号码')).toMatchObject({ t: 's', v: '****' });
    expect(cellAt(ws, PERSON_COLUMNS, byName('孙八'), '已作废')?.v).toBe('是');
    expect(cellAt(ws, PERSON_COLUMNS, byName('孙八'), '车辆序号')?.v).toBe(4);

    // No ID or phone anywhere in full: every value in those columns is masked or empty.
    for (const h of ['证件号码', '联系电话']) {
      for (let i = 0; i < f.persons.length; i++) expect(String(cellAt(ws, PERSON_COLUMNS, i, h)?.v ?? '*')).toContain('*');
    }
  });

  it('发热处置: fever cases and referrals only, with recheck and destination', () => {
    const ws = sheet(wb, SHEET.fever);
    const r = rows(ws);
    expect(r[0]).toEqual(FEVER_COLUMNS.map((d) => d.h));
    expect(r).toHaveLength(1 + summary.feverCases.length);
    const col = (h: string) => FEVER_COLUMNS.findIndex((d) => d.h === h);
    expect(r.slice(1).map((row) => [row[col('姓名')], row[col('初测体温')], row[col('复测体温')], row[col('复测发热')], row[col('处置去向')]])).toEqual([
      ['张三', 37.9, 37.8, '是', '送发热门诊'],
      ["'+李四", 37.4, 36.8, '否', '放行'],
      ['钱七', 36.9, null, '否', '移交乡镇居家隔离'],
    ]);
    expect(cellAt(ws, FEVER_COLUMNS, 0, '联系电话')?.v).toBe(maskPhone(PHONE));
    expect(cellAt(ws, FEVER_COLUMNS, 0, '人员序号')?.v).toBe(1);
  });

  it('事件记录: incidents incl. the voided one, descriptions neutralised', () => {
    const ws = sheet(wb, SHEET.incidents);
    const r = rows(ws);
    expect(r[0]).toEqual(INCIDENT_COLUMNS.map((d) => d.h));
    expect(r).toHaveLength(1 + f.incidents.length);
    expect(cellAt(ws, INCIDENT_COLUMNS, 0, '类型')?.v).toBe('冲关逃逸');
    expect(cellAt(ws, INCIDENT_COLUMNS, 0, '经过')?.v).toBe("'=1+1 车辆未停车冲卡，已通报交警拦截");
    expect(cellAt(ws, INCIDENT_COLUMNS, 0, '更正次数')?.v).toBe(1);
    expect(cellAt(ws, INCIDENT_COLUMNS, 1, '已作废')?.v).toBe('是');
  });

  it('交接汇总: header facts, every count, fever cases, notes, corrections, signatures', () => {
    const ws = sheet(wb, SHEET.summary);
    const r = rows(ws);
    const find = (label: string) => r.find((row) => row[0] === label);
    expect(r[0]?.[0]).toBe('南江南卡点 交接班汇总表');
    expect(find('卡点')).toEqual(['卡点', '南江南卡点', '日期', '2020-02-17', '班次', '夜班']);
    expect(find('开始时间')?.[1]).toBeCloseTo(excelDate(f.shift.openedAt, TZ_CHINA), 9);
    expect(find('值班人员')?.[1]).toBe('李四（公安民警）、刘医生（卫健）、陈志愿（志愿者）');
    for (const k of COUNT_KEYS) expect(find(LABELS.counts[k].zh)?.[1], k).toBe(summary[k]);
    expect(r.filter((row) => row[0] === '序号' && row[2] === '姓名')).toHaveLength(1);
    expect(find('体温计')).toEqual(['体温计', '3 支（1 支电量低）', '口罩', '0120 只', null, null]);
    expect(find('设备状况')?.[1]).toBe('红外测温枪 1 台低温下读数偏低');
    const start = r.findIndex((row) => row[0] === '更正记录（交班后）');
    expect(r[start + 1]?.slice(0, 5)).toEqual(['更正时间', '记录', '更正人', '原因', '更正内容']);
    expect(r[start + 2]?.slice(1)).toEqual(['车辆 #1 鄂A12345', '王队', '复核后补录消毒', '消毒：否 → 是', null]);
    expect(r[start + 3]?.slice(1, 5)).toEqual(['事件 #1 冲关逃逸', '王队', '补充车牌', '车牌号：（空） → 川A99999']);
    expect(typeof r[start + 2]?.[0]).toBe('number');
    expect(find('交班负责人')?.slice(0, 2)).toEqual(['交班负责人', '王队']);
    expect(find('接班负责人')?.slice(0, 2)).toEqual(['接班负责人', '赵队']);
    expect(ws['!merges']?.length).toBeGreaterThan(5);
    expect(ws['!autofilter']).toBeUndefined();
    // The model holds the raw text; only the written file carries the apostrophe.
    expect(model.sheets[0]?.name).toBe(SHEET.summary);
  });

  it('_meta: format id, version, identity, counts, hourly and fingerprint', () => {
    const meta = new Map(rows(sheet(wb, SHEET.meta)).slice(1).map((row) => [row[0], row[1]]));
    expect(meta.get('format')).toBe('checkpoint-station/handover');
    expect(meta.get('formatVersion')).toBe(1);
    expect(meta.get('shiftId')).toBe(f.shift.id);
    expect(meta.get('checkpoint')).toBe('南江南卡点');
    expect(meta.get('day')).toBe('2020-02-17');
    expect(meta.get('shiftName')).toBe('night');
    expect(meta.get('openedAt')).toBe(f.shift.openedAt);
    expect(meta.get('closedAt')).toBe(f.shift.closedAt);
    expect(meta.get('exportedAt')).toBe(EXPORTED_AT);
    expect(meta.get('appVersion')).toBe('0.1.0');
    expect(meta.get('fullIds')).toBe(0);
    for (const k of COUNT_KEYS) expect(meta.get(`count.${k}`)).toBe(summary[k]);
    const hourly = hourlyCounts(f.vehicles, f.persons, TZ_CHINA);
    for (const h of hourly) {
      expect(meta.get(`hourly.${String(h.hour).padStart(2, '0')}.vehicles`)).toBe(h.vehicles);
      expect(meta.get(`hourly.${String(h.hour).padStart(2, '0')}.people`)).toBe(h.people);
    }
    expect(meta.get('fingerprint')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('handover workbook with full IDs', () => {
  const f = makeShiftFixture();
  const { wb } = exportShift(f, true);
  const ws = sheet(wb, SHEET.persons);
  const col = (h: string) => PERSON_COLUMNS.findIndex((d) => d.h === h);
  const r = rows(ws).slice(1);

  it('writes every ID and phone in full, as text, exactly', () => {
    const docs = r.map((row) => row[col('证件号码')]);
    expect(docs).toContain(ID_ENDING_X);
    expect(docs).toContain(ID_SICHUAN);
    expect(docs).toContain('510722850101123');
    expect(docs).toContain('0101');
    for (let i = 0; i < r.length; i++) {
      const id = cellAt(ws, PERSON_COLUMNS, i, '证件号码');
      expect(id?.t).toBe('s');
      const phone = cellAt(ws, PERSON_COLUMNS, i, '联系电话');
      if (phone) expect(phone.t).toBe('s');
    }
    expect(r.map((row) => row[col('联系电话')])).toContain(PHONE);
    expect(r.map((row) => row[col('联系电话')])).toContain('02812345678');
    expect(wb.Props?.Comments).toContain('完整证件号码');
    expect(wb.Sheets[SHEET.vehicles]?.['J2']?.v).toBe('母亲 13312345678');
  });

  it('keeps the same fingerprint as the masked export and across export times', () => {
    const masked = exportShift(makeShiftFixture(), false, EXPORTED_AT + 3_600_000).model;
    const full = exportShift(makeShiftFixture(), true).model;
    const fp = (m: typeof full) => m.sheets.at(-1)?.rows.find((row) => row[0] === 'fingerprint')?.[1];
    expect(fp(masked)).toEqual(fp(full));
  });
});

describe('buildHandoverWorkbook input checks', () => {
  it('refuses a summary that does not match the records', () => {
    const f = makeShiftFixture();
    const summary = { ...summarizeShift(f.vehicles, f.persons, f.incidents), vehiclesChecked: 99 };
    expect(() =>
      buildHandoverWorkbook({ ...f, summary, fullIds: false, exportedAt: EXPORTED_AT, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' }),
    ).toThrow(/summary does not match/);
  });

  it('writes an open shift and an empty one', () => {
    const f = makeShiftFixture();
    f.shift.status = 'open';
    delete f.shift.closedAt;
    delete f.shift.handover;
    f.vehicles = [];
    f.persons = [];
    f.incidents = [];
    const { wb } = exportShift(f);
    expect(rows(sheet(wb, SHEET.vehicles))).toHaveLength(1);
    const r = rows(sheet(wb, SHEET.summary));
    expect(r.find((row) => row[0] === '开始时间')?.[3]).toBe('未交班');
    expect(r.find((row) => row[0] === '待办事项')).toBeDefined();
  });
});
