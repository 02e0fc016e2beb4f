import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfigStore, parseBoothFile, type Encryptor } from './configStore';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'sync-config-'));
  dirs.push(d);
  return path.join(d, 'county-sync.json');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const reversing: Encryptor = {
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
  decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
};
const setup = { host: 'county.example', port: 5432, database: 'county', role: 'booth_a', checkpoint: '南江南高速出口卡点', tls: 'verify' as const };

describe('sync config store', () => {
  it('keeps the password only as ciphertext and reads it back', async () => {
    const file = tmp();
    const store = createConfigStore(file, reversing);
    expect(await store.save({ setup, password: 'S3cret-pw' })).toEqual({ ok: true, value: null });
    expect(readFileSync(file, 'utf8')).not.toContain('S3cret-pw');
    expect(await store.load()).toEqual({ setup, password: 'S3cret-pw' });
    await store.forget();
    expect(existsSync(file)).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('refuses to store a password where the system offers no encryption, and writes nothing', async () => {
    const file = tmp();
    const store = createConfigStore(file, { ...reversing, isEncryptionAvailable: () => false });
    const r = await store.save({ setup, password: 'S3cret-pw' });
    expect(r).toMatchObject({ ok: false, error: { code: 'sync.noEncryption' } });
    if (!r.ok) expect(r.error.message.zh).toContain('明文');
    expect(existsSync(file)).toBe(false);
  });
});

describe('booth configuration file', () => {
  it('reads a valid file', () => {
    const r = parseBoothFile(JSON.stringify({ format: 'checkpoint-station/booth-sync', version: 1, setup, password: 'pw' }));
    expect(r).toEqual({ ok: true, value: { setup, password: 'pw' } });
  });

  it.each([
    ['not JSON', '{oops'],
    ['another format', JSON.stringify({ format: 'x', version: 1, setup, password: 'pw' })],
    ['a bad port', JSON.stringify({ format: 'checkpoint-station/booth-sync', version: 1, setup: { ...setup, port: 70000 }, password: 'pw' })],
    ['no password', JSON.stringify({ format: 'checkpoint-station/booth-sync', version: 1, setup })],
  ])('rejects %s with a bilingual message', (_what, text) => {
    const r = parseBoothFile(text);
    expect(r).toMatchObject({ ok: false, error: { code: 'sync.badFile' } });
    if (!r.ok) {
      expect(r.error.message.zh).toMatch(/配置文件/);
      expect(r.error.message.en).toMatch(/configuration file/);
    }
  });
});
