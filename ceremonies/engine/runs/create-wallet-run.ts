/**
 * Headless create-wallet (procedure create-wallet): a client wallet (with its client reference) or a
 * house wallet, never both (R7). The crypto core makes the entropy (OS, and dice if rolled), the
 * wallet is split m-of-n, and each holder's share is written to their medium sealed to their
 * passphrase and proven before they attest (wallet-creation.ts). Only public data is recorded; the
 * secret is wiped when the ceremony ends.
 * Answers: station, participants, officer, witnesses [≥ 2], wallet {id, class, clientRef?, label},
 * chains, threshold, dice?, drillIntervalDays?, holders [{name, media ["file"], sharePassphrase |
 * sharePassphraseFile, outputDir, bagSerial}], confirm {holdersReceivedShares: true}, watchOnlyFile?
 * (create-wallet@2: the new wallet's watch-only export for the coordinator, ceremonies/engine/watch-only.ts).
 */
import { CustosError } from '../../custos-error.ts';
import { createWallet } from '../../procedures/create-wallet.ts';
import type { Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { requireDistinct } from '../participant-keys.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { createWalletSteps, newSharePassphrasesReady, readWalletPlan, walletOpening } from '../wallet-creation.ts';
import { exportWatchOnly } from '../watch-only.ts';

export async function runCreateWallet(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('create-wallet');
  const plan = readWalletPlan(answers, a, '', env.screen !== undefined);
  const witnessLabels = witnessNames(a.witnesses);
  void a.confirm.holdersReceivedShares;
  const watchOnlyFile = a.watchOnlyFile;

  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('create-wallet', station);
  try {
    if (station.wallets.byId.has(plan.id)) {
      throw new CustosError('WALLET_EXISTS', `A wallet named ${plan.id} already exists. Nothing was recorded.`, { wallet: plan.id });
    }
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    const people = await present(
      station,
      answers,
      id,
      plan.holders.map((h) => h.name),
      'holder',
    );
    requireDistinct(people, 'holders');
    await newSharePassphrasesReady(answers, plan, people);
    const run = await CeremonyRun.open(station, createWallet, id, walletOpening(plan, people), [{ signer: officer!, role: 'officer' }], {
      drillOnline: env.drillOnline,
    });
    return await guarded(run, officer!, witnesses[0]!, async () => {
      const made = await createWalletSteps(run, station, plan, people, officer!, witnesses[0]!, env.screen);
      const exported = watchOnlyFile
        ? await exportWatchOnly(
            station,
            { id: plan.id, label: plan.label, fingerprint: made.fingerprint, accounts: made.accounts },
            watchOnlyFile,
            `Watch-only export of ${plan.id}: watch it and prepare its transfers. Nothing here can spend.`,
          )
        : null;
      if (exported) {
        await run.step('export-watch-only', exported.body, [
          { signer: officer!, role: 'officer' },
          { signer: witnesses[0]!, role: 'witness' },
        ]);
      }
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'create-wallet',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: [...made.files, ...(exported ? [exported.file] : []), ...(await media.keep(note))],
        facts: { wallet: plan.id, fingerprint: made.fingerprint, quorum: `${plan.threshold}-of-${plan.holders.length}` },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
