import { describe, expect, it } from 'vitest';
import { combineRuns, median, percentile, ratio, summarize, table, verdict } from './stats.mjs';

describe('bench statistics', () => {
  it('median of odd and even counts, ignoring non-finite samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('nearest-rank percentile', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
  });

  it('reports the median of run medians with their spread', () => {
    const runs = [summarize([10, 11, 12]), summarize([30, 31, 32]), summarize([20, 21, 22])];
    expect(combineRuns(runs)).toMatchObject({ median: 21, min: 11, max: 31, runs: 3, samples: 9 });
  });

  it('ratios and verdicts', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBeNaN();
    expect(verdict(1.5, 1.5)).toBe('met');
    expect(verdict(1.51, 1.5)).toBe('MISSED');
    expect(verdict(NaN, 1.5)).toBe('n/a');
    expect(verdict(2, null)).toBe('—');
  });

  it('formats a markdown table', () => {
    expect(table(['a', 'bb'], [['1', '2']])).toBe('| a | bb |\n|---|----|\n| 1 | 2  |');
  });
});
