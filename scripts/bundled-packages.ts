/**
 * A Vite plugin that lists, beside each build's output, the npm packages whose code the build copied
 * into it: `<entry>.packages.json` (names, sorted), read from the module ids under node_modules of
 * the build's chunks. scripts/release-manifest.ts puts them, with the packages loaded at run time,
 * into the release's SBOM. No node: import (the renderer's build config imports it too).
 */
import type { Plugin } from 'vite';

/** "…/node_modules/@scure/bip32/index.js" → "@scure/bip32"; the last node_modules wins (nested installs). */
export function packageOf(moduleId: string): string | undefined {
  const id = moduleId.replaceAll('\\', '/');
  const at = id.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const [first, second] = id.slice(at + '/node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : first;
}

export function bundledPackages(): Plugin {
  return {
    name: 'custos-bundled-packages',
    generateBundle(_options, bundle) {
      const names = new Set<string>();
      let entry = 'bundle';
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (chunk.isEntry) entry = chunk.name;
        for (const id of chunk.moduleIds) {
          const name = packageOf(id);
          if (name !== undefined) names.add(name);
        }
      }
      this.emitFile({ type: 'asset', fileName: `${entry}.packages.json`, source: `${JSON.stringify([...names].sort(), null, 2)}\n` });
    },
  };
}
