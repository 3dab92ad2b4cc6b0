/**
 * Verifies many signatures on every core (ADR 0011): items are packed into batches; a full batch
 * goes to a worker thread (signature-worker.ts, its buffer transferred) that has room in its queue,
 * or else is checked right here, so the calling thread is one of the `threads` and no core runs two
 * busy threads. Results come back per item through a callback. At most a few batches per worker are
 * in flight, so memory stays bounded whatever the journal's size. Workers start once a first full
 * batch exists (a small journal is verified on the calling thread), or earlier through prepare(),
 * and are terminated only after they have finished loading the native verifier: terminating a
 * thread while it loads a native addon can abort the whole process.
 *
 * The calling thread never waits for an event-loop turn while it reads: each worker answers on its
 * own MessagePort, which add() empties synchronously (receiveMessageOnPort) before it hands out a
 * batch. Only drain() waits, for the batches still out, and sees a worker that failed.
 */
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { derToCompact, isLowS, loadVerifier, type SignatureVerifier } from '../record/signature-verifier.ts';
import { ITEM_BYTES, packItem, unpackItem } from './signature-batch.ts';
import { workerFile } from './worker-file.ts';

const BATCH = 256;
/**
 * Batches a worker may have queued: with 2, a worker ran dry for 110–180 ms per run of the bench
 * archive while this thread checked a batch of its own and read the next entries (GC pauses, the
 * event-loop turns); with 3 for about 40 ms, at the cost of a little more waiting in drain().
 */
const IN_FLIGHT_PER_WORKER = 3;

/** Called with a queued signature's result and the tag it was queued with. */
type Callback = (valid: boolean, tag: number) => void;

/** What a worker answers on its results port (signature-worker.ts). */
interface BatchResults {
  id: number;
  results: Uint8Array;
}

interface Helper {
  worker: Worker;
  /** Where the worker posts its results; read with receiveMessageOnPort. */
  results: MessagePort;
  /** Batches sent and not yet answered. */
  jobs: number;
}

export class SignaturePool {
  readonly verifier: SignatureVerifier;
  /** Threads that check signatures: the calling thread and threads − 1 workers. */
  readonly threads: number;
  private readonly helpers: Helper[] = [];
  private readonly ready: Promise<void>[] = [];
  private readonly batchSize: number;
  private batch: Uint8Array<ArrayBuffer>;
  private callbacks: Callback[] = [];
  private tags: number[] = [];
  private nextId = 0;
  private readonly pending = new Map<number, { callbacks: Callback[]; tags: number[] }>();
  private failure: Error | null = null;
  private readonly expanded = new WeakMap<Uint8Array, Uint8Array>();
  count = 0;

  /**
   * `batch` is how many signatures go to a worker at once; a smaller one than the default only
   * serves to send a small journal's signatures to the workers (tests).
   */
  constructor(threads = Math.max(1, Math.min(os.availableParallelism(), 8)), batch = BATCH) {
    this.verifier = loadVerifier();
    this.threads = threads;
    this.batchSize = batch;
    this.batch = new Uint8Array(batch * ITEM_BYTES);
  }

  /** The threads that checked signatures: the calling thread, and the workers if a batch needed them. */
  get threadsUsed(): number {
    return 1 + this.helpers.length;
  }

  /**
   * Starts the workers now rather than at the first full batch, so that they load while the
   * calling thread reads the start of a journal known to be large.
   */
  prepare(): void {
    if (this.threads > 1 && this.helpers.length === 0) this.start();
  }

  private start(): void {
    for (let i = 1; i < this.threads; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(workerFile('signature-worker', import.meta.url), {
        workerData: { verifier: this.verifier.name, results: port1 },
        transferList: [port1],
      });
      const helper: Helper = { worker, results: port2, jobs: 0 };
      this.ready.push(
        new Promise<void>((resolve) => {
          worker.once('message', () => resolve());
          worker.once('error', () => resolve());
          worker.once('exit', () => resolve());
        }),
      );
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', () => {
        if (helper.jobs > 0) this.fail(new Error('A signature-checking thread stopped before answering.'));
      });
      this.helpers.push(helper);
    }
  }

  /**
   * Checks or queues one signature, already read with derToCompact and found low-S. With one thread
   * (or an item that does not fit a batch) it is checked at once and the result returned; else it
   * returns undefined and `callback` gets the result and `tag` later, in no particular order: in
   * this or a later add() (when a batch is handed out, answers are taken in), or in drain().
   */
  add(digest: Uint8Array, publicKey: Uint8Array, compact: Uint8Array, callback: Callback, tag = 0): boolean | undefined {
    this.count++;
    const key = this.fastKey(publicKey);
    if (key.length !== 65 || digest.length !== 32 || compact.length !== 64 || this.threads <= 1) {
      return this.verifier.verifyCompact(digest, key, compact);
    }
    packItem(this.batch, this.callbacks.length, digest, key, compact);
    this.callbacks.push(callback);
    this.tags.push(tag);
    if (this.callbacks.length < this.batchSize) return undefined;
    const batch = this.batch;
    const queued = { callbacks: this.callbacks, tags: this.tags };
    this.batch = new Uint8Array(this.batchSize * ITEM_BYTES);
    this.callbacks = [];
    this.tags = [];
    this.dispatch(batch, queued);
    return undefined;
  }

  /**
   * The key in the form the verifier checks fastest (expandKey, ADR 0008), worked out once per key
   * object: the roster hands out the same object for a key every time, and never changes its bytes.
   * A key that does not expand (already uncompressed, or not a key) stays as it is; with one that is
   * not a key, every check fails, as it did before.
   */
  private fastKey(publicKey: Uint8Array): Uint8Array {
    let key = this.expanded.get(publicKey);
    if (key === undefined) {
      key = this.verifier.expandKey(publicKey) ?? publicKey;
      this.expanded.set(publicKey, key);
    }
    return key;
  }

  /** add() for a DER signature: one that is not strict DER, or not low-S, is invalid (returned at once). */
  addDer(digest: Uint8Array, publicKey: Uint8Array, der: Uint8Array, callback: Callback, tag = 0): boolean | undefined {
    const compact = derToCompact(der);
    if (compact && isLowS(compact)) return this.add(digest, publicKey, compact, callback, tag);
    this.count++;
    return false;
  }

  /** Sends a full batch to the worker with the most room, else checks it on this thread. */
  private dispatch(batch: Uint8Array<ArrayBuffer>, queued: { callbacks: Callback[]; tags: number[] }): void {
    if (this.helpers.length === 0) this.start();
    this.collect();
    let helper: Helper | undefined;
    for (const h of this.helpers) if (h.jobs < IN_FLIGHT_PER_WORKER && (!helper || h.jobs < helper.jobs)) helper = h;
    if (!helper) {
      this.checkHere(batch, queued);
      return;
    }
    const id = this.nextId++;
    helper.jobs++;
    this.pending.set(id, queued);
    helper.worker.postMessage({ id, batch, count: queued.callbacks.length }, [batch.buffer]);
  }

  private checkHere(batch: Uint8Array, { callbacks, tags }: { callbacks: Callback[]; tags: number[] }): void {
    for (let i = 0; i < callbacks.length; i++) callbacks[i]!(this.verifier.verifyCompact(...unpackItem(batch, i)), tags[i]!);
  }

  /** Takes in every answer the workers have posted so far, without waiting. */
  private collect(): void {
    for (const helper of this.helpers) {
      if (helper.jobs === 0) continue;
      for (let m = receiveMessageOnPort(helper.results); m; m = receiveMessageOnPort(helper.results)) {
        const { id, results } = m.message as BatchResults;
        const queued = this.pending.get(id);
        if (!queued) continue;
        this.pending.delete(id);
        helper.jobs--;
        for (let i = 0; i < queued.callbacks.length; i++) queued.callbacks[i]!(results[i] === 1, queued.tags[i]!);
      }
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
  }

  /** Checks what is queued on this thread and waits for every result. */
  async drain(): Promise<void> {
    const queued = { callbacks: this.callbacks, tags: this.tags };
    this.callbacks = [];
    this.tags = [];
    this.checkHere(this.batch, queued);
    for (;;) {
      this.collect();
      if (this.pending.size === 0 || this.failure) break;
      // A timer, not a blocking wait: a worker's `error` or `exit` comes in as an event.
      await sleep(1);
    }
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.ready);
    await Promise.all(this.helpers.map((h) => h.worker.terminate()));
    for (const h of this.helpers) h.results.close();
  }
}
