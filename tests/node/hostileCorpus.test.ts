// The hostile corpus (tests/hostile/corpus.ts) through the real parser process: each file is
// generated, then read by the bundled parser entry in its own Node child (what the desktop app
// runs as a utilityProcess), so its time and peak memory are measured alone. Prints a table of
// figures; docs/RELIABILITY.md quotes them. Also checks, in this process, that no `__proto__`
// name pollutes Object.prototype.
import { describe, expect, it } from 'vitest';
import { readHandoverWorkbook } from '../../shared/excel/importHandover';
import { parseIsolated } from '../../shared/excel/parserHost';
import { buildParserEntry, forkParser } from '../../electron/main/parserChild.testkit';
import { HOSTILE_CORPUS } from '../hostile/corpus';

interface Row {
  item: string;
  sizeKb: number;
  genMs: number;
  answer: string;
  parseMs: number;
  peakRssMb: number;
}

describe('hostile corpus', () => {
  it('every file gets its expected answer, in bounded time and memory, in a separate process', async () => {
    const entry = await buildParserEntry();
    const rows: Row[] = [];
    for (const item of HOSTILE_CORPUS) {
      const g0 = performance.now();
      const bytes = item.make();
      const genMs = Math.round(performance.now() - g0);
      const r = await parseIsolated(() => forkParser(entry), [{ name: item.name, bytes }]).promise;
      if (!r.ok) throw new Error(`${item.name}: ${r.error.message.en}`);
      const o = r.value[0];
      const res = o?.result;
      const answer = !res ? '?' : res.ok ? 'ok' : res.error.code;
      rows.push({ item: item.name, sizeKb: Math.round(bytes.length / 1024), genMs, answer, parseMs: o?.ms ?? -1, peakRssMb: Math.round((o?.maxRssKb ?? 0) / 1024) });
      console.log(JSON.stringify(rows[rows.length - 1]));
      expect(item.expect, `${item.name}: ${!res || res.ok ? 'imported' : res.error.message.en}`).toContain(answer);
      // In-process too, for prototype pollution (the child's prototypes are not ours).
      if (item.name.includes('__proto__')) {
        readHandoverWorkbook(bytes);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }
    }
    console.log('\nhostile corpus (parse in a separate Node process; peak RSS of that process):');
    console.table(rows);
  }, 240_000);
});
