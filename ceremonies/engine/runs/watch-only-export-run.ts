/**
 * Headless watch-only export (procedure watch-only-export; R8): the officer and a witness write a
 * wallet's watch-only export (ceremonies/engine/watch-only.ts) to the coordinator's medium, from the
 * accounts the record holds; its name and SHA-256 are recorded. No share is presented and no secret
 * is touched: the crypto core only derives public addresses.
 * Answers: station, participants, officer, witness, wallet, exportFile, witnessCheckpoints.
 */
import { requireWallet } from '../../inventory/preconditions.ts';
import { watchOnlyExport } from '../../procedures/watch-only-export.ts';
import type { Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';
import { exportWatchOnly } from '../watch-only.ts';

export async function runWatchOnlyExport(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('watch-only-export');
  const walletId = a.wallet;
  const file = a.exportFile;
  const media = CheckpointMedia.plan(a.witnessCheckpoints, [a.witness], dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('watch-only-export', station);
  try {
    const [wallet] = requireWallet(watchOnlyExport, { wallet: walletId }, station.wallets.byId);
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const [witness] = await present(station, answers, id, [a.witness], 'witness');
    const attest = [
      { signer: officer!, role: 'officer' as const },
      { signer: witness!, role: 'witness' as const },
    ];
    const run = await CeremonyRun.open(station, watchOnlyExport, id, { wallet: walletId }, [{ signer: officer!, role: 'officer' }], {
      drillOnline: env.drillOnline,
    });
    return await guarded(run, officer!, witness!, async () => {
      const exported = await exportWatchOnly(
        station,
        { id: wallet!.id, label: wallet!.label, fingerprint: wallet!.fingerprint ?? '', accounts: wallet!.accounts },
        file,
        `Watch-only export of ${wallet!.id}: watch it and prepare its transfers. Nothing here can spend.`,
      );
      await run.step('export', exported.body, attest);
      const note = await run.close(attest, [witness!]);
      return {
        procedure: 'watch-only-export',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: [exported.file, ...(await media.keep(note))],
        facts: { wallet: walletId, fingerprint: wallet!.fingerprint ?? '' },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
