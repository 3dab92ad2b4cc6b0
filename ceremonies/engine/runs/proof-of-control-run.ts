/**
 * Headless proof of control (procedure proof-of-control; issue 19, "Proof of control"; ADR 0033;
 * docs/proof-of-control.md). Before anything is recorded: the challenge file is read (UTF-8, 1 to
 * 2,048 bytes: PROOF_CHALLENGE_INVALID), the address must be one of the first 200 receive addresses
 * of the wallet's account on that chain, derived from the recorded account key
 * (PROOF_ADDRESS_FOREIGN), and the shares presented are proven (a quorum at least). Then the quorum
 * rebuilds the wallet in the crypto core, which signs the challenge with that address's key (BIP-322
 * simple, or EIP-191); the proof file (custos-proof-of-control/1) is written durably to the output
 * folder and recorded by name and SHA-256 with the signature itself. No funds move.
 * Answers: station, participants, officer, witnesses [≥ 2], wallet, chain, address or addressIndex, requestedBy,
 * challengeFile, shares [{holder, file, sharePassphrase | sharePassphraseFile, bag}], outputDir,
 * witnessCheckpoints.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Chain } from '../../../crypto/protocol.ts';
import { CustosError } from '../../custos-error.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import { proofOfControl } from '../../procedures/proof-of-control.ts';
import { writeFileDurably, realIo } from '../../store/file-io.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { presentAndRebuild } from '../quorum-presentation.ts';
import { proveShares, readSharePlans } from '../share-presentation.ts';

/** The receive addresses a proof may be made for (the first 200, as verify derives them). */
const ADDRESSES = 200;
const MAX_CHALLENGE_BYTES = 2048;

/** The challenge's bytes and text: UTF-8, 1 to 2,048 bytes, refused otherwise before anything is recorded. */
function readChallenge(file: string): { bytes: Uint8Array; text: string } {
  const refuse = (why: string) =>
    new CustosError('PROOF_CHALLENGE_INVALID', `The challenge file ${path.basename(file)} ${why}. Nothing was recorded.`, { file: path.basename(file) });
  let bytes: Uint8Array;
  try {
    if (fs.statSync(file).size > MAX_CHALLENGE_BYTES) throw refuse(`is longer than ${MAX_CHALLENGE_BYTES} bytes`);
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    if (error instanceof CustosError) throw error;
    throw refuse('cannot be read');
  }
  if (bytes.length === 0) throw refuse('is empty');
  try {
    return { bytes, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    throw refuse('is not UTF-8 text');
  }
}

export async function runProofOfControl(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('proof-of-control');
  const walletId = a.wallet;
  const chain = a.chain as Chain;
  // A proof takes bags found broken or missing, and opens their incidents (seal-incident), as a drill does.
  const plans = readSharePlans(answers, a.shares, 'shares');
  if ((a.address === undefined) === (a.addressIndex === undefined)) throw invalid('address', 'or addressIndex must be given, not both');
  const challenge = readChallenge(a.challengeFile);
  const challengeSha256 = createHash('sha256').update(challenge.bytes).digest('hex');
  const witnessLabels = witnessNames(a.witnesses);
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('proof-of-control', station);
  try {
    const [wallet] = requireWallet(proofOfControl, { wallet: walletId }, station.wallets.byId);
    const account = wallet!.accounts.find((x) => x.chain === chain);
    const foreign = () =>
      new CustosError(
        'PROOF_ADDRESS_FOREIGN',
        `${(a.address ?? '').slice(0, 100)} is not one of the first ${ADDRESSES} receive addresses of ${walletId} on ${chain}. Nothing was recorded.`,
        { chain },
      );
    if (!account) throw foreign();
    // An index names one address, derived alone; an address is looked for among the first ADDRESSES.
    const given = a.addressIndex;
    const { addresses } = await station.client.call('deriveAddresses', {
      chain,
      xpub: account.xpub,
      branch: 0,
      from: given ?? 0,
      count: given === undefined ? ADDRESSES : 1,
    });
    const wanted = a.address ?? '';
    const same = (x: string) => (chain === 'ethereum' ? x.toLowerCase() === wanted.toLowerCase() : x === wanted);
    const found = given === undefined ? addresses.findIndex(same) : 0;
    if (found < 0) throw foreign();
    const index = given ?? found;
    const address = addresses[found]!;
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    // Every share is opened and proven before the ceremony opens: a wrong file or passphrase changes nothing.
    const proven = await proveShares(station, answers, id, wallet!, plans);
    const run = await CeremonyRun.open(
      station,
      proofOfControl,
      id,
      { wallet: walletId, fingerprint: wallet!.fingerprint!, chain, address, requestedBy: a.requestedBy, challenge: challenge.text, challengeSha256 },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    const attest = [
      { signer: officer!, role: 'officer' as const },
      { signer: witnesses[0]!, role: 'witness' as const },
    ];
    return await guarded(run, officer!, witnesses[0]!, async () => {
      const { rebuilt, sealIncidents } = await presentAndRebuild(run, station, wallet!, proven, { officer: officer!, witnesses });
      const proof = await station.client.call('signMessage', { wallet: rebuilt.wallet, chain, index, address, message: challenge.bytes });
      await station.client.call('releaseHandle', { handle: rebuilt.wallet });
      if (proof.address !== address || proof.messageSha256 !== challengeSha256) {
        throw new CustosError('PROOF_ADDRESS_FOREIGN', `The proof was signed for another address than ${address}. Nothing more was recorded.`, { chain });
      }
      const fileName = `custos-proof-${walletId}-${chain}-${challengeSha256.slice(0, 12)}.json`;
      const body = {
        format: 'custos-proof-of-control/1',
        wallet: walletId,
        fingerprint: wallet!.fingerprint!,
        ceremony: id,
        chain,
        address,
        path: proof.path,
        method: proof.method,
        challenge: challenge.text,
        challengeSha256,
        signature: proof.signature,
      };
      const bytes = new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`);
      fs.mkdirSync(a.outputDir, { recursive: true });
      const file = path.join(a.outputDir, fileName);
      writeFileDurably(realIo, file, bytes);
      await run.step(
        'sign-challenge',
        {
          address,
          path: proof.path,
          method: proof.method,
          challengeSha256,
          signature: proof.signature,
          fileName,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        },
        attest,
      );
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'proof-of-control',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: [file, ...(await media.keep(note))],
        facts: { wallet: walletId, address, method: proof.method, incidents: sealIncidents.join(', ') || 'none' },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
