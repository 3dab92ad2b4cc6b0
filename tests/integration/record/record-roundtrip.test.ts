/**
 * A real station's record, written by RecordWriter and verified by verifyJournal, is valid: station
 * setup, an enrolment and a revocation, each checkpointed and cosigned; the same journal exported
 * as a bundle verifies the same; a retained checkpoint of an earlier size is consistent.
 */
import { afterEach, expect, test } from 'vitest';
import { rmSync } from 'node:fs';
import { openDataDir } from '../../../ceremonies/audit/journal-source.ts';
import { verifyJournal } from '../../../ceremonies/audit/verify.ts';
import { enrol, revoke, setUpStation, testSigner, type TestStation } from '../../support/test-station.ts';

let t: TestStation | undefined;
afterEach(() => {
  t?.writer.close();
  if (t) rmSync(t.dir, { recursive: true, force: true });
});

test('a station set up, with an enrolment and a revocation, verifies clean', async () => {
  t = await setUpStation();
  const holder = testSigner('holder Eve', ['holder']);
  await enrol(t, holder);
  await revoke(t, holder.keyid);
  const report = await verifyJournal(openDataDir(t.dir), { retainedCheckpoints: [{ label: 'of witness Bob', note: t.retained[0]! }] });
  expect(report.findings).toEqual([]);
  expect(report).toMatchObject({ ok: true, entries: 8, ceremonies: 3, station: t.station.keyid });
  // 8 station signatures + participant signatures (1+2+3, 1+2+2, 1+2) + checkpoints (3+2+2) + retained (3)
  expect(report.signatures).toBe(8 + 6 + 5 + 3 + 7 + 3);
  expect(['libsecp256k1-native', 'libsecp256k1-wasm']).toContain(report.verifier);
});
