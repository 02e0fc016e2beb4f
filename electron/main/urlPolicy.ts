// The renderer is local code only. Anything that would reach the network (a pasted link, a
// stray <img src="http://…">, a dropped file turning into a navigation) is refused here.

/** Local schemes the page legitimately uses: its own files, DevTools, inline images, generated downloads. */
const LOCAL_PROTOCOLS = new Set(['file:', 'devtools:', 'data:', 'blob:']);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * May the session load this URL at all? `rendererUrl` is the electron-vite dev server,
 * passed only when the app is not packaged; its HMR websocket is allowed with it.
 */
export function isAllowedUrl(url: string, rendererUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (LOCAL_PROTOCOLS.has(u.protocol)) return true;
  const dev = rendererUrl ? parse(rendererUrl) : undefined;
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

/**
 * May the main frame navigate here? Only to the page it already is (a reload): a file dropped
 * on the window would otherwise replace the app with that file.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const u = parse(url);
  const app = parse(appUrl);
  if (!u || !app) return false;
  if (app.protocol === 'file:') return u.protocol === 'file:' && u.search === app.search && sameFile(u, app);
  // Dev server: Vite reloads the page and may rewrite the path for client-side routes.
  return u.protocol === app.protocol && u.host === app.host;
}
