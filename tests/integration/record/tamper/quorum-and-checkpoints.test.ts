/**
 * Issue 3 tamper cases, group 8: witness quorum. A witness signature removed from the envelope of
 * the setup's confirm-roster entry (its payload still declares it); a stored checkpoint with a
 * witness cosignature removed; a forged root in a stored checkpoint, re-signed by the station (and
 * witnesses), and not re-signed.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  AT,
  checkpointFiles,
  editEnvelope,
  editLine,
  expectErrorsOnlyAt,
  expectFinding,
  readCheckpointFile,
  reSignCheckpoint,
  writeCheckpointFile,
  useTamperStation,
} from '../../../support/tamper.ts';

const ctx = useTamperStation();
const forgedRoot = new Uint8Array(createHash('sha256').update('another history').digest());

describe('witness quorum of an entry', () => {
  test('a witness signature removed from confirm-roster (still declared) → SIGNATURE_MISSING and QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const chloe = s.witnesses[1]!;
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = editEnvelope(lines[AT.confirmRoster]!, (e) => {
      e.signatures = e.signatures.filter((x) => x.keyid !== chloe.keyid);
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose });
    expectFinding(report, 'SIGNATURE_MISSING', AT.confirmRoster, s.ceremonies.setup);
    expectFinding(report, 'QUORUM_NOT_MET', AT.confirmRoster, s.ceremonies.setup);
    expectErrorsOnlyAt(report, AT.confirmRoster);
  });

  test('a witness removed from the setup close, envelope and payload, re-signed → QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const chloe = s.witnesses[1]!;
    const lines = s.lines.slice();
    lines[AT.setupClose] = editLine(
      lines[AT.setupClose]!,
      (p) => {
        p.signers = p.signers.filter((r) => r.keyid !== chloe.keyid);
      },
      s.keys,
      { signatures: (sigs) => sigs.filter((x) => x.keyid !== chloe.keyid) },
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose + 1 });
    expectFinding(report, 'QUORUM_NOT_MET', AT.setupClose, s.ceremonies.setup);
  });
});

describe('stored checkpoints', () => {
  test('a witness cosignature removed from the setup checkpoint → CHECKPOINT_WITNESS_QUORUM', async () => {
    const { s } = ctx;
    const chloe = s.witnesses[1]!;
    const { report } = await ctx.run(s.lines, {
      prepare: (dir) => {
        const note = readCheckpointFile(dir, 3);
        const without = note
          .split('\n')
          .filter((l) => !l.includes(` witness-${chloe.keyid.slice(0, 16)} `))
          .join('\n');
        expect(without).not.toBe(note);
        writeCheckpointFile(dir, 3, without);
      },
    });
    expectFinding(report, 'CHECKPOINT_WITNESS_QUORUM', AT.setupClose);
    expectErrorsOnlyAt(report, AT.setupClose);
  });

  test('the only cosignature removed from an enrolment checkpoint → CHECKPOINT_WITNESS_QUORUM', async () => {
    const { s } = ctx;
    const { report } = await ctx.run(s.lines, {
      prepare: (dir) => {
        const note = readCheckpointFile(dir, AT.eveClose + 1);
        writeCheckpointFile(
          dir,
          AT.eveClose + 1,
          note
            .split('\n')
            .filter((l) => !l.includes(' witness-'))
            .join('\n'),
        );
      },
    });
    expectFinding(report, 'CHECKPOINT_WITNESS_QUORUM', AT.eveClose);
  });

  test('a forged root, re-signed by the station and cosigned by its witnesses → CHECKPOINT_ROOT_MISMATCH', async () => {
    const { s } = ctx;
    const { report } = await ctx.run(s.lines, {
      prepare: async (dir) => {
        const note = readCheckpointFile(dir, AT.eveClose + 1);
        writeCheckpointFile(dir, AT.eveClose + 1, await reSignCheckpoint(note, { root: forgedRoot }, s.station, [s.witnesses[0]!]));
      },
    });
    expectFinding(report, 'CHECKPOINT_ROOT_MISMATCH', AT.eveClose);
    expectErrorsOnlyAt(report, AT.eveClose);
  });

  test('a forged root, re-signed by the station alone (old cosignature kept) → CHECKPOINT_ROOT_MISMATCH, and the cosignature fails', async () => {
    const { s } = ctx;
    const { report } = await ctx.run(s.lines, {
      prepare: async (dir) => {
        const note = readCheckpointFile(dir, AT.eveClose + 1);
        writeCheckpointFile(dir, AT.eveClose + 1, await reSignCheckpoint(note, { root: forgedRoot }, s.station));
      },
    });
    expectFinding(report, 'CHECKPOINT_ROOT_MISMATCH', AT.eveClose);
    expectFinding(report, 'CHECKPOINT_COSIGNATURE_INVALID', null);
    expectFinding(report, 'CHECKPOINT_WITNESS_QUORUM', AT.eveClose);
  });

  test('a forged root, not re-signed → CHECKPOINT_SIGNATURE_INVALID', async () => {
    const { s } = ctx;
    const { report } = await ctx.run(s.lines, {
      prepare: async (dir) => {
        const note = readCheckpointFile(dir, AT.eveClose + 1);
        writeCheckpointFile(dir, AT.eveClose + 1, await reSignCheckpoint(note, { root: forgedRoot }));
      },
    });
    expectFinding(report, 'CHECKPOINT_SIGNATURE_INVALID', null);
    expectErrorsOnlyAt(report, null);
    expect(checkpointFiles(ctx.s.dir)).toHaveLength(6);
  });
});
