// A stand-in for Electron's app:// handler: a plain HTTP server that decides what to serve with
// the very module the desktop app uses (electron/main/appProtocol.ts) and sends the same
// production headers, CSP included. Two of these on two ports are two origins, as file:// and
// app://station are to Chromium.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { listRendererFiles, rendererFilePath, resolveRendererPath } from '../../../electron/main/appProtocol';

export const DIST_WEB = fileURLToPath(new URL('../../../dist-web', import.meta.url));

/** Ports beside E2E_PORT (inside each developer's block), so suites can run side by side. */
export const extraPort = (offset: number): number => Number(process.env['E2E_PORT'] ?? 5184) + offset;

export interface RendererServer {
  origin: string;
  refused: string[];
  close(): Promise<void>;
}

export async function startRendererServer(port: number, dir = DIST_WEB): Promise<RendererServer> {
  const known = listRendererFiles(dir);
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    const r = resolveRendererPath(pathname, known, req.method);
    if (r.kind === 'refused') {
      refused.push(`${r.status} ${req.url}`);
      res.writeHead(r.status).end();
      return;
    }
    readFile(rendererFilePath(dir, r.file)).then(
      (body) => res.writeHead(200, r.headers).end(req.method === 'HEAD' ? undefined : body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
