// A watchlist file reader as a plain Node child (test only): the same answer loop and reader the
// 布控名单 dialog's worker runs (renderer/src/watchlist/listFile.worker.ts), so the hostile corpus
// can be fed to it through the parser host with its time limit, one file per process.
import { answerRequestWith } from '../../shared/excel/parserEntry';
import { readListFile, type ListFile } from '../../shared/watchlist/readListFile';
import type { ParserMessage } from '../../shared/excel/parserHost';

process.on('message', (m: unknown) => void answerRequestWith(readListFile, m, (msg: ParserMessage<ListFile>) => process.send?.(msg), () => performance.now()));
