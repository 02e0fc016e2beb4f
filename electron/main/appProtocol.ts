// The renderer is served from app://station/ rather than file://. A page on file:// may read
// any local file the user can (and Electron grants it more unless a fuse is flipped); a page on
// its own standard, secure scheme is an ordinary origin: same-origin rules apply, IndexedDB and
// Web Crypto work, and the handler below decides exactly which bytes exist.
// No electron import: the URL → file decision is tested in Node and reused by the test server.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mimeTypeOf, rendererResponseHeaders } from './rendererHeaders';

export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before `ready`. standard: a real origin (IndexedDB,
 * relative URLs); secure: a secure context (Web Crypto, persistent storage); supportFetchAPI and
 * codeCache: module scripts and workers load through fetch. No bypassCSP, no corsEnabled.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: false } as const;

/** Every file in the renderer folder, as '/'-separated paths relative to it. Read once at start. */
export function listRendererFiles(dir: string): Set<string> {
  const files = new Set<string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.add(child);
    }
  };
  walk('');
  return files;
}

export type RendererResponse =
  | { kind: 'file'; file: string; status: 200; headers: Record<string, string> }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405; reason: string };

const refuse = (status: 400 | 403 | 404 | 405, reason: string): RendererResponse => ({ kind: 'refused', status, reason });

/**
 * Maps a request path (already split from scheme and host) to a file of the renderer folder.
 * Refused: anything outside it (`..`, encoded slashes or backslashes, NUL, absolute paths), files
 * not in `known` (the folder's listing at start-up: nothing dropped in later is served), and
 * files of a type not in MIME_TYPES. `/` is index.html. Query and hash are ignored.
 */
export function resolveRendererPath(pathname: string, known: ReadonlySet<string>, method = 'GET'): RendererResponse {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, `method ${method}`);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  // Encoded separators would let one "segment" climb a level after decoding.
  if (/%2f|%5c/i.test(pathname) || decoded.includes('\\') || decoded.includes('\0')) return refuse(403, 'encoded separator or NUL');
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return refuse(403, 'path traversal');
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  if (!known.has(rel)) return refuse(404, 'not a renderer file');
  const mime = mimeTypeOf(rel);
  if (!mime) return refuse(403, 'file type not served');
  return { kind: 'file', file: rel, status: 200, headers: rendererResponseHeaders(mime) };
}

/** The same for a full app:// URL: any other scheme or host is refused. */
export function resolveAppUrl(url: string, known: ReadonlySet<string>, method = 'GET'): RendererResponse {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return refuse(403, `not ${APP_ORIGIN}`);
  // URL() already folded plain `..` segments; resolveRendererPath still checks the encoded ones.
  return resolveRendererPath(u.pathname, known, method);
}

/** The absolute file for a resolved request: `rel` came from `known`, so it cannot leave `dir`. */
export function rendererFilePath(dir: string, rel: string): string {
  return path.join(dir, ...rel.split('/'));
}

export interface RequestLike {
  url: string;
  method: string;
}

/**
 * The function protocol.handle('app', …) calls. The folder is listed once: a file that appears
 * later (or a folder that is missing, as in development) is simply not served.
 */
export function createRendererHandler(dir: string, log: (line: string) => void = console.warn): (request: RequestLike) => Promise<Response> {
  let known: Set<string>;
  try {
    known = listRendererFiles(dir);
  } catch (e) {
    log(`[protocol] renderer folder unreadable: ${e instanceof Error ? e.message : String(e)}`);
    known = new Set();
  }
  return async (request) => {
    const r = resolveAppUrl(request.url, known, request.method);
    if (r.kind === 'refused') {
      log(`[protocol] refused ${request.method} ${request.url}: ${r.reason}`);
      return new Response(null, { status: r.status, headers: { 'X-Content-Type-Options': 'nosniff' } });
    }
    try {
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(rendererFilePath(dir, r.file)));
      return new Response(body, { status: r.status, headers: r.headers });
    } catch (e) {
      log(`[protocol] cannot read ${r.file}: ${e instanceof Error ? e.message : String(e)}`);
      return new Response(null, { status: 404 });
    }
  };
}
