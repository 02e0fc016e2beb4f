// Record ids and the booth's calendar day.
import { timeOrderedId } from '../../../shared/ids';

/** A new record id in the app's layout (shared/ids.ts), from the platform's random source. */
export function newId(now: number = Date.now()): string {
  return timeOrderedId(now, crypto.getRandomValues(new Uint8Array(16)));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Local 'YYYY-MM-DD' of the booth (not UTC): a vehicle registered at 00:30 belongs to the day
 * the staff see on the wall clock, which is also the day reported upward.
 */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}
