/**
 * What the reshare form collects, when it is complete, and the answers it becomes (docs/cli.md
 * "`reshare`": wallet, reason, shares, threshold, holders, destroy, confirm). Pure functions of the
 * drafts, so that the rules are tested without a screen; the engine checks everything again. The
 * people are labelled by what they do here: `presenter<i>` presents a share of the current set,
 * `holder<i>` receives share i of the new set, `returning<index>` hands back share `index` to destroy.
 */
import type { ScreenAnswers } from '../../../../common/answers/procedure-answers.ts';
import type { WalletSummary } from '../../../../main/app/app-api.ts';
import { attestationReady, chosenAnswer, participantAnswer, presenceNeeds, stillNeeded, type NeedWords, type Presence } from '../answer-parts.ts';
import type { ShareDestruction } from './destruction-answers.ts';
import type { HolderDraft } from './HoldersPlanned.tsx';
import type { ShareDraft } from './SharesPresented.tsx';
import { sharesAnswers } from './SharesPresented.tsx';
import { holdersAnswers } from './HoldersPlanned.tsx';
import { presenceAnswers } from './WitnessesAndOfficer.tsx';

export interface ReshareDraft {
  readonly presence: Presence;
  readonly wallet: WalletSummary | null;
  readonly reason: string;
  readonly shares: readonly ShareDraft[];
  readonly threshold: number;
  readonly holders: readonly HolderDraft[];
  readonly destroy: readonly ShareDestruction[];
  readonly received: boolean;
  readonly destroyed: boolean;
}

export interface ReshareNeedWords extends NeedWords {
  readonly needWallet: string;
  readonly needShares: string;
  readonly needReason: string;
  readonly needEveryOldShare: string;
  readonly needShareDetails: (index: number) => string;
  readonly needNewHolderKey: (n: number) => string;
  readonly needNewHolderFolder: (n: number) => string;
  readonly needConfirmations: string;
}

const BAG_SERIAL = /^[A-Za-z0-9-]{1,40}$/u;

/** What the reshare still needs before it can start, in the form's order; empty when it can start. */
export function reshareNeeds(d: ReshareDraft, words: ReshareNeedWords): string[] {
  const held = d.wallet?.shares.filter((s) => s.state === 'held').map((s) => s.index) ?? [];
  const ticked = d.destroy.filter((s) => s.chosen);
  return stillNeeded([
    ...presenceNeeds(d.presence, words),
    [d.wallet !== null, words.needWallet],
    [d.reason.trim().length > 0 && d.reason.length <= 400, words.needReason],
    [d.shares.length >= (d.wallet?.threshold ?? 2) && d.shares.every((s) => attestationReady(s.person)), words.needShares],
    ...d.holders.flatMap((h, i): (readonly [boolean, string])[] => [
      [attestationReady(h.person), words.needNewHolderKey(i + 1)],
      [h.media !== 'file' || h.folder !== null, words.needNewHolderFolder(i + 1)],
    ]),
    [held.every((index) => ticked.some((s) => s.index === index)), words.needEveryOldShare],
    ...ticked.map((s): readonly [boolean, string] => [
      s.mediaId.trim().length > 0 && BAG_SERIAL.test(s.bagSerial.trim()) && (!s.holderPresent || attestationReady(s.holder)),
      words.needShareDetails(s.index),
    ]),
    [d.received && d.destroyed, words.needConfirmations],
  ]);
}

/** The answers of a complete draft. */
export function reshareAnswers(d: ReshareDraft): ScreenAnswers<'reshare'> {
  const people = presenceAnswers(d.presence);
  const presented = sharesAnswers(d.shares);
  const planned = holdersAnswers(d.holders);
  const presenter = (label: string) => label.replace(/^holder/u, 'presenter');
  const ticked = d.destroy.filter((s) => s.chosen);
  return {
    station: {},
    ...people,
    participants: {
      ...people.participants,
      ...Object.fromEntries(Object.entries(presented.participants).map(([label, p]) => [presenter(label), p])),
      ...planned.participants,
      ...Object.fromEntries(ticked.filter((s) => s.holderPresent).map((s) => [`returning${s.index}`, participantAnswer(s.holder)])),
    },
    wallet: d.wallet?.id ?? '',
    reason: d.reason.trim(),
    shares: presented.shares.map((s) => ({ ...s, holder: presenter(s.holder) })),
    threshold: d.threshold,
    holders: planned.holders,
    destroy: ticked.map((s) => ({
      index: s.index,
      ...(s.holderPresent ? { holder: `returning${s.index}` } : {}),
      method: s.method,
      mediaId: s.mediaId.trim(),
      bagSerial: s.bagSerial.trim(),
      ...(s.files.length ? { files: s.files.map((f) => chosenAnswer(f)) } : {}),
    })),
    confirm: { holdersReceivedShares: d.received, oldSharesDestroyed: d.destroyed },
  };
}
