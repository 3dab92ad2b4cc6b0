/**
 * Headless restitution (procedure restitution@3; R6, R9): a client's assets go back by transfer. The
 * approvers (the station policy's quorum of distinct keys) sign the exact asset, destination and
 * amount. Before anyone is asked for a passphrase, the crypto core reviews what the coordinator
 * prepared against the wallet's recorded account key (ADR 0035):
 * - on Bitcoin, a PSBT that must pay exactly the approved destination and amount (anything else as
 *   change to the same wallet);
 * - on Ethereum, a transfer request (docs/transfer-exchange.md) that must move exactly the approved
 *   ether or listed token, amount and destination, from the wallet's own address, within the fee
 *   cap, with a nonce this station never signed for.
 * Then the holders present a quorum of shares (a bag found broken or missing opens its incident
 * right after the presentations, as in a drill), the core rebuilds the wallet, reviews the file
 * again and signs it, and the signed transaction is written for the coordinator. Everything is
 * checked before the ceremony opens. No answer, step or output can ask for or reveal a key, seed or
 * mnemonic.
 * Answers: station, participants, officer, witnesses [≥ 2], approvers [≥ 2], wallet,
 * request {reference, reason?}, destination {address, amount (in the asset's units, e.g. "0.25"),
 * network, asset?}, psbtFile (Bitcoin) or requestFile (Ethereum), outputDir, shares [...as
 * backup-drill], witnessCheckpoints.
 */
import { BITCOIN_NETWORKS, oneOfValues, type BitcoinNetwork, type EthereumNetwork } from '../../../common/answers/vocabulary.ts';
import { requireSeparateDuties } from '../participant-keys.ts';
import { CustosError } from '../../custos-error.ts';
import { toBaseUnits } from '../../inventory/holdings.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import type { WalletView } from '../../inventory/wallets.ts';
import { restitution } from '../../procedures/restitution.ts';
import type { AnswersOutput } from '../../../common/answers/procedure-answers.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import {
  ETH_FEE_CAP_WEI,
  assetAmount,
  chosenAsset,
  coreTokens,
  ethReviewBody,
  exportSignedEth,
  readEthRequestFile,
  requireApprovedTransfer,
  requireEthereumAccount,
  requireFreshNonce,
} from '../eth-exchange.ts';
import { exportSigned, readPsbtFile, requireApprovedOutputs, summaryBody, transferNetwork, watchedAccount } from '../psbt-exchange.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { presentQuorum } from '../quorum-presentation.ts';
import { proveShares, readSharePlans, rebuildWallet } from '../share-presentation.ts';
import type { Station } from '../station.ts';
import type { Body } from '../ceremony-run.ts';

/** The leg of a restitution: the coordinator's file for it, read before the station opens. */
type Leg = { chain: 'bitcoin'; network: BitcoinNetwork; psbt: Uint8Array } | { chain: 'ethereum'; network: EthereumNetwork; request: Uint8Array };

function legOf(a: AnswersOutput<'restitution'>): Leg {
  const bitcoin = oneOfValues(BITCOIN_NETWORKS, a.destination.network);
  if (bitcoin) {
    if (a.requestFile !== undefined) throw invalid('requestFile', 'is for an Ethereum restitution; a Bitcoin one takes psbtFile');
    if (a.destination.asset !== undefined && a.destination.asset !== 'BTC') throw invalid('destination.asset', 'must be BTC (or left out) on Bitcoin');
    if (a.psbtFile === undefined) throw invalid('psbtFile', 'is required for a Bitcoin restitution');
    return { chain: 'bitcoin', network: bitcoin, psbt: readPsbtFile(a.psbtFile, 'psbtFile') };
  }
  if (a.psbtFile !== undefined) throw invalid('psbtFile', 'is for a Bitcoin restitution; an Ethereum one takes requestFile');
  if (a.requestFile === undefined) throw invalid('requestFile', 'is required for an Ethereum restitution');
  if (!/^0x[0-9a-fA-F]{40}$/u.test(a.destination.address)) throw invalid('destination.address', 'must be an Ethereum address (0x and 40 hexadecimal digits)');
  return { chain: 'ethereum', network: a.destination.network as EthereumNetwork, request: readEthRequestFile(a.requestFile, 'requestFile') };
}

export async function runRestitution(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('restitution');
  const walletId = a.wallet;
  const reference = a.request.reference;
  const reason = a.request.reason ?? '';
  const destination = a.destination.address;
  const amountText = a.destination.amount;
  const leg = legOf(a);
  const outputDir = a.outputDir;
  // A restitution takes bags found broken or missing, and opens their incidents (seal-incident) before it imports anything.
  const plans = readSharePlans(answers, a.shares, 'shares');
  const witnessLabels = witnessNames(a.witnesses);
  const approverNames = a.approvers;
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('restitution', station);
  try {
    const [wallet] = requireWallet(restitution, { wallet: walletId }, station.wallets.byId);
    const what = approvedTransfer(station, wallet!, leg, a.destination.asset, amountText);
    const { network, amount } = what;
    // The procedure's minimum, or the station policy's approver quorum if it asks for more.
    const minimum = Math.max(restitution.steps.find((s) => s.id === 'approve')!.signers[0]!.min, station.rules.policy.approvers);
    if (new Set(approverNames).size < minimum) {
      throw new CustosError(
        'APPROVERS_TOO_FEW',
        `A restitution needs ${minimum} different approvers; ${new Set(approverNames).size} are named. Nothing was recorded.`,
        { needed: minimum },
      );
    }
    // The coordinator's file is reviewed against the recorded account key before anyone unlocks a key or a share.
    const reviewed = await review(station, wallet!, leg, what, destination);
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    const approvers = await present(station, answers, id, approverNames, 'approver');
    requireSeparateDuties(officer!, approvers);
    const proven = await proveShares(station, answers, id, wallet!, plans);
    const rebuilt = await rebuildWallet(station, id, wallet!, proven);
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
        asset: what.asset,
      },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    return await guarded(run, officer!, witnesses[0]!, async () => {
      await run.step(
        'approve',
        { wallet: walletId, asset: what.asset, destination, amount: amount.toString(), network },
        approvers.map((a) => ({ signer: a, role: 'approver' as const })),
      );
      const sealIncidents = await presentQuorum(run, walletId, proven, { officer: officer!, witnesses });
      const shares = proven.map((p) => p.index);
      let exported: { body: Body; files: string[] };
      let sent: { txid: string; fee: string };
      if (reviewed.leg === 'bitcoin') {
        const { summary, psbt } = reviewed;
        await run.step('import-psbt', summaryBody(summary, psbt), attest);
        run.checkOffline();
        // The core reviews it again with the rebuilt wallet, and signs only what was reviewed here.
        const signed = await station.client.call('signPsbt', { wallet: rebuilt.wallet, psbt, network: summary.network, approvedDigest: summary.digest });
        exported = exportSigned(signed, outputDir, walletId);
        await run.step('sign', { shares, fingerprint: wallet!.fingerprint!, digest: summary.digest, ...exported.body }, attest);
        sent = { txid: signed.txid, fee: summary.fee };
      } else {
        const { summary, params } = reviewed;
        await run.step('import-eth-request', ethReviewBody(summary, params.request), attest);
        run.checkOffline();
        const signed = await station.client.call('signEthTransfer', { ...params, wallet: rebuilt.wallet, approvedDigest: summary.digest });
        exported = exportSignedEth(signed, outputDir, walletId);
        await run.step('sign-eth', { shares, fingerprint: wallet!.fingerprint!, digest: summary.digest, ...exported.body }, attest);
        sent = { txid: signed.hash, fee: summary.maxFee };
      }
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'restitution',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: [...exported.files, ...(await media.keep(note))],
        facts: {
          wallet: walletId,
          asset: what.asset,
          destination,
          amount: amount.toString(),
          txid: sent.txid,
          fee: sent.fee,
          incidents: sealIncidents.join(', ') || 'none',
        },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}

/** What the approvers approve: the network, the asset (BTC, ETH or a listed token's symbol) and the amount in its base units. */
function approvedTransfer(station: Station, wallet: WalletView, leg: Leg, symbol: string | undefined, amountText: string) {
  if (leg.chain === 'bitcoin') {
    const network = transferNetwork(leg.network, wallet);
    const amount = toBaseUnits(amountText, network, 'destination.amount');
    if (amount <= 0n)
      throw new CustosError('AMOUNT_INVALID', 'The amount to return must be more than zero. Nothing was recorded.', { where: 'destination.amount' });
    return { network: leg.network as string, asset: 'BTC', amount, eth: null };
  }
  requireEthereumAccount(wallet);
  const eth = chosenAsset(symbol, leg.network, station.wallets.tokens);
  return { network: leg.network as string, asset: eth.symbol, amount: assetAmount(amountText, eth, 'destination.amount'), eth };
}

/**
 * The crypto core's review of the coordinator's file against the wallet's recorded account key (no
 * secret needed), and the engine's own checks of what it moves.
 */
async function review(station: Station, wallet: WalletView, leg: Leg, what: ReturnType<typeof approvedTransfer>, destination: string) {
  if (leg.chain === 'bitcoin') {
    const summary = await station.client.call('reviewPsbt', { ...watchedAccount(wallet, leg.network), psbt: leg.psbt, network: leg.network });
    requireApprovedOutputs(summary, destination, what.amount);
    return { leg: 'bitcoin' as const, summary, psbt: leg.psbt };
  }
  const params = { request: leg.request, network: leg.network, tokens: coreTokens(station.wallets.tokens), maxFeeWei: ETH_FEE_CAP_WEI };
  const summary = await station.client.call('reviewEthTransfer', { ...params, xpub: watchedAccount(wallet, 'ethereum').xpub });
  requireApprovedTransfer(summary, what.eth!, destination, what.amount);
  requireFreshNonce(station.wallets, summary);
  return { leg: 'ethereum' as const, summary, params };
}
