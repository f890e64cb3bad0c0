// Builds the PWA (client, service worker, manifest, icons) and configures the unit and integration tests.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { englishManifest, manifest } from './src/client/pwa/manifest.ts';

/**
 * The spreadsheet libraries get fflate with synchronous zip/unzip (src/client/lib/fflate-sync.ts): its async
 * forms start workers from blob: URLs, which the app's CSP forbids.
 */
const syncFflate = () => ({
  name: 'sync-fflate',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    if (source === 'fflate' && importer && /[\\/]node_modules[\\/](read|write)-excel-file[\\/]/.test(importer)) return fileURLToPath(new URL('./src/client/lib/fflate-sync.ts', import.meta.url));
    return null;
  },
});

// Identifies a build, so an update can be told apart from the running version (shown in the Data menu).
const buildId = process.env.BUILD_ID ?? new Date().toISOString();

export default defineConfig({
  define: { __BUILD_ID__: JSON.stringify(buildId) },
  plugins: [
    syncFflate(),
    react(),
    VitePWA({
      // Never reload under someone's half-typed edit: a new version waits for the user to accept it.
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      pwaAssets: { config: true, overrideManifestIcons: true },
      workbox: {
        // The plugin precaches manifest.webmanifest itself; listing it twice makes Workbox refuse the whole list.
        globPatterns: ['**/*.{js,css,html,svg,png,ico}', 'manifest.en.webmanifest'],
        // The seed report and AG Grid are large but needed offline.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        // The sync API must always reach the network, never the app shell.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
    {
      // The English manifest: the app links it instead when the user works in English.
      name: 'english-manifest',
      apply: 'build',
      // After the files are written (the generated icons included) and before the service worker precaches them.
      writeBundle(options) {
        const dir = options.dir ?? 'dist/client';
        const { icons } = JSON.parse(readFileSync(join(dir, 'manifest.webmanifest'), 'utf8')) as { icons?: unknown };
        writeFileSync(join(dir, 'manifest.en.webmanifest'), JSON.stringify({ ...englishManifest, icons }));
      },
    },
  ],
  // The import/export worker loads the spreadsheet writer on demand, which needs module workers.
  worker: { format: 'es', plugins: () => [syncFflate()] },
  build: {
    outDir: 'dist/client',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // Modules run in source order across chunks: the entry's first import (zod configured not to probe eval,
    // which the CSP forbids) must run before any chunk that builds schemas.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // The clients in these tests are the app's own storage and sync engine, on fake-indexeddb.
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
