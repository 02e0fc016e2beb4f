import { describe, expect, it } from 'vitest';
import { readListFile, LIST_LIMITS, type ListFile } from './readListFile';
import { detectMappings, fieldOfHeader, remapAtRow } from './header';
import { buildListPreview, type RowProblemCode } from './rows';
import { bigList, csvOf, gbkBytes, listId, listPhone, listPlate, xlsxOf, type Aoa } from './testFiles';

const TODAY = '2020-02-20';
const utf8 = (s: string) => new TextEncoder().encode(s);

function read(bytes: Uint8Array, name: string): ListFile {
  const r = readListFile(bytes, name);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

function preview(file: ListFile) {
  return buildListPreview(file, detectMappings(file), TODAY);
}

const codesAt = (p: ReturnType<typeof preview>, row: number): RowProblemCode[] => p.problems.filter((x) => x.row === row).map((x) => x.code);

/** A list as a county data team sends it: two title rows (merged), notes, full-width, line breaks, an ID Excel made a number. */
function messySheet(): { aoa: Aoa; merges: import('xlsx').Range[] } {
  const aoa: Aoa = [
    ['关于做好返乡重点人员核查工作的通知 附件1', null, null, null, null, null],
    ['（数据专班 2020年2月19日）', null, null, null, null, null],
    ['序号', '姓 名', '公民身份号码', '联系电话', '号牌号码', '来自', '备注'],
    [1, '张\n三', listId(1), listPhone(1), '川Ａ１２３４５', '湖北武汉', '返乡'],
    [2, '李 四', ` ${listId(2)} `, `${listPhone(2).slice(0, 3)} ${listPhone(2).slice(3, 7)} ${listPhone(2).slice(7)}`, '', null, ''],
    [3, '王五', 5.10722198001011e17, listPhone(3), '', null, ''],
    [4, '赵六', '5.10722E+17', '', '鄂A 8888 8', '湖北孝感', ''],
    [5, '钱七', '510722198001011235', '12345', '', '湖北孝感', ''],
    [6, '孙八', '', '', '', '湖北孝感', '只有名字'],
    [7, '张三', listId(1), listPhone(4), '', '湖北武汉', '第二个号码'],
    [8, 'Ｊｏｈｎ  Ｓｍｉｔｈ', '', '', 'ABC123', '', ''],
  ];
  // Title merged across the columns; 来自 merged over rows 6–8 (Excel rows 6, 7, 8) as lists do.
  return { aoa, merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }, { s: { r: 5, c: 5 }, e: { r: 6, c: 5 } }] };
}

describe('reading a list file', () => {
  it('finds the header under title rows and maps synonyms, full-width and spaces included', () => {
    const { aoa, merges } = messySheet();
    const file = read(xlsxOf({ 名单: aoa }, { 名单: merges }), 'list.xlsx');
    const [m] = detectMappings(file);
    expect(m?.headerRow).toBe(2);
    expect(m?.columns).toEqual([null, 'name', 'idNumber', 'phone', 'plate', 'origin', 'note']);
    expect(fieldOfHeader('身份证号码（18位）')).toBe('idNumber');
    expect(fieldOfHeader('手 机 号')).toBe('phone');
    expect(fieldOfHeader('ＩＤ')).toBe('idNumber');
    expect(fieldOfHeader('关于做好返乡重点人员核查工作的通知')).toBeNull();
  });

  it('reports every bad row by its Excel row, merges duplicates, never guesses an ID', () => {
    const { aoa, merges } = messySheet();
    const file = read(xlsxOf({ 名单: aoa }, { 名单: merges }), 'list.xlsx');
    const p = preview(file);
    // Row 4 (Excel): full-width plate, line break in the name.
    const zhang = p.entries.find((e) => e.idNumber === listId(1));
    expect(zhang).toMatchObject({ name: '张三', plate: '川A12345', phone: listPhone(1), origin: '湖北武汉', note: '返乡；第二个号码' });
    // Row 10 repeats 张三's ID with a second phone: merged, both phones match.
    expect(zhang?.keys).toEqual([`id:${listId(1)}`, `phone:${listPhone(1)}`, 'plate:川A12345', `phone:${listPhone(4)}`]);
    expect(codesAt(p, 10)).toEqual(['duplicate']);
    // Row 5: spaces inside the ID and phone.
    expect(p.entries.find((e) => e.idNumber === listId(2))?.phone).toBe(listPhone(2));
    // Row 6: the ID is a number in the file — lost; the phone still lists the person.
    expect(codesAt(p, 6)).toEqual(['idUnrecoverable']);
    expect(p.entries.find((e) => e.phone === listPhone(3))?.idNumber).toBe('');
    // Row 7: Excel's scientific notation as text — lost too; the plate (with a space) stays.
    expect(codesAt(p, 7)).toEqual(['idUnrecoverable']);
    expect(p.entries.find((e) => e.plate === '鄂A88888')?.name).toBe('赵六');
    // Row 8: wrong check digit and a short phone: both reported, nothing left to match → not imported.
    expect(codesAt(p, 8)).toEqual(['idChecksum', 'phoneInvalid', 'noKey']);
    // Row 9: only a name.
    expect(codesAt(p, 9)).toEqual(['noKey']);
    // Row 11: full-width Latin name, an unknown plate kept as written.
    expect(codesAt(p, 11)).toEqual(['plateUnknown']);
    expect(p.entries.find((e) => e.plate === 'ABC123')?.name).toBe('John Smith');
    // Merged 来自 (rows 6–7) fills row 7.
    expect(p.entries.find((e) => e.plate === '鄂A88888')?.origin).toBe('湖北孝感');
    expect(p.totals).toEqual({ rows: 8, entries: 5, merged: 1, skipped: 2, withProblems: 5 });
  });

  it('reads the same list from an old .xls', () => {
    const { aoa, merges } = messySheet();
    const file = read(xlsxOf({ 名单: aoa }, { 名单: merges }, 'biff8'), 'list.xls');
    expect(file.kind).toBe('xls');
    expect(preview(file).totals).toEqual({ rows: 8, entries: 5, merged: 1, skipped: 2, withProblems: 5 });
  });

  it('reads a GBK .csv as Chinese Excel writes it, keeping 18-digit IDs as text', () => {
    const aoa: Aoa = [['姓名', '身份证号', '手机号', '车牌号', '来源地'], ['张三', listId(7), listPhone(7), '川B00007', '温州'], ['李四', '5.10722E+17', '', '', '温州']];
    const file = read(gbkBytes(csvOf(aoa)), '名单.csv');
    expect(file.encoding).toBe('gbk');
    const p = preview(file);
    expect(p.entries).toEqual([{ name: '张三', idNumber: listId(7), phone: listPhone(7), plate: '川B00007', origin: '温州', note: '', keys: [`id:${listId(7)}`, `phone:${listPhone(7)}`, 'plate:川B00007'] }]);
    expect(codesAt(p, 3)).toEqual(['idUnrecoverable', 'noKey']);
  });

  it('reads UTF-8 .csv with and without BOM, quoted line breaks inside cells', () => {
    const text = csvOf([['名字', '证件号码', '备注'], ['王\n五', listId(9), '第一行\n第二行']]);
    for (const bytes of [utf8(text), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])]) {
      const file = read(bytes, 'list.csv');
      expect(file.encoding).toBe('utf-8');
      expect(preview(file).entries[0]).toMatchObject({ name: '王五', idNumber: listId(9), note: '第一行第二行' });
    }
  });

  it('imports several sheets, each with its own header, and skips a sheet without one', () => {
    const bytes = xlsxOf({
      说明: [['本表为重点人员名单，请各卡点核查销号']],
      人员: [['姓名', '身份证号'], ['甲', listId(20)], ['乙', listId(21)]],
      车辆: [['标题：重点车辆'], [], ['车牌号码', '车主', '车主电话'], ['川C12345', '丙', listPhone(22)]],
    });
    const file = read(bytes, 'list.xlsx');
    const maps = detectMappings(file);
    expect(maps.map((m) => [m.include, m.headerRow])).toEqual([[false, 0], [true, 0], [true, 2]]);
    const p = buildListPreview(file, maps, TODAY);
    expect(p.entries.map((e) => e.name)).toEqual(['甲', '乙', '丙']);
    expect(p.entries[2]?.keys).toEqual(['plate:川C12345', `phone:${listPhone(22)}`]);
  });

  it('lets the operator change the mapping: a column not imported, another header row', () => {
    const file = read(xlsxOf({ S: [['名单'], ['姓名', '身份证号', '手机号'], ['甲', listId(30), listPhone(30)]] }), 'l.xlsx');
    const [m] = detectMappings(file);
    if (!m) throw new Error('no mapping');
    const noPhone = buildListPreview(file, [{ ...m, columns: ['name', 'idNumber', null] }], TODAY);
    expect(noPhone.entries[0]?.keys).toEqual([`id:${listId(30)}`]);
    expect(remapAtRow(file, 0, 0).include).toBe(false);
    expect(remapAtRow(file, 0, 1).columns).toEqual(['name', 'idNumber', 'phone']);
  });

  it('finds no list in a file with wrong columns, and refuses an empty or foreign file', () => {
    const wrong = read(xlsxOf({ S: [['日期', '车流量'], ['2020-02-01', 300]] }), 'stats.xlsx');
    expect(detectMappings(wrong)[0]?.include).toBe(false);
    expect(preview(wrong).totals.entries).toBe(0);
    const empty = readListFile(new Uint8Array(0), 'x.csv');
    expect(!empty.ok && empty.error.code).toBe('watchlist.empty');
    const blankSheet = readListFile(xlsxOf({ S: [[]] }), 'x.xlsx');
    expect(!blankSheet.ok && blankSheet.error.code).toBe('watchlist.empty');
    const pdf = readListFile(utf8('%PDF-1.4'), 'x.pdf');
    expect(!pdf.ok && pdf.error.code).toBe('watchlist.unreadable');
    const cut = xlsxOf({ S: [['姓名', '身份证号'], ['甲', listId(1)]] });
    const damaged = readListFile(cut.subarray(0, cut.length - 40), 'x.xlsx');
    expect(!damaged.ok && damaged.error.code).toBe('watchlist.unreadable');
  });

  it('refuses a file beyond the list limits before parsing it', () => {
    const r = readListFile(utf8(csvOf(bigList(50))), 'l.csv', { ...LIST_LIMITS, rowsPerSheet: 20 });
    expect(!r.ok && r.error.code).toBe('watchlist.tooLarge');
  });

  // As .csv: generating a 100,000-row .xlsx takes half a minute on a loaded machine; the bench reads one.
  it('reads a 100,000-row list: every row an entry, none lost', () => {
    const file = read(utf8(csvOf(bigList(100_000))), 'big.csv');
    const p = preview(file);
    expect(p.totals).toEqual({ rows: 100_000, entries: 100_000, merged: 0, skipped: 0, withProblems: 0 });
    expect(p.entries[99_999]).toMatchObject({ idNumber: listId(99_999), phone: listPhone(99_999), plate: listPlate(99_999) });
  }, 120_000);
});
