// The renderer is local code only. Anything that would reach the network (a pasted link, a
// stray <img src="http://…">, a dropped file turning into a navigation) is refused here.

import { APP_HOST, APP_SCHEME } from './appProtocol';

/** Local schemes the page legitimately uses: DevTools, inline images, generated downloads. */
const LOCAL_PROTOCOLS = new Set(['devtools:', 'data:', 'blob:']);

export interface UrlPolicy {
  /** The electron-vite dev server, passed only when the app is not packaged. */
  devUrl?: string | undefined;
  /**
   * file:// URL of the renderer folder (ending in '/'). Only the one-off migration page is
   * loaded from file:// (the old origin, to carry its IndexedDB over); no other local file is.
   */
  fileRoot?: string | undefined;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * May the session load this URL at all? The app's own origin app://station, DevTools, data:
 * and blob:, file:// only inside the renderer folder, and in development the dev server with
 * its HMR websocket. Nothing else: no web, no other local file.
 */
export function isAllowedUrl(url: string, policy: UrlPolicy = {}): boolean {
  const u = parse(url);
  if (!u) return false;
  if (LOCAL_PROTOCOLS.has(u.protocol)) return true;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  if (u.protocol === 'file:') return policy.fileRoot !== undefined && isInside(u, policy.fileRoot);
  const dev = policy.devUrl ? parse(policy.devUrl) : undefined;
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
  if (u.host !== dev.host) return false;
  const ws = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.protocol === dev.protocol || u.protocol === ws;
}

/**
 * The same file, however it was spelled. Electron's loadFile and Node's pathToFileURL may
 * percent-encode a path differently (install folders under C:\Users\张三\…), and Windows
 * paths are case-insensitive. A false "different" here would lock the app out of its own IPC.
 */
function sameFile(a: URL, b: URL): boolean {
  const decode = (u: URL): string => {
    try {
      return decodeURIComponent(u.pathname);
    } catch {
      return u.pathname;
    }
  };
  const pa = decode(a);
  const pb = decode(b);
  if (a.host !== b.host) return false;
  const windows = /^\/[a-z]:\//i.test(pb);
  return windows ? pa.toLowerCase() === pb.toLowerCase() : pa === pb;
}

/** Is a file: URL inside the folder `root` (a file: URL ending in '/'), however it is spelled? */
function isInside(u: URL, root: string): boolean {
  const r = parse(root);
  if (!r || r.protocol !== 'file:' || u.host !== r.host) return false;
  const decode = (p: string): string | undefined => {
    try {
      return decodeURIComponent(p);
    } catch {
      return undefined;
    }
  };
  const pu = decode(u.pathname);
  const pr = decode(r.pathname.endsWith('/') ? r.pathname : `${r.pathname}/`);
  if (pu === undefined || pr === undefined || pu.includes('\\') || pu.split('/').includes('..')) return false;
  const windows = /^\/[a-z]:\//i.test(pr);
  return windows ? pu.toLowerCase().startsWith(pr.toLowerCase()) : pu.startsWith(pr);
}

/**
 * May the main frame navigate here? Only to the page it already is (a reload): a file dropped
 * on the window would otherwise replace the app with that file.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const u = parse(url);
  const app = parse(appUrl);
  if (!u || !app) return false;
  if (app.protocol === 'file:') return u.protocol === 'file:' && u.search === app.search && sameFile(u, app);
  // app://station (only its own files exist there), or the dev server, which reloads the page
  // and may rewrite the path for client-side routes: the same origin only.
  return u.protocol === app.protocol && u.host === app.host;
}
