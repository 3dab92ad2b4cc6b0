/**
 * Follows a job in main (main/app/app-api.ts jobEvents): asks for the events after the last one
 * seen, hands each to `onEvent`, and asks again until the job is finished or `stop()` is called.
 */
import type { JobEvent } from '../../../main/app/app-api.ts';
import { custosApi } from '../custos-api.ts';

export function followJob(job: string, onEvent: (event: JobEvent) => void, onLost: (error: unknown) => void): () => void {
  let live = true;
  let next = 0;
  const loop = async () => {
    while (live) {
      const update = await custosApi().jobEvents(job, next);
      if (!live) return;
      next = update.next;
      for (const event of update.events) onEvent(event);
      if (update.finished) return;
    }
  };
  loop().catch((error: unknown) => live && onLost(error));
  return () => {
    live = false;
  };
}
