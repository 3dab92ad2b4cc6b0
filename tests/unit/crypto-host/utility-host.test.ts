/**
 * The app's crypto host (main/crypto-host/utility-host.ts) against a fake `electron` module: the
 * utilityProcess is forked with an empty environment and no stdio, receives exactly one port, the
 * real core answers on it (served in-process here through utility-entry's serveCore), and the
 * process's exit fails pending calls with INTERNAL.
 */
import { EventEmitter } from 'node:events';
import { MessageChannel } from 'node:worker_threads';
import { beforeEach, expect, test, vi } from 'vitest';
import { serveCore } from '../../../main/crypto-host/serve-core.ts';

const forks: { path: string; options: Record<string, unknown>; child: FakeChild; ports: unknown[] }[] = [];

class FakeChild extends EventEmitter {
  killed = false;
  postMessage(_message: unknown, ports: unknown[]) {
    forks.at(-1)!.ports.push(...ports);
    serveCore(ports[0] as never); // the real core, as utility-entry.ts would start it
  }
  kill() {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
}

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (path: string, _args: string[], options: Record<string, unknown>) => {
      const child = new FakeChild();
      forks.push({ path, options, child, ports: [] });
      return child;
    },
  },
  MessageChannelMain: class {
    port1: unknown;
    port2: unknown;
    constructor() {
      const { port1, port2 } = new MessageChannel();
      this.port1 = Object.assign(port1, { start: () => undefined });
      this.port2 = port2;
    }
  },
}));

beforeEach(() => {
  forks.length = 0;
});

test('forks the core with an empty environment and hands it a single port', async () => {
  const { startUtilityHost } = await import('../../../main/crypto-host/utility-host.ts');
  const host = await startUtilityHost('/app/dist/main/crypto-host.js');
  expect(forks).toHaveLength(1);
  expect(forks[0]!.path).toBe('/app/dist/main/crypto-host.js');
  expect(forks[0]!.options).toMatchObject({ env: {}, stdio: 'ignore' });
  expect(forks[0]!.ports).toHaveLength(1);
  expect(await host.client.call('ping', {})).toEqual({ version: '1' });
  await host.stop();
  expect(forks[0]!.child.killed).toBe(true);
});

test('when the process exits, pending and later calls fail with INTERNAL', async () => {
  const { startUtilityHost } = await import('../../../main/crypto-host/utility-host.ts');
  const host = await startUtilityHost('/app/dist/main/crypto-host.js');
  const pending = host.client.call('createSigningKey', { passphrase: 'a long enough passphrase' });
  forks[0]!.child.emit('exit', 1);
  await expect(pending).rejects.toMatchObject({ code: 'INTERNAL' });
  await expect(host.client.call('ping', {})).rejects.toMatchObject({ code: 'INTERNAL' });
});
