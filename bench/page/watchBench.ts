// Watchlist matching at scale (issue 9): a 100,000-entry list is stored beside a seeded booth
// database, and the work the registration form adds per keystroke is timed — the draft's keys
// through the form's normalisers (draftWatchKeys) plus the lookup on the *keys index
// (matchWatchKeys) — for a listed ID, plate and phone and for an unlisted value (the usual case).
import { watchKey, type WatchEntry, type WatchList } from '../../shared/watchlist/model';
import { draftWatchKeys, groupMatches } from '../../shared/watchlist/alert';
import { emptyOccupant, emptyVehicleDraft } from '../../shared/registration';
import { activeListMap, matchWatchKeys } from '../../renderer/src/db/watchHits';
import { dayKey } from '../../renderer/src/db';
import { Generator } from './generate';
import { connect } from './connect';

const LIST_ID = 'bench-watchlist-100k';

export interface WatchProbes {
  id: string;
  plate: string;
  phone: string;
  entries: number;
}

/** Stores (once) a list of `n` entries: a third persons with ID + phone, a third vehicles, a third both. */
export async function seedWatchlist(name: string, n: number, seed: number): Promise<WatchProbes> {
  const db = await connect(name);
  const gen = new Generator(seed, 'ordered');
  const probes = { id: '', plate: '', phone: '', entries: n };
  const have = await db.watchEntries.where('[listId+status]').between([LIST_ID, 'open'], [LIST_ID, 'open']).count();
  const list: WatchList = { id: LIST_ID, name: '基准名单 100k', source: 'bench', issuedOn: '2020-02-16', importedAt: 0, importedBy: 'bench', version: 1, status: 'active', fileName: 'bench.xlsx' };
  const batch: WatchEntry[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    const idNumber = kind === 1 ? '' : gen.residentId('川', true);
    const phone = kind === 1 ? '' : gen.phone();
    const plate = kind === 0 ? '' : gen.plate('car');
    // Probes from the middle of the list, so the lookup is not helped by being first.
    if (i === Math.floor(n / 2)) Object.assign(probes, { id: idNumber, plate, phone });
    if (have >= n) continue;
    const keys = [...(idNumber ? [watchKey('id', idNumber)] : []), ...(plate ? [watchKey('plate', plate)] : []), ...(phone ? [watchKey('phone', phone)] : [])];
    batch.push({ id: `bench-we-${String(i).padStart(7, '0')}`, listId: LIST_ID, name: gen.name(), idNumber, phone, plate, origin: '武汉', note: '', keys, status: 'open', resolutions: [], current: 1 });
    if (batch.length === 5000) {
      await db.watchEntries.bulkPut(batch.splice(0));
    }
  }
  if (batch.length > 0) await db.watchEntries.bulkPut(batch);
  await db.watchLists.put(list);
  return probes;
}

/**
 * What the form adds to a keystroke once a value is complete: keys from the whole draft (a driver
 * and two passengers) plus one lookup. Returns ms samples per case (after `warm` discarded runs).
 */
export async function watchMatches(name: string, probes: WatchProbes, n: number, warm: number): Promise<Record<'id' | 'plate' | 'phone' | 'miss' | 'keysOnly', number[]>> {
  const db = await connect(name);
  const today = dayKey(Date.now());
  const gen = new Generator(7, 'ordered');
  const passengers = [emptyOccupant('p1', 'passenger'), emptyOccupant('p2', 'passenger')].map((o) => ({ ...o, name: '乘客', docNumber: gen.residentId('川', true) }));
  const draftWith = (o: { plate?: string; id?: string; phone?: string }) => {
    const d = emptyVehicleDraft('bench');
    const driver = { ...emptyOccupant('d', 'driver'), name: '司机', docNumber: o.id ?? gen.residentId('川', true), phone: o.phone ?? gen.phone() };
    return { ...d, plateInput: o.plate ?? '川A1B2C3', occupants: [driver, ...passengers] };
  };
  const cases = {
    id: draftWith({ id: probes.id }),
    plate: draftWith({ plate: probes.plate }),
    phone: draftWith({ phone: probes.phone }),
    miss: draftWith({}),
  };
  // The form holds the active lists in a live query while the operator types (useWatchAlert).
  const known = await activeListMap(db);
  const out: Record<'id' | 'plate' | 'phone' | 'miss' | 'keysOnly', number[]> = { id: [], plate: [], phone: [], miss: [], keysOnly: [] };
  for (const [k, draft] of Object.entries(cases) as [keyof typeof cases, ReturnType<typeof draftWith>][]) {
    for (let i = 0; i < warm + n; i++) {
      const t0 = performance.now();
      const keys = draftWatchKeys(draft, '川', today);
      const t1 = performance.now();
      const hits = groupMatches(await matchWatchKeys(db, keys.map((x) => x.key), known));
      const t2 = performance.now();
      if (k !== 'miss' && hits.length === 0) throw new Error(`watch bench: the listed ${k} was not found`);
      if (i >= warm) {
        out[k].push(t2 - t0);
        out.keysOnly.push(t1 - t0);
      }
    }
  }
  return out;
}
