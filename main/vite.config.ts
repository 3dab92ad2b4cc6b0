/**
 * Build of the Electron main process and the preload into dist/main/ (the second half of
 * `npm run build`). Two Vite environments built one after the other: `main` as ESM (main.js; the
 * package is "type": "module", which Electron 45 loads as an ES module) and `preload` as CommonJS
 * (preload.cjs: the preload of a sandboxed renderer cannot be an ES module), then the crypto core's
 * utilityProcess entry as ESM (crypto-host.js, main/crypto-host/utility-entry.ts). `electron` and Node
 * built-ins stay external. Spec: DESIGN.md "Layout" (main/: process entry points) and "Processes".
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist/main`;
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
  environments: {
    main: nodeEnvironment('main/app/main.ts', 'es', 'main.js', true),
    preload: nodeEnvironment('main/preload/preload.ts', 'cjs', 'preload.cjs', false),
    cryptoHost: nodeEnvironment('main/crypto-host/utility-entry.ts', 'es', 'crypto-host.js', false),
  },
  builder: {
    async buildApp(builder) {
      // Sequential: `main` empties dist/main first, then `preload` adds to it.
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
      await builder.build(builder.environments.cryptoHost!);
    },
  },
});
