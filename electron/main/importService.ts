// 导入交接表 in the desktop app: workbooks are parsed in an Electron utilityProcess (its own OS
// process, its own heap capped below the machine's memory), never in main or the renderer, so
// even an unforeseen parser blow-up leaves the booth screen running. parserHost supplies the time
// limit, the kill-and-continue on a hang or crash, and the cancel.
import { utilityProcess } from 'electron';
import { createImportRunner, type ParserChild, type ParserMessage } from '../../shared/excel/parserHost';

/** Heap of the parser process: far above a 20,000-person workbook (~150 MB), far below a booth PC's memory. */
export const PARSER_HEAP_MB = 1024;

export function createImportService(entry: string) {
  const spawn = (): ParserChild => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Checkpoint Station import parser',
      execArgv: [`--max-old-space-size=${PARSER_HEAP_MB}`],
      stdio: 'ignore',
    });
    return {
      post: (req) => child.postMessage(req),
      onMessage: (fn) => child.on('message', (m: unknown) => fn(m as ParserMessage)),
      onExit: (fn) => child.on('exit', (code: number) => fn(`exit code ${code}`)),
      kill: () => void child.kill(),
    };
  };
  return createImportRunner(spawn);
}
