// The parser's side of parserHost.ts: answers one request, file by file, with readHandoverWorkbook.
// Shared by the three places the parser runs (utilityProcess, Node child, Web Worker), which only
// supply how messages travel.
import { readVerifiedHandoverWorkbook } from './importHandover';
import type { ParserMessage, ParserRequest } from './parserHost';
import type { Result } from '../result';

function isRequest(m: unknown): m is ParserRequest {
  if (typeof m !== 'object' || m === null) return false;
  const files = (m as { files?: unknown }).files;
  return Array.isArray(files) && files.every((f: unknown) => typeof f === 'object' && f !== null && typeof (f as { name?: unknown }).name === 'string' && (f as { bytes?: unknown }).bytes instanceof Uint8Array);
}

export async function answerRequest(m: unknown, send: (msg: ParserMessage) => void, now: () => number, maxRssKb?: () => number): Promise<void> {
  return answerRequestWith(readVerifiedHandoverWorkbook, m, send, now, maxRssKb);
}

/** The same answer loop with another reader (a watchlist file: shared/watchlist/readListFile.ts). */
export async function answerRequestWith<T>(
  read: (bytes: Uint8Array, name: string) => Result<T> | Promise<Result<T>>,
  m: unknown,
  send: (msg: ParserMessage<T>) => void,
  now: () => number,
  maxRssKb?: () => number,
): Promise<void> {
  if (!isRequest(m)) {
    send({ type: 'done' });
    return;
  }
  for (let index = 0; index < m.files.length; index++) {
    const f = m.files[index];
    if (!f) continue;
    send({ type: 'start', index });
    const t0 = now();
    const result = await read(f.bytes, f.name);
    const ms = Math.round(now() - t0);
    send(maxRssKb ? { type: 'outcome', index, result, ms, maxRssKb: maxRssKb() } : { type: 'outcome', index, result, ms });
  }
  send({ type: 'done' });
}
