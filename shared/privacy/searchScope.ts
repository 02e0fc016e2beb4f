// Search scoped to purpose (查询范围): by default the booth searches the current and the previous
// shift only; searching every shift ever recorded needs `can(actor, 'searchBeyondShift')` and is
// audited with the KIND of query — never the text typed (it may be a whole ID number).
import { compactKey } from '../text';

export type SearchScope = 'shift' | 'all';

export type SearchQueryKind = 'plate' | 'idOrPlateBody' | 'digits' | 'name';

/** What sort of text was searched for, for the audit entry. */
export function searchQueryKind(query: string): SearchQueryKind {
  const key = compactKey(query);
  if (/^[0-9]+$/.test(key)) return 'digits';
  if (/^[0-9A-Z]+$/.test(key)) return 'idOrPlateBody';
  if (/^[\u4e00-\u9fff][A-Z]/.test(key)) return 'plate';
  return 'name';
}

/** The audit entry's detail for a search beyond the shift: kind and length only. */
export function searchAuditDetail(query: string, results: number): { kind: SearchQueryKind; length: number; results: number } {
  return { kind: searchQueryKind(query), length: [...compactKey(query)].length, results };
}
