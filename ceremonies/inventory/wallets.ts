/**
 * The wallets part of the inventory projection (DESIGN.md "Command line", `custos replay`): each
 * wallet's class and owner, state, accounts, fingerprint, quorum, and its shares (holder, medium,
 * bag serial, state, last proven), as the entries of the wallet procedures describe them. States
 * follow one lifecycle: generated → distributed → active → compromised → retired → destroyed.
 */
import type { AccountInfo } from '../../crypto/protocol.ts';
import type { EntryPayload, JsonValue } from '../record/entry-payload.ts';

export type WalletState = 'generated' | 'distributed' | 'active' | 'compromised' | 'retired' | 'destroyed' | 'aborted';
export type ShareState = 'created' | 'held' | 'destroyed';

export interface ShareView {
  index: number;
  holder: string | null;
  media: string[];
  bagSerial: string | null;
  fileName: string | null;
  commitment: string;
  state: ShareState;
  lastProven: string | null;
}

/** An account as recorded at generation: the crypto core's public AccountInfo, as it is. */
export type AccountView = AccountInfo;

export interface WalletView {
  id: string;
  class: 'client' | 'house';
  ownerRef: string | null;
  label: string;
  state: WalletState;
  fingerprint: string | null;
  threshold: number;
  shareCount: number;
  chains: string[];
  accounts: AccountView[];
  setId: string | null;
  shares: ShareView[];
  drillIntervalDays: number;
  createdIn: string;
  createdAt: string;
  /** When the last backup drill closed. */
  lastDrill: string | null;
}

type Body = { [key: string]: JsonValue };
const text = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');
const num = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : 0);

export class Wallets {
  readonly byId = new Map<string, WalletView>();
  /** Wallet id of each ceremony that concerns one. */
  private readonly ceremonyWallet = new Map<string, string>();

  apply(p: EntryPayload): void {
    const [procedure] = p.procedureId.split('@');
    if (procedure === 'create-wallet') this.creating(p, p.body);
    else if (procedure === 'backup-drill') this.drilling(p, p.body);
  }

  /** The wallet a ceremony is about (its opening entry names it). */
  private about(p: EntryPayload): WalletView | undefined {
    if (p.type === 'open' && typeof p.body.wallet === 'string') this.ceremonyWallet.set(p.ceremony, p.body.wallet);
    return this.byId.get(this.ceremonyWallet.get(p.ceremony) ?? '');
  }

  private drilling(p: EntryPayload, body: Body): void {
    const wallet = this.about(p);
    if (!wallet) return;
    if (p.step === 'present-share') {
      const share = wallet.shares.find((s) => s.index === num(body.index));
      const bag = (body.bag ?? {}) as Body;
      if (share) {
        share.lastProven = p.time.utc;
        if (bag.state === 'replaced' && typeof bag.newSerial === 'string') share.bagSerial = bag.newSerial;
      }
    } else if (p.type === 'close') {
      wallet.lastDrill = p.time.utc;
    }
  }

  private creating(p: EntryPayload, body: Body): void {
    if (p.type === 'open') {
      const id = text(body.wallet);
      this.ceremonyWallet.set(p.ceremony, id);
      this.byId.set(id, {
        id, class: body.class === 'client' ? 'client' : 'house', ownerRef: typeof body.clientRef === 'string' ? body.clientRef : null,
        label: text(body.label), state: 'generated', fingerprint: null, threshold: num(body.threshold), shareCount: num(body.shareCount),
        chains: Array.isArray(body.chains) ? body.chains.map(text) : [], accounts: [], setId: null, shares: [],
        drillIntervalDays: num(body.drillIntervalDays) || 180, createdIn: p.ceremony, createdAt: p.time.utc, lastDrill: null,
      });
      return;
    }
    const wallet = this.byId.get(this.ceremonyWallet.get(p.ceremony) ?? '');
    if (!wallet) return;
    if (p.step === 'generate') {
      wallet.fingerprint = text(body.fingerprint);
      wallet.accounts = (Array.isArray(body.accounts) ? body.accounts : []) as unknown as AccountView[];
    } else if (p.step === 'split') {
      wallet.setId = text(body.setId);
      wallet.shares = (Array.isArray(body.commitments) ? body.commitments : []).map((c) => {
        const item = c as Body;
        return {
          index: num(item.index), commitment: text(item.commitment), holder: null, media: [], bagSerial: null, fileName: null,
          state: 'created' as const, lastProven: null,
        };
      });
    } else if (p.step === 'hand-over') {
      const share = wallet.shares.find((s) => s.index === num(body.index));
      if (share) {
        Object.assign(share, {
          holder: text(body.holder), media: Array.isArray(body.media) ? body.media.map(text) : [], bagSerial: text(body.bagSerial) || null,
          fileName: typeof body.fileName === 'string' ? body.fileName : null, state: 'held', lastProven: p.time.utc,
        });
      }
      if (wallet.shares.length && wallet.shares.every((s) => s.state === 'held')) wallet.state = 'distributed';
    } else if (p.type === 'close') {
      wallet.state = wallet.shares.length > 0 && wallet.shares.every((s) => s.state === 'held') ? 'active' : 'distributed';
    } else if (p.type === 'abort') {
      wallet.state = 'aborted';
    }
  }
}

/** Whether a quorum of proven shares exists, and whether a drill is overdue, at `now`. */
export function walletHealth(w: WalletView, now: Date): { provenShares: number; quorumProven: boolean; drillOverdue: boolean; lastProven: string | null } {
  // A share counts as proven if it was proven (handed over or drilled) within the drill interval.
  const interval = w.drillIntervalDays * 86_400_000;
  const proven = w.shares.filter((s) => s.state === 'held' && s.lastProven !== null && now.getTime() - Date.parse(s.lastProven) <= interval);
  const latest = w.shares.map((s) => s.lastProven).filter((t): t is string => t !== null).sort().at(-1) ?? null;
  const since = w.lastDrill ?? w.createdAt;
  const overdue = w.state === 'active' && now.getTime() - Date.parse(since) > interval;
  return { provenShares: proven.length, quorumProven: proven.length >= w.threshold && w.threshold > 0, drillOverdue: overdue, lastProven: latest };
}
