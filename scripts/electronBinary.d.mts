// Types for electronBinary.mjs, so the TypeScript tests and the smoke test can import it.
export declare const NO_BINARY_MESSAGE: string;
export declare const NO_PACKAGE_MESSAGE: string;
export declare const DOWNLOADING_MESSAGE: string;
export declare function missingExecPathMessage(file: string | undefined): string;
export declare function electronPackageDir(fromDir?: string): string | undefined;

export interface LocatedElectron {
  source: 'env' | 'package' | 'none';
  path: string | undefined;
  exists: boolean;
  packageDir: string | undefined;
}
export declare function locateElectronBinary(opts: {
  env: Readonly<Record<string, string | undefined>>;
  packageDir: string | undefined;
  exists?: (file: string) => boolean;
  readText?: (file: string) => string;
}): LocatedElectron;

export type StartStep = { kind: 'launch'; binary: string } | { kind: 'install'; script: string } | { kind: 'fail'; message: string };
export declare function nextStartStep(located: LocatedElectron, state: { installAttempted: boolean }): StartStep;

export interface StartDeps {
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  args: string[];
  locate: () => LocatedElectron;
  runNode: (script: string, args: string[], opts: { quietErrors: boolean }) => number;
  launch: (binary: string, args: string[]) => Promise<number>;
  log: (line: string) => void;
  error: (line: string) => void;
  electronViteBin: () => string;
}
export declare function runStart(deps: StartDeps): Promise<number>;
