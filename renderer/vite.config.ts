/**
 * Build of the React renderer into dist/renderer (the first half of `npm run build`). Relative base
 * so the files load from app:// (and from the e2e test server); no inline script in the output
 * (the CSP has script-src 'self' only), no module-preload polyfill, no remote assets.
 * Spec: DESIGN.md "Layout" (renderer/: React UI) and "Processes" (renderer under CSP).
 * No node: imports here: the layer rules forbid Node built-ins under renderer/.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = import.meta.dirname;

export default defineConfig({
  root: rendererRoot,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: `${rendererRoot}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome140',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
