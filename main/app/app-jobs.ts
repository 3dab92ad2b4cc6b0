/**
 * Jobs: a verification or a ceremony running in main while the renderer follows it. Each job keeps
 * its events in order (signed entries, progress, prompts, the outcome); the renderer asks for those
 * after a sequence number and waits up to a second for new ones. A prompt (share words for a holder)
 * stays pending until the renderer answers it; its words are dropped from the job once answered.
 * While it is pending, main can read it back (pendingShareCard) to print the holder's card, so the
 * words need not cross from the page. Spec: main/app/app-api.ts (startVerify, startCeremony,
 * jobEvents, answerShareWords, printShareCard).
 */
import { randomUUID } from 'node:crypto';
import { CustosError } from '../../ceremonies/custos-error.ts';
import type { JobEvent, JobUpdate, ShareWordsPrompt } from './app-api.ts';
import { toAppError } from './app-error.ts';

const WAIT_MS = 1000;

export class Job {
  readonly id = randomUUID();
  /** Paths the job wrote for people (kept in main; the renderer sees names only). */
  outputs: string[] = [];
  /** The wallet whose shares this job shows (printed on the share cards), when the ceremony names one. */
  wallet: string | null = null;
  private events: JobEvent[] = [];
  private finishedFlag = false;
  private readonly waiters = new Set<() => void>();
  private readonly prompts = new Map<string, { kind: string; resolve: (answer: unknown) => void; reject: (error: Error) => void }>();

  get finished(): boolean {
    return this.finishedFlag;
  }

  push(event: JobEvent): void {
    this.events.push(event);
    for (const wake of [...this.waiters]) wake();
  }

  /** Posts a prompt (share words, a sign request, a passphrase) and waits for its answer (answer()). */
  ask<T>(make: (id: string) => JobEvent & { kind: 'prompt'; prompt: string }): Promise<T> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const event = make(id);
      this.prompts.set(id, { kind: event.prompt, resolve: resolve as (answer: unknown) => void, reject });
      this.push(event);
    });
  }

  /** Answers the pending prompt `promptId`, which must be of `kind`: an answer of another kind is refused (PROMPT_UNKNOWN). */
  answer(promptId: string, kind: string, value: unknown): void {
    const pending = this.prompts.get(promptId);
    if (!pending || pending.kind !== kind)
      throw new CustosError('PROMPT_UNKNOWN', 'This question is no longer waiting for an answer. Nothing was changed.', {});
    this.forget(promptId);
    pending.resolve(value);
  }

  /** The share-words prompt `promptId` while it waits for its answer; PROMPT_UNKNOWN once answered, stopped, or never asked. */
  pendingShareCard(promptId: string): ShareWordsPrompt {
    const event = this.prompts.has(promptId) ? this.events.find((e) => e.kind === 'prompt' && e.id === promptId) : undefined;
    if (event?.kind !== 'prompt' || event.prompt !== 'share-words')
      throw new CustosError('PROMPT_UNKNOWN', 'This question is no longer waiting for an answer. Nothing was changed.', {});
    return event;
  }

  /** Refuses every pending prompt with `error` (the run then aborts its ceremony with the reason). */
  stop(error: Error): void {
    if (this.prompts.size === 0) {
      throw new CustosError(
        'CEREMONY_NOT_PAUSED',
        'The ceremony is between two steps and cannot be stopped right now; it stops at the next person to act. Nothing was changed.',
        {},
      );
    }
    for (const [id, pending] of [...this.prompts]) {
      this.forget(id);
      pending.reject(error);
    }
  }

  /** Drops a prompt; the words it showed are not kept once it is answered or refused. */
  private forget(promptId: string): void {
    this.prompts.delete(promptId);
    this.events = this.events.map((e) => (e.kind === 'prompt' && e.id === promptId ? { ...e, words: [], qr: '' } : e));
  }

  finish(event: JobEvent): void {
    this.push(event);
    this.finishedFlag = true;
    for (const wake of [...this.waiters]) wake();
  }

  async since(after: number, waitMs = WAIT_MS): Promise<JobUpdate> {
    if (this.events.length <= after && !this.finishedFlag) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        this.waiters.add(wake);
      });
    }
    const events = this.events.slice(Math.max(0, after));
    return { events, next: this.events.length, finished: this.finishedFlag && after + events.length >= this.events.length };
  }
}

export class Jobs {
  private readonly byId = new Map<string, Job>();

  /** Starts `body` on a new job; its failure becomes the job's `failed` event. */
  start(body: (job: Job) => Promise<JobEvent>): string {
    const job = new Job();
    this.byId.set(job.id, job);
    void body(job).then(
      (outcome) => job.finish(outcome),
      (error: unknown) => job.finish({ kind: 'failed', error: toAppError(error) }),
    );
    return job.id;
  }

  get(id: string): Job {
    const job = this.byId.get(id);
    if (!job) throw new CustosError('JOB_UNKNOWN', 'This task is not known to the station (it may be from before a restart).', {});
    return job;
  }
}
