/* global indexedDB, Worker -- the page.evaluate body below runs in Chromium, not Node */
// What the second copy costs a save, measured on this machine's disk (not part of `npm test`:
// figures, not assertions). Prints medians of N saves:
//   node  — the desktop journal's append: write one ~2 KB line + fdatasync (as electron/main/journalFiles.ts)
//   idb   — IndexedDB's save alone: vehicle + 2 persons in one 'strict' transaction (real Chromium, real profile on disk)
//   opfs  — the browser journal's append: sync access handle write + flush in a worker (as opfsJournal.worker.ts)
//   both  — idb then opfs, the browser save path with the journal
// Usage: node scripts/journalCost.mjs [saves=200] [port=5259]
import { chromium } from 'playwright-core';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const N = Number(process.argv[2] ?? 200);
const PORT = Number(process.argv[3] ?? 5259);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const line = JSON.stringify({ h: '0123456789abcdef', e: { seq: 1, op: 'saveVehicle', put: { vehicles: [{ id: 'x', plate: '鄂A12345', origin: '武汉'.repeat(20) }], persons: [{ name: '张三', docNumber: '34052419800101001X', remarks: '无'.repeat(300) }] } } });

const dir = await mkdtemp(path.join(process.cwd(), '.journal-cost-'));
const fh = await open(path.join(dir, 'j.jsonl'), 'a');
const node = [];
for (let i = 0; i < N; i++) {
  const t = performance.now();
  await fh.write(`${line}\n`);
  await fh.datasync();
  node.push(performance.now() - t);
}
await fh.close();

const profile = await mkdtemp(path.join(process.cwd(), '.journal-cost-profile-'));
const ctx = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = ctx.pages()[0] ?? (await ctx.newPage());
await page.route(`http://127.0.0.1:${PORT}/**`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>cost</title>' }));
await page.goto(`http://127.0.0.1:${PORT}/`);
const browser = await page.evaluate(
  async ({ n, line }) => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('cost', 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('vehicles', { keyPath: 'id' });
        r.result.createObjectStore('persons', { keyPath: 'id' });
      };
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const save = (i) =>
      new Promise((res, rej) => {
        const tx = db.transaction(['vehicles', 'persons'], 'readwrite', { durability: 'strict' });
        tx.objectStore('vehicles').put({ id: `v${i}`, plate: '鄂A12345', origin: '武汉'.repeat(20) });
        tx.objectStore('persons').put({ id: `p${i}a`, name: '张三', remarks: '无'.repeat(300) });
        tx.objectStore('persons').put({ id: `p${i}b`, name: '李四', remarks: '无'.repeat(300) });
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
    const src = `let h; onmessage = async (e) => { if (!h) { const root = await navigator.storage.getDirectory(); h = await (await root.getFileHandle('j.jsonl', { create: true })).createSyncAccessHandle(); } const b = new TextEncoder().encode(e.data); h.write(b, { at: h.getSize() }); h.flush(); postMessage(1); };`;
    const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    const append = () => new Promise((res) => { w.onmessage = res; w.postMessage(line + '\n'); });
    const idb = [], opfs = [], both = [];
    for (let i = 0; i < n; i++) { const t = performance.now(); await save(i); idb.push(performance.now() - t); }
    for (let i = 0; i < n; i++) { const t = performance.now(); await append(); opfs.push(performance.now() - t); }
    for (let i = 0; i < n; i++) { const t = performance.now(); await save(n + i); await append(); both.push(performance.now() - t); }
    return { idb, opfs, both };
  },
  { n: N, line },
);
await ctx.close();
await rm(dir, { recursive: true, force: true });
await rm(profile, { recursive: true, force: true });

const row = (name, xs) => `| ${name} | ${median(xs).toFixed(2)} | ${p90(xs).toFixed(2)} |`;
console.log(`${N} saves, line ${Buffer.byteLength(line)} bytes, ${os.platform()} ${os.release()}`);
console.log('| path | median ms | p90 ms |\n|---|---|---|');
console.log(row('desktop journal append (write + fdatasync)', node));
console.log(row('IndexedDB save alone (strict)', browser.idb));
console.log(row('OPFS journal append (write + flush, worker)', browser.opfs));
console.log(row('IndexedDB save + OPFS append', browser.both));
console.log(`ratio (save with journal / without): ${(median(browser.both) / median(browser.idb)).toFixed(2)}`);
