// Province-level divisions: the plate character, the name staff write, and the GB/T 2260
// code that opens every resident ID. One table so plates, IDs and key areas agree.

export const PROVINCE_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

export interface Province {
  /** Plate character, e.g. '鄂'. */
  char: string;
  /** Short Chinese name, e.g. '湖北'. */
  name: string;
  nameEn: string;
  /** Pinyin of the plate character (not of the name): 'e' for 鄂, 'shaan' for 陕. */
  pinyin: string;
  /** GB/T 2260 two-digit code, e.g. '42'. */
  idCode: string;
}

// [char, name, nameEn, pinyin, idCode], in PROVINCE_CHARS order.
const ROWS: readonly (readonly [string, string, string, string, string])[] = [
  ['京', '北京', 'Beijing', 'jing', '11'],
  ['津', '天津', 'Tianjin', 'jin', '12'],
  ['沪', '上海', 'Shanghai', 'hu', '31'],
  ['渝', '重庆', 'Chongqing', 'yu', '50'],
  ['冀', '河北', 'Hebei', 'ji', '13'],
  ['豫', '河南', 'Henan', 'yu', '41'],
  ['云', '云南', 'Yunnan', 'yun', '53'],
  ['辽', '辽宁', 'Liaoning', 'liao', '21'],
  ['黑', '黑龙江', 'Heilongjiang', 'hei', '23'],
  ['湘', '湖南', 'Hunan', 'xiang', '43'],
  ['皖', '安徽', 'Anhui', 'wan', '34'],
  ['鲁', '山东', 'Shandong', 'lu', '37'],
  ['新', '新疆', 'Xinjiang', 'xin', '65'],
  ['苏', '江苏', 'Jiangsu', 'su', '32'],
  ['浙', '浙江', 'Zhejiang', 'zhe', '33'],
  ['赣', '江西', 'Jiangxi', 'gan', '36'],
  ['鄂', '湖北', 'Hubei', 'e', '42'],
  ['桂', '广西', 'Guangxi', 'gui', '45'],
  ['甘', '甘肃', 'Gansu', 'gan', '62'],
  ['晋', '山西', 'Shanxi', 'jin', '14'],
  ['蒙', '内蒙古', 'Inner Mongolia', 'meng', '15'],
  ['陕', '陕西', 'Shaanxi', 'shaan', '61'],
  ['吉', '吉林', 'Jilin', 'ji', '22'],
  ['闽', '福建', 'Fujian', 'min', '35'],
  ['贵', '贵州', 'Guizhou', 'gui', '52'],
  ['粤', '广东', 'Guangdong', 'yue', '44'],
  ['青', '青海', 'Qinghai', 'qing', '63'],
  ['藏', '西藏', 'Tibet', 'zang', '54'],
  ['川', '四川', 'Sichuan', 'chuan', '51'],
  ['宁', '宁夏', 'Ningxia', 'ning', '64'],
  ['琼', '海南', 'Hainan', 'qiong', '46'],
];

export const PROVINCES: readonly Province[] = ROWS.map(([char, name, nameEn, pinyin, idCode]) => ({
  char,
  name,
  nameEn,
  pinyin,
  idCode,
}));

/** Every valid two-digit ID area prefix → Chinese name; 71/81/82 have no plate character. */
export const ID_REGION_NAMES: Record<string, string> = {
  ...Object.fromEntries(PROVINCES.map((p) => [p.idCode, p.name])),
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
};

// Official full names carry these; staff often write them, so they must not break a lookup.
const NAME_SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '特别行政区', '省', '市'];

// English spellings seen on signs and forms besides nameEn.
const EN_ALIASES: Record<string, string> = { xizang: '藏', 'nei mongol': '蒙', neimenggu: '蒙', 'inner mongolia': '蒙' };

export function provinceByChar(c: string): Province | undefined {
  return PROVINCES.find((p) => p.char === c);
}

export function provinceByIdCode(code: string): Province | undefined {
  return PROVINCES.find((p) => p.idCode === code);
}

/** Accepts '湖北', '湖北省', '广西壮族自治区', '鄂' or 'Hubei' (any case). */
export function provinceByName(name: string): Province | undefined {
  const s = name.trim();
  if (s === '') return undefined;
  const byChar = s.length === 1 ? provinceByChar(s) : undefined;
  if (byChar) return byChar;
  for (const p of PROVINCES) {
    if (s === p.name) return p;
    if (s.startsWith(p.name) && NAME_SUFFIXES.includes(s.slice(p.name.length))) return p;
  }
  const en = s.toLowerCase().replace(/\s+/g, ' ');
  const alias = EN_ALIASES[en];
  if (alias) return provinceByChar(alias);
  return PROVINCES.find((p) => p.nameEn.toLowerCase() === en);
}
