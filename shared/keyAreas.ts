// Key areas (重点地区) are a dated list kept by the station; a vehicle counts as from a key
// area by its plate, where it came from, or where it passed through.
import type { DayKey, KeyAreaEntry } from './model';
import { PROVINCE_CHARS, provinceByName, type Province } from './provinces';

// Staff write the city, not the province: '武汉' must hit an entry '湖北'. Hubei in full
// (the 2020 epicentre), plus the big cities of the other provinces that were listed.
const CITIES_BY_PROVINCE: Record<string, readonly string[]> = {
  湖北: ['武汉', '黄冈', '孝感', '荆州', '宜昌', '襄阳', '十堰', '随州', '鄂州', '荆门', '咸宁', '黄石', '恩施', '仙桃', '天门', '潜江', '神农架'],
  浙江: ['杭州', '温州', '宁波', '台州'],
  广东: ['广州', '深圳', '东莞', '佛山', '珠海'],
  河南: ['郑州', '信阳', '南阳', '驻马店'],
  湖南: ['长沙', '岳阳'],
  安徽: ['合肥', '阜阳'],
  江西: ['南昌', '九江'],
};

export function keyAreasInForce(list: KeyAreaEntry[], day: DayKey): KeyAreaEntry[] {
  return list.filter((e) => e.from <= day && (!e.to || day <= e.to));
}

function provinceOf(e: KeyAreaEntry): Province | undefined {
  return provinceByName(e.name) ?? provinceByName(e.plateProvince ?? '');
}

/** The plate character an entry flags: explicit, or the entry is itself written as one ('鄂'). */
function platePrefixOf(e: KeyAreaEntry): string | undefined {
  if (e.plateProvince) return e.plateProvince;
  const name = e.name.trim();
  return name.length === 1 && PROVINCE_CHARS.includes(name) ? name : undefined;
}

/** Place names that stand for the entry in free text, the entry's own name first. */
function placeNamesOf(e: KeyAreaEntry): string[] {
  const name = e.name.trim();
  // A lone plate character is too short to look for in text ('川' is in '四川' and '川沙').
  const own = name.length > 1 ? [name] : [];
  const province = provinceOf(e);
  if (!province) return own;
  return [...own, province.name, ...(CITIES_BY_PROVINCE[province.name] ?? [])];
}

/** The place of names mentioned earliest in text, with where it starts. */
function firstPlaceIn(text: string, names: string[]): { place: string; at: number } | undefined {
  let best: { place: string; at: number } | undefined;
  for (const place of names) {
    const at = text.indexOf(place);
    if (at >= 0 && (!best || at < best.at)) best = { place, at };
  }
  return best;
}

/**
 * Reasons such as 'plate:鄂', 'origin:温州', 'route:武汉', each naming what was found, in the
 * order the places appear in the text, so the reasons read like the route itself.
 */
export function matchKeyArea(
  v: { plateProvince?: string; origin: string; route: string },
  list: KeyAreaEntry[],
  day: DayKey,
): string[] {
  const inForce = keyAreasInForce(list, day);
  const reasons: string[] = [];
  if (v.plateProvince && inForce.some((e) => platePrefixOf(e) === v.plateProvince)) reasons.push(`plate:${v.plateProvince}`);
  for (const field of ['origin', 'route'] as const) {
    const hits = inForce
      .map((e) => firstPlaceIn(v[field], placeNamesOf(e)))
      .filter((h) => h !== undefined)
      .sort((a, b) => a.at - b.at);
    for (const h of hits) reasons.push(`${field}:${h.place}`);
  }
  return [...new Set(reasons)];
}

export type KeyAreaLineCode = 'keyArea.nameEmpty' | 'keyArea.badDate' | 'keyArea.badRange';

function parseDay(s: string): DayKey | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (days === undefined || d < 1 || d > days) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseLine(text: string, today: DayKey): KeyAreaEntry | KeyAreaLineCode {
  const [name = '', fromRaw = '', toRaw = ''] = text.split(/[,，]/).map((p) => p.trim());
  if (name === '') return 'keyArea.nameEmpty';
  const from = fromRaw === '' ? today : parseDay(fromRaw);
  const to = toRaw === '' ? undefined : parseDay(toRaw);
  if (from === undefined || (toRaw !== '' && to === undefined)) return 'keyArea.badDate';
  if (to !== undefined && to < from) return 'keyArea.badRange';
  const entry: KeyAreaEntry = { name, from };
  if (to !== undefined) entry.to = to;
  const province = provinceByName(name);
  if (province) entry.plateProvince = province.char;
  return entry;
}

/**
 * The list as a lead edits it, one `name[,from[,to]]` per line; from defaults to today.
 * A province name also flags its plates, as the default 湖北/鄂 entry does.
 */
export function parseKeyAreaLines(
  text: string,
  today: DayKey,
): { entries: KeyAreaEntry[]; errors: { line: number; code: KeyAreaLineCode }[] } {
  const entries: KeyAreaEntry[] = [];
  const errors: { line: number; code: KeyAreaLineCode }[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    const parsed = parseLine(raw, today);
    if (typeof parsed === 'string') errors.push({ line: i + 1, code: parsed });
    else entries.push(parsed);
  }
  return { entries, errors };
}
