/**
 * Headless compromise rotation (procedure compromise-rotation), in two sittings of one ceremony
 * (docs/adr/0012): the coordinator can only prepare the sweep once the replacement exists.
 *
 * First sitting (answers without `sweep`): the incident must be open and name the wallet; the
 * wallet is declared compromised; the replacement is created as in create-wallet (same class and
 * client, every chain of the old wallet); its public descriptor is written for the coordinator; the
 * ceremony stays open, waiting. Answers: station, participants, officer, witnesses [≥ 2], wallet,
 * incident, replacement {wallet {id, class, clientRef?, label}, chains, threshold, dice?,
 * drillIntervalDays?, holders [...as create-wallet]}, descriptorFile, confirm {holdersReceivedShares}.
 *
 * Second sitting (answers with `sweep`): before anyone is asked for a passphrase, the core reviews
 * the sweep against the old wallet's recorded account keys (ADR 0035): a PSBT, which must spend only
 * its coins and pay only the replacement, and (compromise-rotation@2) an Ethereum transfer request
 * for its ether and for each listed token it holds, each paying one of the replacement's Ethereum
 * addresses with a nonce never signed for; together the legs must move every holding the record
 * shows (SWEEP_INCOMPLETE). Then the old wallet's holders present a quorum of shares (a bag found
 * broken or missing opens its incident after the presentations, compromise-rotation@3; one opened
 * under an earlier version refuses it: SEAL_NOT_INTACT), and the core rebuilds the old wallet and
 * signs each transfer, reviewed again with its own key; the signed transactions are written for the
 * coordinator; the ceremony closes.
 * Answers: station, participants, officer, witnesses [≥ 2], shares [...as backup-drill],
 * sweep {psbtFile?, network?, ethereum? {network, requestFiles}, outputDir}, witnessCheckpoints; or
 * `abort {reason}` and `witness` to abort instead.
 */
import type { AnswersOutput } from '../../../common/answers/procedure-answers.ts';
import type { EthereumNetwork } from '../../../common/answers/vocabulary.ts';
import type { BitcoinNetwork, Handle, PsbtSummary } from '../../../crypto/protocol.ts';
import type { ProcedureDefinition } from '../../procedures/definition.ts';
import type { JsonValue } from '../../record/entry-payload.ts';
import { CustosError } from '../../custos-error.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import type { WalletView } from '../../inventory/wallets.ts';
import { compromiseRotation } from '../../procedures/compromise-rotation.ts';
import { invalid, type Answers } from '../answers.ts';
import { ethReviewBody, exportSignedEth, readEthRequestFile, requireWholeSweep, reviewEthSweep, type ReviewedEth } from '../eth-exchange.ts';
import { need } from '../typed-answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { requireDistinct, type Present } from '../participant-keys.ts';
import { exportSigned, readPsbtFile, requireSweepToReplacement, summaryBody, transferNetwork, watchedAccount } from '../psbt-exchange.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { abortOpenCeremony, abortReason } from './abort-run.ts';
import { exportWatchOnly } from '../watch-only.ts';
import { presentQuorum } from '../quorum-presentation.ts';
import { proveShares, readSharePlans, rebuildWallet, requireSealedUnless, type ProvenShare } from '../share-presentation.ts';
import type { Station } from '../station.ts';
import { createWalletSteps, newSharePassphrasesReady, readWalletPlan, walletOpening } from '../wallet-creation.ts';

export async function runCompromiseRotation(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  // Answers that name a sweep (or an abort) are the second sitting.
  const second = answers.typed('compromise-rotation-sweep');
  return second.sweep === undefined && second.abort === undefined ? firstSitting(dir, answers, env) : secondSitting(dir, answers, env);
}

async function firstSitting(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('compromise-rotation');
  const walletId = a.wallet;
  const incidentId = a.incident;
  const plan = readWalletPlan(answers, a.replacement, 'replacement.', env.screen !== undefined);
  const descriptorFile = a.descriptorFile;
  const witnessLabels = witnessNames(a.witnesses);
  void a.confirm.holdersReceivedShares;
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('compromise-rotation', station);
  try {
    const [old] = requireWallet(compromiseRotation, { wallet: walletId }, station.wallets.byId);
    const incident = station.incidents.byId.get(incidentId);
    if (!incident)
      throw new CustosError('INCIDENT_NOT_FOUND', `Incident ${incidentId} is not in the register: record it first. Nothing was recorded.`, {
        incident: incidentId,
      });
    if (incident.status === 'closed')
      throw new CustosError('INCIDENT_CLOSED', `Incident ${incidentId} is closed. Nothing was recorded.`, { incident: incidentId });
    if (!incident.wallets.includes(walletId)) {
      throw new CustosError('INCIDENT_NOT_FOR_WALLET', `Incident ${incidentId} does not name ${walletId}. Update the incident first. Nothing was recorded.`, {
        incident: incidentId,
        wallet: walletId,
      });
    }
    if (station.wallets.byId.has(plan.id))
      throw new CustosError('WALLET_EXISTS', `A wallet named ${plan.id} already exists. Nothing was recorded.`, { wallet: plan.id });
    if (plan.class !== old!.class || (plan.clientRef || null) !== old!.ownerRef) {
      throw new CustosError(
        'REPLACEMENT_CLASS_MISMATCH',
        `The replacement must be a ${old!.class} wallet${old!.ownerRef ? ` of client ${old!.ownerRef}` : ''}, like ${walletId} (R7). Nothing was recorded.`,
        { wallet: walletId },
      );
    }
    const missing = old!.chains.filter((c) => !plan.chains.includes(c));
    if (missing.length) {
      throw new CustosError('REPLACEMENT_CHAINS_MISSING', `The replacement lacks ${missing.join(', ')}, which ${walletId} holds. Nothing was recorded.`, {
        chains: missing.join(', '),
      });
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
    const attest = [
      { signer: officer!, role: 'officer' as const },
      { signer: witnesses[0]!, role: 'witness' as const },
    ];
    const run = await CeremonyRun.open(
      station,
      compromiseRotation,
      id,
      { wallet: walletId, incident: incidentId, replacement: walletOpening(plan, people) },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    return await guarded(run, officer!, witnesses[0]!, async () => {
      await run.step('declare-compromised', { wallet: walletId, incident: incidentId }, attest);
      const made = await createWalletSteps(run, station, plan, people, officer!, witnesses[0]!, env.screen);
      const exported = await exportWatchOnly(
        station,
        { id: plan.id, label: plan.label, fingerprint: made.fingerprint, accounts: made.accounts },
        descriptorFile,
        `Watch-only export of ${plan.id}, replacement of the compromised ${walletId}: prepare a sweep of every coin and token of ${walletId} to it.`,
      );
      await run.step('export-replacement', exported.body, attest);
      return {
        procedure: 'compromise-rotation',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: '',
        outputs: [...made.files, descriptorFile],
        facts: { compromised: walletId, replacement: plan.id, fingerprint: made.fingerprint },
        waiting: `the sweep PSBT: give ${descriptorFile} to the watch-only coordinator, then run compromise-rotation again with the sweep answers`,
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}

/** The rotation waiting on this station, its compromised wallet and its replacement, and the definition it opened under. */
function waitingRotation(station: Station): { old: WalletView; replacement: WalletView; procedure: ProcedureDefinition } {
  const waiting = station.rules.inProgress;
  const opening = waiting ? station.writer.store.state.openCeremony[0]?.body : undefined;
  const old = station.wallets.byId.get(String(opening?.wallet));
  const replacement = station.wallets.byId.get(String((opening?.replacement as { wallet?: JsonValue } | undefined)?.wallet));
  const steps = waiting?.stepCounts;
  if (waiting?.procedure?.id !== 'compromise-rotation' || !old || !replacement || !steps?.get('export-replacement')) {
    throw new CustosError('CEREMONY_NOT_WAITING', 'No compromise rotation is open and waiting for its sweep on this station. Nothing was recorded.', {});
  }
  return { old, replacement, procedure: waiting.procedure };
}

/** The legs of a sweep, their files read before the station opens. */
interface SweepLegs {
  bitcoin: { network: BitcoinNetwork; psbt: Uint8Array } | null;
  ethereum: { network: EthereumNetwork; requests: Uint8Array[] } | null;
}

function readSweepLegs(sweep: NonNullable<AnswersOutput<'compromise-rotation-sweep'>['sweep']>): SweepLegs {
  if ((sweep.psbtFile === undefined) !== (sweep.network === undefined)) {
    throw invalid(sweep.psbtFile === undefined ? 'sweep.psbtFile' : 'sweep.network', 'goes with sweep.psbtFile and sweep.network both, for the Bitcoin leg');
  }
  const eth = sweep.ethereum;
  if (sweep.psbtFile === undefined && eth === undefined) throw invalid('sweep.psbtFile', 'or sweep.ethereum is required: a sweep moves something');
  if (eth && eth.requestFiles.length === 0) throw invalid('sweep.ethereum.requestFiles', 'must name at least one transfer request');
  return {
    bitcoin: sweep.psbtFile === undefined ? null : { network: sweep.network!, psbt: readPsbtFile(sweep.psbtFile, 'sweep.psbtFile') },
    ethereum: eth ? { network: eth.network, requests: eth.requestFiles.map((f, i) => readEthRequestFile(f, `sweep.ethereum.requestFiles.${i}`)) } : null,
  };
}

async function secondSitting(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('compromise-rotation-sweep');
  const abort = a.abort;
  const sweep = abort === undefined ? a.sweep : undefined;
  const reason = abort ? abortReason(abort.reason, 'abort.reason') : '';
  // Bags found broken or missing are taken if the rotation opened under a version that opens their incidents (checked below).
  const plans = sweep ? readSharePlans(answers, need(a, 'shares'), 'shares') : [];
  const legs: SweepLegs = sweep ? readSweepLegs(sweep) : { bitcoin: null, ethereum: null };
  const outputDir = sweep ? sweep.outputDir : '';
  const witnessLabels = sweep ? witnessNames(need(a, 'witnesses')) : [];
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers, { resuming: true });
  let id = '';
  try {
    const { old, replacement, procedure } = waitingRotation(station);
    // An officer and a witness abort the waiting rotation, as any open ceremony (abort-run.ts).
    if (abort) return await abortOpenCeremony(station, answers, { officer: a.officer, witness: need(a, 'witness') }, reason);
    // A rotation ends under the definition it opened with: one opened before compromise-rotation@2 sweeps Bitcoin only.
    if (legs.ethereum && procedure.version < 2) {
      throw invalid(
        'sweep.ethereum',
        `is for a rotation opened with ${compromiseRotation.id}@2; this one opened with @${procedure.version} and sweeps Bitcoin only`,
      );
    }
    if (!legs.bitcoin && procedure.version < 2) throw invalid('sweep.psbtFile', 'is required: this rotation opened before Ethereum sweeps');
    // One opened before compromise-rotation@3 opens no seal's incident: a bag broken or missing is refused (SEAL_NOT_INTACT).
    requireSealedUnless(plans, procedure);
    const run = CeremonyRun.resume(station, procedure, { drillOnline: env.drillOnline });
    id = run.id;
    // The sweep is reviewed against the old wallet's recorded account keys before anyone unlocks a key or a share.
    const network = legs.bitcoin ? transferNetwork(legs.bitcoin.network, old) : null;
    let bitcoin: { summary: PsbtSummary; psbt: Uint8Array } | null = null;
    if (legs.bitcoin && network) {
      const summary = await station.client.call('reviewPsbt', { ...watchedAccount(old, network), psbt: legs.bitcoin.psbt, network });
      await requireSweepToReplacement(station, summary, replacement);
      bitcoin = { summary, psbt: legs.bitcoin.psbt };
    }
    const ethereum = legs.ethereum ? await reviewEthSweep(station, legs.ethereum.network, legs.ethereum.requests, old, replacement) : [];
    requireWholeSweep(old, bitcoin?.summary ?? null, ethereum);
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    const proven = await proveShares(station, answers, id, old, plans);
    run.checkOffline();
    const rebuilt = await rebuildWallet(station, id, old, proven);
    return await guarded(run, officer!, witnesses[0]!, async () =>
      signSweep(run, station, { old, proven, bitcoin, ethereum, rebuilt: rebuilt.wallet, officer: officer!, witnesses, outputDir, media }),
    );
  } finally {
    if (id) await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}

interface SweepPlan {
  old: WalletView;
  proven: ProvenShare[];
  bitcoin: { summary: PsbtSummary; psbt: Uint8Array } | null;
  ethereum: ReviewedEth[];
  rebuilt: Handle;
  officer: Present;
  witnesses: Present[];
  outputDir: string;
  media: CheckpointMedia;
}

async function signSweep(run: CeremonyRun, station: Station, s: SweepPlan): Promise<RunResult> {
  const attest = [
    { signer: s.officer, role: 'officer' as const },
    { signer: s.witnesses[0]!, role: 'witness' as const },
  ];
  const shares = s.proven.map((p) => p.index);
  const files: string[] = [];
  const sealIncidents = await presentQuorum(run, s.old.id, s.proven, { officer: s.officer, witnesses: s.witnesses });
  let txid = 'none';
  if (s.bitcoin) {
    const { summary, psbt } = s.bitcoin;
    await run.step('import-sweep', summaryBody(summary, psbt), attest);
    run.checkOffline();
    const signed = await station.client.call('signPsbt', { wallet: s.rebuilt, psbt, network: summary.network, approvedDigest: summary.digest });
    const exported = exportSigned(signed, s.outputDir, s.old.id);
    files.push(...exported.files);
    await run.step('sign-sweep', { shares, fingerprint: s.old.fingerprint!, digest: summary.digest, ...exported.body }, attest);
    txid = signed.txid;
  }
  // Every Ethereum transfer is imported before any is signed: the people present read them all first.
  for (const e of s.ethereum) await run.step('import-eth-sweep', ethReviewBody(e.summary, e.params.request), attest);
  for (const e of s.ethereum) {
    run.checkOffline();
    const signed = await station.client.call('signEthTransfer', { ...e.params, wallet: s.rebuilt, approvedDigest: e.summary.digest });
    const exported = exportSignedEth(signed, s.outputDir, s.old.id);
    files.push(...exported.files);
    await run.step('sign-eth-sweep', { shares, fingerprint: s.old.fingerprint!, digest: e.summary.digest, ...exported.body }, attest);
  }
  const note = await run.close([{ signer: s.officer, role: 'officer' }, ...s.witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], s.witnesses);
  return {
    procedure: 'compromise-rotation',
    ceremony: run.id,
    size: station.writer.store.state.size,
    checkpoint: note,
    outputs: [...files, ...(await s.media.keep(note))],
    facts: {
      compromised: s.old.id,
      txid,
      swept: s.bitcoin?.summary.totalOut ?? '0',
      fee: s.bitcoin?.summary.fee ?? '0',
      ethTransfers: s.ethereum.length,
      incidents: sealIncidents.join(', ') || 'none',
    },
  };
}
