/**
 * Starts the crypto core in an Electron utilityProcess (the desktop app) and returns a client for
 * it. The process gets an empty environment and no stdio; main hands it one MessagePortMain and
 * keeps the other end, so the renderer can never reach the core. Killing the process wipes every
 * secret it held; pending calls then fail with INTERNAL. Spec: docs/architecture.md, "Processes".
 */
import { MessageChannelMain, utilityProcess } from 'electron';
import { CryptoClient, CryptoError } from '../../crypto/protocol.ts';
import type { CryptoHost } from './worker-host.ts';

export async function startUtilityHost(entryPath: string): Promise<CryptoHost> {
  const child = utilityProcess.fork(entryPath, [], { env: {}, stdio: 'ignore', serviceName: 'Custos crypto core' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage({ type: 'connect' }, [port2]);
  const client = new CryptoClient(port1);
  port1.start();
  child.on('exit', () => client.fail(new CryptoError('INTERNAL', 'The crypto core has stopped. Its secrets are gone.')));
  await client.call('ping', {});
  return {
    client,
    async stop() {
      port1.close();
      child.kill();
    },
  };
}
