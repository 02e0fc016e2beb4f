// Looks up each person's ID once it is a complete, valid resident ID and keeps the answer; the
// banner follows the person whose ID was typed or scanned last (people recognised across visits).
import { useEffect, useRef, useState } from 'react';
import { recognisableId, type PersonRecognition } from '../../../shared/recognition';
import type { OccupantDraft } from '../../../shared/registration';
import { earlierVisitsOfId } from '../db';
import { useDb } from '../runtime/dbContext';

export interface Recognised {
  index: number;
  occupant: OccupantDraft;
  recognition: PersonRecognition;
}

export function usePersonRecognition(occupants: readonly OccupantDraft[], today: string, enabled: boolean): Recognised | undefined {
  const db = useDb();
  // Answers keyed by person line and ID: a new vehicle's lines look again (the last save may be the visit).
  const found = useRef(new Map<string, PersonRecognition | null>());
  const [, answered] = useState(0);
  const [currentKey, setCurrentKey] = useState<string>();
  const previous = useRef(new Map<string, string | undefined>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const idOf = (o: OccupantDraft) => (enabled ? recognisableId(o.docType, o.docNumber, today) : undefined);

  useEffect(() => {
    // Every line new at once is a recalled visit (F3), a restored draft or a new vehicle: its IDs
    // are noted without a banner (the repeat-vehicle banner already tells that story).
    const replaced = previous.current.size > 0 && occupants.every((o) => !previous.current.has(o.key));
    for (const o of occupants) {
      const id = enabled ? recognisableId(o.docType, o.docNumber, today) : undefined;
      const before = previous.current.get(o.key);
      previous.current.set(o.key, id);
      if (id === undefined || id === before) continue;
      // This person's ID was just completed (typed or scanned): the banner is theirs.
      if (replaced) continue;
      setCurrentKey(o.key);
      const k = `${o.key}:${id}`;
      if (found.current.has(k)) continue;
      earlierVisitsOfId(db, id)
        .then((r) => {
          found.current.set(k, r ?? null);
          if (mounted.current) answered((n) => n + 1);
        })
        // A failed look-up only means no banner; registering goes on.
        .catch((e: unknown) => console.error('[recognition]', e));
    }
  }, [db, occupants, today, enabled]);

  const index = occupants.findIndex((o) => o.key === currentKey);
  const occupant = occupants[index];
  const id = occupant ? idOf(occupant) : undefined;
  const recognition = occupant && id !== undefined ? found.current.get(`${occupant.key}:${id}`) : undefined;
  return occupant && recognition ? { index, occupant, recognition } : undefined;
}
