// The same renderer as a plain web page (npm run web), used by the end-to-end tests
// because no Electron binary can be downloaded on the build machines.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { securityHeaders } from './electron/main/rendererHeaders';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  server: { port: 5183, strictPort: true, host: '127.0.0.1' },
  // The built app is previewed (and end-to-end tested) with the desktop app's production
  // headers, CSP included, so a policy violation fails the suite, not a booth. The dev server
  // sends none: React's fast refresh needs inline scripts.
  preview: { port: 5184, strictPort: true, host: '127.0.0.1', headers: securityHeaders() },
  build: { outDir: '../dist-web', emptyOutDir: true },
});
