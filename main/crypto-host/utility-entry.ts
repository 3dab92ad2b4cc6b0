/**
 * Entry of the crypto core when hosted in Electron's utilityProcess (the desktop app). Main sends
 * one message carrying a MessagePortMain; the core answers on that port only. The process is
 * started with an empty environment (utility-host.ts) and killing it wipes everything.
 */
import { serveCore } from './serve-core.ts';
import type { PortLike } from '../../crypto/protocol.ts';

interface ParentPort {
  once(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
}

const parentPort = (process as unknown as { parentPort: ParentPort }).parentPort;
parentPort.once('message', (event) => {
  const port = event.ports[0];
  if (!port) process.exit(2);
  serveCore(port);
  (port as unknown as { start(): void }).start();
});
