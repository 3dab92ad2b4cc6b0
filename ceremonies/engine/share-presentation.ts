/**
 * Holders presenting their shares (procedures backup-drill, reshare, proof-of-control,
 * change-holder, compromise-rotation, restitution): each sealed share file is opened with its
 * holder's passphrase in the crypto core and proven against the commitment recorded at split time,
 * by the holder the record names, in the bag the record names; all of it before anything is
 * recorded. Then each presentation is a signed step, and the presented shares rebuild the wallet,
 * which must reproduce the recorded fingerprint.
 */
import fs from 'node:fs';
import type { Chain, Handle, WalletInfo } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import type { WalletView } from '../inventory/wallets.ts';
import type { ProcedureDefinition } from '../procedures/definition.ts';
import { invalid, type Answers } from './answers.ts';
import { need } from './typed-answers.ts';
import type { CeremonyRun } from './ceremony-run.ts';
import type { Present } from './participant-keys.ts';
import { present } from './run-context.ts';
import type { Station } from './station.ts';
import type { PresentedShareAnswer } from '../../common/answers/answer-parts.ts';
import { naming, retryingPassphrase } from './sealed-file-errors.ts';

export interface SharePlan {
  holder: string;
  /** A sealed share file, whose passphrase is answers.<at>.sharePassphrase (read when it is opened), or the words of a paper share typed by its holder. */
  file: Uint8Array;
  at: string;
  words?: string;
  /** The bag as presented: serial (absent only when the bag is missing), new serial once re-bagged, a photo's SHA-256. */
  bag: { state: 'intact' | 'replaced' | 'broken' | 'missing'; serial?: string; newSerial?: string; photoSha256?: string };
}

export interface ProvenShare {
  handle: Handle;
  index: number;
  commitment: string;
  holder: Present;
  bag: SharePlan['bag'];
}

/** The shares presented at answers.<field>: [{holder, file and sharePassphrase | sharePassphraseFile, or words, bag {state, serial, newSerial?, photoSha256?}}]. */
export function readSharePlans(answers: Answers, shares: readonly PresentedShareAnswer[], field: string): SharePlan[] {
  return shares.map((share, i) => readSharePlan(answers, share, `${field}.${i}`));
}

/**
 * One presented share, at answers.<at>. A bag may be found broken or missing: every released
 * procedure that presents shares opens its incident; a ceremony running under a definition that
 * cannot (a rotation opened under @2) refuses it with requireSealedUnless.
 */
export function readSharePlan(answers: Answers, share: PresentedShareAnswer, at: string): SharePlan {
  const { state, photoSha256 } = share.bag;
  const newSerial = state === 'replaced' ? need(share.bag, 'newSerial') : share.bag.newSerial;
  const serial = state === 'missing' ? share.bag.serial : need(share.bag, 'serial');
  const bag: SharePlan['bag'] = {
    state,
    ...(serial !== undefined ? { serial } : {}),
    ...(newSerial !== undefined ? { newSerial } : {}),
    ...(photoSha256 !== undefined ? { photoSha256 } : {}),
  };
  if (share.words !== undefined) return { holder: share.holder, file: new Uint8Array(0), at, words: share.words, bag };
  const where = need(share, 'file');
  let file: Uint8Array;
  try {
    file = new Uint8Array(fs.readFileSync(where));
  } catch {
    throw invalid(`${at}.file`, 'cannot be read');
  }
  return { holder: share.holder, file, at, bag };
}

/**
 * Refuses a share whose bag was found broken or missing where the ceremony opens no incident for it
 * (its definition has no `seal-incident` step: SEAL_NOT_INTACT), before anything is recorded.
 */
function requireSealed(at: string, state: SharePlan['bag']['state']): void {
  if (state !== 'broken' && state !== 'missing') return;
  throw new CustosError(
    'SEAL_NOT_INTACT',
    `The bag of the share at ${at} is ${state}. Record it in a backup drill, which opens its incident, before the share is used here. Nothing was recorded.`,
    { field: `${at}.bag.state` },
  );
}

/** The plans read, checked against the definition the ceremony runs under: a bag broken or missing only where it opens the incident. */
export function requireSealedUnless(plans: readonly SharePlan[], procedure: ProcedureDefinition): void {
  if (procedure.steps.some((s) => s.id === 'seal-incident')) return;
  for (const plan of plans) requireSealed(plan.at, plan.bag.state);
}

/** Unlocks the holders and proves each share against `wallet`'s record (at least `needed` of them); nothing is recorded. */
export async function proveShares(
  station: Station,
  answers: Answers,
  ceremony: string,
  wallet: WalletView,
  plans: SharePlan[],
  needed = wallet.threshold,
): Promise<ProvenShare[]> {
  if (plans.length < needed) {
    throw new CustosError(
      'SHARES_TOO_FEW',
      `${wallet.threshold} shares are needed to rebuild ${wallet.id}; ${plans.length} are presented. Nothing was recorded.`,
      { needed: wallet.threshold },
    );
  }
  const holders = await present(
    station,
    answers,
    ceremony,
    plans.map((p) => p.holder),
    'holder',
  );
  const proven: ProvenShare[] = [];
  for (const [i, plan] of plans.entries()) {
    const share =
      plan.words === undefined
        ? await retryingPassphrase(answers, { field: plan.at, name: 'sharePassphrase', who: plan.holder, person: holders[i]!.name, purpose: 'share' }, () =>
            naming(`the share file ${plan.holder} presents`, plan.holder, () =>
              station.client.call('importShareFile', { ceremonyId: ceremony, file: plan.file, passphrase: answers.secret(plan.at, 'sharePassphrase') }),
            ),
          )
        : await station.client.call('importShareWords', { ceremonyId: ceremony, words: plan.words });
    const recorded = wallet.shares.find((s) => s.index === share.index);
    if (share.fingerprint !== wallet.fingerprint || share.setId !== wallet.setId || !recorded || recorded.commitment !== share.commitment) {
      throw new CustosError(
        'SHARE_NOT_PROVEN',
        `The share presented by ${plan.holder} does not match any share recorded for ${wallet.id}. Nothing was recorded.`,
        { who: plan.holder },
      );
    }
    if (recorded.state !== 'held') {
      throw new CustosError('SHARE_NOT_HELD', `Share ${share.index} of ${wallet.id} is recorded as ${recorded.state}. Nothing was recorded.`, {
        index: share.index,
      });
    }
    if (recorded.holder !== holders[i]!.keyid) {
      throw new CustosError('SHARE_WRONG_HOLDER', `Share ${share.index} is recorded as held by someone else than ${plan.holder}. Nothing was recorded.`, {
        index: share.index,
      });
    }
    // A missing bag has no serial to compare; the drill opens its incident.
    if (plan.bag.state !== 'missing' && recorded.bagSerial !== plan.bag.serial) {
      throw new CustosError(
        'BAG_SERIAL_MISMATCH',
        `The bag of share ${share.index} has serial ${plan.bag.serial}; the record says ${recorded.bagSerial}. Open an incident. Nothing was recorded.`,
        { index: share.index },
      );
    }
    if (proven.some((p) => p.index === share.index)) {
      throw new CustosError('SHARE_DUPLICATE', `Share ${share.index} is presented twice. Nothing was recorded.`, { index: share.index });
    }
    proven.push({ handle: share.share, index: share.index, commitment: share.commitment, holder: holders[i]!, bag: plan.bag });
  }
  return proven;
}

/** Rebuilds the wallet from proven shares in the core; it must reproduce the recorded fingerprint. */
export async function rebuildWallet(station: Station, ceremony: string, wallet: WalletView, proven: ProvenShare[]): Promise<WalletInfo> {
  return station.client.call('combineShares', {
    ceremonyId: ceremony,
    shares: proven.map((s) => s.handle),
    expectedFingerprint: wallet.fingerprint!,
    chains: wallet.chains as Chain[],
  });
}

/** One `present-share` step per proven share, signed by its holder and a witness. */
export async function presentShareSteps(run: CeremonyRun, proven: ProvenShare[], witness: Present): Promise<void> {
  for (const share of proven) {
    await run.step('present-share', { index: share.index, commitment: share.commitment, bag: share.bag }, [
      { signer: share.holder, role: 'holder' },
      { signer: witness, role: 'witness' },
    ]);
  }
}
