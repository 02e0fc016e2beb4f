// A throw-away PostgreSQL cluster in a temp folder: initdb + pg_ctl on a local port. Used by
// the sync tests, `npm run bench:sync` and `npm run county:up`. initdb refuses to run as root,
// so when we are root the server runs as the `postgres` system user (Debian's package creates it).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's versioned binaries, newest first; PG_BIN overrides. */
export function findPgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  }
  throw new Error('PostgreSQL binaries not found: install Debian\'s "postgresql" package (apt-get install -y postgresql) or set PG_BIN');
}

/** Asks the OS for a free port, unless the caller picked one. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function runAs() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function run(bin, args, ids, what) {
  const r = spawnSync(bin, args, { ...ids, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
  return r.stdout;
}

/**
 * Starts a cluster. Returns { port, dir, superUrl, stop() }. `ssl`: { certFile, keyFile } enables
 * TLS (the server then also accepts plain connections unless `sslOnly`). `dir` keeps the data
 * (county:up); otherwise a temp folder is removed by stop().
 */
export async function startCluster({ port, dir, ssl, sslOnly = false, keep = false } = {}) {
  const bin = findPgBin();
  const ids = runAs();
  const owned = !dir;
  const base = dir ?? mkdtempSync(path.join(tmpdir(), 'county-pg-'));
  mkdirSync(base, { recursive: true });
  const data = path.join(base, 'data');
  const sock = path.join(base, 'sock');
  mkdirSync(sock, { recursive: true });
  if (ids.uid !== undefined) {
    chownSync(base, ids.uid, ids.gid);
    chownSync(sock, ids.uid, ids.gid);
  }
  chmodSync(base, 0o700);
  const pgPort = port ?? (await freePort());
  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    // Password auth over TCP even for local tests: the booth roles log in as a booth would.
    const pwFile = path.join(base, 'pw');
    writeFileSync(pwFile, 'county-super\n', { mode: 0o600 });
    if (ids.uid !== undefined) chownSync(pwFile, ids.uid, ids.gid);
    run(path.join(bin, 'initdb'), ['-D', data, '-U', 'county_admin', '--pwfile', pwFile, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'], ids, 'initdb');
    rmSync(pwFile);
  }
  const opts = [`-p ${pgPort}`, `-k ${sock}`, "-c listen_addresses=127.0.0.1", '-c fsync=on', '-c max_connections=200'];
  if (ssl) {
    opts.push('-c ssl=on', `-c ssl_cert_file=${ssl.certFile}`, `-c ssl_key_file=${ssl.keyFile}`);
    if (sslOnly) {
      writeFileSync(path.join(data, 'pg_hba.conf'), 'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n');
      if (ids.uid !== undefined) chownSync(path.join(data, 'pg_hba.conf'), ids.uid, ids.gid);
    }
  }
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(base, 'server.log'), '-w', '-t', '60', '-o', opts.join(' '), 'start'], ids, 'pg_ctl start');
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], ids, 'pg_ctl stop');
    } finally {
      if (owned && !keep) rmSync(base, { recursive: true, force: true });
    }
  };
  return { port: pgPort, dir: base, superUrl: `postgres://county_admin:county-super@127.0.0.1:${pgPort}/postgres`, stop };
}

/** A self-signed certificate for 127.0.0.1 made with openssl, readable by the server user. */
export function selfSignedCert(dir) {
  const ids = runAs();
  const certFile = path.join(dir, 'server.crt');
  const keyFile = path.join(dir, 'server.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'pipe' });
  chmodSync(keyFile, 0o600);
  if (ids.uid !== undefined) {
    chownSync(keyFile, ids.uid, ids.gid);
    chownSync(certFile, ids.uid, ids.gid);
  }
  return { certFile, keyFile };
}
