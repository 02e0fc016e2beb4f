// Dedicated Web Worker for 导入交接表 in the browser build: the parser runs here, never on the
// page, and the page terminates this worker on the time limit or a cancel (parserHost.ts). A new
// worker per import, so nothing of one hostile file outlives its import.
import { answerRequest } from '../../../shared/excel/parserEntry';
import type { ParserMessage } from '../../../shared/excel/parserHost';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(m: ParserMessage): void;
};

scope.onmessage = (e) => void answerRequest(e.data, (m) => scope.postMessage(m), () => performance.now());
