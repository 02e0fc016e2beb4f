// The hostile corpus (damaged zips, bombs, oversized sheets, a truncated workbook …) given to the
// watchlist reader as list files, each through the parser host in its own Node child with the
// import time limit — what the 布控名单 dialog does with its worker. Every file must be answered
// (no hang, no crash), and every damaged or oversized one refused with the list reader's message.
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { parseIsolated, type ParserChild, type ParserMessage } from '../../shared/excel/parserHost';
import { LIST_LIMITS, type ListFile } from '../../shared/watchlist/readListFile';
import { HOSTILE_CORPUS } from '../hostile/corpus';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'node_modules/.tmp/list-parser');

async function buildEntry(): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: {
      ssr: resolve(ROOT, 'tests/node/listParser.entry.ts'),
      outDir: OUT,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'listParser.mjs', format: 'es' } },
    },
  });
  return resolve(OUT, 'listParser.mjs');
}

function forkList(entry: string): ParserChild<ListFile> {
  const cp = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: ['--max-old-space-size=1024'] });
  cp.stderr?.resume();
  return {
    post: (req) => cp.send(req),
    onMessage: (fn) => cp.on('message', (m) => fn(m as ParserMessage<ListFile>)),
    onExit: (fn) => cp.on('exit', (code, signal) => fn(signal ? `signal ${signal}` : `exit code ${String(code)}`)),
    kill: () => cp.kill('SIGKILL'),
  };
}

/** What the list reader may answer, from what the handover importer must answer. */
function accepted(name: string, expectHandover: readonly string[]): string[] {
  // Lists are allowed more shared strings than a shift's workbook (LIST_LIMITS: 1,200,000), so this one is read.
  if (name === '1,000,000 shared strings') expect(LIST_LIMITS.sharedStrings).toBeGreaterThanOrEqual(1_000_000);
  if (name === '1,000,000 shared strings') return ['ok'];
  if (expectHandover.includes('import.tooLarge')) return ['watchlist.tooLarge'];
  if (expectHandover.every((c) => c === 'import.notExcel')) return ['watchlist.unreadable', 'watchlist.empty', 'watchlist.tooLarge'];
  // Readable spreadsheets that are not lists (a handover workbook, an old .xls): read, or refused with a list message.
  return ['ok', 'watchlist.unreadable', 'watchlist.empty', 'watchlist.tooLarge'];
}

describe('hostile files given to the watchlist reader', () => {
  it('answers every file within the time limit, refusing the damaged and oversized ones', async () => {
    const entry = await buildEntry();
    const rows: { item: string; answer: string; ms: number }[] = [];
    for (const item of HOSTILE_CORPUS) {
      const bytes = item.make();
      const r = await parseIsolated(() => forkList(entry), [{ name: `${item.name}.xlsx`, bytes }]).promise;
      if (!r.ok) throw new Error(`${item.name}: ${r.error.message.en}`);
      const res = r.value[0]?.result;
      const answer = !res ? '?' : res.ok ? 'ok' : res.error.code;
      rows.push({ item: item.name, answer, ms: r.value[0]?.ms ?? -1 });
      expect(accepted(item.name, item.expect), `${item.name}: ${!res || res.ok ? 'read' : res.error.message.en}`).toContain(answer);
    }
    console.table(rows);
  }, 300_000);
});
