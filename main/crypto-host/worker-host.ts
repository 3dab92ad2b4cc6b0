/**
 * Starts the crypto core in a worker thread and returns a client for it (CLI and tests). The worker
 * gets an empty environment and a fresh MessageChannel; `stop()` terminates it, which wipes every
 * secret it held. If the worker dies, pending calls fail with INTERNAL.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { CryptoClient, CryptoError } from '../../crypto/protocol.ts';

export interface CryptoHost {
  client: CryptoClient;
  stop(): Promise<void>;
}

export async function startWorkerHost(): Promise<CryptoHost> {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), {
    workerData: { port: port2 },
    transferList: [port2],
    env: {},
  });
  const client = new CryptoClient(port1);
  worker.on('error', () => client.fail(new CryptoError('INTERNAL', 'The crypto core stopped unexpectedly. Its secrets are gone.')));
  worker.on('exit', () => client.fail(new CryptoError('INTERNAL', 'The crypto core has stopped. Its secrets are gone.')));
  await client.call('ping', {});
  return {
    client,
    async stop() {
      port1.close();
      await worker.terminate();
    },
  };
}
