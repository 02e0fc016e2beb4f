// A real PostgreSQL for the sync tests: a throw-away cluster (initdb + pg_ctl in a temp folder
// on a free port), migrated, with booth and supervisor roles; plus booths whose IndexedDB is
// fake-indexeddb and whose main-process side is the real sync service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startCluster, type Cluster } from '../../scripts/county/cluster.mjs';
import { addBooth, addSupervisor, migrate } from '../../scripts/county/migrate.mjs';
import { createConfigStore, type Encryptor } from '../../electron/main/sync/configStore';
import { createSyncService, type SyncService } from '../../electron/main/sync/service';
import { syncBatchSchema, watchEntriesRequestSchema, type SyncSetup } from '../../shared/sync/batch';
import { fail } from '../../shared/result';
import type { SyncTransport } from '../../renderer/src/sync/engine';

/** Stands in for Electron's safeStorage: reversible, and visibly not plain text. */
export const fakeEncryptor: Encryptor = {
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from(`enc:${Buffer.from(s, 'utf8').toString('base64')}`, 'utf8').reverse(),
  decryptString: (b) => Buffer.from(Buffer.from(b).reverse().toString('utf8').slice(4), 'base64').toString('utf8'),
};

export interface County {
  cluster: Cluster;
  port: number;
  admin: pg.Client;
  stop(): Promise<void>;
  connectAs(role: string, password: string): Promise<pg.Client>;
}

export async function startCounty(booths: BoothLogin[], opts: { migrateTarget?: number } = {}): Promise<County> {
  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.superUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE county');
  await admin.end();
  const countyAdmin = new pg.Client({ connectionString: cluster.superUrl.replace(/\/postgres$/, '/county') });
  await countyAdmin.connect();
  await migrate(countyAdmin, opts.migrateTarget ? { target: opts.migrateTarget } : {});
  for (const b of booths) await addBooth(countyAdmin, b);
  await addSupervisor(countyAdmin, { role: 'supervisor_1', password: 'sup-pw' });
  const open: pg.Client[] = [];
  return {
    cluster,
    port: cluster.port,
    admin: countyAdmin,
    async connectAs(role, password) {
      const c = new pg.Client({ host: '127.0.0.1', port: cluster.port, database: 'county', user: role, password });
      await c.connect();
      open.push(c);
      return c;
    },
    async stop() {
      for (const c of open) await c.end().catch(() => undefined);
      await countyAdmin.end().catch(() => undefined);
      cluster.stop();
    },
  };
}

export interface BoothSide {
  service: SyncService;
  transport: SyncTransport;
  dir: string;
  cleanup(): void;
}

/** The booth's main-process side, configured as a county administrator would. */
export async function boothSide(county: County, setup: Omit<SyncSetup, 'host' | 'port' | 'database' | 'tls'> & Partial<SyncSetup>, password: string, onConnect?: (c: pg.Client) => void): Promise<BoothSide> {
  const dir = mkdtempSync(path.join(tmpdir(), 'booth-sync-'));
  const service = createSyncService({ store: createConfigStore(path.join(dir, 'sync.json'), fakeEncryptor), ...(onConnect ? { onConnect } : {}) });
  const r = await service.configure({ setup: { host: '127.0.0.1', port: county.port, database: 'county', tls: 'off', ...setup }, password });
  if (!r.ok) throw new Error(`configure failed: ${r.error.message.en}`);
  // The same validation the IPC layer applies before main sees a batch.
  const transport: SyncTransport = {
    push: async (batch) => {
      const parsed = syncBatchSchema.safeParse(batch);
      if (!parsed.success) return fail('ipc.invalid', '无效', `invalid batch: ${parsed.error.issues[0]?.message}`);
      return service.push(parsed.data);
    },
    pull: () => service.pull(),
    watchEntries: async (r) => {
      const parsed = watchEntriesRequestSchema.safeParse(r);
      if (!parsed.success) return fail('ipc.invalid', '无效', `invalid request: ${parsed.error.issues[0]?.message}`);
      return service.watchEntries(parsed.data);
    },
  };
  return { service, transport, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** How a booth logs in to the county: its checkpoint and its own database role. */
export interface BoothLogin {
  checkpoint: string;
  role: string;
  password: string;
}

/** Two neighbouring booths with their own roles: the county most sync tests push to. */
export const BOOTH_A: BoothLogin = { checkpoint: '南江南高速出口卡点', role: 'booth_a', password: 'pw-a' };
export const BOOTH_B: BoothLogin = { checkpoint: '成绵高速黄许出口卡点', role: 'booth_b', password: 'pw-b' };

export interface BoothCounty {
  county: County;
  /** One main-process side per booth, in the order given. */
  sides: BoothSide[];
  /** Stops the cluster and removes every side's folder. */
  stop(): Promise<void>;
}

/** A county with these booths, each with its main-process side configured; `onConnect[i]` watches booth i's connections. */
export async function startBoothCounty(booths: BoothLogin[], onConnect: ((c: pg.Client) => void)[] = []): Promise<BoothCounty> {
  const county = await startCounty(booths);
  const sides: BoothSide[] = [];
  const stop = async () => {
    await county.stop();
    for (const side of sides) side.cleanup();
  };
  try {
    for (const [i, b] of booths.entries()) sides.push(await boothSide(county, { role: b.role, checkpoint: b.checkpoint }, b.password, onConnect[i]));
  } catch (e) {
    // Nothing is handed back to stop: stop the cluster here.
    await stop();
    throw e;
  }
  return { county, sides, stop };
}

export interface TwoBoothCounty {
  county: County;
  sideA: BoothSide;
  sideB: BoothSide;
  stop(): Promise<void>;
}

/** A county with booths A and B configured; `onConnectA` watches booth A's connections. */
export async function startTwoBoothCounty(onConnectA?: (c: pg.Client) => void): Promise<TwoBoothCounty> {
  const { county, sides, stop } = await startBoothCounty([BOOTH_A, BOOTH_B], onConnectA ? [onConnectA] : []);
  const [sideA, sideB] = sides as [BoothSide, BoothSide];
  return { county, sideA, sideB, stop };
}
