// The parser process for real: the bundled entry started as a Node child (what main starts as a
// utilityProcess), driven by parserHost with its time limit, cancel and crash recovery.
import { describe, expect, it } from 'vitest';
import { parseIsolated, IMPORT_CANCELLED, type ParserChild } from '../../shared/excel/parserHost';
import { genuineWorkbook } from '../../tests/hostile/corpus';
import { buildParserEntry, forkParser } from './parserChild.testkit';

const MIME_RANDOM = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);

describe('import parser process', () => {
  it('reads genuine and damaged files in a child process, each with its own answer', async () => {
    const entry = await buildParserEntry();
    const pids: (number | undefined)[] = [];
    const handle = parseIsolated(
      () => {
        const c = forkParser(entry);
        pids.push(c.pid);
        return c;
      },
      [
        { name: 'ok.xlsx', bytes: genuineWorkbook() },
        { name: 'random.xlsx', bytes: MIME_RANDOM },
      ],
    );
    const r = await handle.promise;
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.map((o) => [o.name, o.result.ok])).toEqual([
      ['ok.xlsx', true],
      ['random.xlsx', false],
    ]);
    expect(r.value[0]?.maxRssKb).toBeGreaterThan(1000);
    expect(pids).toHaveLength(1);
    expect(pids[0]).not.toBe(process.pid);
  }, 60_000);

  it('kills a parser that overruns the time limit, reports that file, and reads the rest with a fresh one', async () => {
    const entry = await buildParserEntry();
    let spawned = 0;
    // The first child is made to hang (a stand-in for any unforeseen parser loop).
    const spawn = (): ParserChild => {
      spawned++;
      const real = forkParser(entry);
      if (spawned > 1) return real;
      return { ...real, post: () => undefined };
    };
    const r = await parseIsolated(spawn, [
      { name: 'hangs.xlsx', bytes: genuineWorkbook() },
      { name: 'ok.xlsx', bytes: genuineWorkbook() },
    ], { timeLimitMs: 1500 }).promise;
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value[0]?.result.ok === false && r.value[0].result.error.code).toBe('import.timeout');
    expect(r.value[1]?.result.ok).toBe(true);
    expect(spawned).toBe(2);
  }, 60_000);

  it('survives a parser that dies mid-read (as an out-of-memory kill does): that file is refused, the host goes on', async () => {
    const entry = await buildParserEntry();
    let n = 0;
    const r = await parseIsolated(() => {
      const c = forkParser(entry);
      if (n++ > 0) return c;
      // Killed from outside while reading, not by the host: what the OS does to a process out of memory.
      return { ...c, post: (req) => (c.post(req), setTimeout(() => process.kill(c.pid ?? 0, 'SIGKILL'), 0)) };
    }, [
      { name: 'a.xlsx', bytes: genuineWorkbook() },
      { name: 'b.xlsx', bytes: genuineWorkbook() },
    ]).promise;
    if (!r.ok) throw new Error(r.error.message.en);
    const first = r.value[0]?.result;
    expect(first?.ok === false && first.error.code).toBe('import.crashed');
    expect(first?.ok === false && first.error.message.zh).toMatch(/SIGKILL/);
    expect(r.value[1]?.result.ok).toBe(true);
  }, 60_000);

  it('cancel kills the parser at once and imports nothing', async () => {
    const entry = await buildParserEntry();
    let killed = false;
    const handle = parseIsolated(() => {
      const c = forkParser(entry);
      return { ...c, post: () => undefined, kill: () => ((killed = true), c.kill()) };
    }, [{ name: 'a.xlsx', bytes: genuineWorkbook() }]);
    handle.cancel();
    const r = await handle.promise;
    expect(r.ok === false && r.error.code).toBe(IMPORT_CANCELLED);
    expect(killed).toBe(true);
  }, 60_000);
});
