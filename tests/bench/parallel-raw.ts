/**
 * The machine's own ceiling for the verify throughput ratios (record.ts): the raw rate of the same
 * verifier on the same archive triples, run on `threads` threads at once, each thread on its own
 * copy. Beside raw rate × threads it shows how much of the cores' nominal capacity the machine
 * gives a verifier running on all of them (shared execution units, other processes, a hypervisor).
 * Informational: the throughput rows keep the single-thread raw rate × threads as their baseline.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadVerifier, type VerifierName } from '../../ceremonies/record/signature-verifier.ts';

type Triple = [Uint8Array, Uint8Array, Uint8Array];

interface Job {
  verifier: VerifierName;
  triples: Triple[];
  passes: number;
}

function pass(verify: (digest: Uint8Array, key: Uint8Array, der: Uint8Array) => boolean, triples: Triple[]): void {
  for (const [digest, key, der] of triples) if (!verify(digest, key, der)) throw new Error('an archive signature did not verify');
}

/** Signatures per second of `threads` threads verifying `triples` `passes` times each, all at once. */
export async function parallelRawRate(verifier: VerifierName, triples: Triple[], threads: number, passes: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { verifier, triples, passes } satisfies Job }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((resolve, reject) => {
            w.once('message', resolve);
            w.once('error', reject);
          }),
      ),
    );
    const ms = await Promise.all(
      workers.map(
        (w) =>
          new Promise<number>((resolve, reject) => {
            w.once('message', resolve);
            w.once('error', reject);
            w.postMessage('go');
          }),
      ),
    );
    return (threads * passes * triples.length * 1000) / Math.max(...ms);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (!isMainThread && (workerData as Job | undefined)?.triples) {
  const job = workerData as Job;
  const verify = loadVerifier(job.verifier).verify;
  pass(verify, job.triples);
  parentPort!.postMessage('ready');
  parentPort!.once('message', () => {
    const start = performance.now();
    for (let i = 0; i < job.passes; i++) pass(verify, job.triples);
    parentPort!.postMessage(performance.now() - start);
  });
}
