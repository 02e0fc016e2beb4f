// A Web Worker as the parser host's child (shared/excel/parserHost): messages in and out, and
// its crash or an unreadable message reported as the child's exit, so the host never hangs.
// Each caller constructs its own Worker: Vite finds a worker only in that exact `new Worker(new URL(...))` form.
import type { ParserChild, ParserMessage } from '../../../shared/excel/parserHost';

export function workerChild<T>(w: Worker): ParserChild<T> {
  return {
    post: (req) => w.postMessage(req),
    onMessage: (fn) => w.addEventListener('message', (e: MessageEvent<ParserMessage<T>>) => fn(e.data)),
    onExit: (fn) => {
      w.addEventListener('error', (e) => {
        e.preventDefault();
        fn(e.message || 'worker error');
      });
      w.addEventListener('messageerror', () => fn('unreadable message'));
    },
    kill: () => w.terminate(),
  };
}
