// Builds the raw baseline page for the benchmark (never shipped with the app).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench',
  build: { outDir: '../dist/bench', emptyOutDir: true, rollupOptions: { input: 'bench/index.html' } },
});
