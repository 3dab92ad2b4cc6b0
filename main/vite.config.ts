/**
 * Build of the Electron main process and the preload into dist/main/ (the second half of
 * `npm run build`). Two Vite environments built one after the other: `main` as ESM (main.js; the
 * package is "type": "module", which Electron 45 loads as an ES module) and `preload` as CommonJS
 * (preload.cjs: the preload of a sandboxed renderer cannot be an ES module), then the crypto core's
 * utilityProcess entry as ESM (crypto-host.js, main/crypto-host/utility-entry.ts), then the worker
 * thread the auditor's signature pool starts (signature-worker.js, ceremonies/audit/signature-worker.ts,
 * found beside main.js: ceremonies/audit/worker-file.ts). `electron` and Node built-ins stay external.
 * Spec: docs/architecture.md, "Layers" (main/: process entry points) and "Processes".
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';
import { bundledPackages } from '../scripts/bundled-packages.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// CUSTOS_DIST builds into another folder than dist/ (the reproducible-build test builds twice and compares).
const outDir = `${process.env.CUSTOS_DIST ?? `${root}dist`}/main`;
const external = ['electron', /^node:/u, ...builtinModules];

function nodeEnvironment(entry: string, format: 'es' | 'cjs', fileName: string, emptyOutDir: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { conditions: ['node'], noExternal: true },
    build: {
      outDir,
      emptyOutDir,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: { [fileName.replace(/\.c?js$/u, '')]: `${root}${entry}` },
        external,
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  // <entry>.packages.json beside each bundle: the packages copied into it, for the release's SBOM.
  plugins: [bundledPackages()],
  environments: {
    main: nodeEnvironment('main/shell/main.ts', 'es', 'main.js', true),
    preload: nodeEnvironment('main/preload/preload.ts', 'cjs', 'preload.cjs', false),
    cryptoHost: nodeEnvironment('main/crypto-host/utility-entry.ts', 'es', 'crypto-host.js', false),
    signatureWorker: nodeEnvironment('ceremonies/audit/signature-worker.ts', 'es', 'signature-worker.js', false),
  },
  builder: {
    async buildApp(builder) {
      // Sequential: `main` empties dist/main first, then `preload` adds to it.
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
      await builder.build(builder.environments.cryptoHost!);
      await builder.build(builder.environments.signatureWorker!);
    },
  },
});
