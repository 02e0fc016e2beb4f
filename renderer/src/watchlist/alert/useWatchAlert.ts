// The registration form's watchlist check: while the operator types, the draft's complete values
// (plate, IDs, phones) are looked up on the active lists; the hits and the operator's decisions
// live here, and the save asks `beforeSave` for the hit rows to store with the vehicle.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DayKey, Person, Vehicle } from '../../../../shared/model';
import type { VehicleDraft } from '../../../../shared/registration';
import {
  decisionProblems,
  draftWatchKeys,
  groupMatches,
  planWatchHits,
  type DecisionDraft,
  type DecisionProblem,
  type DraftKey,
  type KeptDecisions,
  type EntryHit,
  type WatchDecision,
} from '../../../../shared/watchlist/alert';
import { newId } from '../../db';
import { activeListMap, matchWatchKeys, type WatchSave } from '../../db/watchHits';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../runtime/dbContext';
import { useActor } from '../../runtime/session';

export type { DecisionDraft };

export interface WatchAlertState {
  hits: EntryHit[];
  drafts: ReadonlyMap<string, DecisionDraft>;
  /** Shown once a save was refused for want of a decision. */
  problems: ReadonlyMap<string, DecisionProblem>;
  decide: (entryId: string, d: Partial<DecisionDraft>) => void;
}

/** The decisions as kept on disk with the vehicle draft. */
export const keptDecisions = (drafts: ReadonlyMap<string, DecisionDraft>): KeptDecisions => Object.fromEntries(drafts);

const decided = (drafts: ReadonlyMap<string, DecisionDraft>): Map<string, WatchDecision> => {
  const out = new Map<string, WatchDecision>();
  for (const [id, d] of drafts) if (d.status) out.set(id, { status: d.status, note: d.note });
  return out;
};

export type BeforeSave =
  | { ok: true; finish: (vehicle: Vehicle, persons: readonly Person[]) => { vehicle: Vehicle; watch?: WatchSave } }
  | { ok: false; undecided: number; firstEntryId: string };

export function useWatchAlert(draft: Pick<VehicleDraft, 'plateInput' | 'occupants'>, homeProvince: string, today: DayKey, off: boolean, operator: string) {
  const db = useDb();
  const signedIn = useActor();
  const actor = useMemo(() => signedIn ?? { name: operator, role: 'staff' as const }, [signedIn, operator]);
  const keys = useMemo(() => (off ? [] : draftWatchKeys(draft, homeProvince, today)), [off, draft, homeProvince, today]);
  const signature = keys.map((k) => k.key).join('\n');
  const [hits, setHits] = useState<EntryHit[]>([]);
  const [drafts, setDrafts] = useState<Map<string, DecisionDraft>>(new Map());
  const [shownProblems, setShownProblems] = useState(false);
  const lookup = useRef(0);
  // The active lists, held while typing so a lookup is one round trip (a change re-runs the lookup).
  const activeLists = useLiveQuery(() => activeListMap(db), [db]);
  const keysRef = useRef<DraftKey[]>(keys);
  keysRef.current = keys;
  const hitsRef = useRef<EntryHit[]>(hits);
  hitsRef.current = hits;
  // Decisions restored with a kept draft (after a lock or a crash) wait here for the lookup that
  // finds their entries again; the first lookup with hits takes what it needs and drops the rest,
  // so a decision never carries over to another vehicle.
  const restored = useRef<ReadonlyMap<string, DecisionDraft>>(new Map());

  const apply = useCallback((found: EntryHit[]) => {
    setHits(found);
    const waiting = restored.current;
    if (found.length > 0) restored.current = new Map();
    // A decision stays with its entry while the entry is still hit; others go with their hit.
    setDrafts((prev) => {
      const next = new Map<string, DecisionDraft>();
      for (const h of found) {
        const d = prev.get(h.entry.id) ?? waiting.get(h.entry.id);
        if (d) next.set(h.entry.id, d);
      }
      return next.size === prev.size && [...next].every(([id, d]) => prev.get(id) === d) ? prev : next;
    });
    if (found.length === 0) setShownProblems(false);
  }, []);

  // One lookup per change of the key set (not per keystroke): the newest answer wins.
  useEffect(() => {
    const n = ++lookup.current;
    const current = keysRef.current.map((k) => k.key);
    if (current.length === 0) {
      apply([]);
      return;
    }
    matchWatchKeys(db, current, activeLists)
      .then((m) => {
        if (n === lookup.current) apply(groupMatches(m));
      })
      .catch(() => undefined);
  }, [db, signature, apply, activeLists]);

  /** Hands back the decisions kept with a restored draft (they apply once their entries are hit). */
  const restore = useCallback((kept: KeptDecisions | undefined) => {
    restored.current = new Map(Object.entries(kept ?? {}));
  }, []);

  const decide = useCallback((entryId: string, d: Partial<DecisionDraft>) => {
    setDrafts((prev) => new Map(prev).set(entryId, { status: null, note: '', ...prev.get(entryId), ...d }));
  }, []);
  const decisions = useMemo(() => decided(drafts), [drafts]);

  const problems = useMemo(() => {
    if (!shownProblems) return new Map<string, DecisionProblem>();
    return new Map(decisionProblems(hits, decisions).map((p) => [p.entryId, p.problem]));
  }, [shownProblems, hits, decisions]);

  /**
   * Called by the save: looks the current keys up once more (a value completed and saved within
   * the same instant still counts), refuses while any hit lacks its decision, and otherwise plans
   * the hit rows for the vehicle about to be saved.
   */
  const beforeSave = useCallback(async (): Promise<BeforeSave> => {
    const current = keysRef.current;
    let found = hitsRef.current;
    if (current.length > 0) {
      // After a write failed on a full disk Chromium may have closed the database: open it again,
      // as saveVehicle does. If the lookup still fails, the hits already shown stand, and the
      // save itself reports the storage problem in words.
      if (!db.isOpen()) await db.open().catch(() => undefined);
      found = await matchWatchKeys(db, current.map((k) => k.key)).then(groupMatches, () => hitsRef.current);
    } else found = [];
    lookup.current++;
    restored.current = new Map();
    apply(found);
    const missing = decisionProblems(found, decisions);
    if (missing.length > 0) {
      setShownProblems(true);
      return { ok: false, undecided: missing.length, firstEntryId: missing[0]?.entryId ?? '' };
    }
    return {
      ok: true,
      finish: (vehicle, persons) => {
        if (found.length === 0) return { vehicle };
        const planned = planWatchHits({ vehicle, persons, hits: found, keys: current, decisions, operator: actor.name, newId: () => newId() });
        return { vehicle: { ...vehicle, watchHits: planned.map((p) => p.hit.id) }, watch: { actor, planned } };
      },
    };
  }, [db, decisions, apply, actor]);

  const state: WatchAlertState = { hits, drafts, problems, decide };
  return { state, beforeSave, restore };
}
