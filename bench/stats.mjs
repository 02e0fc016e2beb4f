// Statistics and report formatting for bench/run.mjs, kept apart so they can be unit-tested
// (stats.test.ts) without a browser.

/** Median of numbers (mean of the two middle values for an even count); NaN for none. */
export function median(xs) {
  const a = xs.filter((x) => Number.isFinite(x)).sort((p, q) => p - q);
  if (a.length === 0) return NaN;
  const m = a.length >> 1;
  return a.length % 2 === 1 ? a[m] : (a[m - 1] + a[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100); NaN for none. */
export function percentile(xs, p) {
  const a = xs.filter((x) => Number.isFinite(x)).sort((u, v) => u - v);
  if (a.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * a.length);
  return a[Math.min(a.length, Math.max(1, rank)) - 1];
}

/** One run's samples → { median, p95, n }. */
export function summarize(samples) {
  return { median: median(samples), p95: percentile(samples, 95), n: samples.length };
}

/**
 * Several runs of one figure → the figure reported: median of the runs' medians (and of their
 * p95s), with the spread of the run medians so noise is visible.
 */
export function combineRuns(runs) {
  const medians = runs.map((r) => r.median);
  const p95s = runs.map((r) => r.p95).filter((x) => Number.isFinite(x));
  return {
    median: median(medians),
    p95: p95s.length ? median(p95s) : NaN,
    min: Math.min(...medians),
    max: Math.max(...medians),
    runs: runs.length,
    samples: runs.reduce((n, r) => n + (r.n ?? 0), 0),
  };
}

export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN;
}

export function fmtMs(x) {
  if (!Number.isFinite(x)) return '—';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function fmtMB(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(1)} MB` : '—';
}

export function fmtRatio(x) {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : '—';
}

/** Verdict of a ratio against a limit: 'met' / 'MISSED' / '—' (no target or no figure). */
export function verdict(value, limit) {
  if (limit === undefined || limit === null) return '—';
  if (!Number.isFinite(value)) return 'n/a';
  return value <= limit ? 'met' : 'MISSED';
}

/** A GitHub-flavoured markdown table (also readable as plain text). */
export function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s, w) => s + ' '.repeat(Math.max(0, w - [...s].length));
  const line = (r) => `| ${r.map((c, i) => pad(c, widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
