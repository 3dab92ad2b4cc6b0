/**
 * The argv guard: the command-line switches that would open the app to a debugger or weaken its
 * sandbox or network lock, found in process.argv so that main.ts can quit before doing anything.
 * Spec: docs/architecture.md, "Processes" (quit on --remote-debugging-*, --inspect*, --no-sandbox,
 * --js-flags), docs/threat-model.md, "The guarantee of the record" (--single-process, the
 * *-cmd-prefix and launcher switches, the seccomp and setuid sandboxes off, and every other switch
 * that weakens the sandbox or attaches a debugger), docs/architecture.md, "Principles" 4, and
 * Electron's security checklist. Pure: no Electron import.
 *
 * Chromium reads a switch written `--name`, `-name` (and `/name` on Windows), case-insensitively on
 * Windows, with an optional `=value`; the guard reads every argument the same way, and more
 * strictly: it ignores case everywhere and does not stop at a bare `--`.
 *
 * Two sets:
 * - ALWAYS_FORBIDDEN (sandbox off, V8 flags, web security off, a resolver or proxy of the caller's)
 *   quits every run, development included: nothing Custos does needs them.
 * - SHIPPED_ONLY_FORBIDDEN (--inspect*, --debug-port, --remote-debugging-*) quits every shipped run.
 *   A shipped run is one whose app is packaged OR is loaded from an .asar archive: the packaged
 *   binary's onlyLoadAppFromAsar fuse makes the second always true for it, so renaming the
 *   executable (which changes app.isPackaged) does not lift the guard, and the stock Electron
 *   binary pointed at the shipped app.asar is refused too. A development run (`npm start`, the
 *   tests/electron suite) loads dist/ from a checkout, whose code anyone at that desk can edit
 *   anyway; there the debugging switches are allowed, as devTools are (window-security.ts), because
 *   Playwright's `_electron.launch` always adds `--inspect=0 --remote-debugging-port=0` to drive the
 *   app and would otherwise never get a window. There is no switch or variable that lifts the guard.
 */

/** Switch names (lower case, without prefix) refused in every run; a trailing `*` is a prefix. */
const ALWAYS_FORBIDDEN: readonly string[] = Object.freeze([
  'no-sandbox', // the renderer sandbox off (app.enableSandbox() cannot win against it)
  'disable-gpu-sandbox',
  'js-flags*', // arbitrary V8 flags (e.g. --allow-natives-syntax)
  'disable-web-security',
  'disable-site-isolation-trials',
  'allow-file-access-from-files',
  'allow-running-insecure-content',
  'host-resolver-rules', // would replace main's MAP * ~NOTFOUND (session-security.ts)
  'proxy-server',
  'proxy-pac-url',
  // The sandbox weakened or replaced, another program run as a child, code loaded in.
  'single-process', // renderer, GPU and utility in the browser process: no process sandbox at all
  'in-process-gpu',
  'no-zygote', // children without the zygote's sandbox set-up
  'no-zygote-sandbox',
  'disable-seccomp-filter-sandbox',
  'disable-setuid-sandbox',
  'disable-namespace-sandbox',
  'renderer-cmd-prefix', // a program of the caller's wraps every renderer (a debugger, a tracer)
  'utility-cmd-prefix',
  'gpu-launcher',
  'ppapi-plugin-launcher',
  'browser-subprocess-path', // another executable as every child process
  'renderer-startup-dialog', // a renderer that waits for a debugger to attach
  'gpu-startup-dialog',
  'utility-startup-dialog',
  'wait-for-debugger*',
  'allow-sandbox-debugging',
  'load-extension', // extension code in the app's sessions
  'remote-allow-origins',
]);

/** Switch names refused in shipped runs (see the file comment); a trailing `*` is a prefix. */
const SHIPPED_ONLY_FORBIDDEN: readonly string[] = Object.freeze([
  'inspect*', // --inspect, --inspect-brk, --inspect-port, --inspect-brk-node, --inspect-wait…
  'debug-port', // Node's alias of --inspect-port
  'remote-debugging-*', // --remote-debugging-port, --remote-debugging-pipe, --remote-debugging-address
]);

export interface GuardContext {
  /** True for a shipped run: app.isPackaged, or the app loaded from an .asar archive. */
  readonly shipped: boolean;
  /** process.platform: `/name` is a switch only on Windows. */
  readonly platform: NodeJS.Platform;
}

/** True when this run is a shipped build (see the file comment). */
export function isShippedRun(isPackaged: boolean, appPath: string): boolean {
  return isPackaged || /\.asar[\\/]?$/iu.test(appPath);
}

/**
 * The arguments of argv (process.argv: argv[0] is the executable and is skipped) that are forbidden
 * switches, as written, in order. Empty when the run may go on.
 */
export function forbiddenSwitches(argv: readonly string[], context: GuardContext): string[] {
  const forbidden = context.shipped ? [...ALWAYS_FORBIDDEN, ...SHIPPED_ONLY_FORBIDDEN] : [...ALWAYS_FORBIDDEN];
  return argv.slice(1).filter((argument) => {
    const name = switchName(argument, context.platform);
    return name !== null && forbidden.some((pattern) => matches(name, pattern));
  });
}

/** The message main.ts prints before quitting. Names the switches, never their values. */
export function refusalMessage(found: readonly string[]): string {
  const names = [...new Set(found.map((argument) => argument.split('=', 1)[0]!))];
  return (
    `Custos refused to start: it was launched with ${names.join(', ')}. ` +
    'These switches would let another program inspect the app or turn off its protections, ' +
    'so Custos does not run with them. Start Custos again without them.'
  );
}

/** The lower-case switch name of an argument, or null when it is not a switch. */
function switchName(argument: string, platform: NodeJS.Platform): string | null {
  const prefix = /^--?/u.exec(argument)?.[0] ?? (platform === 'win32' && argument.startsWith('/') ? '/' : '');
  if (prefix === '') return null;
  const name = argument.slice(prefix.length).split('=', 1)[0]!.toLowerCase();
  return name === '' ? null : name;
}

function matches(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
