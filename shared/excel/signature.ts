// Signed handover workbooks. Each station has its own Ed25519 key pair (made on first start with
// Web Crypto; the private key is non-extractable and never leaves that station's IndexedDB). A
// workbook carries the station's public key and a signature in its hidden _meta sheet; the
// signature covers the exact content of every sheet (full text, nothing masked) and every _meta
// value — identity, counts, export time, the key itself — all but the signature row.
//
// What this does and does not promise is in the README (签名): it proves a workbook was written
// by the holder of the key the supervisor pinned for that checkpoint and not changed since; it
// does not prove the booth typed the truth, and a stolen booth PC can sign.
import { canonicalText, type FingerprintSheet } from './fingerprint';
import { SHEET, VISIBLE_SHEETS } from './handoverFormat';
import type { CellValue, SheetModel, WorkbookModel } from './workbookModel';

export const SIGNATURE_KEYS = { publicKey: 'stationKey', signature: 'signature' } as const;
const DOMAIN = 'checkpoint-station/handover-signature/1';
const ALG = { name: 'Ed25519' } as const;

/** Web Crypto's key type, named the same way in the DOM and Node typings. */
export type SigningKey = Parameters<typeof crypto.subtle.sign>[1];

export interface StationKey {
  privateKey: SigningKey;
  /** Raw 32-byte public key. */
  publicKeyRaw: Uint8Array;
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

export function fromBase64(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  try {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Short fingerprint of a public key to read over the phone: 4 groups of 4 hex digits. */
export async function keyFingerprint(publicKeyRaw: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKeyRaw as Uint8Array<ArrayBuffer>));
  const hex = [...d.subarray(0, 8)].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
  return hex.match(/.{4}/g)?.join('-') ?? hex;
}

export async function generateStationKey(): Promise<StationKey> {
  const pair = (await crypto.subtle.generateKey(ALG, false, ['sign', 'verify'])) as { privateKey: SigningKey; publicKey: SigningKey };
  const publicKeyRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKeyRaw };
}

const isSignatureRow = (row: readonly CellValue[] | undefined) => row?.[0] === SIGNATURE_KEYS.signature;

/** The bytes signed: every visible sheet, then _meta without its signature row. */
function signingInput(sheets: readonly FingerprintSheet[], tz: number): Uint8Array<ArrayBuffer> {
  const ordered = [...VISIBLE_SHEETS, SHEET.meta].map((name) => {
    const s = sheets.find((x) => x.name === name);
    const rows = s ? (name === SHEET.meta ? s.rows.filter((r) => !isSignatureRow(r)) : s.rows) : [];
    return { name, rows };
  });
  return new TextEncoder().encode(DOMAIN + '\x1d' + canonicalText(ordered, tz)) as Uint8Array<ArrayBuffer>;
}

const modelRows = (s: SheetModel): CellValue[][] => (s.header.length > 0 ? [s.header, ...s.rows] : s.rows);

/** Adds the station's public key and signature to the workbook's _meta sheet. */
export async function signWorkbookModel(model: WorkbookModel, key: StationKey): Promise<WorkbookModel> {
  const meta = model.sheets.find((s) => s.name === SHEET.meta);
  if (!meta) throw new Error('signWorkbookModel: no _meta sheet');
  const rows = meta.rows.filter((r) => r[0] !== SIGNATURE_KEYS.publicKey && !isSignatureRow(r));
  rows.push([SIGNATURE_KEYS.publicKey, { t: 'text', v: toBase64(key.publicKeyRaw) }, '本站签名公钥 Ed25519']);
  const withKey: WorkbookModel = { ...model, sheets: model.sheets.map((s) => (s === meta ? { ...meta, rows } : s)) };
  const input = signingInput(
    withKey.sheets.map((s) => ({ name: s.name, rows: modelRows(s) })),
    model.tzOffsetMinutes,
  );
  const sig = new Uint8Array(await crypto.subtle.sign(ALG, key.privateKey, input));
  rows.push([SIGNATURE_KEYS.signature, { t: 'text', v: toBase64(sig) }, '签名 Ed25519']);
  return withKey;
}

export type SignatureCheck =
  | { status: 'unsigned' }
  | { status: 'invalid'; fingerprint: string | null }
  | { status: 'valid'; publicKey: string; fingerprint: string };

/** Checks the signature of a workbook read back: sheets as the importer read them (un-neutralised). */
export async function verifyWorkbookRows(sheets: readonly FingerprintSheet[], tz: number): Promise<SignatureCheck> {
  const meta = sheets.find((s) => s.name === SHEET.meta);
  const value = (k: string) => meta?.rows.find((r) => r[0] === k)?.[1];
  const pk = value(SIGNATURE_KEYS.publicKey);
  const sig = value(SIGNATURE_KEYS.signature);
  if ((pk === undefined || pk === null) && (sig === undefined || sig === null)) return { status: 'unsigned' };
  const raw = typeof pk === 'string' ? fromBase64(pk) : null;
  const sigBytes = typeof sig === 'string' ? fromBase64(sig) : null;
  if (!raw || raw.length !== 32) return { status: 'invalid', fingerprint: null };
  const fingerprint = await keyFingerprint(raw);
  if (!sigBytes || sigBytes.length !== 64) return { status: 'invalid', fingerprint };
  try {
    const key = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, ALG, true, ['verify']);
    const good = await crypto.subtle.verify(ALG, key, sigBytes as Uint8Array<ArrayBuffer>, signingInput(sheets, tz));
    return good ? { status: 'valid', publicKey: typeof pk === 'string' ? pk : '', fingerprint } : { status: 'invalid', fingerprint };
  } catch {
    return { status: 'invalid', fingerprint };
  }
}
