/**
 * Creating a wallet inside a ceremony (procedures create-wallet and compromise-rotation, whose
 * replacement is made "as create-wallet"): reading the plan from the answers, then the generate,
 * split and hand-over steps. Each holder's share is sealed to their passphrase and written to their
 * medium; the file is read back and proven against its commitment before the holder attests. Only
 * public data is recorded; the crypto core keeps the secret until the ceremony ends.
 */
import type { NewHolderAnswer, WalletPlanAnswer } from '../../common/answers/answer-parts.ts';
import fs from 'node:fs';
import path from 'node:path';
import { CryptoError, type AccountInfo, type Chain, type Handle } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import type { JsonValue } from '../record/entry-payload.ts';
import { OWNER_ONLY, writeFileDurably, realIo } from '../store/file-io.ts';
import { invalid, type Answers } from './answers.ts';
import { need } from './typed-answers.ts';
import type { Body, CeremonyRun } from './ceremony-run.ts';
import type { Present } from './participant-keys.ts';
import type { CeremonyScreen } from './run-context.ts';
import type { Station } from './station.ts';

interface HolderPlan {
  name: string;
  media: string[];
  /** A share on a sealed file: the passphrase it is sealed to (answers.<field>.sharePassphrase), read by newSharePassphrasesReady in the guided ceremony. */
  passphrase: string;
  field: string;
  outputDir: string;
  bagSerial: string;
}

export interface WalletPlan {
  id: string;
  class: 'client' | 'house';
  clientRef: string;
  label: string;
  chains: string[];
  threshold: number;
  drillIntervalDays: number;
  holders: HolderPlan[];
  dice: string | undefined;
}

/**
 * In the guided ceremony, once the holders are known by name: each holder of a share on a sealed file
 * chooses the new passphrase it is sealed to, asked by name and typed twice (a file of answers or a
 * terminal gave them when the plan was read).
 */
export async function newSharePassphrasesReady(answers: Answers, plan: { holders: readonly HolderPlan[] }, people: readonly Present[]): Promise<void> {
  for (const [i, holder] of plan.holders.entries()) {
    if (holder.media.includes('file') && holder.passphrase === '') {
      const need = { field: holder.field, name: 'sharePassphrase', who: holder.name, purpose: 'new-share', minLength: 12 } as const;
      await answers.ready(people[i] ? { ...need, person: people[i].name } : need);
      holder.passphrase = answers.secret(holder.field, 'sharePassphrase', 12);
    }
  }
}

/**
 * The plan of a new wallet from the answers (`at` is '' for create-wallet, 'replacement.' for a
 * rotation). A share goes on a file sealed to its holder's passphrase (["file"]), or, when a person
 * is at a screen (the desktop app), on paper (["paper"]): shown to its holder, written down, typed back.
 */
export function readWalletPlan(answers: Answers, plan: WalletPlanAnswer, at: string, screen = false): WalletPlan {
  const id = plan.wallet.id;
  const walletClass = plan.wallet.class;
  const clientRef = plan.wallet.clientRef ?? '';
  if (walletClass === 'client' && !clientRef) throw invalid(`${at}wallet.clientRef`, 'is required for a client wallet (R7)');
  if (walletClass === 'house' && clientRef) {
    throw new CustosError('WALLET_CLASS_MIXED', 'A house wallet has no client reference: one wallet never holds both (R7). Nothing was recorded.', {});
  }
  const label = plan.wallet.label;
  const chains = plan.chains;
  const holders = readHolderPlans(answers, plan.holders, `${at}holders`, screen);
  const threshold = plan.threshold;
  const most = Math.max(2, holders.length);
  if (threshold > most) throw invalid(`${at}threshold`, `must be a whole number from 2 to ${most}`);
  const drillIntervalDays = plan.drillIntervalDays;
  return { id, class: walletClass, clientRef, label, chains, threshold, drillIntervalDays, holders, dice: plan.dice };
}

/**
 * The holders a new set of shares is made for, at answers.<at> (2 to 16, each with its own bag). A
 * share goes on a file sealed to its holder's passphrase (["file"]), or, when a person is at a screen
 * (the desktop app), on paper (["paper"]): shown to its holder, written down, typed back.
 */
export function readHolderPlans(answers: Answers, list: readonly NewHolderAnswer[], at: string, screen: boolean): HolderPlan[] {
  const holders: HolderPlan[] = list.map((holder, i) => {
    const field = `${at}.${i}`;
    const media = holder.media;
    const paper = screen && media.length === 1 && media[0] === 'paper';
    if (!paper && (media.length !== 1 || media[0] !== 'file')) {
      throw invalid(
        `${field}.media`,
        screen ? 'must be ["file"] or ["paper"]' : 'must be ["file"] in a headless run (paper cards are written from the desktop app)',
      );
    }
    const bagSerial = holder.bagSerial;
    if (paper) return { name: holder.name, media, outputDir: '', passphrase: '', field, bagSerial };
    // The guided ceremony asks it of the holder by name once they are known (newSharePassphrasesReady).
    const passphrase = answers.unlocksAtSignature ? '' : answers.secret(field, 'sharePassphrase', 12);
    return { name: holder.name, media, outputDir: need(holder, 'outputDir'), passphrase, field, bagSerial };
  });
  if (holders.length < 2 || holders.length > 16) throw invalid(at, 'must name from 2 to 16 holders');
  if (new Set(holders.map((h) => h.bagSerial)).size !== holders.length) throw invalid(at, 'gives the same bag serial twice');
  return holders;
}

/** What the opening entry records about a wallet to create. */
export function walletOpening(plan: WalletPlan, people: Present[]): Body {
  return {
    wallet: plan.id,
    class: plan.class,
    clientRef: plan.clientRef || null,
    label: plan.label,
    chains: plan.chains,
    threshold: plan.threshold,
    shareCount: plan.holders.length,
    holders: people.map((p, i) => ({ index: i + 1, keyid: p.keyid, name: p.name })),
    drillIntervalDays: plan.drillIntervalDays,
  };
}

export interface CreatedWallet {
  fingerprint: string;
  accounts: AccountInfo[];
  /** The share files written, one per holder. */
  files: string[];
}

/** generate, split and hand-over, in an opened ceremony; `people` are the holders, in plan order. */
export async function createWalletSteps(
  run: CeremonyRun,
  station: Station,
  plan: WalletPlan,
  people: Present[],
  officer: Present,
  witness: Present,
  screen?: CeremonyScreen,
): Promise<CreatedWallet> {
  const attest = [
    { signer: officer, role: 'officer' as const },
    { signer: witness, role: 'witness' as const },
  ];
  run.checkOffline();
  const made = await station.client.call('generateWallet', { ceremonyId: run.id, chains: plan.chains as Chain[], ...(plan.dice ? { dice: plan.dice } : {}) });
  await run.step(
    'generate',
    {
      fingerprint: made.fingerprint,
      accounts: made.accounts as unknown as JsonValue,
      entropy: made.entropy as unknown as JsonValue,
    },
    attest,
  );
  const split = await station.client.call('splitWallet', { wallet: made.wallet, threshold: plan.threshold, shareCount: plan.holders.length });
  await run.step(
    'split',
    {
      setId: split.setId,
      threshold: plan.threshold,
      shareCount: plan.holders.length,
      commitments: split.shares.map((s) => ({ index: s.index, commitment: s.commitment })),
    },
    attest,
  );
  const files = await handOverShares(run, station, split.shares, plan.holders, people, witness, screen);
  await station.client.call('releaseHandle', { handle: made.wallet });
  return { fingerprint: made.fingerprint, accounts: made.accounts, files };
}

/**
 * The hand-over of each new share to its holder (`people`, in the order of `holders`): sealed to the
 * holder's passphrase on their medium and read back and proven, or on paper typed back; then the
 * holder and a witness sign. `keepOnAbort`: a file whose hand-over is signed stays if the ceremony is
 * later aborted (a creation's shares, destroyed on the basis "aborted"); otherwise an abort erases
 * every file the ceremony wrote (a reshare's new set is void if it does not close). Returns the files.
 */
export async function handOverShares(
  run: CeremonyRun,
  station: Station,
  shares: readonly { index: number; share: Handle; commitment: string }[],
  holders: readonly HolderPlan[],
  people: readonly Present[],
  witness: Present,
  screen?: CeremonyScreen,
  keepOnAbort = true,
): Promise<string[]> {
  const files: string[] = [];
  for (const [i, holder] of holders.entries()) {
    const share = shares[i]!;
    run.checkOffline();
    if (holder.media[0] === 'paper') {
      await handOverOnPaper(run, station, holders.length, { ...holder, name: people[i]!.name }, share, screen!);
      await run.step(
        'hand-over',
        {
          index: share.index,
          holder: people[i]!.keyid,
          media: holder.media,
          fileName: null,
          bagSerial: holder.bagSerial,
          commitment: share.commitment,
        },
        [
          { signer: people[i]!, role: 'holder' },
          { signer: witness, role: 'witness' },
        ],
      );
      continue;
    }
    const sealed = await station.client.call('exportShareFile', { share: share.share, passphrase: holder.passphrase });
    fs.mkdirSync(holder.outputDir, { recursive: true });
    const file = path.join(holder.outputDir, sealed.fileName);
    writeFileDurably(realIo, file, sealed.file, OWNER_ONLY);
    run.wroteShareFile(file);
    files.push(file);
    // The holder's file is read back and proven against the commitment before they attest.
    const proof = await station.client.call('importShareFile', {
      ceremonyId: run.id,
      file: new Uint8Array(fs.readFileSync(file)),
      passphrase: holder.passphrase,
    });
    if (proof.commitment !== share.commitment) {
      throw new CustosError('SHARE_PROOF_FAILED', `The file written for ${holder.name} does not prove share ${share.index}.`, { index: share.index });
    }
    await station.client.call('releaseHandle', { handle: proof.share });
    await run.step(
      'hand-over',
      {
        index: share.index,
        holder: people[i]!.keyid,
        media: holder.media,
        fileName: sealed.fileName,
        bagSerial: holder.bagSerial,
        commitment: share.commitment,
      },
      [
        { signer: people[i]!, role: 'holder' },
        { signer: witness, role: 'witness' },
      ],
    );
    if (keepOnAbort) run.handedOver(file);
  }
  return files;
}

/**
 * A paper share: its words go to the screen for its holder alone; the holder writes them on the card
 * and types them back, and the words typed must open as this very share (its commitment) before the
 * holder attests. A mistake is shown and the words asked again, up to three times.
 */
async function handOverOnPaper(
  run: CeremonyRun,
  station: Station,
  of: number,
  holder: HolderPlan,
  share: { index: number; share: Handle; commitment: string },
  screen: CeremonyScreen,
): Promise<void> {
  const card = await station.client.call('exportShareWords', { share: share.share });
  for (let attempt = 1; attempt <= 3; attempt++) {
    const typed = await screen.showShareWords({
      holder: holder.name,
      index: share.index,
      of,
      bagSerial: holder.bagSerial,
      words: card.words,
      qr: card.qr,
      attempt,
    });
    try {
      const proof = await station.client.call('importShareWords', { ceremonyId: run.id, words: typed });
      await station.client.call('releaseHandle', { handle: proof.share });
      if (proof.commitment === share.commitment) return;
    } catch (error) {
      // A word mistyped or out of place: the words are asked again. Anything else stops the ceremony.
      if (!(error instanceof CryptoError) || error.code === 'INTERNAL') throw error;
    }
  }
  throw new CustosError('SHARE_PROOF_FAILED', `The words typed back by ${holder.name} do not prove share ${share.index}.`, { index: share.index });
}
