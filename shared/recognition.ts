// People recognised across visits: commuters, truck drivers and returning residents pass the same
// checkpoint again and again. When a complete, valid resident ID is typed that the booth has seen
// before, the form shows the earlier visits and offers the name and phone last given with it;
// an ID seen with another name is flagged for a second look (never blocked: people misspell,
// cards get lent). The storage query is renderer/src/db/recognition.ts; this file is the rule.
import { maskId, maskPhone } from './privacy/mask';
import type { DocType, Person, PersonDisposition } from './model';
import { validateResidentId } from './residentId';
import { toHalfWidth } from './text';

/** How many earlier visits the banner lists (newest first). */
export const RECOGNISED_VISITS_SHOWN = 3;
/** Rows of one ID read at most: a daily commuter's months, bounded. */
export const RECOGNITION_READ_LIMIT = 200;

/** The ID to look up, only once a resident ID is complete and valid (no lookups while typing). */
export function recognisableId(docType: DocType, raw: string, today: string): string | undefined {
  if (docType !== 'residentId') return undefined;
  const r = validateResidentId(raw, today);
  return r.ok ? r.info.id : undefined;
}

export interface EarlierVisit {
  at: number;
  plate: string;
  /** The first reading and, when one was taken, the recheck (℃). */
  first: number;
  recheck?: number;
  fever: boolean;
  disposition: PersonDisposition;
}

export interface PersonRecognition {
  /** Masked for the screen: a full ID never appears in the banner. */
  idMasked: string;
  /** Visits found (non-voided), and whether the bounded read stopped before the end. */
  count: number;
  more: boolean;
  visits: EarlierVisit[];
  /** What the newest visit gave — for the one-key reuse — and the phone masked for the screen. */
  name: string;
  phone: string;
  phoneMasked: string;
  /** Every distinct name this ID was registered with, newest first. */
  names: string[];
}

/** Names compare without spaces, full-width forms and the different middle dots (买买提·艾力). */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => toHalfWidth(s).replace(/[\s·•・‧.]/g, '');
  return norm(a) === norm(b);
}

/**
 * The earlier visits of one ID from its stored person rows (any order, voided ones ignored), or
 * undefined when there are none. `readLimitReached` says the caller's bounded read was full.
 */
export function recognisePerson(id: string, rows: readonly Person[], readLimitReached = false): PersonRecognition | undefined {
  const seen = rows.filter((p) => p.voided === 0 && p.docNumber === id).sort((a, b) => b.createdAt - a.createdAt);
  const newest = seen[0];
  if (!newest) return undefined;
  const names: string[] = [];
  for (const p of seen) if (p.name.trim() !== '' && !names.some((n) => sameName(n, p.name))) names.push(p.name.trim());
  const phone = seen.find((p) => p.phone !== '')?.phone ?? '';
  return {
    idMasked: maskId(id),
    count: seen.length,
    more: readLimitReached,
    visits: seen.slice(0, RECOGNISED_VISITS_SHOWN).map((p) => ({
      at: p.createdAt,
      plate: p.plate,
      first: p.first.celsius,
      ...(p.recheck ? { recheck: p.recheck.celsius } : {}),
      fever: p.feverConfirmed,
      disposition: p.disposition,
    })),
    name: names[0] ?? '',
    phone,
    phoneMasked: maskPhone(phone),
    names,
  };
}

/**
 * Names that call for a second look: the ID was registered before with more than one name, or the
 * name typed now is none of them. Empty when all agree (or nothing was typed yet).
 */
export function nameConflict(r: Pick<PersonRecognition, 'names'>, typedName: string): string[] {
  const typed = typedName.trim();
  const all = typed !== '' && !r.names.some((n) => sameName(n, typed)) ? [typed, ...r.names] : r.names;
  return all.length > 1 ? all : [];
}

/** 36.5 ℃, or 37.6 → 36.9 ℃ when a recheck was taken. */
export function visitTemperature(v: Pick<EarlierVisit, 'first' | 'recheck'>): string {
  return v.recheck === undefined ? `${v.first.toFixed(1)} ℃` : `${v.first.toFixed(1)} → ${v.recheck.toFixed(1)} ℃`;
}
