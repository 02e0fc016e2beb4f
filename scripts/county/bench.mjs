#!/usr/bin/env node
// npm run bench:sync — county sync figures against a throw-away PostgreSQL on this machine:
//   1. push throughput of the sync module (pushBatch, 500-vehicle batches) vs COPY of the same rows
//   2. one booth day (3,000 vehicles / 12,000 persons) pushed end to end: outbox → IPC validation → PostgreSQL
//   3. the supervisor's county day view at N booths × one day (default 100)
//   4. booth save latency (saveVehicle) while a week's catch-up runs vs idle
// Flags: --booths N (default 100), --runs N (default 3), --port P (else a free port).
// The TypeScript modules are loaded through Vite's SSR loader, the same sources the app ships.
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync, chownSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createServer } from 'vite';
import { startCluster } from './cluster.mjs';
import { addBooth, addSupervisor, migrate } from './migrate.mjs';

const { values } = parseArgs({ options: { booths: { type: 'string' }, runs: { type: 'string' }, port: { type: 'string' }, parts: { type: 'string' }, explain: { type: 'boolean' } } });
// --parts push,e2e,day,save (default all)
const PARTS = new Set((values.parts ?? 'push,e2e,day,save').split(','));
const BOOTHS = Number(values.booths ?? 100);
const RUNS = Number(values.runs ?? 3);
const VEHICLES = 3000;
const PER_VEHICLE = 4;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

const vite = await createServer({ configFile: false, server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] } });
const load = (p) => vite.ssrLoadModule(p);
const { pushBatch } = await load('/electron/main/sync/push.ts');
const { countyDay, DAY_SQL, DAY_SETTINGS } = await load('/electron/main/sync/countyDay.ts');
const { createSyncService } = await load('/electron/main/sync/service.ts');
const { createConfigStore } = await load('/electron/main/sync/configStore.ts');
const { syncBatchSchema } = await load('/shared/sync/batch.ts');
const { syncOnce } = await load('/renderer/src/sync/engine.ts');
const db = await load('/renderer/src/db/index.ts');
const testing = await load('/renderer/src/db/testing.ts');
const { newId, dayKey } = await load('/renderer/src/db/ids.ts');

const CP = '南江南高速出口卡点';
const cluster = await startCluster(values.port ? { port: Number(values.port) } : {});
// Never leave a server behind, and never exit silently on a stalled promise.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cluster.stop(); process.exit(130); });
const keepAlive = setInterval(() => undefined, 1000);
const results = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, booths: BOOTHS, runs: RUNS, figures: {} };
try {
  const admin0 = new pg.Client({ connectionString: cluster.superUrl });
  await admin0.connect();
  for (const name of ['county', 'copy_target']) await admin0.query(`CREATE DATABASE ${name}`);
  await admin0.end();
  const urlOf = (name) => cluster.superUrl.replace(/\/postgres$/, `/${name}`);
  const admin = new pg.Client({ connectionString: urlOf('county') });
  await admin.connect();
  await migrate(admin);
  await addBooth(admin, { checkpoint: CP, role: 'booth_bench', password: 'pw' });
  await addSupervisor(admin, { role: 'sup_bench', password: 'pw' });
  const copyDb = new pg.Client({ connectionString: urlOf('copy_target') });
  await copyDb.connect();
  await migrate(copyDb);
  await copyDb.query(`INSERT INTO county.checkpoints (name) VALUES ($1)`, [CP]);
  const booth = new pg.Client({ host: '127.0.0.1', port: cluster.port, database: 'county', user: 'booth_bench', password: 'pw' });
  await booth.connect();

  // A booth day as the booth stores it.
  function boothDay(dayStart, shiftId) {
    const vehicles = [];
    const persons = [];
    for (let i = 0; i < VEHICLES; i++) {
      const t = dayStart + i * 28_000;
      const v = testing.makeVehicle({ id: newId(t), shiftId, checkpoint: CP, createdAt: t, updatedAt: t, day: dayKey(t), personCount: PER_VEHICLE });
      vehicles.push(v);
      for (let k = 0; k < PER_VEHICLE; k++) persons.push(testing.makePerson({ id: newId(t), seq: k, role: k ? 'passenger' : 'driver' }, v));
    }
    return { vehicles, persons };
  }

  // ---- 1. push module vs COPY -------------------------------------------------------------
  const pushTimes = [];
  const copyTimes = [];
  for (let run = 0; run < (PARTS.has('push') ? RUNS : 0); run++) {
    const shift = testing.makeShift({ checkpoint: CP, openedAt: Date.UTC(2020, 1, 1 + run) });
    const day = boothDay(shift.openedAt, shift.id);
    const byVehicle = new Map();
    for (const p of day.persons) (byVehicle.get(p.vehicleId) ?? byVehicle.set(p.vehicleId, []).get(p.vehicleId)).push(p);
    const batches = [];
    for (let i = 0; i < day.vehicles.length; i += 500) {
      const vs = day.vehicles.slice(i, i + 500);
      batches.push({ batchId: newId(), checkpoint: CP, shifts: i === 0 ? [shift] : [], vehicles: vs, persons: vs.flatMap((v) => byVehicle.get(v.id)), incidents: [] });
    }
    let t0 = performance.now();
    for (const b of batches) await pushBatch(booth, b, CP);
    pushTimes.push(performance.now() - t0);

    // COPY of the same rows (same columns, same jsonb, md5 computed by the server as push does).
    const dir = path.join(cluster.dir, 'copy');
    mkdirSync(dir, { recursive: true });
    const csv = (rows) => rows.map((r) => r.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',')).join('\n');
    const iso = (x) => new Date(x).toISOString();
    const vFile = path.join(dir, `v${run}.csv`);
    const pFile = path.join(dir, `p${run}.csv`);
    writeFileSync(vFile, csv(day.vehicles.map((v) => [v.id, CP, v.shiftId, v.day, iso(v.createdAt), iso(v.updatedAt), v.plate, JSON.stringify(v)])));
    writeFileSync(pFile, csv(day.persons.map((p) => [p.id, p.vehicleId, CP, p.shiftId, p.day, iso(p.createdAt), iso(p.createdAt), p.docNumber, JSON.stringify(p)])));
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      for (const f of [dir, vFile, pFile]) chownSync(f, uid, gid);
    } catch {
      // not root: the server runs as us and can read the files
    }
    t0 = performance.now();
    await copyDb.query('BEGIN');
    await copyDb.query(`CREATE TEMP TABLE tv (id uuid, checkpoint text, shift_id uuid, day date, created_at timestamptz, updated_at timestamptz, plate text, record jsonb) ON COMMIT DROP`);
    await copyDb.query(`CREATE TEMP TABLE tp (id uuid, vehicle_id uuid, checkpoint text, shift_id uuid, day date, created_at timestamptz, updated_at timestamptz, doc_number text, record jsonb) ON COMMIT DROP`);
    await copyDb.query(`COPY tv FROM '${vFile}' WITH (FORMAT csv)`);
    await copyDb.query(`COPY tp FROM '${pFile}' WITH (FORMAT csv)`);
    await copyDb.query(`INSERT INTO county.vehicles (id, checkpoint, shift_id, day, created_at, updated_at, plate, record, content_hash) SELECT *, md5(record::text) FROM tv`);
    await copyDb.query(`INSERT INTO county.persons (id, vehicle_id, checkpoint, shift_id, day, created_at, updated_at, doc_number, record, content_hash) SELECT *, md5(record::text) FROM tp`);
    await copyDb.query('COMMIT');
    copyTimes.push(performance.now() - t0);
  }
  const rows = VEHICLES * (1 + PER_VEHICLE);
  if (PARTS.has('push')) results.figures.push = { rows, pushMs: median(pushTimes), copyMs: median(copyTimes), ratio: median(pushTimes) / median(copyTimes), pushRowsPerSec: rows / (median(pushTimes) / 1000), copyRowsPerSec: rows / (median(copyTimes) / 1000) };
  if (PARTS.has('push')) console.log(`push module: ${rows} rows in ${ms(median(pushTimes))} (${Math.round(results.figures.push.pushRowsPerSec)} rows/s); COPY: ${ms(median(copyTimes))}; ratio ${results.figures.push.ratio.toFixed(2)}×`);

  // ---- 2. a booth day end to end ------------------------------------------------------------
  const { tmpdir } = await import('node:os');
  const { mkdtempSync } = await import('node:fs');
  const encryptor = { isEncryptionAvailable: () => true, encryptString: (s) => Buffer.from(s).reverse(), decryptString: (b) => Buffer.from(b).reverse().toString() };
  const service = createSyncService({ store: createConfigStore(path.join(mkdtempSync(path.join(tmpdir(), 'bench-sync-')), 'sync.json'), encryptor) });
  const cfg = await service.configure({ setup: { host: '127.0.0.1', port: cluster.port, database: 'county', role: 'booth_bench', checkpoint: CP, tls: 'off' }, password: 'pw' });
  if (!cfg.ok) throw new Error(cfg.error.message.en);
  const transport = {
    push: async (b) => {
      const parsed = syncBatchSchema.safeParse(b); // what the IPC layer does
      if (!parsed.success) throw new Error('invalid batch');
      return service.push(parsed.data);
    },
    pull: () => service.pull(),
    watchEntries: (r) => service.watchEntries(r),
  };
  const e2e = [];
  for (let run = 0; run < (PARTS.has('e2e') ? RUNS : 0); run++) {
    const bdb = testing.freshDb();
    const openedAt = Date.now() - 86_400_000 + run;
    const shift = testing.makeShift({ checkpoint: CP, openedAt, day: dayKey(openedAt) });
    const day = boothDay(openedAt, shift.id);
    await bdb.transaction('rw', [bdb.shifts, bdb.vehicles, bdb.persons], async () => {
      await bdb.shifts.add(shift);
      await bdb.vehicles.bulkAdd(day.vehicles);
      await bdb.persons.bulkAdd(day.persons);
    });
    const t0 = performance.now();
    const r = await syncOnce(bdb, transport, { checkpoint: CP });
    e2e.push(performance.now() - t0);
    if (r.error || r.stored < rows) throw new Error(`end-to-end run stored ${r.stored}: ${r.error?.en}`);
    bdb.close();
  }
  if (PARTS.has('e2e')) {
    results.figures.boothDay = { vehicles: VEHICLES, persons: VEHICLES * PER_VEHICLE, ms: median(e2e), vsPushModule: pushTimes.length ? median(e2e) / median(pushTimes) : null };
    console.log(`booth day end to end (fake-indexeddb outbox → zod → pg): ${ms(median(e2e))}`);
  }

  // ---- 3. county day view at N booths ---------------------------------------------------------
  if (PARTS.has('day')) {
  const day = '2020-02-17';
  await admin.query(`INSERT INTO county.checkpoints (name) SELECT 'bench-' || g FROM generate_series(1, $1) g`, [BOOTHS]);
  const tLoad = performance.now();
  await admin.query(`INSERT INTO county.shifts (id, checkpoint, day, opened_at, shift_name, lead_name, record, content_hash)
    SELECT md5('s' || g)::uuid, 'bench-' || g, $1::date, $1::date + interval '8 hours', 'day', '王队长', '{}', 'h' FROM generate_series(1, $2) g`, [day, BOOTHS]);
  await admin.query(`INSERT INTO county.vehicles (id, checkpoint, shift_id, day, created_at, updated_at, plate, record, content_hash)
    SELECT md5('v' || b || '-' || i)::uuid, 'bench-' || b, md5('s' || b)::uuid, $1::date, $1::date + interval '8 hours' + i * interval '28 seconds', now(), '川A' || i,
      jsonb_build_object('voided', (i % 200 = 0)::int, 'keyArea', i % 7 = 0, 'inspected', true, 'disinfected', i % 3 = 0, 'disposition', CASE WHEN i % 11 = 0 THEN 'turnedBack' ELSE 'released' END,
        'watchHits', '[]'::jsonb, 'amendments', '[]'::jsonb, 'origin', '成都市武侯区', 'route', '成绵高速', 'destination', '德阳市旌阳区东湖街道', 'remarks', ''), 'h'
    FROM generate_series(1, $2) b, generate_series(1, ${VEHICLES}) i`, [day, BOOTHS]);
  await admin.query(`INSERT INTO county.persons (id, vehicle_id, checkpoint, shift_id, day, created_at, updated_at, doc_number, record, content_hash)
    SELECT md5('p' || b || '-' || i || '-' || k)::uuid, md5('v' || b || '-' || i)::uuid, 'bench-' || b, md5('s' || b)::uuid, $1::date, $1::date + interval '8 hours' + i * interval '28 seconds', now(), '34052419800101001X',
      jsonb_build_object('voided', 0, 'feverFirst', i % 200 = 0, 'feverConfirmed', i % 400 = 0, 'disposition', CASE WHEN i % 400 = 0 THEN 'feverClinic' ELSE 'released' END,
        'name', '张三', 'docNumber', '34052419800101001X', 'phone', '13800138000', 'symptoms', '[]'::jsonb), 'h'
    FROM generate_series(1, $2) b, generate_series(1, ${VEHICLES}) i, generate_series(1, ${PER_VEHICLE}) k`, [day, BOOTHS]);
  // What autovacuum does after a bulk insert (insert-triggered vacuum since PostgreSQL 13): statistics
  // and the visibility map, which lets the day view's covering indexes answer without the table.
  await admin.query('VACUUM ANALYZE');
  const loadMs = performance.now() - tLoad;
  const sup = new pg.Client({ host: '127.0.0.1', port: cluster.port, database: 'county', user: 'sup_bench', password: 'pw' });
  await sup.connect();
  const viewTimes = [];
  let shifts = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const v = await countyDay(sup, { day, tzOffsetMinutes: 480 });
    viewTimes.push(performance.now() - t0);
    shifts = v.shifts.length;
  }
  // --explain: where the day view's time goes (the plan with timings and buffers).
  if (values.explain) {
    await sup.query('BEGIN READ ONLY');
    await sup.query(DAY_SETTINGS);
    const plan = await sup.query(`EXPLAIN (ANALYZE, BUFFERS) ${DAY_SQL}`, [day, 480]);
    await sup.query('COMMIT');
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  await sup.end();
  results.figures.countyDay = { booths: BOOTHS, vehicles: BOOTHS * VEHICLES, persons: BOOTHS * VEHICLES * PER_VEHICLE, shifts, ms: median(viewTimes), loadMs };
  console.log(`county day view, ${BOOTHS} booths × ${VEHICLES} vehicles / ${VEHICLES * PER_VEHICLE} persons: ${ms(median(viewTimes))} (${shifts} shifts)`);
  }

  // ---- 4. booth save latency: idle vs during a week's catch-up ---------------------------------
  if (PARTS.has('save')) {
  const bdb = testing.freshDb();
  const now = Date.now();
  const shift = testing.makeShift({ checkpoint: CP, openedAt: now - 1000, day: dayKey(now - 1000) });
  await bdb.shifts.add(shift);
  for (let d = 0; d < 7; d++) {
    const week = boothDay(now - (7 - d) * 86_400_000, shift.id);
    await bdb.transaction('rw', [bdb.vehicles, bdb.persons], async () => {
      await bdb.vehicles.bulkAdd(week.vehicles);
      await bdb.persons.bulkAdd(week.persons);
    });
  }
  const saveOnce = async () => {
    const t = Date.now();
    const v = testing.makeVehicle({ shiftId: shift.id, checkpoint: CP, createdAt: t, updatedAt: t, day: dayKey(t) });
    const persons = [0, 1, 2, 3].map((k) => testing.makePerson({ seq: k }, v));
    const t0 = performance.now();
    const r = await db.saveVehicle(bdb, v, persons);
    if (!r.ok) throw new Error(r.error.message.en);
    return performance.now() - t0;
  };
  // Warm up first (JIT, the day's counter row), then idle before and after the catch-up.
  for (let i = 0; i < 20; i++) await saveOnce();
  const idle = [];
  for (let i = 0; i < 40; i++) idle.push(await saveOnce());
  const during = [];
  let catching = true;
  const catchUp = syncOnce(bdb, transport, { checkpoint: CP }).finally(() => (catching = false));
  while (catching) {
    during.push(await saveOnce());
    // The operator's pace is far slower than this; a short pause lets batches interleave.
    await new Promise((r) => setTimeout(r, 20));
  }
  const cr = await catchUp;
  for (let i = 0; i < 40; i++) idle.push(await saveOnce());
  results.figures.saveLatency = { idleMs: median(idle), duringCatchUpMs: median(during), ratio: median(during) / median(idle), savesDuringCatchUp: during.length, catchUpBatches: cr.batches };
  console.log(`save (vehicle + 4) idle ${ms(median(idle))}, during catch-up ${ms(median(during))} (${during.length} saves, ${cr.batches} batches): ${results.figures.saveLatency.ratio.toFixed(2)}×`);
  }

  await booth.end();
  await copyDb.end();
  await admin.end();
} finally {
  clearInterval(keepAlive);
  cluster.stop();
  await vite.close();
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/sync-latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench-results/sync-latest.json');
