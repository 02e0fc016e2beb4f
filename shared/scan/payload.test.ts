import { describe, expect, it } from 'vitest';
import { classifyScan } from './payload';
import { routeScan, type ScanPersonView } from './route';

const ID = '34052419800101001X';
const blank: ScanPersonView = { name: '', docNumber: '', phone: '' };

describe('what a scan holds', () => {
  it('a resident ID, 18 or 15 characters, lower-case x and full-width digits included', () => {
    expect(classifyScan(ID)).toEqual({ kind: 'residentId', id: ID });
    expect(classifyScan('34052419800101001x')).toEqual({ kind: 'residentId', id: ID });
    expect(classifyScan('３４０５２４１９８００１０１００１Ｘ')).toEqual({ kind: 'residentId', id: ID });
    expect(classifyScan('340524800101001')).toEqual({ kind: 'residentId', id: '340524800101001' });
  });

  it('a plate with its province; a military-looking code is not taken for a plate', () => {
    expect(classifyScan('川A12345')).toEqual({ kind: 'plate', plate: '川A12345' });
    expect(classifyScan('鄂A·D12345')).toEqual({ kind: 'plate', plate: '鄂AD12345' });
    expect(classifyScan('AB12345')).toEqual({ kind: 'text', text: 'AB12345' });
  });

  it('QR codes holding a person: JSON, key=value, a URL query, labelled Chinese fields, plain fields', () => {
    expect(classifyScan(`{"name":"张三","idCard":"${ID}","phone":"13800138000"}`)).toEqual({ kind: 'person', name: '张三', id: ID, phone: '13800138000' });
    expect(classifyScan(`{"code":0,"data":{"xm":"李四","sfzh":"${ID.toLowerCase()}"}}`)).toEqual({ kind: 'person', name: '李四', id: ID });
    expect(classifyScan(`name=%E7%8E%8B%E4%BA%94&idNo=${ID}`)).toEqual({ kind: 'person', name: '王五', id: ID });
    expect(classifyScan(`https://hc.example.cn/check?sfzh=${ID}&xm=赵六`)).toEqual({ kind: 'person', id: ID, name: '赵六' });
    expect(classifyScan(`姓名：孙七；身份证号：${ID}；联系电话：13900139000`)).toEqual({ kind: 'person', name: '孙七', id: ID, phone: '13900139000' });
    expect(classifyScan(`周八,${ID},13700137000`)).toEqual({ kind: 'person', name: '周八', id: ID, phone: '13700137000' });
    expect(classifyScan(`${ID}|买买提·艾力`)).toEqual({ kind: 'person', id: ID, name: '买买提·艾力' });
    expect(classifyScan('{"name":"吴九"}')).toEqual({ kind: 'person', name: '吴九' });
  });

  it('anything else is text, kept exactly as scanned', () => {
    expect(classifyScan('6901234567892')).toEqual({ kind: 'text', text: '6901234567892' });
    expect(classifyScan('https://example.cn/a?b=c')).toEqual({ kind: 'text', text: 'https://example.cn/a?b=c' });
    expect(classifyScan('{not json')).toEqual({ kind: 'text', text: '{not json' });
    // Digits around 18 of them are not an ID.
    expect(classifyScan(`9${ID}9`)).toEqual({ kind: 'text', text: `9${ID}9` });
  });
});

describe('where a scan goes', () => {
  const view = (occupants: Partial<ScanPersonView>[], focusedIndex?: number) => ({ occupants: occupants.map((o) => ({ ...blank, ...o })), focusedIndex });

  it('an ID goes to the focused person’s ID field when it is empty, whatever field of the line has focus', () => {
    expect(routeScan({ kind: 'residentId', id: ID }, view([{ name: '张三' }], 0))).toEqual({ to: 'person', index: 0, added: false, set: { docNumber: ID }, focus: 'docNumber' });
  });

  it('focus outside the people (plate, origin): the first person without an ID', () => {
    expect(routeScan({ kind: 'residentId', id: ID }, view([{ docNumber: '1' }, { name: '李四' }]))).toMatchObject({ index: 1, added: false });
  });

  it('the focused person already has an ID: the next person without one, then a new person', () => {
    expect(routeScan({ kind: 'residentId', id: ID }, view([{}, { docNumber: '2' }, {}], 1))).toMatchObject({ index: 2, added: false });
    expect(routeScan({ kind: 'residentId', id: ID }, view([{}, { docNumber: '2' }], 1))).toMatchObject({ index: 0, added: false });
    expect(routeScan({ kind: 'residentId', id: ID }, view([{ docNumber: '1' }, { docNumber: '2' }], 1))).toMatchObject({ index: 2, added: true });
  });

  it('the same ID scanned twice stays with its person', () => {
    expect(routeScan({ kind: 'residentId', id: ID }, view([{ docNumber: ID }, {}], 1))).toMatchObject({ index: 0, added: false });
  });

  it('a QR person fills name and phone only where they are empty; typed values are never overwritten', () => {
    expect(routeScan({ kind: 'person', id: ID, name: '张三', phone: '13800138000' }, view([{ name: '张叁' }], 0))).toEqual({
      to: 'person',
      index: 0,
      added: false,
      set: { docNumber: ID, phone: '13800138000' },
      focus: 'docNumber',
    });
    expect(routeScan({ kind: 'person', name: '李四' }, view([{ name: '张三' }, {}], 0))).toEqual({ to: 'person', index: 1, added: false, set: { name: '李四' }, focus: 'name' });
  });

  it('a plate to the plate, text to the focused field', () => {
    expect(routeScan({ kind: 'plate', plate: '川A12345' }, view([{}], 0))).toEqual({ to: 'plate', plate: '川A12345' });
    expect(routeScan({ kind: 'text', text: 'x' }, view([{}]))).toEqual({ to: 'focused', text: 'x' });
  });
});

describe('a scan applied to the draft', () => {
  it('adds a person when every line has an ID, sets the ID as a resident ID, and leaves the rest alone', async () => {
    const { emptyVehicleDraft } = await import('../registration');
    const { draftWithScan, scanView } = await import('./apply');
    const d0 = emptyVehicleDraft('k0');
    const d = { ...d0, origin: '巴中', occupants: [{ ...d0.occupants[0]!, name: '张三', docNumber: '1', docType: 'passport' as const }] };
    const route = routeScan(classifyScan(ID), scanView(d, 0));
    const after = draftWithScan(d, route, () => 'k1');
    expect(after.origin).toBe('巴中');
    expect(after.occupants).toHaveLength(2);
    expect(after.occupants[0]).toEqual(d.occupants[0]);
    expect(after.occupants[1]).toMatchObject({ key: 'k1', role: 'passenger', docNumber: ID, docType: 'residentId', name: '' });
    expect(draftWithScan(d, routeScan(classifyScan('鄂A12345'), scanView(d)), () => 'k2')).toEqual({ ...d, plateInput: '鄂A12345' });
  });
});
