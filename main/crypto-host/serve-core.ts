/**
 * Connects the crypto core to one port: each request message is answered in order on the same port.
 * Shared by the worker-thread host (CLI, tests) and the Electron utilityProcess host (app).
 * When the port closes, every secret the core holds is wiped.
 */
import { createCore } from '../../crypto/core.ts';
import type { PortLike } from '../../crypto/protocol.ts';

export function serveCore(port: PortLike): { wipeAll: () => void } {
  const core = createCore();
  let queue = Promise.resolve();
  port.on('message', (raw: unknown) => {
    const message = raw && typeof raw === 'object' && 'data' in raw && !('id' in raw) ? (raw as { data: unknown }).data : raw;
    queue = queue.then(async () => port.postMessage(await core.handle(message)));
  });
  (port as unknown as { on(event: 'close', listener: () => void): unknown }).on('close', () => core.wipeAll());
  return { wipeAll: core.wipeAll };
}
