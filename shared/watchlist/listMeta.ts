// What a list must say about itself before it is stored: a name, who sent it, the date on it.
// One rule for the import dialog and for storage (renderer/src/db/watchlists.ts).
import { charLength } from '../text';

export interface ListMeta {
  name: string;
  /** Who sent it (数据专班, 分局指挥中心 …). */
  source: string;
  /** 下发日期, YYYY-MM-DD. */
  issuedOn: string;
}

export type ListMetaCode = 'required' | 'tooLong' | 'badDate' | 'futureDate' | 'nameTaken';
export type ListMetaErrors = Partial<Record<keyof ListMeta, ListMetaCode>>;

export const LIST_NAME_MAX = 60;

function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** `activeNames`: names of the lists still in use (a second list of the same name must be a new version instead). */
export function validateListMeta(meta: ListMeta, today: string, activeNames: readonly string[] = []): ListMetaErrors {
  const errors: ListMetaErrors = {};
  const name = meta.name.trim();
  if (name === '') errors.name = 'required';
  else if (charLength(name) > LIST_NAME_MAX) errors.name = 'tooLong';
  else if (activeNames.includes(name)) errors.name = 'nameTaken';
  const source = meta.source.trim();
  if (source === '') errors.source = 'required';
  else if (charLength(source) > LIST_NAME_MAX) errors.source = 'tooLong';
  if (meta.issuedOn.trim() === '') errors.issuedOn = 'required';
  else if (!isDay(meta.issuedOn.trim())) errors.issuedOn = 'badDate';
  else if (meta.issuedOn.trim() > today) errors.issuedOn = 'futureDate';
  return errors;
}
