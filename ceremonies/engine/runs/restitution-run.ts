/**
 * Headless restitution (procedure restitution; R6, R9): a client's assets go back by transfer. The
 * approvers (at least two distinct keys) sign the exact destination and amount; the holders present
 * a quorum of shares; the crypto core rebuilds the wallet, reviews the coordinator's PSBT, which must
 * pay exactly the approved destination and amount (anything else as change to the same wallet), and
 * signs; the signed transaction is written for the coordinator. Everything is checked before the
 * ceremony opens. No answer, step or output can ask for or reveal a key, seed or mnemonic.
 * Answers: station, participants, officer, witnesses [≥ 2], approvers [≥ 2], wallet,
 * request {reference, reason?}, destination {address, amount (coins, e.g. "0.25"), network},
 * psbtFile, outputDir, shares [...as backup-drill], witnessCheckpoints.
 */
import { requireSeparateDuties } from '../participant-keys.ts';
import { CustosError } from '../../custos-error.ts';
import { toBaseUnits } from '../../inventory/holdings.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import { restitution } from '../../procedures/restitution.ts';
import type { Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { exportSigned, readPsbtFile, requireApprovedOutputs, summaryBody, transferNetwork } from '../psbt-exchange.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { presentShareSteps, proveShares, readSharePlans, rebuildWallet } from '../share-presentation.ts';

export async function runRestitution(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('restitution');
  const walletId = a.wallet;
  const reference = a.request.reference;
  const reason = a.request.reason ?? '';
  const destination = a.destination.address;
  const amountText = a.destination.amount;
  const psbt = readPsbtFile(a.psbtFile, 'psbtFile');
  const outputDir = a.outputDir;
  const plans = readSharePlans(answers, a.shares, 'shares');
  const witnessLabels = witnessNames(a.witnesses);
  const approverNames = a.approvers;
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('restitution', station);
  try {
    const [wallet] = requireWallet(restitution, { wallet: walletId }, station.wallets.byId);
    const network = transferNetwork(a.destination.network, wallet!);
    const amount = toBaseUnits(amountText, network, 'destination.amount');
    if (amount <= 0n)
      throw new CustosError('AMOUNT_INVALID', 'The amount to return must be more than zero. Nothing was recorded.', { where: 'destination.amount' });
    // The procedure's minimum, or the station policy's approver quorum if it asks for more.
    const minimum = Math.max(restitution.steps.find((s) => s.id === 'approve')!.signers[0]!.min, station.rules.policy.approvers);
    if (new Set(approverNames).size < minimum) {
      throw new CustosError(
        'APPROVERS_TOO_FEW',
        `A restitution needs ${minimum} different approvers; ${new Set(approverNames).size} are named. Nothing was recorded.`,
        { needed: minimum },
      );
    }
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    const approvers = await present(station, answers, id, approverNames, 'approver');
    requireSeparateDuties(officer!, approvers);
    const proven = await proveShares(station, answers, id, wallet!, plans);
    const rebuilt = await rebuildWallet(station, id, wallet!, proven);
    const summary = await station.client.call('reviewPsbt', { wallet: rebuilt.wallet, psbt, network });
    requireApprovedOutputs(summary, destination, amount);
    const attest = [
      { signer: officer!, role: 'officer' as const },
      { signer: witnesses[0]!, role: 'witness' as const },
    ];
    const run = await CeremonyRun.open(
      station,
      restitution,
      id,
      {
        wallet: walletId,
        clientRef: wallet!.ownerRef!,
        request: { reference, ...(reason ? { reason } : {}) },
        network,
      },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    return await guarded(run, officer!, witnesses[0]!, async () => {
      await run.step(
        'approve',
        { wallet: walletId, destination, amount: amount.toString(), network },
        approvers.map((a) => ({ signer: a, role: 'approver' as const })),
      );
      await presentShareSteps(run, proven, witnesses[0]!);
      await run.step('import-psbt', summaryBody(summary, psbt), attest);
      run.checkOffline();
      const signed = await station.client.call('signPsbt', { wallet: rebuilt.wallet, psbt, network, approvedDigest: summary.digest });
      const exported = exportSigned(signed, outputDir, walletId);
      await run.step('sign', { shares: proven.map((p) => p.index), fingerprint: wallet!.fingerprint!, digest: summary.digest, ...exported.body }, attest);
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'restitution',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: [...exported.files, ...(await media.keep(note))],
        facts: { wallet: walletId, destination, amount: amount.toString(), txid: signed.txid, fee: summary.fee },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
