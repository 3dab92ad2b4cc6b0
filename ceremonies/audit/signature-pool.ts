/**
 * Verifies many signatures on every core: items are packed into batches, sent to worker threads
 * (signature-worker.ts) with their buffers transferred, and answered per item through a callback.
 * At most a few batches per worker are in flight, so memory stays bounded whatever the journal's
 * size. Workers start only once a first full batch exists (a small journal is verified on the
 * calling thread), and are terminated only after they have finished loading the native verifier:
 * terminating a thread while it loads a native addon can abort the whole process.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadVerifier, type SignatureVerifier } from '../record/signature-verifier.ts';
import { ITEM_BYTES, packItem, unpackItem } from './signature-batch.ts';

const BATCH = 512;
const IN_FLIGHT_PER_WORKER = 4;

type Callback = (valid: boolean) => void;

export class SignaturePool {
  readonly verifier: SignatureVerifier;
  readonly threads: number;
  private readonly workers: Worker[] = [];
  private readonly ready: Promise<void>[] = [];
  private batch = new Uint8Array(BATCH * ITEM_BYTES);
  private callbacks: Callback[] = [];
  private nextId = 0;
  private readonly pending = new Map<number, { callbacks: Callback[]; worker: Worker }>();
  private readonly waiting: (() => void)[] = [];
  private failure: Error | null = null;
  count = 0;

  constructor(threads = Math.max(1, Math.min(os.availableParallelism(), 8))) {
    this.verifier = loadVerifier();
    this.threads = threads;
  }

  private start(): void {
    for (let i = 0; i < this.threads; i++) {
      const worker = new Worker(new URL('./signature-worker.ts', import.meta.url), { workerData: { verifier: this.verifier.name } });
      this.ready.push(new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
      }));
      worker.on('message', (m: { id?: number; results?: Uint8Array }) => {
        if (m.results) this.done(m.id!, m.results);
      });
      worker.on('error', (error) => { this.failure = error; this.wake(); });
      this.workers.push(worker);
    }
  }

  /** Queues one signature; `callback` is called with the result, in no particular order. */
  async add(digest: Uint8Array, publicKey: Uint8Array, der: Uint8Array, callback: Callback): Promise<void> {
    this.count++;
    if (publicKey.length !== 33 || der.length > 72 || this.threads <= 1) {
      callback(this.verifier.verify(digest, publicKey, der));
      return;
    }
    packItem(this.batch, this.callbacks.length, digest, publicKey, der);
    this.callbacks.push(callback);
    if (this.callbacks.length === BATCH) await this.send();
  }

  private async send(): Promise<void> {
    if (this.callbacks.length === 0) return;
    if (this.workers.length === 0) this.start();
    while (this.pending.size >= this.workers.length * IN_FLIGHT_PER_WORKER && !this.failure) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    const count = this.callbacks.length;
    this.pending.set(id, { callbacks: this.callbacks, worker });
    worker.postMessage({ id, batch: this.batch, count }, [this.batch.buffer]);
    this.batch = new Uint8Array(BATCH * ITEM_BYTES);
    this.callbacks = [];
  }

  private done(id: number, results: Uint8Array): void {
    const job = this.pending.get(id);
    if (!job) return;
    this.pending.delete(id);
    job.callbacks.forEach((cb, i) => cb(results[i] === 1));
    this.wake();
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Checks what is queued (on this thread if no worker was needed) and waits for every result. */
  async drain(): Promise<void> {
    if (this.workers.length === 0) {
      this.callbacks.forEach((cb, i) => cb(this.verifier.verify(...unpackItem(this.batch, i))));
      this.callbacks = [];
      return;
    }
    await this.send();
    while (this.pending.size > 0 && !this.failure) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.ready);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
