/**
 * Headless reshare (procedure reshare; issue 19, "Reshare"; ADR 0032): the same wallet under a new set
 * of shares. Before anything is recorded: the shares presented are proven against the record (a
 * quorum at least), every share of the old set still held is named for destruction (in the bag it is
 * in, with its reachable files), and the new holders are distinct participants. Then the quorum
 * rebuilds the wallet in the crypto core (same fingerprint), the core splits it into the new set, each
 * new share is handed over and proven, and only then is each old share destroyed in front of a
 * witness: a ceremony stopped before its close never leaves the wallet without a set. A new share's
 * file is erased if the ceremony is aborted (the new set is void unless it closes). The opening
 * records, in English and French, that m old shares copied outside the ceremony would still rebuild
 * the key, and that such a copy is answered by an incident and a compromise rotation.
 * Answers: station, participants, officer, witnesses [≥ 2], wallet, reason, shares [{holder, file,
 * sharePassphrase | sharePassphraseFile, bag}], threshold, holders [{name, media ["file"],
 * sharePassphrase | sharePassphraseFile, outputDir, bagSerial}], destroy [{index, holder?, method,
 * mediaId, bagSerial, files?}], confirm {holdersReceivedShares, oldSharesDestroyed}, witnessCheckpoints.
 */
import { CustosError } from '../../custos-error.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import type { WalletView } from '../../inventory/wallets.ts';
import { reshare } from '../../procedures/reshare.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { requireDistinct } from '../participant-keys.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { presentAndRebuild } from '../quorum-presentation.ts';
import { checkSharesToDestroy, destroyShareSteps, destroyingHolders, readSharesToDestroy } from '../share-destruction.ts';
import { proveShares, readSharePlans } from '../share-presentation.ts';
import { handOverShares, newSharePassphrasesReady, readHolderPlans } from '../wallet-creation.ts';

/** What the opening says plainly of the old set (docs/record-format.md, "Reshare"), in both languages. */
function residualRisk(wallet: WalletView): { en: string; fr: string } {
  const m = wallet.threshold;
  const set = wallet.setId ?? '';
  return {
    en: `Any ${m} shares of the old set ${set} would still rebuild this wallet's key. This ceremony destroys the shares it is shown; it cannot destroy a copy kept outside it. If such a copy is suspected, open an incident and run a compromise rotation, which moves the funds to a new wallet.`,
    fr: `${m} parts quelconques de l’ancien jeu ${set} reconstitueraient encore la clé de ce portefeuille. Cette cérémonie détruit les parts qui lui sont présentées ; elle ne peut pas détruire une copie gardée hors d’elle. Si une telle copie est soupçonnée, ouvrez un incident et procédez à une rotation après compromission, qui transfère les fonds vers un nouveau portefeuille.`,
  };
}

export async function runReshare(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('reshare');
  const walletId = a.wallet;
  // A reshare takes bags found broken or missing, and opens their incidents (seal-incident), as a drill does.
  const plans = readSharePlans(answers, a.shares, 'shares');
  const holders = readHolderPlans(answers, a.holders, 'holders', env.screen !== undefined);
  const threshold = a.threshold;
  if (threshold > holders.length) throw invalid('threshold', `must be a whole number from 2 to ${holders.length}, the number of new holders`);
  const doomed = readSharesToDestroy(a.destroy);
  const witnessLabels = witnessNames(a.witnesses);
  void a.confirm.holdersReceivedShares;
  void a.confirm.oldSharesDestroyed;
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('reshare', station);
  try {
    const [wallet] = requireWallet(reshare, { wallet: walletId }, station.wallets.byId);
    const old = wallet!;
    // A share re-bagged as it is presented is destroyed in its new bag.
    const bagNow = new Map(plans.flatMap((p, i) => (p.bag.newSerial ? [[i, p.bag.newSerial] as const] : [])));
    const left = old.shares.filter((s) => s.state === 'held' && !doomed.some((d) => d.index === s.index)).map((s) => s.index);
    if (left.length > 0) {
      throw new CustosError(
        'RESHARE_OLD_SHARE_LEFT',
        `A reshare destroys every share of the old set, and share${left.length > 1 ? 's' : ''} ${left.join(', ')} of ${walletId} ${left.length > 1 ? 'are' : 'is'} not named for destruction. A share that cannot be brought may be copied or lost: open an incident and run a compromise rotation instead. Nothing was recorded.`,
        { index: left[0]! },
      );
    }
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    // Every share is opened and proven before the ceremony opens: a wrong file or passphrase changes nothing.
    const proven = await proveShares(station, answers, id, old, plans);
    checkSharesToDestroy(old, doomed, new Map([...bagNow].map(([i, serial]) => [proven[i]!.index, serial])));
    const destroyers = await destroyingHolders(station, answers, id, old, doomed);
    const people = await present(
      station,
      answers,
      id,
      holders.map((h) => h.name),
      'holder',
    );
    requireDistinct(people, 'holders');
    await newSharePassphrasesReady(answers, { holders }, people);
    const oldSet = { setId: old.setId!, threshold: old.threshold, shareCount: old.shareCount };
    const run = await CeremonyRun.open(
      station,
      reshare,
      id,
      {
        wallet: walletId,
        fingerprint: old.fingerprint!,
        oldSet,
        threshold,
        shareCount: holders.length,
        holders: people.map((p, i) => ({ index: i + 1, keyid: p.keyid, name: p.name })),
        reason: a.reason,
        residualRisk: residualRisk(old),
      },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    const attest = [
      { signer: officer!, role: 'officer' as const },
      { signer: witnesses[0]!, role: 'witness' as const },
    ];
    return await guarded(run, officer!, witnesses[0]!, async () => {
      const { rebuilt, sealIncidents } = await presentAndRebuild(run, station, old, proven, { officer: officer!, witnesses });
      const split = await station.client.call('splitWallet', { wallet: rebuilt.wallet, threshold, shareCount: holders.length });
      await station.client.call('releaseHandle', { handle: rebuilt.wallet });
      await run.step(
        'split',
        {
          setId: split.setId,
          threshold,
          shareCount: holders.length,
          commitments: split.shares.map((s) => ({ index: s.index, commitment: s.commitment })),
        },
        attest,
      );
      // The new set is void unless the ceremony closes: an abort erases every file of it the station wrote.
      const files = await handOverShares(run, station, split.shares, holders, people, witnesses[0]!, env.screen, false);
      // Only once every new share is in its holder's hands is the old set destroyed.
      await destroyShareSteps(run, doomed, destroyers, witnesses[0]!, { setId: oldSet.setId });
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'reshare',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: [...files, ...(await media.keep(note))],
        facts: {
          wallet: walletId,
          fingerprint: rebuilt.fingerprint,
          quorum: `${threshold}-of-${holders.length}`,
          oldSet: oldSet.setId,
          newSet: split.setId,
          destroyed: doomed.map((d) => d.index).join(', '),
          incidents: sealIncidents.join(', ') || 'none',
        },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
