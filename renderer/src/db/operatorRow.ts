// The stored shape of an operator who signs in (schema v11). Its own file so db.ts and
// operators.ts can both import it without a cycle.
import type { Role } from '../../../shared/privacy/roles';

export interface OperatorRow {
  /** shiftId + '\u0000' + name, or 'admin' for the station's administrator. */
  id: string;
  /** The shift the member belongs to; 'station' for the administrator. */
  shiftId: string;
  name: string;
  role: Role;
  /** PBKDF2-SHA-256 of the PIN: hex salt (16 bytes), hex hash (32 bytes), rounds. */
  salt: string;
  hash: string;
  iterations: number;
  /** 'open': set when the shift was opened (the normal case); 'claimed': set by the member at the
   * lock screen of a shift opened without PINs (before v11); 'admin': the administrator. */
  setBy: 'open' | 'claimed' | 'admin';
  /** Wrong PINs in a row, and until when sign-in waits (shared/privacy/pin.ts pinBackoffMs). */
  failures: number;
  waitUntil: number;
  createdAt: number;
}
