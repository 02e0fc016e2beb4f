import type { Client } from 'pg';
export const MIGRATIONS_DIR: string;
export function listMigrations(dir?: string): { version: number; name: string; file: string; sql: string; checksum: string }[];
export function migrate(client: Client, opts?: { dir?: string; target?: number }): Promise<{ applied: number[]; version: number }>;
export function addBooth(client: Client, opts: { checkpoint: string; role: string; password: string }): Promise<void>;
export function addSupervisor(client: Client, opts: { role: string; password: string }): Promise<void>;
