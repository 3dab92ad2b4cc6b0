/**
 * Issue 3 tamper cases, group 9: what only a witness's retained checkpoint catches. A forked
 * history (an early entry rewritten and re-signed with every key, every later entry re-chained and
 * re-signed, the stored checkpoints rewritten): valid alone, CHECKPOINT_FORK against a checkpoint a
 * witness kept. A rollback to an earlier prefix (journal truncated, later checkpoints deleted):
 * valid alone, CHECKPOINT_ROLLBACK against the witness's checkpoint.
 */
import { describe, expect, test } from 'vitest';
import { openDataDir } from '../../../../ceremonies/audit/journal-source.ts';
import { replayJournal } from '../../../../ceremonies/audit/replay.ts';
import {
  AT,
  ENTRY_COUNT,
  editLine,
  expectErrorsOnlyAt,
  expectFinding,
  expectValid,
  removeCheckpoints,
  useTamperStation,
  verifyDir,
} from '../../../support/tamper.ts';

const ctx = useTamperStation();

/** Eve's enrolment rewritten to give her the witness role too, with full collusion. */
async function forked() {
  const { s } = ctx;
  const lines = s.lines.slice();
  lines[AT.eveOpen] = editLine(
    lines[AT.eveOpen]!,
    (p) => {
      (p.body.participant as { roles: string[] }).roles = ['holder', 'witness'];
    },
    s.keys,
  );
  return ctx.run(lines, { rechainFrom: AT.eveOpen + 1 });
}

describe('a re-signed forked history', () => {
  test('verifies alone: every signature, chain and checkpoint was re-made', async () => {
    const { report, dir } = await forked();
    expectValid(report);
    expect(report.entries).toBe(ENTRY_COUNT);
    const eve = replayJournal(openDataDir(dir)).participants.find((p) => p.keyid === ctx.s.eve.keyid);
    expect(eve?.roles).toEqual(['holder', 'witness']);
  });

  test("with the checkpoint a witness kept after Eve's enrolment → CHECKPOINT_FORK", async () => {
    const { dir } = await forked();
    const report = await verifyDir(dir, ctx.s.retained[1], { threads: 1 });
    expectFinding(report, 'CHECKPOINT_FORK', AT.eveClose);
    expectErrorsOnlyAt(report, AT.eveClose);
  });

  test('with the latest checkpoint a witness kept → CHECKPOINT_FORK', async () => {
    const { dir } = await forked();
    const report = await verifyDir(dir, ctx.s.retained.at(-1), { threads: 1 });
    expectFinding(report, 'CHECKPOINT_FORK', ENTRY_COUNT - 1);
  });

  test('with a checkpoint kept before the rewritten entry → still valid (the prefix is the same)', async () => {
    const { dir } = await forked();
    expectValid(await verifyDir(dir, ctx.s.retained[0], { threads: 1 }));
  });
});

describe('a rollback to an earlier prefix', () => {
  const rolledBack = () =>
    ctx.run(ctx.s.lines.slice(0, AT.revokeClose + 1), {
      prepare: (dir) => removeCheckpoints(dir, (size) => size <= AT.revokeClose + 1),
    });

  test('verifies alone', async () => {
    const { report } = await rolledBack();
    expectValid(report);
    expect(report.entries).toBe(AT.revokeClose + 1);
  });

  test('with the latest checkpoint a witness kept → CHECKPOINT_ROLLBACK', async () => {
    const { dir } = await rolledBack();
    const report = await verifyDir(dir, ctx.s.retained.at(-1), { threads: 1 });
    expectFinding(report, 'CHECKPOINT_ROLLBACK', AT.revokeClose + 1);
    expectErrorsOnlyAt(report, AT.revokeClose + 1);
  });

  test('with the checkpoint kept at the rollback point → valid', async () => {
    const { dir } = await rolledBack();
    expectValid(await verifyDir(dir, ctx.s.retained[3], { threads: 1 }));
  });

  test('rolled back, then a different history appended and re-signed → CHECKPOINT_FORK', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.gusOpen] = editLine(
      lines[AT.gusOpen]!,
      (p) => {
        (p.body.participant as { name: string }).name = 'holder Gustave';
      },
      s.keys,
    );
    const { report: alone, dir } = await ctx.run(lines, { rechainFrom: AT.gusOpen + 1 });
    expectValid(alone);
    const report = await verifyDir(dir, s.retained.at(-1), { threads: 1 });
    expectFinding(report, 'CHECKPOINT_FORK', ENTRY_COUNT - 1);
  });
});
