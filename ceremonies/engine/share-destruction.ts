/**
 * Destroying shares in front of a witness (procedures destruction and reshare): the shares named are
 * checked against the record before anything is recorded (each a share of the wallet handed over and
 * not yet destroyed, named once, in the bag the record names, its reachable files this share's),
 * their holders present are proven to be the recorded ones, and each destruction is a signed step
 * after its files are overwritten and removed.
 */
import { CustosError } from '../custos-error.ts';
import type { WalletView } from '../inventory/wallets.ts';
import type { Answers } from './answers.ts';
import type { Body, CeremonyRun, Participants } from './ceremony-run.ts';
import type { Present } from './participant-keys.ts';
import { present } from './run-context.ts';
import { checkShareFile, eraseShareFile } from './share-file-erasure.ts';
import type { Station } from './station.ts';

export interface ShareToDestroy {
  index: number;
  /** The holder present, by their label in the answers ('' when the share is destroyed without them). */
  holder: string;
  method: 'shred' | 'wipe';
  mediaId: string;
  bagSerial: string;
  files: string[];
}

/** The shares to destroy as the answers name them. */
export function readSharesToDestroy(
  list: readonly { index: number; holder?: string | undefined; method: 'shred' | 'wipe'; mediaId: string; bagSerial: string; files?: string[] | undefined }[],
): ShareToDestroy[] {
  return list.map((s) => ({ index: s.index, holder: s.holder ?? '', method: s.method, mediaId: s.mediaId, bagSerial: s.bagSerial, files: s.files ?? [] }));
}

/**
 * Refuses, nothing recorded, a share `wallet` does not hold as handed over and not destroyed, a share
 * named twice, a bag other than the one the share is in (`bagNow`: a new bag put on in this ceremony),
 * and a file that is not this share's.
 */
export function checkSharesToDestroy(wallet: WalletView, shares: readonly ShareToDestroy[], bagNow: ReadonlyMap<number, string> = new Map()): void {
  const seen = new Set<number>();
  for (const s of shares) {
    const recorded = wallet.shares.find((r) => r.index === s.index);
    if (!recorded) throw new CustosError('SHARE_NOT_FOUND', `${wallet.id} has no share ${s.index}. Nothing was recorded.`, { index: s.index });
    if (seen.has(s.index)) throw new CustosError('SHARE_DUPLICATE', `Share ${s.index} is named twice. Nothing was recorded.`, { index: s.index });
    seen.add(s.index);
    if (recorded.state === 'created') {
      throw new CustosError(
        'SHARE_NOT_HANDED_OVER',
        `Share ${s.index} of ${wallet.id} was never handed over: it never left the crypto core, there is nothing to destroy. Nothing was recorded.`,
        { index: s.index },
      );
    }
    if (recorded.state === 'destroyed')
      throw new CustosError('SHARE_ALREADY_DESTROYED', `Share ${s.index} of ${wallet.id} is already recorded as destroyed. Nothing was recorded.`, {
        index: s.index,
      });
    const serial = bagNow.get(s.index) ?? recorded.bagSerial;
    if (serial !== s.bagSerial) {
      throw new CustosError(
        'BAG_SERIAL_MISMATCH',
        `The bag of share ${s.index} has serial ${s.bagSerial}; the record says ${serial}. Open an incident. Nothing was recorded.`,
        { index: s.index },
      );
    }
    for (const file of s.files) checkShareFile(file, wallet, s.index);
  }
}

/** The holders present at the destruction of their share, each proven to be the recorded holder. */
export async function destroyingHolders(
  station: Station,
  answers: Answers,
  ceremony: string,
  wallet: WalletView,
  shares: readonly ShareToDestroy[],
): Promise<Map<number, Participants[number]>> {
  const holders = new Map<number, Participants[number]>();
  for (const s of shares.filter((x) => x.holder)) {
    const [holder] = await present(station, answers, ceremony, [s.holder], 'holder');
    if (wallet.shares.find((r) => r.index === s.index)!.holder !== holder!.keyid) {
      throw new CustosError('SHARE_WRONG_HOLDER', `Share ${s.index} is recorded as held by someone else than ${s.holder}. Nothing was recorded.`, {
        index: s.index,
      });
    }
    holders.set(s.index, { signer: holder!, role: 'holder' });
  }
  return holders;
}

/** One `destroy-share` step per share, its files overwritten and removed first; `extra` is added to each body (a reshare's set id). */
export async function destroyShareSteps(
  run: CeremonyRun,
  shares: readonly ShareToDestroy[],
  holders: ReadonlyMap<number, Participants[number]>,
  witness: Present,
  extra: Body = {},
): Promise<void> {
  for (const s of shares) {
    for (const file of s.files) eraseShareFile(file);
    await run.step(
      'destroy-share',
      {
        ...extra,
        index: s.index,
        method: s.method,
        mediaId: s.mediaId,
        bagSerial: s.bagSerial,
        filesOverwritten: s.files.map((f) => f.split(/[\\/]/u).at(-1)!),
      },
      [...(holders.has(s.index) ? [holders.get(s.index)!] : []), { signer: witness, role: 'witness' }],
    );
  }
}
