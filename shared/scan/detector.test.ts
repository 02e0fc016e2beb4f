import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded';
import { createScanDetector, keyChar, SCAN_TIMING, type ScanKey, type ScanStep } from './detector';

const rng = seeded;

/** Key presses for `text` then a terminator, with gaps drawn by `gap()`. */
function keys(text: string, gap: () => number, end: 'Enter' | 'Tab' | null = 'Enter', start = 1000): ScanKey[] {
  let t = start;
  const out: ScanKey[] = [...text].map((key) => ({ key, time: (t += gap()) }));
  if (end) out.push({ key: end, time: (t += gap()) });
  return out;
}

function run(events: ScanKey[]): ScanStep[] {
  const d = createScanDetector();
  return events.map((e) => d.feed(e));
}

const scans = (steps: ScanStep[]) => steps.filter((s) => s.kind === 'scan');
const ID = '34052419800101001X';

describe('scan detector: a scanner is recognised', () => {
  it('an 18-character ID at 2–15 ms per key, ending in Enter, is one scan', () => {
    const r = rng(1);
    for (let run_ = 0; run_ < 200; run_++) {
      const steps = run(keys(ID, () => 2 + r() * 13));
      expect(scans(steps)).toEqual([{ kind: 'scan', text: ID, terminator: 'Enter' }]);
      expect(steps[0]).toMatchObject({ kind: 'char', burstStart: true });
      expect(steps.slice(1, -1).every((s) => s.kind === 'char' && !s.burstStart)).toBe(true);
    }
  });

  it('ending in Tab is a scan too; a Bluetooth reader sending several keys in one millisecond as well', () => {
    expect(scans(run(keys('川A12345', () => 8, 'Tab')))).toEqual([{ kind: 'scan', text: '川A12345', terminator: 'Tab' }]);
    expect(scans(run(keys(ID, () => 0)))).toHaveLength(1);
  });

  it('a scan right after a person typed something starts its own burst', () => {
    const person = keys('abc', () => 180, null, 0);
    const scan = keys(ID, () => 6, 'Enter', 2000);
    const steps = run([...person, ...scan]);
    expect(scans(steps)).toEqual([{ kind: 'scan', text: ID, terminator: 'Enter' }]);
    expect(steps[3]).toMatchObject({ kind: 'char', char: '3', burstStart: true });
  });

  it('Shift inside a burst (a scanner types X as Shift+x) does not break it', () => {
    const ev = keys(ID, () => 5);
    ev.splice(17, 0, { key: 'Shift', time: ev[16]!.time + 1 });
    expect(scans(run(ev))).toHaveLength(1);
  });

  it('with an input method active, keys arrive as Process / 229: the ID comes back from the physical keys', () => {
    let t = 0;
    const ime: ScanKey[] = [...ID].map((c) => ({
      key: 'Process',
      keyCode: 229,
      isComposing: c === 'X',
      code: /\d/.test(c) ? `Digit${c}` : `Key${c}`,
      time: (t += 4),
    }));
    ime.push({ key: 'Process', keyCode: 229, code: 'Enter', time: (t += 4) });
    expect(scans(run(ime))).toEqual([{ kind: 'scan', text: ID, terminator: 'Enter' }]);
  });
});

describe('scan detector: a person typing is never a scan', () => {
  const typed = (gapMin: number, gapMax: number, seed: number) => {
    const r = rng(seed);
    return () => gapMin + r() * (gapMax - gapMin);
  };

  it('a person at 80–300 ms per key', () => {
    for (let seed = 1; seed <= 500; seed++) expect(scans(run(keys(ID, typed(80, 300, seed))))).toEqual([]);
  });

  it('a fast typist averaging ~50 ms per key, with roll-over putting some keys 12 ms apart', () => {
    // Gaps from a fast typist: mostly 35–90 ms, one key in four rolled over at 12–30 ms.
    for (let seed = 1; seed <= 5000; seed++) {
      const r = rng(seed);
      const gap = () => (r() < 0.25 ? 12 + r() * 18 : 35 + r() * 55);
      expect(scans(run(keys(ID, gap))), `seed ${seed}`).toEqual([]);
      expect(scans(run(keys('e a12345', gap))), `seed ${seed}`).toEqual([]);
      expect(scans(run(keys('13800138000', gap))), `seed ${seed}`).toEqual([]);
    }
  });

  it('a held key (auto-repeat every 30 ms) then Enter', () => {
    const ev: ScanKey[] = Array.from({ length: 12 }, (_, i) => ({ key: '0', time: 1000 + i * 30, repeat: i > 0 }));
    ev.push({ key: 'Enter', time: 1000 + 12 * 30 });
    expect(scans(run(ev))).toEqual([]);
  });

  it('a fast burst that is too short, or whose Enter comes a person’s beat later', () => {
    expect(scans(run(keys('36.5', () => 5)))).toEqual([]);
    expect(scans(run(keys('a12345', () => 5)))).toEqual([]);
    const late = keys(ID, () => 5, null);
    late.push({ key: 'Enter', time: late[late.length - 1]!.time + SCAN_TIMING.maxGapMs + 40 });
    expect(scans(run(late))).toEqual([]);
  });

  it('Ctrl+Enter or Shift+Enter after a burst is a chord, not a scan end', () => {
    const ev = keys(ID, () => 5, null);
    ev.push({ key: 'Enter', ctrlKey: true, time: ev[ev.length - 1]!.time + 5 });
    expect(scans(run(ev))).toEqual([]);
  });
});

describe('keyChar', () => {
  it('reads the character, or the physical key behind an input method', () => {
    expect(keyChar({ key: '5' })).toBe('5');
    expect(keyChar({ key: '张' })).toBe('张');
    expect(keyChar({ key: 'Process', code: 'KeyX', keyCode: 229 })).toBe('X');
    expect(keyChar({ key: 'Process', code: 'Numpad7', keyCode: 229 })).toBe('7');
    expect(keyChar({ key: 'Process', code: 'Space', keyCode: 229 })).toBeUndefined();
    expect(keyChar({ key: 'ArrowLeft' })).toBeUndefined();
    expect(keyChar({ key: 's', ctrlKey: true })).toBeUndefined();
  });
});
