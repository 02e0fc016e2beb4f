// Types for supplyChain.mjs, so scripts/supplyChain.test.ts can import it.
export declare const BUNDLED_SOURCE_DIRS: string[];
export declare function importedPackages(source: string): Set<string>;
export declare function missingRuntimeDependencies(root: string, pkg: { dependencies?: Record<string, string> }): { name: string; file: string }[];
export declare function forbiddenXlsx(lock: { packages?: Record<string, { name?: string; version?: string; resolved?: string }> }): { where: string; version: string }[];
export type AuditVerdict =
  | { status: 'not-run'; reason: string }
  | { status: 'fail'; high: number; critical: number; names: string[] }
  | { status: 'pass'; total: number };
export declare function judgeAudit(stdout: string): AuditVerdict;
