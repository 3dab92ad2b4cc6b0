/**
 * What a backup drill owes the shares that are overdue for proof (issue 19, "Per-share proof";
 * backup-drill@2): at its opening, the record says which shares are overdue (inventory/wallets.ts
 * walletHealth at the station's clock); every one of them must be presented, unless the answers say
 * why it cannot be this time (`unreachable`: the share and the reason). What is left overdue is
 * recorded, so the inventory and the next drill still show it. Checked before anything is recorded.
 */
import { CustosError } from '../custos-error.ts';
import { walletHealth, type WalletView } from '../inventory/wallets.ts';

export interface OverdueAtDrill {
  /** The shares overdue at the opening, by index. */
  overdue: number[];
  /** The overdue shares not presented, each with the reason the answers give. */
  unreachable: { index: number; reason: string }[];
}

/** Holder names by key id, for the refusal's words. */
type Names = ReadonlyMap<string, string>;

export function overdueAtDrill(
  wallet: WalletView,
  now: Date,
  presented: readonly number[],
  unreachable: readonly { share: number; reason: string }[],
  names: Names,
): OverdueAtDrill {
  const overdue = walletHealth(wallet, now).overdueShares;
  const seen = new Set<number>();
  for (const u of unreachable) {
    if (!overdue.includes(u.share) || presented.includes(u.share) || seen.has(u.share)) {
      throw new CustosError(
        'UNREACHABLE_SHARE_INVALID',
        `Share ${u.share} cannot be listed as unreachable: it is not overdue, it is presented, it does not exist, or it is listed twice. Nothing was recorded.`,
        { share: u.share },
      );
    }
    seen.add(u.share);
  }
  for (const index of overdue) {
    if (presented.includes(index) || seen.has(index)) continue;
    const keyid = wallet.shares.find((s) => s.index === index)?.holder ?? null;
    const holder = keyid === null ? '—' : (names.get(keyid) ?? keyid.slice(0, 16));
    throw new CustosError(
      'DRILL_OVERDUE_SHARE_LEFT_OUT',
      `Share ${index} (held by ${holder}) is overdue for proof and is not presented. Have ${holder} present it, or list it under "unreachable" with the reason it cannot be. Nothing was recorded.`,
      { share: index, holder },
    );
  }
  return { overdue, unreachable: unreachable.map((u) => ({ index: u.share, reason: u.reason })) };
}
