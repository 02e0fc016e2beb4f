import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The import parser, started as a utilityProcess (electron/main/importService.ts).
          importParser: resolve(__dirname, 'electron/main/importParser.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': every other module (Dexie in the
      // migration preload) is bundled in, and each entry stands alone without shared chunks.
      externalizeDeps: false,
      isolatedEntries: true,
      // CommonJS so the preload can run with sandbox: true (an .mjs preload needs sandbox off).
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts'), migrate: resolve(__dirname, 'electron/preload/migrate.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
