#!/usr/bin/env node
// County server commands.
//   npm run county:migrate -- --url postgres://admin:pw@host:5432/county
//   npm run county:up [-- --port 5433 --dir .county]     a local county server for trying sync
//   npm run county -- add-booth --url … --checkpoint 南江南高速出口卡点 --role booth_nanjiang --password …
//   npm run county -- add-supervisor --url … --role supervisor_li --password …
//   npm run county -- booth-file --host … --port … --database … --role … --password … --checkpoint … [--ca ca.crt] --out booth.json
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startCluster } from './cluster.mjs';
import { addBooth, addSupervisor, migrate } from './migrate.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    port: { type: 'string' },
    dir: { type: 'string' },
    host: { type: 'string' },
    database: { type: 'string' },
    checkpoint: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    ca: { type: 'string' },
    out: { type: 'string' },
  },
});
const command = positionals[0];

function need(name) {
  const v = values[name];
  if (!v) {
    console.error(`--${name} is required`);
    process.exit(2);
  }
  return v;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

if (command === 'migrate') {
  const r = await withClient(need('url'), (c) => migrate(c));
  console.log(r.applied.length ? `applied ${r.applied.join(', ')}; schema version ${r.version}` : `up to date; schema version ${r.version}`);
} else if (command === 'add-booth') {
  await withClient(need('url'), (c) => addBooth(c, { checkpoint: need('checkpoint'), role: need('role'), password: need('password') }));
  console.log(`booth role ${values.role} may now push for ${values.checkpoint}`);
} else if (command === 'add-supervisor') {
  await withClient(need('url'), (c) => addSupervisor(c, { role: need('role'), password: need('password') }));
  console.log(`supervisor role ${values.role} may read the county`);
} else if (command === 'booth-file') {
  const file = {
    format: 'checkpoint-station/booth-sync',
    version: 1,
    setup: {
      host: need('host'),
      port: Number(values.port ?? 5432),
      database: need('database'),
      role: need('role'),
      checkpoint: need('checkpoint'),
      tls: values.ca ? 'verify' : 'off',
      ...(values.ca ? { caPem: readFileSync(values.ca, 'utf8') } : {}),
    },
    password: need('password'),
  };
  writeFileSync(need('out'), JSON.stringify(file, null, 2), { mode: 0o600 });
  console.log(`wrote ${values.out}: import it at the booth (设置 → 县级同步 → 导入配置文件), then delete it`);
} else if (command === 'up') {
  // A local county for trying sync: data kept in --dir (default .county), stopped with Ctrl+C.
  const dir = path.resolve(values.dir ?? '.county');
  const cluster = await startCluster({ port: Number(values.port ?? 5433), dir });
  const adminUrl = cluster.superUrl;
  await withClient(adminUrl, async (c) => {
    const exists = await c.query(`SELECT 1 FROM pg_database WHERE datname = 'county'`);
    if (exists.rowCount === 0) await c.query('CREATE DATABASE county');
  });
  const url = adminUrl.replace(/\/postgres$/, '/county');
  const r = await withClient(url, (c) => migrate(c));
  await withClient(url, async (c) => {
    const has = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = 'booth_demo'`);
    if (has.rowCount === 0) {
      await addBooth(c, { checkpoint: '南江南高速出口卡点', role: 'booth_demo', password: 'booth-demo' });
      await addSupervisor(c, { role: 'supervisor_demo', password: 'supervisor-demo' });
    }
  });
  console.log(`county server up on 127.0.0.1:${cluster.port}, schema version ${r.version} (data in ${dir})`);
  console.log(`  admin:      ${url}`);
  console.log(`  booth:      role booth_demo / password booth-demo, checkpoint 南江南高速出口卡点, database county, TLS off (local trial only)`);
  console.log(`  supervisor: role supervisor_demo / password supervisor-demo`);
  console.log('Ctrl+C stops it.');
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
} else {
  console.error('usage: county <migrate|up|add-booth|add-supervisor|booth-file> [options] (see scripts/county/cli.mjs)');
  process.exit(2);
}
