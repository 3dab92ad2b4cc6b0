/**
 * Headless backup drill (procedure backup-drill): each holder present opens their sealed share file
 * with their passphrase in the crypto core; the share must match the commitment recorded at split
 * time and belong to this wallet's split; its bag is inspected (share-presentation.ts). Then the
 * presented shares rebuild the wallet, which must reproduce the recorded fingerprint. At least m
 * shares must be presented, and every share overdue for proof unless the answers say why it cannot
 * be (overdue-shares.ts; backup-drill@2 records both and what remains overdue).
 * Answers: station, participants, officer, witnesses [≥ 2], wallet (id), shares [{holder, file,
 * sharePassphrase | sharePassphraseFile, bag {state: intact | replaced, serial, newSerial?}}],
 * unreachable? [{share, reason}]. A bag found broken or missing (bag.state broken | missing, with
 * photoSha256 if a photo was taken, newSerial if re-bagged) opens an incident in the drill.
 */
import { backupDrill } from '../../procedures/backup-drill.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import type { Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { overdueAtDrill } from '../overdue-shares.ts';
import { presentAndRebuild } from '../quorum-presentation.ts';
import { proveShares, readSharePlans } from '../share-presentation.ts';

export async function runBackupDrill(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('backup-drill');
  const walletId = a.wallet;
  // A drill takes bags found broken or missing, and opens their incidents (seal-incident).
  const plans = readSharePlans(answers, a.shares, 'shares');
  const witnessLabels = witnessNames(a.witnesses);
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('backup-drill', station);
  try {
    const [wallet] = requireWallet(backupDrill, { wallet: walletId }, station.wallets.byId);
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    // Every share is opened and proven before the ceremony opens: a wrong file or passphrase changes nothing.
    const proven = await proveShares(station, answers, id, wallet!, plans);
    // Every overdue share is presented, or the answers say why it cannot be (backup-drill@2).
    const names = new Map([...station.rules.roster.participants.values()].map((p) => [p.keyid, p.name]));
    const owed = overdueAtDrill(
      wallet!,
      station.clock(),
      proven.map((s) => s.index),
      a.unreachable ?? [],
      names,
    );
    const run = await CeremonyRun.open(
      station,
      backupDrill,
      id,
      { wallet: walletId, fingerprint: wallet!.fingerprint!, setId: wallet!.setId!, overdue: owed.overdue, unreachable: owed.unreachable },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    return await guarded(run, officer!, witnesses[0]!, async () => {
      const remaining = owed.unreachable.map((u) => u.index);
      // Each seal found broken or missing opens its incident, signed by the officer and every witness present.
      const { rebuilt, sealIncidents } = await presentAndRebuild(run, station, wallet!, proven, { officer: officer!, witnesses }, { remaining });
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'backup-drill',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: {
          wallet: walletId,
          proven: proven.map((s) => s.index).join(', '),
          fingerprint: rebuilt.fingerprint,
          stillOverdue: remaining.length > 0 ? remaining.join(', ') : 'none',
          incidents: sealIncidents.join(', ') || 'none',
        },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
