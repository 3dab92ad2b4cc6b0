/**
 * Worker thread of the signature pool: checks batches of (digest, public key, r||s) with the
 * independent libsecp256k1 verifier (the strict DER and low-S checks were made before packing) and
 * answers with one byte per signature (1 valid, 0 not), on the results port the pool gave it (the
 * pool reads that port synchronously). Batch layout: signature-batch.ts.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadVerifier, type VerifierName } from '../record/signature-verifier.ts';
import { unpackItem } from './signature-batch.ts';

const { verifier: name, results: port } = workerData as { verifier: VerifierName; results: MessagePort };
const verifier = loadVerifier(name);
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (message: { id: number; batch: Uint8Array; count: number }) => {
  const { batch, count } = message;
  const results = new Uint8Array(count);
  for (let i = 0; i < count; i++) results[i] = verifier.verifyCompact(...unpackItem(batch, i)) ? 1 : 0;
  port.postMessage({ id: message.id, results }, [results.buffer]);
});
