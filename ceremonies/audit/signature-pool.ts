/**
 * Verifies many signatures on every core (ADR 0011): items are packed into batches; a full batch
 * goes to a worker thread (signature-worker.ts, its buffer transferred) that has room in its queue,
 * or else is checked right here, so the calling thread is one of the `threads` and no core runs two
 * busy threads. Results come back per item through a callback. At most a few batches per worker are
 * in flight, so memory stays bounded whatever the journal's size. Workers start only once a first
 * full batch exists (a small journal is verified on the calling thread), and are terminated only
 * after they have finished loading the native verifier: terminating a thread while it loads a
 * native addon can abort the whole process.
 */
import os from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { derToCompact, isLowS, loadVerifier, type SignatureVerifier } from '../record/signature-verifier.ts';
import { ITEM_BYTES, packItem, unpackItem } from './signature-batch.ts';

const BATCH = 256;
const IN_FLIGHT_PER_WORKER = 2;

type Callback = (valid: boolean) => void;

interface Helper {
  worker: Worker;
  /** Batches sent and not yet answered. */
  jobs: number;
}

export class SignaturePool {
  readonly verifier: SignatureVerifier;
  /** Threads that check signatures: the calling thread and threads − 1 workers. */
  readonly threads: number;
  private readonly helpers: Helper[] = [];
  private readonly ready: Promise<void>[] = [];
  private batch = new Uint8Array(BATCH * ITEM_BYTES);
  private callbacks: Callback[] = [];
  private nextId = 0;
  private readonly pending = new Map<number, Callback[]>();
  private readonly waiting: (() => void)[] = [];
  private failure: Error | null = null;
  count = 0;

  constructor(threads = Math.max(1, Math.min(os.availableParallelism(), 8))) {
    this.verifier = loadVerifier();
    this.threads = threads;
  }

  private start(): void {
    for (let i = 1; i < this.threads; i++) {
      const worker = new Worker(new URL('./signature-worker.ts', import.meta.url), { workerData: { verifier: this.verifier.name } });
      const helper: Helper = { worker, jobs: 0 };
      this.ready.push(new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
      }));
      worker.on('message', (m: { id?: number; results?: Uint8Array }) => {
        if (m.results) this.done(helper, m.id!, m.results);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', () => {
        if (helper.jobs > 0) this.fail(new Error('A signature-checking thread stopped before answering.'));
      });
      this.helpers.push(helper);
    }
  }

  /**
   * Queues one signature, already read with derToCompact and found low-S; `callback` is called with
   * the result, in no particular order. When this hands out a batch it returns a promise: await it
   * before adding more (it lets the workers' answers in).
   */
  add(digest: Uint8Array, publicKey: Uint8Array, compact: Uint8Array, callback: Callback): Promise<void> | undefined {
    this.count++;
    if (publicKey.length !== 33 || digest.length !== 32 || compact.length !== 64 || this.threads <= 1) {
      callback(this.verifier.verifyCompact(digest, publicKey, compact));
      return undefined;
    }
    packItem(this.batch, this.callbacks.length, digest, publicKey, compact);
    this.callbacks.push(callback);
    if (this.callbacks.length < BATCH) return undefined;
    const batch = this.batch;
    const callbacks = this.callbacks;
    this.batch = new Uint8Array(BATCH * ITEM_BYTES);
    this.callbacks = [];
    return this.dispatch(batch, callbacks);
  }

  /** add() for a DER signature: one that is not strict DER, or not low-S, is invalid. */
  addDer(digest: Uint8Array, publicKey: Uint8Array, der: Uint8Array, callback: Callback): Promise<void> | undefined {
    const compact = derToCompact(der);
    if (compact && isLowS(compact)) return this.add(digest, publicKey, compact, callback);
    this.count++;
    callback(false);
    return undefined;
  }

  /** Sends a full batch to a worker with room, else checks it on this thread. */
  private async dispatch(batch: Uint8Array<ArrayBuffer>, callbacks: Callback[]): Promise<void> {
    if (this.helpers.length === 0) this.start();
    await nextTurn();
    if (this.failure) throw this.failure;
    let helper: Helper | undefined;
    for (const h of this.helpers) if (h.jobs < IN_FLIGHT_PER_WORKER && (!helper || h.jobs < helper.jobs)) helper = h;
    if (!helper) {
      this.checkHere(batch, callbacks);
      return;
    }
    const id = this.nextId++;
    helper.jobs++;
    this.pending.set(id, callbacks);
    helper.worker.postMessage({ id, batch, count: callbacks.length }, [batch.buffer]);
  }

  private checkHere(batch: Uint8Array, callbacks: Callback[]): void {
    for (let i = 0; i < callbacks.length; i++) callbacks[i]!(this.verifier.verifyCompact(...unpackItem(batch, i)));
  }

  private done(helper: Helper, id: number, results: Uint8Array): void {
    const callbacks = this.pending.get(id);
    if (!callbacks) return;
    this.pending.delete(id);
    helper.jobs--;
    for (let i = 0; i < callbacks.length; i++) callbacks[i]!(results[i] === 1);
    this.wake();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Checks what is queued on this thread and waits for every result. */
  async drain(): Promise<void> {
    const callbacks = this.callbacks;
    this.callbacks = [];
    this.checkHere(this.batch, callbacks);
    while (this.pending.size > 0 && !this.failure) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.ready);
    await Promise.all(this.helpers.map((h) => h.worker.terminate()));
  }
}
