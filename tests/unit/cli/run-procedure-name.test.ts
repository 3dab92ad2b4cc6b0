/**
 * `custos run <procedure>` takes the procedures it has, by their own names only: a name that is an
 * object's inherited key (`constructor`, `__proto__`, `toString`) is an unknown procedure (exit 2),
 * not a crash.
 */
import { expect, test } from 'vitest';
import { main } from '../../../main/cli/custos.ts';

test.each(['constructor', '__proto__', 'toString', 'no-such-procedure'])('custos run %s: unknown procedure, exit 2', async (name) => {
  let err = '';
  const status = await main(['run', name, '/nonexistent-station', '--answers', '/nonexistent-answers.json'], {
    out: () => {},
    err: (text) => {
      err += text;
    },
    stderrIsTty: false,
    columns: 80,
    locale: 'en',
  });
  expect(status).toBe(2);
  expect(err).toContain(`unknown procedure "${name}"`);
});
