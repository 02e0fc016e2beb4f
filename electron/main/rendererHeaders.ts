// The response headers every renderer file is served with: the Content-Security-Policy lives
// here, once, as a header (a <meta> policy cannot carry frame-ancestors, and arrives only after
// the parser has started). No electron import: the app:// handler, the web build's preview
// server and the Chromium CSP test all send exactly these headers.

/**
 * Production policy. No 'unsafe-inline' anywhere: the app has no inline scripts or style
 * attributes in markup (React's `style` prop is set through the CSSOM, which style-src does not
 * govern). No 'unsafe-eval'. connect-src 'self' only — the dev server's websocket is not here;
 * development runs without this policy (electron-vite's dev server serves its own pages).
 * blob: workers and images: the export worker and generated downloads/previews.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Extension → MIME type for everything Vite puts into the renderer folder. Anything else is not served. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string | undefined {
  const dot = file.lastIndexOf('.');
  if (dot < 0 || dot < file.lastIndexOf('/')) return undefined;
  return Object.hasOwn(MIME_TYPES, file.slice(dot).toLowerCase()) ? MIME_TYPES[file.slice(dot).toLowerCase()] : undefined;
}

export function rendererResponseHeaders(mimeType: string): Record<string, string> {
  return { 'Content-Type': mimeType, ...securityHeaders() };
}

/** Everything but the type: for servers that set Content-Type themselves (vite preview). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // A served .js is script and nothing else: no sniffing a data file into a script.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // Files change with every update; the app is local, so there is nothing to gain from caching.
    'Cache-Control': 'no-store',
  };
}
