// Dedicated worker that reads one watchlist file (shared/watchlist/readListFile.ts) away from the
// page: the page's parser host (shared/excel/parserHost.ts, as for handover imports) terminates it
// on the time limit or a cancel, so a hostile or damaged file never freezes the booth screen.
import { answerRequestWith } from '../../../shared/excel/parserEntry';
import type { ParserMessage } from '../../../shared/excel/parserHost';
import { readListFile, type ListFile } from '../../../shared/watchlist/readListFile';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(m: ParserMessage<ListFile>): void;
};

scope.onmessage = (e) => void answerRequestWith(readListFile, e.data, (m) => scope.postMessage(m), () => performance.now());
