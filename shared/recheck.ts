// 待复测 (awaiting recheck): a fever at the first (infrared) reading is rechecked, often with a
// mercury thermometer under the arm after a rest — 5 to 10 minutes. The lane must not wait: the
// vehicle is saved with the person marked 待复测, the list shows how long they have waited, and
// the recheck and the disposition are completed from the list. One home for these rules, so the
// registration form, the recheck dialog and the storage layer agree.
import type { Person, PersonDisposition, Symptom, ThermometerMethod } from './model';
import type { FieldErrors } from './messages';
import { isFever, parseTemperature } from './temperature';

/** What a recheck still at or above the fever line must lead to (anything but 放行). */
export const FEVER_DISPOSITIONS: readonly PersonDisposition[] = ['feverClinic', 'observation', 'homeIsolation', 'turnedBack'];

/** The recheck as typed in the dialog opened from the 待复测 list. */
export interface RecheckDraft {
  temp: string;
  method: ThermometerMethod;
  symptoms: Symptom[];
  disposition: PersonDisposition;
}

export interface RecheckPaths {
  temp: string;
  disposition: string;
}

/**
 * The recheck rules for one person whose first reading was a fever: a recheck reading is
 * required and must be a plausible °C value; one still at or above the line needs a disposition
 * other than 放行. Errors are written under `paths` (the form's 'occupants.1.recheckTemp', the
 * dialog's 'temp'). Returns the parsed recheck when it is valid.
 */
export function checkRecheck(
  temp: string,
  disposition: PersonDisposition,
  feverLine: number,
  paths: RecheckPaths,
  errors: FieldErrors,
): number | undefined {
  const recheck = parseTemperature(temp);
  if (!recheck.ok) {
    errors[paths.temp] =
      recheck.code === 'temp.empty'
        ? { code: 'recheck.required', params: { line: feverLine.toFixed(1) } }
        : recheck.code === 'temp.fahrenheit'
          ? { code: recheck.code, params: { c: recheck.celsius.toFixed(1) } }
          : { code: recheck.code };
    return undefined;
  }
  if (isFever(recheck.celsius, feverLine) && !FEVER_DISPOSITIONS.includes(disposition)) {
    errors[paths.disposition] = { code: 'disposition.feverRequired' };
  }
  return recheck.celsius;
}

export const RECHECK_PATHS: RecheckPaths = { temp: 'temp', disposition: 'disposition' };

/** The dialog's rules: exactly the form's recheck rules (checkRecheck), on the dialog's fields. */
export function validateRecheck(draft: RecheckDraft, feverLine: number): FieldErrors {
  const errors: FieldErrors = {};
  checkRecheck(draft.temp, draft.disposition, feverLine, RECHECK_PATHS, errors);
  return errors;
}

export function isRecheckOpen(p: Pick<Person, 'awaitingRecheckSince'>): boolean {
  return p.awaitingRecheckSince !== undefined;
}

/** Whole minutes waited since the first reading; never negative (a clock set back). */
export function minutesWaited(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 60_000));
}

/** The dialog starts from what is known: mercury under the arm, the symptoms and disposition so far. */
export function recheckDraftFor(p: Pick<Person, 'symptoms' | 'disposition'>): RecheckDraft {
  return { temp: '', method: 'mercuryAxillary', symptoms: [...p.symptoms], disposition: p.disposition };
}

/**
 * The person after the recheck: the first reading and its time stay exactly as they were; the
 * recheck gets its own time; the wait ends. Throws on an invalid draft (callers validate first:
 * reaching here with one is a programming error).
 */
export function completeRecheckOf(p: Person, draft: RecheckDraft, feverLine: number, now: number): Person {
  const errors = validateRecheck(draft, feverLine);
  const parsed = parseTemperature(draft.temp);
  if (Object.keys(errors).length > 0 || !parsed.ok) throw new Error(`completeRecheckOf on an invalid draft: ${Object.keys(errors).join(', ')}`);
  const { awaitingRecheckSince: _done, ...rest } = p;
  void _done;
  return {
    ...rest,
    recheck: { celsius: parsed.celsius, method: draft.method, at: now },
    feverConfirmed: p.feverFirst && isFever(parsed.celsius, feverLine),
    symptoms: [...draft.symptoms],
    disposition: draft.disposition,
  };
}

/** The stored text of a recheck's history entry (the UI shows its own words for kind 'recheck'). */
export const RECHECK_AMENDMENT_REASON = '完成复测';
