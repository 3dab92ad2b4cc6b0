/**
 * The CLI's crypto core: a worker thread hosting it for the duration of one command, stopped (and
 * every secret with it) when the command ends, whatever happens.
 */
import type { CryptoClient } from '../../crypto/protocol.ts';
import { startWorkerHost } from '../crypto-host/worker-host.ts';

export async function withCryptoCore<T>(fn: (client: CryptoClient) => Promise<T>): Promise<T> {
  const host = await startWorkerHost();
  try {
    return await fn(host.client);
  } finally {
    await host.stop();
  }
}
