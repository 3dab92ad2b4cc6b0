/**
 * Where a worker thread's entry file is, from the module that starts it: beside it as TypeScript when
 * Custos runs from its sources (Node 24 strips types; the CLI, the tests), and as the JavaScript the
 * main build emits beside the bundle when it runs from dist/ (main/vite.config.ts emits
 * signature-worker.js next to main.js, and the bundle's import.meta.url is main.js's).
 */
export function workerFile(name: string, from: string): URL {
  return new URL(`./${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
}
