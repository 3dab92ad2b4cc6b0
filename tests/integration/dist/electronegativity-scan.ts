/**
 * Runs electronegativity 1.10.3 over one directory, offline, in a process of its own (run with
 * `node electronegativity-scan.ts <input-dir> <out.sarif> <out.json> <electron-version>`); the
 * electronegativity.test.ts suite reads what it writes. Its CLI cannot run here: dist/index.js calls
 * `commander.version()` as a function of the module, an API of commander 2 that commander 15 (the
 * one npm hoisted, for other tools) no longer has, and electronegativity does not declare commander
 * as a dependency, so package.json "overrides" cannot pin one for it. This script calls the
 * function the CLI calls (dist/runner.js) with the options the CLI would build for
 * `-i <dir> -o <out.sarif> -r -e <version>`.
 *
 * Offline: electronegativity fetches translations from S3 at start-up and Electron's release list
 * from GitHub in one global check. Here, `got` (its only HTTP client) resolves, for every caller, to
 * a stub that rejects at once (module.registerHooks), and AvailableSecurityFixesGlobalCheck (the
 * release-list check; Electron's version is pinned in package.json and reviewed by hand) is left
 * out. Translations come from the package's own en-US.json.
 *
 * out.sarif is electronegativity's own SARIF. SARIF 2.1 `level` there only says whether a manual
 * review is needed, so out.json adds, in the same order as the SARIF results, each finding's
 * severity and confidence, and the files that could not be parsed (never scanned).
 */
import fs from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OFFLINE_GOT = 'custos-offline:got';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'got') return { url: OFFLINE_GOT, format: 'commonjs', shortCircuit: true };
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (url !== OFFLINE_GOT) return nextLoad(url, context);
    const source =
      'const offline = () => Promise.reject(new Error("offline: Custos tests open no network connection"));\n' +
      'offline.head = offline; offline.get = offline; module.exports = offline; module.exports.default = offline;\n';
    return { format: 'commonjs', source, shortCircuit: true };
  },
});

interface Level {
  readonly name: string;
}
interface Issue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly severity: Level;
  readonly confidence: Level;
  readonly manualReview: boolean;
}
interface RunResult {
  readonly issues: readonly Issue[];
  readonly errors: readonly { readonly file: string; readonly message: string; readonly tolerable: boolean }[];
  readonly globalChecks: number;
  readonly atomicChecks: number;
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RunResult>;

const [input, sarifPath, jsonPath, electronVersion] = process.argv.slice(2);
if (!input || !sarifPath || !jsonPath || !electronVersion) {
  console.error('usage: node electronegativity-scan.ts <input-dir> <out.sarif> <out.json> <electron-version>');
  process.exit(2);
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const load = createRequire(path.join(repoRoot, 'node_modules', '@doyensec', 'electronegativity', 'package.json'));
const run = load('./dist/runner.js') as Runner;

const result = await run(
  {
    input: path.resolve(input),
    output: path.resolve(sarifPath),
    isSarif: true,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

fs.writeFileSync(
  jsonPath,
  JSON.stringify({
    checks: { global: result.globalChecks, atomic: result.atomicChecks },
    findings: result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location.line,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: issue.manualReview,
    })),
    errors: result.errors,
  }),
);
