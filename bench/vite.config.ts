// Benchmark build (npm run bench). Two builds into ONE folder, served from ONE origin, so the
// bench page seeds the very IndexedDB databases the app then opens with ?db=…:
//   BENCH_TARGET=app    the real app, built exactly as `npm run build:web` builds it (same
//                       entry, so the same chunks a booth loads at start-up);
//   BENCH_TARGET=bench  the bench-only page bench/page/bench.html (+ its export worker), added
//                       next to it without emptying the folder.
// Output goes to bench-results/build.tmp (git-ignored); dist-web and out are never touched.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const port = Number(process.env.BENCH_PORT ?? 5186);
const target = process.env.BENCH_TARGET === 'bench' ? 'bench' : 'app';

export default defineConfig({
  root: target === 'app' ? here('../renderer') : here('page'),
  base: './',
  plugins: [react()],
  preview: {
    port,
    strictPort: true,
    host: '127.0.0.1',
    // Cross-origin isolation: performance.now() then ticks in 5 µs instead of 100 µs, which a
    // sub-millisecond index read needs. Everything is same-origin, so the app runs unchanged.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
  worker: { format: 'es' },
  build: {
    outDir: here('../bench-results/build.tmp'),
    emptyOutDir: target === 'app',
    sourcemap: target === 'bench',
    rolldownOptions: {
      input: target === 'app' ? here('../renderer/index.html') : { bench: here('page/bench.html') },
    },
  },
});
