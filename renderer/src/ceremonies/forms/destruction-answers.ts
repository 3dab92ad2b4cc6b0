/**
 * What the destruction form collects, when it is complete, and the answers it becomes (docs/cli.md
 * "`destruction`": wallet, basis, zeroBalance, shares[{index, holder?, method, mediaId, bagSerial,
 * files?}], confirm.sharesDestroyed), with chosen files as `{ "$chosen": token }`. Pure functions of
 * the drafts, so that the rules are tested without a screen; the engine checks everything again.
 */
import type { ScreenAnswers } from '../../../../common/answers/procedure-answers.ts';
import type { Chosen, WalletSummary } from '../../../../main/app/app-api.ts';
import {
  EMPTY_ATTESTATION,
  attestationReady,
  checkpointAnswers,
  chosenAnswer,
  participantAnswer,
  presenceNeeds,
  stillNeeded,
  type AttestationValue,
  type NeedWords,
  type Presence,
} from '../answer-parts.ts';

export type Basis = 'retired' | 'zero-balance' | 'aborted';
type DestroyMethod = 'shred' | 'wipe';

/** One share of the wallet not yet destroyed, as the officer fills it in. */
export interface ShareDestruction {
  readonly index: number;
  /** Ticked: destroyed in this sitting. */
  readonly chosen: boolean;
  readonly holderPresent: boolean;
  readonly holder: AttestationValue;
  readonly method: DestroyMethod;
  readonly mediaId: string;
  /** Typed from the bag itself, never prefilled from the record. */
  readonly bagSerial: string;
  readonly files: readonly Chosen[];
}

export interface ZeroBalanceDraft {
  readonly approvers: readonly AttestationValue[];
  readonly asOf: string;
  readonly source: string;
}

export interface DestructionDraft {
  readonly presence: Presence;
  readonly wallet: WalletSummary | null;
  readonly zero: ZeroBalanceDraft;
  readonly shares: readonly ShareDestruction[];
  readonly confirmed: boolean;
}

/** The engine's limits (ceremonies/engine/runs/destruction-run.ts). */
const BAG_SERIAL = /^[A-Za-z0-9-]{1,40}$/u;
const MEDIA_ID_MAX = 80;
const SOURCE_MAX = 200;
export const MIN_APPROVERS = 2;

/**
 * Retired wallets are destroyed as retired; active or compromised ones on an attested zero balance;
 * the shares handed over of a creation that was aborted as aborted (destruction@2); no other.
 */
export function basisFor(state: string): Basis | null {
  if (state === 'retired') return 'retired';
  if (state === 'aborted') return 'aborted';
  if (state === 'active' || state === 'compromised') return 'zero-balance';
  return null;
}

/** Whether the record agrees that the wallet holds nothing: no holding recorded, no signed transfer unconfirmed. */
export function recordShowsEmpty(wallet: WalletSummary): boolean {
  return Object.values(wallet.holdings).every((h) => h.recorded === '0') && wallet.transfers.every((t) => t.state !== 'signed');
}

/** A draft for each share of the wallet still to destroy, none ticked. */
export function sharesToDestroy(wallet: WalletSummary): ShareDestruction[] {
  // A share never handed over (an aborted creation's) never left the crypto core: nothing to destroy.
  return wallet.shares
    .filter((s) => s.state === 'held')
    .map((s) => ({
      index: s.index,
      chosen: false,
      holderPresent: s.holder !== null,
      holder: EMPTY_ATTESTATION,
      method: 'shred',
      mediaId: '',
      bagSerial: '',
      files: [],
    }));
}

function shareReady(s: ShareDestruction): boolean {
  return (
    s.mediaId.trim().length > 0 && s.mediaId.length <= MEDIA_ID_MAX && BAG_SERIAL.test(s.bagSerial.trim()) && (!s.holderPresent || attestationReady(s.holder))
  );
}

/** How each missing piece of a destruction is said (the ceremony screens' and the destruction form's words). */
export interface DestructionNeedWords extends NeedWords {
  readonly needWallet: string;
  readonly needApproverKey: (n: number) => string;
  readonly needConfirmation: string;
  readonly needBalanceDate: string;
  readonly needBalanceSource: string;
  readonly needShareTicked: string;
  readonly needShareDetails: (index: number) => string;
}

/** What the destruction still needs before it can start, in the form's order; empty when it can start. */
export function destructionNeeds(d: DestructionDraft, words: DestructionNeedWords): string[] {
  const basis = d.wallet ? basisFor(d.wallet.state) : null;
  const chosen = d.shares.filter((s) => s.chosen);
  const zero: (readonly [boolean, string])[] =
    basis === 'zero-balance'
      ? [
          ...Array.from({ length: Math.max(MIN_APPROVERS, d.zero.approvers.length) }, (_, i): readonly [boolean, string] => [
            d.zero.approvers[i] !== undefined && attestationReady(d.zero.approvers[i]),
            words.needApproverKey(i + 1),
          ]),
          [/^\d{4}-\d{2}-\d{2}$/u.test(d.zero.asOf), words.needBalanceDate],
          [d.zero.source.trim().length > 0 && d.zero.source.length <= SOURCE_MAX, words.needBalanceSource],
        ]
      : [];
  return stillNeeded([
    ...presenceNeeds(d.presence, words),
    [d.presence.witnesses.length >= 2, words.needKey(words.roleWitness(2))],
    [basis !== null, words.needWallet],
    ...zero,
    [chosen.length > 0, words.needShareTicked],
    ...chosen.map((s): readonly [boolean, string] => [shareReady(s), words.needShareDetails(s.index)]),
    [d.confirmed, words.needConfirmation],
  ]);
}

const holderLabel = (index: number) => `holder${index}`;
const approverLabel = (i: number) => `approver${i + 1}`;
const witnessLabel = (i: number) => `witness${i + 1}`;

export function destructionAnswers(d: DestructionDraft): ScreenAnswers<'destruction'> {
  const basis = d.wallet ? basisFor(d.wallet.state) : null;
  const chosen = d.shares.filter((s) => s.chosen);
  const zero = basis === 'zero-balance';
  // The form starts a destruction only once the wallet has a basis (destructionNeeds).
  if (basis === null) throw new Error('A destruction is prepared only for a wallet that has a basis for it.');
  return {
    station: {},
    participants: {
      officer: participantAnswer(d.presence.officer),
      ...Object.fromEntries(d.presence.witnesses.map((w, i) => [witnessLabel(i), participantAnswer(w)])),
      ...(zero ? Object.fromEntries(d.zero.approvers.map((a, i) => [approverLabel(i), participantAnswer(a)])) : {}),
      ...Object.fromEntries(chosen.filter((s) => s.holderPresent).map((s) => [holderLabel(s.index), participantAnswer(s.holder)])),
    },
    officer: 'officer',
    witnesses: d.presence.witnesses.map((_, i) => witnessLabel(i)),
    witnessCheckpoints: checkpointAnswers(d.presence.witnesses.map((w, i) => [witnessLabel(i), w] as const)),
    wallet: d.wallet?.id ?? '',
    basis,
    ...(zero ? { zeroBalance: { approvers: d.zero.approvers.map((_, i) => approverLabel(i)), asOf: d.zero.asOf, source: d.zero.source.trim() } } : {}),
    shares: chosen.map((s) => ({
      index: s.index,
      ...(s.holderPresent ? { holder: holderLabel(s.index) } : {}),
      method: s.method,
      mediaId: s.mediaId.trim(),
      bagSerial: s.bagSerial.trim(),
      ...(s.files.length ? { files: s.files.map((f) => chosenAnswer(f)) } : {}),
    })),
    confirm: { sharesDestroyed: d.confirmed },
  };
}
