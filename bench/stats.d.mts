// Types for stats.mjs, so stats.test.ts can import it.
export interface RunFigure {
  median: number;
  p95: number;
  n: number;
}
export interface Combined {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
  samples: number;
}
export declare function median(xs: number[]): number;
export declare function percentile(xs: number[], p: number): number;
export declare function summarize(samples: number[]): RunFigure;
export declare function combineRuns(runs: RunFigure[]): Combined;
export declare function ratio(a: number | undefined, b: number | undefined): number;
export declare function fmtMs(x: number | undefined): string;
export declare function fmtMB(bytes: number | undefined): string;
export declare function fmtRatio(x: number): string;
export declare function verdict(value: number, limit: number | null | undefined): 'met' | 'MISSED' | 'n/a' | '—';
export declare function table(header: string[], rows: (string | number)[][]): string;
