// Builds the three Electron bundles: main (Node), preload (sandboxed, CommonJS) and the renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The dev server injects an inline script (React refresh) that the production CSP <meta> forbids, so in
 * `electron-vite dev` only the meta is dropped; built pages keep it (and app:// sends it as a header too).
 */
function devServerWithoutCspMeta(): Plugin {
  return {
    name: 'pos-dev-server-without-csp-meta',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

/**
 * What the build fixes about updates, from the build environment (scripts/dist.sh sets them): the feed,
 * the Ed25519 public key for Linux update metadata, the Windows publisher, whether macOS is signed.
 * Public values only: the signing key itself never reaches the bundle.
 */
function updateBuild(env: NodeJS.ProcessEnv): Record<string, string | boolean> {
  return {
    feedUrl: env['KSPAY_UPDATE_FEED_URL'] ?? '',
    publicKey: env['KSPAY_UPDATE_PUBLIC_KEY'] ?? '',
    windowsPublisherName: env['KSPAY_WIN_PUBLISHER_NAME'] ?? '',
    macSigned: env['KSPAY_MAC_SIGNED'] === '1',
  };
}

export default defineConfig({
  main: {
    define: { __KSPAY_UPDATE_BUILD__: JSON.stringify(updateBuild(process.env)) },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron`: anything else it imports must be bundled in.
      externalizeDeps: false,
      // A sandboxed preload cannot load ES modules.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), devServerWithoutCspMeta()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the cashier screen's JS is ~3× smaller to parse minified.
      minify: true,
      // The customer display is its own small page: it must not add to the cashier screen's first chunk.
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          customer: resolve('src/renderer/customer.html'),
        },
      },
    },
  },
});
