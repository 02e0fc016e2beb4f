// Entry of the import parser process. In the desktop app main starts it with Electron's
// utilityProcess.fork (its messages arrive on process.parentPort); tests start the same bundle
// as a plain Node child with child_process.fork (messages on process itself). It holds no data
// of the booth and can be killed at any moment: main does so on the time limit or a cancel.
import { readFileSync } from 'node:fs';
import { answerRequest } from '../../shared/excel/parserEntry';
import type { ParserMessage } from '../../shared/excel/parserHost';

interface ParentPort {
  on(event: 'message', fn: (e: { data: unknown }) => void): void;
  postMessage(m: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
/**
 * Peak resident memory of this process, for the import figures. Linux's VmHWM starts afresh with
 * the process image; getrusage's maxRSS would include the parent's peak inherited over fork+exec.
 */
function maxRssKb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

if (parentPort) {
  parentPort.on('message', (e) => void answerRequest(e.data, (m: ParserMessage) => parentPort.postMessage(m), () => performance.now(), maxRssKb));
} else {
  process.on('message', (m: unknown) => void answerRequest(m, (msg: ParserMessage) => process.send?.(msg), () => performance.now(), maxRssKb));
}
