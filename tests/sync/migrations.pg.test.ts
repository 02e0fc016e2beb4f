// The county schema's migrations: an empty database, one at the previous version, a re-run,
// and an edited migration refused. Also TLS with a self-signed certificate made here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCert, startCluster, type Cluster } from '../../scripts/county/cluster.mjs';
import { addBooth, listMigrations, migrate, MIGRATIONS_DIR } from '../../scripts/county/migrate.mjs';
import { createConfigStore } from '../../electron/main/sync/configStore';
import { createSyncService } from '../../electron/main/sync/service';
import { fakeEncryptor } from './county.testkit';

let cluster: Cluster;
let admin: pg.Client;
const latest = Math.max(...listMigrations().map((m) => m.version));

async function freshDb(name: string): Promise<pg.Client> {
  await admin.query(`CREATE DATABASE ${name}`);
  const c = new pg.Client({ connectionString: cluster.superUrl.replace(/\/postgres$/, `/${name}`) });
  await c.connect();
  return c;
}

const tables = async (c: pg.Client) =>
  (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'county' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows.map((r) => r.table_name);

beforeAll(async () => {
  cluster = await startCluster();
  admin = new pg.Client({ connectionString: cluster.superUrl });
  await admin.connect();
}, 60_000);

afterAll(async () => {
  await admin?.end();
  cluster?.stop();
});

describe('county migrations', () => {
  it('apply to an empty database and record every version', async () => {
    const c = await freshDb('empty_db');
    const r = await migrate(c);
    expect(r.applied).toEqual(listMigrations().map((m) => m.version));
    expect(r.version).toBe(latest);
    expect(await tables(c)).toEqual(expect.arrayContaining(['vehicles', 'persons', 'amendments', 'watchlists', 'watchlist_hits', 'operators', 'audit_entries']));
    // Every booth-written table has row-level security on.
    const rls = await c.query(`SELECT relname FROM pg_class WHERE relnamespace = 'county'::regnamespace AND relkind = 'r' AND relrowsecurity ORDER BY 1`);
    expect(rls.rows.map((x) => x.relname)).toEqual(['amendments', 'audit_entries', 'handover_summaries', 'incidents', 'operators', 'persons', 'push_log', 'record_revisions', 'shifts', 'vehicles', 'watchlist_hits']);
    expect((await migrate(c)).applied).toEqual([]);
    await c.end();
  });

  it('apply to a database at version 2 (before booths pushed audit entries), keeping its data', async () => {
    const c = await freshDb('v2_db');
    expect((await migrate(c, { target: 2 })).version).toBe(2);
    const auditColumns = async () =>
      (await c.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'county' AND table_name = 'audit_entries' ORDER BY 1`)).rows.map((r) => r.column_name);
    // Version 2: audit entries keyed by a uuid, no chain columns yet.
    expect(await auditColumns()).toContain('id');
    await addBooth(c, { checkpoint: '南江南高速出口卡点', role: 'booth_prev', password: 'pw' });
    await c.query(`INSERT INTO county.shifts (id, checkpoint, day, opened_at, shift_name, lead_name, record, content_hash)
                   VALUES ('0190aaaa-0000-7000-8000-000000000001', '南江南高速出口卡点', '2020-02-01', now(), 'day', '王队长', '{}', 'h')`);
    await c.query(`INSERT INTO county.watchlists (id, name, source, published_at) VALUES ('0190aaaa-0000-7000-8000-0000000000aa', '返乡人员', '数据专班', now())`);
    const r = await migrate(c);
    expect(r.applied).toEqual(listMigrations().map((m) => m.version).filter((v) => v > 2));
    // Version 3: the booth's chain (seq, hashes), lists with a version, entries with a note.
    expect(await auditColumns()).toEqual(expect.arrayContaining(['seq', 'role', 'prev_hash', 'hash']));
    expect(await auditColumns()).not.toContain('id');
    const list = await c.query(`SELECT updated_at IS NOT NULL AS versioned FROM county.watchlists`);
    expect(list.rows).toEqual([{ versioned: true }]);
    expect((await c.query('SELECT count(*)::int n FROM county.shifts')).rows[0].n).toBe(1);
    await c.end();
  });

  it('apply to a database at version 3 (before the day-view columns): existing rows get them', async () => {
    const c = await freshDb('prev_db');
    expect((await migrate(c, { target: 3 })).version).toBe(3);
    await addBooth(c, { checkpoint: '南江南高速出口卡点', role: 'booth_prev2', password: 'pw' });
    const shift = '0190aaaa-0000-7000-8000-000000000011';
    await c.query(`INSERT INTO county.shifts (id, checkpoint, day, opened_at, shift_name, lead_name, record, content_hash)
                   VALUES ($1, '南江南高速出口卡点', '2020-02-01', now(), 'day', '王队长', '{}', 'h')`, [shift]);
    await c.query(`INSERT INTO county.vehicles (id, checkpoint, shift_id, day, created_at, updated_at, plate, record, content_hash)
                   VALUES ('0190aaaa-0000-7000-8000-000000000012', '南江南高速出口卡点', $1, '2020-02-01', now(), now(), '鄂A12345',
                           '{"voided":0,"keyArea":true,"inspected":true,"disinfected":false,"disposition":"turnedBack","watchHits":["e1"],"amendments":[{"afterClose":true},{"afterClose":false}]}', 'h')`, [shift]);
    expect((await migrate(c)).applied).toEqual(listMigrations().map((m) => m.version).filter((v) => v > 3));
    // Version 4's day-view columns are computed for the rows already there.
    const v = await c.query(`SELECT is_voided, is_key_area, is_disinfected, disposition, watch_hits, after_close FROM county.vehicles`);
    expect(v.rows).toEqual([{ is_voided: false, is_key_area: true, is_disinfected: false, disposition: 'turnedBack', watch_hits: 1, after_close: 1 }]);
    await c.end();
  });

  it('apply to a database at the previous version: only the newest runs, revisions kept, operators may have one', async () => {
    const c = await freshDb('prev_db5');
    expect((await migrate(c, { target: latest - 1 })).version).toBe(latest - 1);
    await addBooth(c, { checkpoint: '南江南高速出口卡点', role: 'booth_prev5', password: 'pw' });
    const revision = (kind: string, id: string) =>
      c.query(`INSERT INTO county.record_revisions (kind, record_id, checkpoint, day, updated_at, record, content_hash)
               VALUES ($1, $2, '南江南高速出口卡点', '2020-02-01', now(), '{"name":"吴管理","role":"admin"}', $1)`, [kind, id]);
    await revision('vehicle', '0190aaaa-0000-7000-8000-000000000021');
    // Before version 5 an operator has no later state.
    await expect(revision('operator', '0190aaaa-0000-8000-8000-000000000022')).rejects.toThrow(/record_revisions_kind_check/);
    expect((await migrate(c)).applied).toEqual([latest]);
    await revision('operator', '0190aaaa-0000-8000-8000-000000000022');
    expect((await c.query(`SELECT kind FROM county.record_revisions ORDER BY kind`)).rows.map((r) => r.kind)).toEqual(['operator', 'vehicle']);
    // The roster as it stands: the first copy overlaid by its newest revision.
    await c.query(`INSERT INTO county.operators (id, checkpoint, name, role, record, content_hash)
                   VALUES ('0190aaaa-0000-8000-8000-000000000022', '南江南高速出口卡点', '周管理', 'admin', '{}', 'h')`);
    expect((await c.query(`SELECT name, role FROM county.operators_current`)).rows).toEqual([{ name: '吴管理', role: 'admin' }]);
    await c.end();
  });

  it('refuses a migration edited after it was applied', async () => {
    const c = await freshDb('edited_db');
    const dir = mkdtempSync(path.join(tmpdir(), 'migr-'));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      await migrate(c, { dir });
      const first = listMigrations(dir)[0]!;
      writeFileSync(path.join(dir, first.file), `${readFileSync(path.join(dir, first.file), 'utf8')}\n-- edited\n`);
      await expect(migrate(c, { dir })).rejects.toThrow(/edited after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await c.end();
    }
  });
});

describe('TLS', () => {
  it('a booth connects over TLS verifying the county’s self-signed certificate, and is refused without it', async () => {
    const certDir = mkdtempSync(path.join(tmpdir(), 'county-cert-'));
    chmodSync(certDir, 0o755);
    const cert = selfSignedCert(certDir);
    const tls = await startCluster({ ssl: cert, sslOnly: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'booth-tls-'));
    try {
      const a = new pg.Client({ connectionString: tls.superUrl, ssl: { ca: readFileSync(cert.certFile, 'utf8') } });
      await a.connect();
      await migrate(a);
      await addBooth(a, { checkpoint: '南江南高速出口卡点', role: 'booth_tls', password: 'pw-tls' });
      const secure = await a.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      expect(secure.rows[0].ssl).toBe(true);
      await a.end();
      const service = createSyncService({ store: createConfigStore(path.join(dir, 'sync.json'), fakeEncryptor) });
      const setup = { host: '127.0.0.1', port: tls.port, database: 'postgres', role: 'booth_tls', checkpoint: '南江南高速出口卡点' };
      const ok = await service.configure({ setup: { ...setup, tls: 'verify', caPem: readFileSync(cert.certFile, 'utf8') }, password: 'pw-tls' });
      expect(ok).toMatchObject({ ok: true });
      // The password is not in the file in plain text.
      expect(readFileSync(path.join(dir, 'sync.json'), 'utf8')).not.toContain('pw-tls');
      expect((await service.pull()).ok).toBe(true);
      // Without the county's CA the self-signed certificate is not trusted …
      const untrusted = await service.configure({ setup: { ...setup, tls: 'verify' }, password: 'pw-tls' });
      expect(untrusted).toMatchObject({ ok: false, error: { code: 'sync.unreachable' } });
      // … and the server takes no plain-text connection at all.
      const plain = await service.configure({ setup: { ...setup, tls: 'off' }, password: 'pw-tls' });
      expect(plain.ok).toBe(false);
    } finally {
      tls.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(certDir, { recursive: true, force: true });
    }
  }, 60_000);
});
