// The main process's side of county sync, behind the IPC handlers: it owns the connection
// settings and talks to PostgreSQL with `pg`. No electron import: tests run it in Node against
// a real PostgreSQL.
import pg from 'pg';
import { fail, ok, type Result } from '../../../shared/result';
import type { CountyDay, CountyDown, CountyWatchEntry, DayRequest, WatchEntriesRequest, PushOutcome, SyncBatch, SyncConfigure, SyncSetup, SyncStatus } from '../../../shared/sync/batch';
import { parseBoothFile, type ConfigStore } from './configStore';
import { countyDay } from './countyDay';
import { pullCounty, pullWatchEntries } from './pull';
import { isConnectionError, pushBatch } from './push';

export interface SyncServiceOptions {
  store: ConfigStore;
  connectTimeoutMs?: number;
  /** Wraps the client after connecting (tests cut the link mid-batch through it). */
  onConnect?: (client: pg.Client) => void;
}

export function clientConfig(setup: SyncSetup, password: string, connectTimeoutMs = 8000): pg.ClientConfig {
  return {
    host: setup.host,
    port: setup.port,
    database: setup.database,
    user: setup.role,
    password,
    // TLS verifies the server's certificate against the county's CA (or the system's); 'off' is
    // for a local trial only and the setup screen says so.
    ssl: setup.tls === 'verify' ? { rejectUnauthorized: true, ...(setup.caPem ? { ca: setup.caPem } : {}) } : false,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: 120_000,
    statement_timeout: 120_000,
    application_name: 'checkpoint-station',
  };
}

function describe(e: unknown): Result<never> {
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === '28P01' || code === '28000') return fail('sync.auth', `县级服务器拒绝登录：账号或密码错误（${msg}）`, `The county server refused the login: wrong role or password (${msg})`);
  if (isConnectionError(e) || /ssl|tls|certificate|self.signed/i.test(msg)) {
    return fail('sync.unreachable', `连不上县级服务器：${msg}`, `Cannot reach the county server: ${msg}`);
  }
  return fail('sync.failed', `同步失败：${msg}`, `Sync failed: ${msg}`);
}

const notConfigured = (): Result<never> => fail('sync.notConfigured', '尚未设置县级同步', 'County sync is not set up');

export function createSyncService(opts: SyncServiceOptions) {
  const withClient = async <T>(fn: (client: pg.Client, setup: SyncSetup) => Promise<T>): Promise<Result<T>> => {
    const cfg = await opts.store.load();
    if (!cfg) return notConfigured();
    const client = new pg.Client(clientConfig(cfg.setup, cfg.password, opts.connectTimeoutMs));
    // An idle socket error must not crash the main process; the pending query reports it.
    client.on('error', () => undefined);
    try {
      await client.connect();
      opts.onConnect?.(client);
      return ok(await fn(client, cfg.setup));
    } catch (e) {
      return describe(e);
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  return {
    async status(): Promise<Result<SyncStatus>> {
      const cfg = await opts.store.load();
      return ok(cfg ? { available: true, configured: true, setup: cfg.setup } : { available: true, configured: false });
    },
    /** Saves the setup only after a test login succeeds, so a typo is caught at the desk. */
    async configure(c: SyncConfigure): Promise<Result<SyncStatus>> {
      const client = new pg.Client(clientConfig(c.setup, c.password, opts.connectTimeoutMs));
      client.on('error', () => undefined);
      try {
        await client.connect();
        const r = await client.query<{ cp: string | null; supervisor: boolean }>(
          "SELECT county.checkpoint_of(current_user) AS cp, pg_has_role(current_user, 'county_supervisor', 'MEMBER') AS supervisor",
        );
        const cp = r.rows[0]?.cp ?? null;
        if (c.setup.checkpoint === '' && !r.rows[0]?.supervisor) {
          return fail('sync.notSupervisor', '此账号不是督导账号，请填写本卡点名称', 'This role is not a supervisor account; enter the checkpoint name');
        }
        if (c.setup.checkpoint !== '' && cp !== c.setup.checkpoint) {
          return fail('sync.wrongCheckpoint', `此账号属于卡点「${cp ?? '（无）'}」，不是「${c.setup.checkpoint}」`, `This role belongs to checkpoint "${cp ?? '(none)'}", not "${c.setup.checkpoint}"`);
        }
      } catch (e) {
        return describe(e);
      } finally {
        await client.end().catch(() => undefined);
      }
      const saved = await opts.store.save(c);
      if (!saved.ok) return saved;
      return ok({ available: true, configured: true, setup: c.setup });
    },
    async importBoothFile(text: string): Promise<Result<SyncStatus>> {
      const parsed = parseBoothFile(text);
      if (!parsed.ok) return parsed;
      return this.configure(parsed.value);
    },
    async forget(): Promise<Result<SyncStatus>> {
      await opts.store.forget();
      return ok({ available: true, configured: false });
    },
    push(batch: SyncBatch): Promise<Result<PushOutcome>> {
      return withClient((client, setup) => {
        if (setup.checkpoint === '' || batch.checkpoint !== setup.checkpoint) {
          throw Object.assign(new Error(`batch for "${batch.checkpoint}", booth is "${setup.checkpoint}"`), { code: 'XXBAD' });
        }
        return pushBatch(client, batch, setup.checkpoint);
      });
    },
    pull(): Promise<Result<CountyDown>> {
      return withClient((client) => pullCounty(client));
    },
    watchEntries(req: WatchEntriesRequest): Promise<Result<CountyWatchEntry[]>> {
      return withClient((client) => pullWatchEntries(client, req));
    },
    countyDay(req: DayRequest): Promise<Result<CountyDay>> {
      return withClient((client) => countyDay(client, req));
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
