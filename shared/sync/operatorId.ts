// The county's id of a booth's operator row. The booth keys its operators by shift and name
// (shiftId + '\u0000' + name, or 'admin' for the station's administrator), which is neither a uuid
// nor unique across the county; the county row's id is derived from the checkpoint and that key,
// so the same operator sent again (a retried or replayed batch) always lands on the same row, and
// the server can check that an id belongs to the sending checkpoint.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The booth's key of the station's administrator row, and its shift id ('station'). */
export const ADMIN_OPERATOR_ID = 'admin';
export const STATION_SHIFT = 'station';

/** The booth's key of an operator row (renderer/src/db/operators.ts stores rows under it). */
export function operatorRowId(shiftId: string, name: string): string {
  return shiftId === STATION_SHIFT ? ADMIN_OPERATOR_ID : `${shiftId}\u0000${name}`;
}

/**
 * An RFC 9562 version-8 (custom) UUID: the first 128 bits of sha256(checkpoint NUL rowId), with
 * the version nibble set to 8 and the variant bits to 10. Pure and deterministic.
 */
export function operatorUuid(checkpoint: string, rowId: string): string {
  const b = sha256(utf8ToBytes(`${checkpoint}\u0000${rowId}`)).slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = bytesToHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The name in a booth's operator row key, for the 同步 panel ('admin' for the administrator). */
export function refusedOperatorName(rowId: string): string {
  const i = rowId.indexOf('\u0000');
  return i < 0 ? rowId : rowId.slice(i + 1);
}
