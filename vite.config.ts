import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

/**
 * react-aria bundles its built-in strings (dismiss buttons, menus, search fields …) for 34
 * locales in every chunk that uses them; the portal speaks German and English, so the others
 * become empty modules (what @react-aria/optimize-locales-plugin does).
 */
const keptAriaLocales = new Set(['de-DE', 'en-US', 'en-GB']);
function ariaLocales(): Plugin {
  const pattern =
    /[\\/]react-aria[^\\/]*[\\/]dist[\\/].*[\\/]intl[\\/][^\\/]+[\\/]([a-z]{2}-[A-Z]{2})\.m?js$/;
  return {
    name: 'portal-aria-locales',
    enforce: 'pre',
    load(id) {
      const locale = pattern.exec(id.split('?')[0] ?? '')?.[1];
      if (locale && !keptAriaLocales.has(locale)) return 'export default {};';
      return null;
    },
  };
}

const backend = process.env.PORTAL_BACKEND ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react(), ariaLocales()],
  resolve: {
    alias: [
      { find: '@shared', replacement: path.resolve(import.meta.dirname, 'shared') },
      // react-router 7's package exports point at its development build (warnings and checks);
      // the production build ships alongside it.
      {
        find: /^react-router$/,
        replacement: path.resolve(
          import.meta.dirname,
          'node_modules/react-router/dist/production/index.mjs',
        ),
      },
    ],
  },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    sourcemap: true,
    // scripts/bench/bundle.mjs follows the start page's chunks through it.
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    host: '127.0.0.1',
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true },
      '/collab': { target: backend, ws: true },
    },
  },
});
