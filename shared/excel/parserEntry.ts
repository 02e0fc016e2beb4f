// The parser's side of parserHost.ts: answers one request, file by file, with readHandoverWorkbook.
// Shared by the three places the parser runs (utilityProcess, Node child, Web Worker), which only
// supply how messages travel.
import { readHandoverWorkbook } from './importHandover';
import type { ParserMessage, ParserRequest } from './parserHost';

function isRequest(m: unknown): m is ParserRequest {
  if (typeof m !== 'object' || m === null) return false;
  const files = (m as { files?: unknown }).files;
  return Array.isArray(files) && files.every((f: unknown) => typeof f === 'object' && f !== null && typeof (f as { name?: unknown }).name === 'string' && (f as { bytes?: unknown }).bytes instanceof Uint8Array);
}

export function answerRequest(m: unknown, send: (msg: ParserMessage) => void, now: () => number, maxRssKb?: () => number): void {
  if (!isRequest(m)) {
    send({ type: 'done' });
    return;
  }
  m.files.forEach((f, index) => {
    send({ type: 'start', index });
    const t0 = now();
    const result = readHandoverWorkbook(f.bytes);
    const ms = Math.round(now() - t0);
    send(maxRssKb ? { type: 'outcome', index, result, ms, maxRssKb: maxRssKb() } : { type: 'outcome', index, result, ms });
  });
  send({ type: 'done' });
}
