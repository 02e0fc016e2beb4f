// Builds the real parser entry (electron/main/importParser.ts) into one Node module with Vite,
// as the app's bundle does, and starts it as a real Node child process — the same code main
// starts as an Electron utilityProcess. For the Node tests of the parser process.
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import type { ParserChild, ParserMessage } from '../../shared/excel/parserHost';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'node_modules/.tmp/import-parser');

let built: Promise<string> | undefined;

export function buildParserEntry(): Promise<string> {
  built ??= build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: {
      ssr: resolve(ROOT, 'electron/main/importParser.ts'),
      outDir: OUT,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'importParser.mjs', format: 'es' } },
    },
  }).then(() => resolve(OUT, 'importParser.mjs'));
  return built;
}

/** A Node child running the parser; `heapMb` caps its heap as main caps the utility process. */
export function forkParser(entry: string, heapMb = 1024): ParserChild & { pid: number | undefined } {
  const cp = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [`--max-old-space-size=${heapMb}`] });
  cp.stderr?.resume();
  return {
    pid: cp.pid,
    post: (req) => cp.send(req),
    onMessage: (fn) => cp.on('message', (m) => fn(m as ParserMessage)),
    onExit: (fn) => cp.on('exit', (code, signal) => fn(signal ? `signal ${signal}` : `exit code ${String(code)}`)),
    kill: () => cp.kill('SIGKILL'),
  };
}
