import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, createRendererHandler, listRendererFiles, rendererFilePath, resolveAppUrl, resolveRendererPath } from './appProtocol';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, rendererResponseHeaders } from './rendererHeaders';

const known = new Set(['index.html', 'migrate.html', 'assets/index-abc.js', 'assets/index-abc.css', 'assets/exportWorker-1.js', 'assets/font.woff2', 'secret.key']);

describe('app:// request → renderer file', () => {
  it('serves the entry page for / and for index.html, with the production headers', () => {
    for (const url of ['app://station/', 'app://station', APP_ENTRY_URL, 'app://station/index.html?x=1#/settings']) {
      const r = resolveAppUrl(url, known);
      expect(r, url).toMatchObject({ kind: 'file', file: 'index.html', status: 200 });
      if (r.kind === 'file') expect(r.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['migrate.html', 'text/html; charset=utf-8'],
  ])('serves %s as %s', (file, mime) => {
    expect(resolveAppUrl(`app://station/${file}`, known)).toMatchObject({ kind: 'file', file, headers: { 'Content-Type': mime, 'X-Content-Type-Options': 'nosniff' } });
  });

  it.each([
    'app://station/assets/%2e%2e/%2e%2e/etc/passwd',
    'app://station/assets/..%2f..%2fetc%2fpasswd',
    'app://station/assets/..%5c..%5cwindows%5cwin.ini',
    'app://station/assets%2findex-abc.js',
    'app://station/index.html%00.js',
    'app://station/./index.html/%2E%2E/secret.key',
  ])('refuses path traversal: %s', (url) => {
    const r = resolveAppUrl(url, known);
    expect(r.kind).toBe('refused');
    // The URL parser itself folds %2e%2e into `..` (then 404: /etc/passwd is not ours); the rest is 403.
    if (r.kind === 'refused') expect([403, 404]).toContain(r.status);
  });

  it('refuses traversal in a raw path, as a server hands it over before any URL folding', () => {
    for (const p of ['/assets/../secret.key', '/assets/%2e%2e/secret.key', '/../index.html', '/assets/./index-abc.js', '/C:\\Windows\\win.ini']) {
      expect(resolveRendererPath(p, known), p).toMatchObject({ kind: 'refused', status: 403 });
    }
  });

  it('refuses files that are not in the start-up listing, and known files of a type it does not serve', () => {
    expect(resolveAppUrl('app://station/assets/dropped-later.js', known)).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppUrl('app://station/ASSETS/INDEX-ABC.JS', known)).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppUrl('app://station/secret.key', known)).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('refuses other hosts, other schemes, bad encodings and non-GET methods', () => {
    expect(resolveAppUrl('app://evil/index.html', known)).toMatchObject({ kind: 'refused', status: 403 });
    expect(resolveAppUrl('file:///index.html', known)).toMatchObject({ kind: 'refused', status: 403 });
    expect(resolveAppUrl('app://station/%E0%A4%A', known)).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppUrl('not a url', known)).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppUrl(APP_ENTRY_URL, known, 'POST')).toMatchObject({ kind: 'refused', status: 405 });
    expect(resolveAppUrl(APP_ENTRY_URL, known, 'HEAD')).toMatchObject({ kind: 'file' });
  });

  it('lists the real renderer folder once, and a resolved file never leaves it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'renderer-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'assets', '主.js'), '');
    const files = listRendererFiles(dir);
    expect([...files].sort()).toEqual(['assets/主.js', 'index.html']);
    const r = resolveRendererPath(`/assets/${encodeURIComponent('主')}.js`, files);
    expect(r.kind).toBe('file');
    if (r.kind === 'file') expect(rendererFilePath(dir, r.file)).toBe(path.join(dir, 'assets', '主.js'));
  });

  it('registers the scheme as a standard, secure origin without bypassing CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
  });
});

describe('renderer response headers', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }));

  it('has no unsafe-inline, no unsafe-eval and nothing dev-only', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|ws:|wss:|localhost|127\.0\.0\.1|\*/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('sends the policy with every file type and never guesses a type', () => {
    expect(rendererResponseHeaders('text/css; charset=utf-8')).toMatchObject({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    expect(mimeTypeOf('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('assets.v1/readme')).toBeUndefined();
    expect(mimeTypeOf('x.exe')).toBeUndefined();
    expect(mimeTypeOf('__proto__')).toBeUndefined();
    expect(mimeTypeOf('a.constructor')).toBeUndefined();
  });
});

describe('the app:// handler over a real folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'renderer-handler-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>卡口</title>');
  writeFileSync(path.join(dir, 'assets', 'a.js'), 'export {}');
  writeFileSync(path.join(dir, '..', `outside-${path.basename(dir)}.js`), 'stolen');
  const logged: string[] = [];
  const handle = createRendererHandler(dir, (l) => logged.push(l));

  it('answers with the file bytes and the production headers', async () => {
    const res = await handle({ url: 'app://station/', method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>卡口</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const js = await handle({ url: 'app://station/assets/a.js', method: 'GET' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses a file beside the folder, a file added after start-up, and logs why', async () => {
    expect((await handle({ url: `app://station/assets/..%2f..%2foutside-${path.basename(dir)}.js`, method: 'GET' })).status).toBe(403);
    writeFileSync(path.join(dir, 'assets', 'late.js'), 'late');
    expect((await handle({ url: 'app://station/assets/late.js', method: 'GET' })).status).toBe(404);
    expect(logged.some((l) => l.includes('late.js'))).toBe(true);
  });

  it('serves nothing when the folder is missing instead of throwing', async () => {
    const none = createRendererHandler(path.join(dir, 'missing'), () => undefined);
    expect((await none({ url: APP_ENTRY_URL, method: 'GET' })).status).toBe(404);
  });
});
