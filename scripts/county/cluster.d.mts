export function findPgBin(): string;
export function freePort(): Promise<number>;
export interface Cluster {
  port: number;
  dir: string;
  superUrl: string;
  stop(): void;
}
export function startCluster(opts?: { port?: number; dir?: string; ssl?: { certFile: string; keyFile: string }; sslOnly?: boolean; keep?: boolean }): Promise<Cluster>;
export function selfSignedCert(dir: string): { certFile: string; keyFile: string };
