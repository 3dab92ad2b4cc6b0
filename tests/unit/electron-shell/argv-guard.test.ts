/**
 * Unit tests of the argv guard (main/shell/argv-guard.ts) and of main.ts quitting on it, against a
 * fresh fake `electron` per run (issue 5 "Shell": quit on --remote-debugging-*, --inspect*,
 * --no-sandbox, --js-flags). A refused run calls app.exit(1) with a clear message and does nothing
 * else: no sandbox call, no scheme, no listener, no window.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { forbiddenSwitches, isShippedRun, refusalMessage } from '../../../main/shell/argv-guard.ts';
import { createFakeElectron, type FakeElectron } from './fake-electron.ts';

const SHIPPED = { shipped: true, platform: 'linux' } as const;
const DEVELOPMENT = { shipped: false, platform: 'linux' } as const;
const EXE = '/opt/Custos/custos';

describe('forbiddenSwitches', () => {
  test.each([
    '--remote-debugging-port=9222',
    '--remote-debugging-pipe',
    '--remote-debugging-address=0.0.0.0',
    '--inspect',
    '--inspect=9229',
    '--inspect-brk',
    '--inspect-brk=0.0.0.0:9229',
    '--inspect-port=9229',
    '--inspect-brk-node',
    '--inspect-wait',
    '--debug-port=9229',
    '--no-sandbox',
    '--js-flags=--allow-natives-syntax',
    '--js-flags',
    '--disable-web-security',
    '--disable-gpu-sandbox',
    '--host-resolver-rules=MAP * 127.0.0.1',
    '--proxy-server=http://proxy:3128',
    '-remote-debugging-port=9222', // Chromium also reads single-dash switches
    '-no-sandbox',
    '--NO-SANDBOX',
    '--Inspect-Brk',
    '--single-process',
    '--renderer-cmd-prefix=gdb --args',
    '--utility-cmd-prefix=strace -f',
    '--gpu-launcher=/tmp/wrap',
    '--disable-seccomp-filter-sandbox',
    '--disable-setuid-sandbox',
    '--disable-namespace-sandbox',
    '--no-zygote',
    '--in-process-gpu',
    '--browser-subprocess-path=/tmp/evil',
    '--renderer-startup-dialog',
    '--wait-for-debugger-children=renderer',
    '--load-extension=/tmp/ext',
  ])('a shipped run refuses %s', (argument) => {
    expect(forbiddenSwitches([EXE, argument], SHIPPED)).toEqual([argument]);
  });

  test.each([
    '--no-sandbox',
    '--js-flags=--expose-gc',
    '--disable-web-security',
    '--host-resolver-rules=MAP * 1.2.3.4',
    '--single-process',
    '--renderer-cmd-prefix=gdb',
    '--disable-setuid-sandbox',
    '--gpu-launcher=x',
  ])('a development run refuses %s too', (argument) => {
    expect(forbiddenSwitches([EXE, argument], DEVELOPMENT)).toEqual([argument]);
  });

  test("a development run allows the debugging switches Playwright's _electron always passes", () => {
    expect(forbiddenSwitches([EXE, '--inspect=0', '--remote-debugging-port=0', '/repo'], DEVELOPMENT)).toEqual([]);
  });

  test.each([
    [[EXE]],
    [[EXE, '/home/officer/custos-data']],
    [[EXE, '--lang=fr', '--enable-logging=stderr', '--no-sandboxes-here-but-not-a-switch-we-know']],
    [[EXE, 'inspect', 'no-sandbox', 'remote-debugging-port']], // not switches: no dash
    [[EXE, '/no-sandbox']], // a path on Linux, not a switch
    [['--no-sandbox']], // argv[0] is the executable, never read
  ])('allows %j', (argv) => {
    expect(forbiddenSwitches(argv, SHIPPED)).toEqual([]);
  });

  test('on Windows, /name is a switch too', () => {
    expect(forbiddenSwitches([EXE, '/no-sandbox', '/Remote-Debugging-Port=1'], { shipped: true, platform: 'win32' })).toEqual([
      '/no-sandbox',
      '/Remote-Debugging-Port=1',
    ]);
  });

  test('reports every forbidden switch, in order, even after a bare --', () => {
    const argv = [EXE, '--lang=fr', '--inspect-brk', '/data', '--', '--no-sandbox', '--js-flags=--foo'];
    expect(forbiddenSwitches(argv, SHIPPED)).toEqual(['--inspect-brk', '--no-sandbox', '--js-flags=--foo']);
  });
});

describe('isShippedRun', () => {
  test.each([
    [true, '/opt/Custos/resources/app.asar', true],
    [true, '/opt/Custos/resources/app', true],
    [false, '/opt/Custos/resources/app.asar', true], // renamed executable: still loaded from the asar
    [false, 'C:\\Custos\\resources\\app.ASAR', true],
    [false, '/home/dev/custos', false],
    [false, '/home/dev/custos.asar.d', false],
  ])('isPackaged=%s, appPath=%s: shipped=%s', (isPackaged, appPath, expected) => {
    expect(isShippedRun(isPackaged, appPath)).toBe(expected);
  });
});

test('the refusal names the switches, never their values', () => {
  const message = refusalMessage(['--remote-debugging-port=9222', '--js-flags=--secret-value', '--js-flags=--zz-second']);
  expect(message).toMatch(/^Custos refused to start: it was launched with --remote-debugging-port, --js-flags\./u);
  expect(message).not.toMatch(/9222|secret-value|zz-second/u);
  expect(message).toMatch(/Start Custos again without them\./u);
});

describe('main.ts', () => {
  const savedArgv = process.argv;
  afterEach(() => {
    process.argv = savedArgv;
    vi.doUnmock('electron');
    vi.restoreAllMocks();
  });

  /** Imports a fresh main.ts against a fresh fake electron, with the given argv. */
  async function startMain(argv: string[], isPackaged: boolean, appPath: string): Promise<{ fake: FakeElectron; errors: unknown[][] }> {
    vi.resetModules();
    const fake = createFakeElectron(appPath);
    fake.app.isPackaged = isPackaged;
    vi.doMock('electron', () => fake.module);
    const errors: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    process.argv = argv;
    await import('../../../main/shell/main.ts');
    return { fake, errors };
  }

  test.each([
    ['--remote-debugging-port=9222', true, '/opt/Custos/resources/app.asar'],
    ['--inspect-brk', true, '/opt/Custos/resources/app.asar'],
    ['--inspect=9229', false, '/tmp/copied/resources/app.asar'], // executable renamed "electron"
    ['--no-sandbox', false, '/home/dev/custos'],
    ['--js-flags=--allow-natives-syntax', false, '/home/dev/custos'],
  ])('quits with app.exit(1) and a clear message on %s (packaged=%s), before anything else', async (argument, isPackaged, appPath) => {
    const { fake, errors } = await startMain([EXE, argument], isPackaged, appPath);
    expect(fake.app.exit.calls).toEqual([[1]]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]![0])).toMatch(/^Custos refused to start: it was launched with --[a-z-]+/u);
    // Nothing else happened.
    expect(fake.app.commandLine.appendSwitch.calls).toEqual([]);
    expect(fake.app.enableSandbox.calls).toEqual([]);
    expect(fake.module.protocol.registerSchemesAsPrivileged.calls).toEqual([]);
    expect(fake.appEvents.listeners.size).toBe(0);
    expect(fake.windows).toEqual([]);
  });

  test('a clean argv starts the shell and does not exit', async () => {
    const { fake, errors } = await startMain([EXE, '/home/officer/data'], true, '/opt/Custos/resources/app.asar');
    expect(fake.app.exit.calls).toEqual([]);
    expect(errors).toEqual([]);
    expect(fake.app.enableSandbox.calls).toHaveLength(1);
    expect(fake.app.commandLine.appendSwitch.calls).toEqual([['host-resolver-rules', 'MAP * ~NOTFOUND']]);
  });
});
