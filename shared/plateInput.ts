// Typing a plate on a booth PC where the Chinese IME is off or unknown to the operator:
// 'a12345' takes the home province, 'e a12345' spells 鄂 by the pinyin of its plate character.
import type { PlateKind } from './model';
import { classifyPlate, normalizePlate, toHalfWidth, type PlateInfo } from './plate';
import { PROVINCES } from './provinces';

export interface PlateInputResult {
  plate: string;
  /** Province characters the quick key could mean, best first; empty when no key was used. */
  candidates: string[];
  /** The pinyin key typed, lower-case, when the input used one. */
  quickKey?: string;
  /** The home province character, when it was put in front of a plate typed without one. */
  homeAdded?: string;
}

const QUICK_KEY = /^([a-z]+)([1-9])?[ .,/](.*)$/;

/** Provinces whose plate-character pinyin starts with key: exact matches first, then table order. */
function candidatesFor(key: string): string[] {
  const hits = PROVINCES.filter((p) => p.pinyin.startsWith(key));
  return [...hits.filter((p) => p.pinyin === key), ...hits.filter((p) => p.pinyin !== key)].map((p) => p.char);
}

// WJ (armed police) and two-letter military plates must survive every path unchanged.
function isServicePlate(plate: string): boolean {
  const { kind } = classifyPlate(plate);
  return kind === 'armedPolice' || kind === 'military';
}

export function expandPlateInput(raw: string, homeProvince: string): PlateInputResult {
  // Only the start is trimmed: a trailing space after 'chuan' already means the key is complete.
  const text = toHalfWidth(raw).trimStart();
  const whole = normalizePlate(text);
  if (whole === '' || /^\p{Script=Han}/u.test(text)) return { plate: whole, candidates: [] };

  const m = QUICK_KEY.exec(text.toLowerCase());
  if (m) {
    const key = m[1] ?? '';
    const candidates = candidatesFor(key);
    if (candidates.length === 0) return { plate: whole, candidates: [] };
    const chosen = candidates[m[2] ? Number(m[2]) - 1 : 0];
    // A digit past the end of the list picks nothing; the raw text stays visibly unknown.
    const plate = chosen === undefined ? whole : chosen + normalizePlate(m[3] ?? '');
    // 'e a12345' normalises to EA12345, which is also a military shape: a valid keyed plate wins.
    if ((chosen === undefined || !classifyPlate(plate).valid) && isServicePlate(whole)) return { plate: whole, candidates: [] };
    return { plate, candidates, quickKey: key };
  }

  if (/^[A-Z0-9]+$/.test(whole)) {
    const withHome = homeProvince + whole;
    if (!classifyPlate(withHome).valid && isServicePlate(whole)) return { plate: whole, candidates: [] };
    return { plate: withHome, candidates: [], homeAdded: homeProvince };
  }
  return { plate: whole, candidates: [] };
}

/** Plate kinds a booth rarely sees — and that a missed space produces ('ea12345' = EA12345). */
const RARE_KINDS: ReadonlySet<PlateKind> = new Set(['military', 'armedPolice']);

export interface PlatePreview extends PlateInputResult {
  info: PlateInfo;
  /**
   * Saved only after the operator ticks the confirmation: an unknown format, or a military /
   * armed-police shape (rare at a booth, and what a Hubei plate typed without its space becomes).
   */
  confirm?: 'unknown' | 'rare';
}

/** What every plate field shows while typing and stores: the plate, its class, what to confirm. */
export function previewPlateInput(raw: string, homeProvince: string): PlatePreview {
  const expanded = expandPlateInput(raw, homeProvince);
  const info = classifyPlate(expanded.plate);
  const preview: PlatePreview = { ...expanded, info };
  if (expanded.plate !== '') {
    if (!info.valid) preview.confirm = 'unknown';
    else if (RARE_KINDS.has(info.kind)) preview.confirm = 'rare';
  }
  return preview;
}
