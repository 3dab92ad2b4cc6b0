/**
 * Build of the React renderer into dist/renderer (the first half of `npm run build`). Relative base
 * so the files load from app:// (and from the e2e test server); no inline script in the output
 * (the CSP has script-src 'self' only), no module-preload polyfill, no remote assets.
 * Spec: docs/architecture.md, "Layers" (renderer/: React UI) and "Processes" (renderer under CSP).
 * No node: imports here: the layer rules forbid Node built-ins under renderer/. CUSTOS_DIST builds
 * into another folder than dist/ (the reproducible-build test builds twice and compares).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundledPackages } from '../scripts/bundled-packages.ts';

const rendererRoot = import.meta.dirname;
const dist = process.env.CUSTOS_DIST ?? `${rendererRoot}/../dist`;

export default defineConfig({
  root: rendererRoot,
  base: './',
  publicDir: false,
  // index.packages.json beside the bundle: the packages copied into it, for the release's SBOM.
  plugins: [react(), bundledPackages()],
  build: {
    outDir: `${dist}/renderer`,
    emptyOutDir: true,
    target: 'chrome140',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
