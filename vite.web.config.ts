// The same renderer as a plain web page (npm run web), used by the end-to-end tests
// because no Electron binary can be downloaded on the build machines.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  server: { port: 5183, strictPort: true, host: '127.0.0.1' },
  preview: { port: 5184, strictPort: true, host: '127.0.0.1' },
  build: { outDir: '../dist-web', emptyOutDir: true },
});
