// The county schema's migration runner: applies migrations/NNN_name.sql in order, each in its
// own transaction, and records version, name and checksum in public.schema_migrations. An
// applied file that was edited afterwards is refused (shipped migrations are never edited).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export function listMigrations(dir = MIGRATIONS_DIR) {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      return { version: Number(file.slice(0, 3)), name: file.slice(4, -4), file, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * `client` is a connected pg Client (a role that may create schemas and roles).
 * `target`: stop after this version (tests bring a database to the previous version).
 * Returns { applied: number[], version }.
 */
export async function migrate(client, { dir = MIGRATIONS_DIR, target = Infinity } = {}) {
  await client.query(`CREATE TABLE IF NOT EXISTS public.schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  // Two runners at once (two admins, or CI retries) wait for each other instead of racing.
  await client.query('SELECT pg_advisory_lock(7411)');
  try {
    const done = new Map((await client.query('SELECT version, checksum FROM public.schema_migrations')).rows.map((r) => [r.version, r.checksum]));
    const applied = [];
    for (const m of listMigrations(dir)) {
      if (m.version > target) break;
      if (done.has(m.version)) {
        if (done.get(m.version) !== m.checksum) throw new Error(`migration ${m.file} was edited after it was applied (checksum differs); add a new migration instead`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO public.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.file} failed: ${e.message}`);
      }
      applied.push(m.version);
    }
    const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM public.schema_migrations');
    return { applied, version: rows[0].v };
  } finally {
    await client.query('SELECT pg_advisory_unlock(7411)');
  }
}

/** Registers a checkpoint and a booth login role for it (idempotent for the checkpoint). */
export async function addBooth(client, { checkpoint, role, password }) {
  const ident = client.escapeIdentifier(role);
  await client.query('INSERT INTO county.checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [checkpoint]);
  await client.query(`CREATE ROLE ${ident} LOGIN PASSWORD ${client.escapeLiteral(password)} IN ROLE county_booth`);
  await client.query('INSERT INTO county.booth_accounts (role_name, checkpoint) VALUES ($1, $2)', [role, checkpoint]);
}

export async function addSupervisor(client, { role, password }) {
  await client.query(`CREATE ROLE ${client.escapeIdentifier(role)} LOGIN PASSWORD ${client.escapeLiteral(password)} IN ROLE county_supervisor`);
}
