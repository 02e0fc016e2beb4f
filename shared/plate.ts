// Plate formats of GA 36. An unknown format is reported, never rejected: temporary plates,
// foreign vehicles and typos all reach the booth, and the operator decides.
import type { PlateKind } from './model';
import { PROVINCE_CHARS } from './provinces';
import { compactKey } from './text';

export interface PlateInfo {
  plate: string;
  kind: PlateKind;
  /** The province character when the plate has one, even if its format is unknown. */
  province?: string;
  valid: boolean;
}

export { toHalfWidth } from './text';

/** The stored form of a plate: the same normalisation as every search key (shared/text.ts). */
export function normalizePlate(raw: string): string {
  return compactKey(raw);
}

const P = `[${PROVINCE_CHARS}]`;
// Plates leave out I and O so they cannot be read as 1 and 0.
const L = '[A-HJ-NP-Z]';
const X = '[A-HJ-NP-Z0-9]';

const SUFFIX_KINDS: Record<string, PlateKind> = {
  挂: 'trailer',
  学: 'drivingSchool',
  警: 'police',
  港: 'hkMacau',
  澳: 'hkMacau',
  领: 'consulate',
};

const ORDINARY = new RegExp(`^${P}${L}${X}{5}$`);
const SUFFIXED = new RegExp(`^${P}${L}${X}{4}([挂学警港澳领])$`);
const NEW_ENERGY = new RegExp(`^${P}${L}(?:[DF]${X}\\d{4}|\\d{5}[DF])$`);
const EMBASSY = new RegExp(`^使${X}{5,6}$`);
// The last place may name the service (消防, 边防, 警卫…) instead of a letter or digit.
const ARMED_POLICE = new RegExp(`^WJ${P}?${X}{4}[A-HJ-NP-Z0-9消边通森金警电]$`);
const MILITARY = /^[A-Z]{2}\d{5}$/;

function kindOf(plate: string): PlateKind {
  if (ORDINARY.test(plate)) return 'ordinary';
  const suffix = SUFFIXED.exec(plate)?.[1];
  if (suffix) return SUFFIX_KINDS[suffix] ?? 'unknown';
  if (NEW_ENERGY.test(plate)) return 'newEnergy';
  if (EMBASSY.test(plate)) return 'embassy';
  if (ARMED_POLICE.test(plate)) return 'armedPolice';
  if (MILITARY.test(plate)) return 'military';
  return 'unknown';
}

function provinceOf(plate: string, kind: PlateKind): string | undefined {
  const c = kind === 'armedPolice' ? plate.charAt(2) : plate.charAt(0);
  return c !== '' && PROVINCE_CHARS.includes(c) ? c : undefined;
}

export function classifyPlate(raw: string): PlateInfo {
  const plate = normalizePlate(raw);
  const kind = kindOf(plate);
  const info: PlateInfo = { plate, kind, valid: kind !== 'unknown' };
  const province = provinceOf(plate, kind);
  if (province) info.province = province;
  return info;
}
