/**
 * Follows a verification running in main: startVerify, then jobEvents(job, next) until the job is
 * finished (each call waits up to about a second in main for new events), keeping the latest
 * progress (done of total entries) and the outcome, or the refusal of a `failed` event. Polling
 * stops when the screen goes away. Spec: main/app/app-api.ts (startVerify, jobEvents,
 * ProgressEvent, VerifyOutcome, FailedEvent); docs/desktop-app.md, "The screens" (Auditor: verify
 * with a progress bar).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, VerifyOutcome, VerifyRequest } from '../../../main/app/app-api.ts';
import { asAppError } from '../app-error.ts';
import { custosApi } from '../custos-api.ts';

export type VerifyState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number | null }
  | { readonly kind: 'verified'; readonly outcome: VerifyOutcome; readonly request: VerifyRequest }
  | { readonly kind: 'failed'; readonly error: AppError };

export function useVerifyJob(): { readonly state: VerifyState; start(request: VerifyRequest): void } {
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });
  /** Bumped by each start and on unmount: an older loop sees it changed and stops. */
  const generation = useRef(0);

  useEffect(() => {
    const current = generation;
    return () => {
      current.current++;
    };
  }, []);

  const start = useCallback((request: VerifyRequest) => {
    const mine = ++generation.current;
    const live = () => generation.current === mine;
    setState({ kind: 'running', done: 0, total: null });
    void (async () => {
      try {
        const api = custosApi();
        const job = await api.startVerify(request);
        let next = 0;
        for (;;) {
          if (!live()) return;
          const update = await api.jobEvents(job, next);
          if (!live()) return;
          for (const event of update.events) {
            if (event.kind === 'progress') setState({ kind: 'running', done: event.done, total: event.total });
            else if (event.kind === 'verified') setState({ kind: 'verified', outcome: event, request });
            else if (event.kind === 'failed') setState({ kind: 'failed', error: event.error });
          }
          next = update.next;
          if (update.finished) {
            const last = update.events.at(-1);
            if (last === undefined || (last.kind !== 'verified' && last.kind !== 'failed')) {
              setState((s) => (s.kind === 'running' ? { kind: 'failed', error: { code: 'INTERNAL', message: '', details: {} } } : s));
            }
            return;
          }
        }
      } catch (error) {
        if (live()) setState({ kind: 'failed', error: asAppError(error) });
      }
    })();
  }, []);

  return { state, start };
}
