/**
 * The wallets part of the inventory projection (docs/cli.md, "custos replay"): each wallet's class
 * and owner, state, accounts, fingerprint, quorum, and its shares (holder, medium, bag serial,
 * state, last proven), as the entries of the wallet procedures describe them. States follow one
 * lifecycle (wallet-lifecycle.ts): generated → distributed → active → compromised → retired →
 * destroyed. Creation, rotation, transfers (sweeps and restitutions, applied when their ceremony
 * closes, debited when confirmed), destruction share by share, and reconciled holdings (R8). A
 * reshare puts a wallet under a new set of shares and keeps the old one as a former set (ADR 0032);
 * shares presented for a transfer, a reshare or a proof of control count as proven.
 */
import type { AccountInfo } from '../../crypto/protocol.ts';
import type { ProcedureDefinition } from '../procedures/definition.ts';
import type { EntryPayload, JsonValue } from '../record/entry-payload.ts';
import { assetOfReview, etherAsset, readTokenList, type TokenView } from './ethereum-assets.ts';
import { add } from './holdings.ts';
import { canMove, type WalletState } from './wallet-lifecycle.ts';

type ShareState = 'created' | 'held' | 'destroyed';

interface ShareView {
  index: number;
  holder: string | null;
  media: string[];
  bagSerial: string | null;
  fileName: string | null;
  commitment: string;
  state: ShareState;
  lastProven: string | null;
  /** Its bag was last found broken or missing and it has not been re-bagged since (issue 19, "Seal outcomes"). */
  atRisk: boolean;
}

/**
 * A set of shares the wallet is no longer under (reshare; ADR 0032): `retired` when a reshare put the
 * wallet under a new set (its shares are destroyed in that ceremony, each shown `destroyed`; one
 * still `held` was not), `void` when a reshare was aborted before its new set was whole (a share of it
 * handed over and not erased is still `held`, and must be destroyed).
 */
interface FormerSetView {
  setId: string;
  threshold: number;
  shareCount: number;
  outcome: 'retired' | 'void';
  ceremony: string;
  at: string;
  shares: ShareView[];
}

/** An account as recorded at generation: the crypto core's public AccountInfo, as it is. */
type AccountView = AccountInfo;

/** A transaction the station signed out of a wallet: a sweep to its replacement or a restitution. */
export interface TransferView {
  txid: string;
  kind: 'sweep' | 'restitution';
  chain: string;
  /** What moved: the chain's coin (its name, or `ethereum:<network>` for test ether) or a token (`erc20:<chainId>:<contract>`; ethereum-assets.ts). */
  asset: string;
  ceremony: string;
  signedAt: string;
  /** The replacement wallet (sweep) or the client's address (restitution). */
  to: string;
  /** Base units paid to `to`; `debit`: everything leaving the wallet in `asset` (payments and, on Bitcoin, the fee). */
  amount: string;
  debit: string;
  /** On Bitcoin, the fee paid; on Ethereum, the most it can cost in wei (gas limit × maximum fee per gas), paid in ether. */
  fee: string;
  /** What the fee is paid in: the chain's coin (ether, on Ethereum, whatever the asset moved). */
  feeAsset: string;
  /** Ethereum: the paying address and its nonce (a nonce is signed for once); null on Bitcoin. */
  from: string | null;
  nonce: string | null;
  /** SHA-256 of the signed transaction file written for the coordinator (raw hex + newline). */
  fileSha256: string;
  state: 'signed' | 'confirmed';
  confirmedAt: string | null;
  blockHeight: number | null;
}

/** What the record says a wallet holds on one chain (base units), as of the last reconciliation or transfer. */
interface HoldingView {
  recorded: string;
  asOf: string | null;
}

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
  /** The sets it was under before a reshare, and the new sets of reshares that were aborted. */
  formerSets: FormerSetView[];
  drillIntervalDays: number;
  createdIn: string;
  createdAt: string;
  /** When the last backup drill closed. */
  lastDrill: string | null;
  /** The incident that declared it compromised, and the wallets of a rotation. */
  compromisedBy: string | null;
  replacedBy: string | null;
  replaces: string | null;
  transfers: TransferView[];
  /** By asset (a chain's coin, or a token: ethereum-assets.ts): the holdings computed from the record (R8). */
  holdings: { [asset: string]: HoldingView };
  lastReconciled: string | null;
}

type Body = { [key: string]: JsonValue };
const text = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');
const num = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : 0);

/** What a transfer ceremony has recorded so far, applied when it closes. */
interface PendingTransfer {
  summary?: Body;
  signed?: Body;
  destination?: Body;
  /** Ethereum transfers imported (a restitution's one, a sweep's several) and, once signed, their signature step. */
  eth?: { summary: Body; signed?: Body }[];
}

export class Wallets {
  readonly byId = new Map<string, WalletView>();
  /** Wallet id of each ceremony that concerns one; the wallet it creates, when that is another one. */
  private readonly ceremonyWallet = new Map<string, string>();
  private readonly creates = new Map<string, string>();
  private readonly pending = new Map<string, PendingTransfer>();
  /** The new set a reshare is handing over, until every share of it is held. */
  private readonly newSets = new Map<string, { setId: string; threshold: number; shareCount: number; shares: ShareView[] }>();
  /** The station's token list, as the last token-list ceremony to close adopted it. */
  tokens: TokenView[] = [];
  /** Every Ethereum nonce signed for, as `<chainId>:<from>:<nonce>`, from the signature on, whatever became of its ceremony. */
  readonly usedNonces = new Set<string>();

  /** Follows one entry; `definition` is the released procedure it belongs to (null: it changes nothing). */
  apply(p: EntryPayload, definition: ProcedureDefinition | null): void {
    if (!definition) return;
    const procedure = definition.id;
    if (p.type === 'open' && typeof p.body.wallet === 'string') this.ceremonyWallet.set(p.ceremony, p.body.wallet);
    if (procedure === 'create-wallet') this.creating(p, p.body);
    else if (procedure === 'backup-drill') this.drilling(p, p.body);
    else if (procedure === 'compromise-rotation') this.rotating(p, p.body);
    else if (procedure === 'restitution') this.returning(p, p.body);
    else if (procedure === 'confirm-transfer') this.confirming(p, p.body);
    else if (procedure === 'destruction') this.destroying(p, p.body);
    else if (procedure === 'reconciliation') this.reconciling(p, p.body);
    else if (procedure === 'change-holder') this.changingHolder(p, p.body);
    else if (procedure === 'reshare') this.resharing(p, p.body);
    else if (procedure === 'proof-of-control' && p.step === 'present-share') {
      // A share presented and proven for a proof of control counts as proven, as in a drill.
      const wallet = this.about(p);
      if (wallet) presented(wallet, p.body, p);
    } else if (procedure === 'token-list') this.listingTokens(p, p.body);
  }

  /** The list a token-list ceremony adopts applies when it closes. */
  private listingTokens(p: EntryPayload, body: Body): void {
    if (p.step === 'adopt') this.pending.set(p.ceremony, { summary: body });
    else if (p.type === 'abort') this.pending.delete(p.ceremony);
    if (p.type !== 'close') return;
    const adopted = readTokenList(this.pending.get(p.ceremony)?.summary?.tokens);
    this.pending.delete(p.ceremony);
    if (adopted) this.tokens = adopted;
  }

  /** A share passes to another holder: proven when presented, held by the new holder from hand-over. */
  private changingHolder(p: EntryPayload, body: Body): void {
    const wallet = this.about(p);
    const share = wallet?.shares.find((s) => s.index === num(body.index));
    if (!wallet || !share) return;
    // Proven as presented; at risk if its bag was found broken or missing (change-holder@2), until the new holder's bag.
    if (p.step === 'present-share') presented(wallet, body, p);
    else if (p.step === 'hand-over') {
      Object.assign(share, {
        holder: text(body.holder),
        media: Array.isArray(body.media) ? body.media.map(text) : [],
        bagSerial: text(body.bagSerial) || null,
        fileName: typeof body.fileName === 'string' ? body.fileName : null,
        lastProven: p.time.utc,
        atRisk: false,
      });
    }
  }

  /** The wallet a ceremony creates (create-wallet, or a rotation's replacement), if any. */
  created(ceremony: string): WalletView | undefined {
    return this.byId.get(this.creates.get(ceremony) ?? '');
  }

  /** The wallet a ceremony is about (its opening entry names it). */
  private about(p: EntryPayload): WalletView | undefined {
    return this.byId.get(this.ceremonyWallet.get(p.ceremony) ?? '');
  }

  private drilling(p: EntryPayload, body: Body): void {
    const wallet = this.about(p);
    if (!wallet) return;
    if (p.step === 'present-share') presented(wallet, body, p);
    else if (p.type === 'close') {
      wallet.lastDrill = p.time.utc;
    }
  }

  private creating(p: EntryPayload, body: Body): void {
    if (p.type === 'open') this.newWallet(text(body.wallet), body, p);
    this.building(p, body);
  }

  /** A new wallet, as named by the opening entry of a creation (create-wallet or a rotation's replacement). */
  private newWallet(id: string, body: Body, p: EntryPayload): void {
    this.creates.set(p.ceremony, id);
    this.byId.set(id, {
      id,
      class: body.class === 'client' ? 'client' : 'house',
      ownerRef: typeof body.clientRef === 'string' ? body.clientRef : null,
      label: text(body.label),
      state: 'generated',
      fingerprint: null,
      threshold: num(body.threshold),
      shareCount: num(body.shareCount),
      chains: Array.isArray(body.chains) ? body.chains.map(text) : [],
      accounts: [],
      setId: null,
      shares: [],
      formerSets: [],
      drillIntervalDays: num(body.drillIntervalDays) || 180,
      createdIn: p.ceremony,
      createdAt: p.time.utc,
      lastDrill: null,
      compromisedBy: null,
      replacedBy: null,
      replaces: null,
      transfers: [],
      holdings: {},
      lastReconciled: null,
    });
  }

  /** The creation steps (generate, split, hand-over) and the end of a creating ceremony. */
  private building(p: EntryPayload, body: Body): void {
    const wallet = this.byId.get(this.creates.get(p.ceremony) ?? '');
    if (!wallet) return;
    if (p.step === 'generate') {
      wallet.fingerprint = text(body.fingerprint);
      wallet.accounts = (Array.isArray(body.accounts) ? body.accounts : []) as unknown as AccountView[];
    } else if (p.step === 'split') {
      wallet.setId = text(body.setId);
      wallet.shares = splitShares(body);
    } else if (p.step === 'hand-over') {
      handOver(wallet.shares, body, p);
      if (wallet.shares.length && wallet.shares.every((s) => s.state === 'held')) wallet.state = 'distributed';
    } else if (p.type === 'close') {
      wallet.state = wallet.shares.length > 0 && wallet.shares.every((s) => s.state === 'held') ? 'active' : 'distributed';
    } else if (p.type === 'abort') {
      wallet.state = 'aborted';
    }
  }

  /**
   * A reshare (ADR 0032): the old set's shares are proven as presented; the new set, once every share
   * of it is handed over, becomes the wallet's, and the old one a former set whose shares are
   * destroyed one by one. Aborted before its new set is whole, the reshare leaves that set void.
   */
  private resharing(p: EntryPayload, body: Body): void {
    const wallet = this.about(p);
    if (!wallet) return;
    const forming = this.newSets.get(p.ceremony);
    if (p.step === 'present-share') presented(wallet, body, p);
    else if (p.step === 'split') {
      this.newSets.set(p.ceremony, { setId: text(body.setId), threshold: num(body.threshold), shareCount: num(body.shareCount), shares: splitShares(body) });
    } else if (p.step === 'hand-over' && forming) {
      handOver(forming.shares, body, p);
      if (forming.shares.every((s) => s.state === 'held')) {
        this.newSets.delete(p.ceremony);
        wallet.formerSets.push({ ...this.setOf(wallet), outcome: 'retired', ceremony: p.ceremony, at: p.time.utc });
        Object.assign(wallet, { setId: forming.setId, threshold: forming.threshold, shareCount: forming.shareCount, shares: forming.shares });
      }
    } else if (p.step === 'destroy-share') {
      const set = wallet.formerSets.find((f) => f.setId === body.setId) ?? (wallet.setId === body.setId ? wallet : undefined);
      const share = set?.shares.find((s) => s.index === num(body.index));
      if (share) share.state = 'destroyed';
    } else if (p.type === 'abort' && forming) {
      this.newSets.delete(p.ceremony);
      if (forming.shares.some((s) => s.state === 'held')) wallet.formerSets.push({ ...forming, outcome: 'void', ceremony: p.ceremony, at: p.time.utc });
    }
  }

  /** The new set a reshare in progress (`ceremony`) has split and not yet fully handed over. */
  forming(ceremony: string): readonly ShareView[] | undefined {
    return this.newSets.get(ceremony)?.shares;
  }

  private setOf(wallet: WalletView): { setId: string; threshold: number; shareCount: number; shares: ShareView[] } {
    return { setId: wallet.setId ?? '', threshold: wallet.threshold, shareCount: wallet.shareCount, shares: wallet.shares };
  }

  private rotating(p: EntryPayload, body: Body): void {
    const old = this.about(p);
    if (p.type === 'open') {
      const replacement = (body.replacement ?? {}) as Body;
      if (typeof replacement.wallet === 'string' && !this.byId.has(replacement.wallet)) this.newWallet(replacement.wallet, replacement, p);
      return;
    }
    if (p.step === 'declare-compromised' && old && canMove(old.state, 'compromised')) {
      old.state = 'compromised';
      old.compromisedBy = text(body.incident) || null;
      return;
    }
    const replacementId = this.creates.get(p.ceremony);
    if (p.type === 'close' && old && replacementId) {
      old.replacedBy = replacementId;
      this.byId.get(replacementId)!.replaces = old.id;
    }
    this.transferSteps(p, body, 'sweep', replacementId ?? '');
    this.building(p, body);
  }

  private returning(p: EntryPayload, body: Body): void {
    this.transferSteps(p, body, 'restitution', '');
  }

  /** Collects a transfer's summary and signature, and records the transfer when its ceremony closes. */
  private transferSteps(p: EntryPayload, body: Body, kind: TransferView['kind'], sweepTo: string): void {
    const pending = this.pending.get(p.ceremony) ?? {};
    this.pending.set(p.ceremony, pending);
    if (p.step === 'present-share') {
      // A share presented and proven for a transfer counts as proven, in the bag it was found in or put in, as in a drill.
      const wallet = this.about(p);
      if (wallet) presented(wallet, body, p);
    } else if (p.step === 'approve') pending.destination = body;
    else if (p.step === 'import-sweep' || p.step === 'import-psbt') pending.summary = body;
    else if (p.step === 'sign-sweep' || p.step === 'sign') pending.signed = body;
    else if (p.step === 'import-eth-request' || p.step === 'import-eth-sweep') (pending.eth ??= []).push({ summary: body });
    else if (p.step === 'sign-eth' || p.step === 'sign-eth-sweep') {
      const imported = pending.eth?.find((e) => e.summary.digest === body.digest && !e.signed);
      if (imported) {
        imported.signed = body;
        this.usedNonces.add(nonceKey(imported.summary.chainId, imported.summary.from, imported.summary.nonce));
      }
    } else if (p.type === 'abort') this.pending.delete(p.ceremony);
    if (p.type !== 'close') return;
    this.pending.delete(p.ceremony);
    const wallet = this.about(p);
    if (!wallet) return;
    // The Bitcoin transfer first, then each Ethereum transfer, in the order they were signed.
    if (pending.summary && pending.signed) {
      const outputs = (Array.isArray(pending.summary.outputs) ? pending.summary.outputs : []) as Body[];
      const change = outputs.filter((o) => o.change === true).reduce((sum, o) => sum + BigInt(text(o.amount) || '0'), 0n);
      const paid = outputs.filter((o) => o.change !== true).reduce((sum, o) => sum + BigInt(text(o.amount) || '0'), 0n);
      wallet.transfers.push({
        txid: text(pending.signed.txid),
        kind,
        chain: text(pending.summary.network),
        asset: text(pending.summary.network),
        feeAsset: text(pending.summary.network),
        ceremony: p.ceremony,
        signedAt: p.time.utc,
        to: kind === 'sweep' ? sweepTo : text(pending.destination?.destination),
        amount: paid.toString(),
        debit: (BigInt(text(pending.summary.totalIn) || '0') - change).toString(),
        fee: text(pending.summary.fee) || '0',
        fileSha256: text(pending.signed.sha256),
        from: null,
        nonce: null,
        state: 'signed',
        confirmedAt: null,
        blockHeight: null,
      });
    }
    // Each Ethereum transfer signed: what it moves is what its review recorded.
    for (const { summary, signed } of pending.eth ?? []) {
      if (!signed) continue;
      wallet.transfers.push({
        txid: text(signed.hash),
        kind,
        chain: 'ethereum',
        asset: assetOfReview(summary),
        feeAsset: etherAsset(text(summary.network)),
        ceremony: p.ceremony,
        signedAt: p.time.utc,
        to: kind === 'sweep' ? sweepTo : text(summary.destination),
        amount: text(summary.amount) || '0',
        debit: text(summary.amount) || '0',
        fee: text(summary.maxFee) || '0',
        fileSha256: text(signed.sha256),
        from: text(summary.from),
        nonce: text(summary.nonce),
        state: 'signed',
        confirmedAt: null,
        blockHeight: null,
      });
    }
  }

  private confirming(p: EntryPayload, body: Body): void {
    if (p.type === 'open') {
      this.pending.set(p.ceremony, { summary: body });
      return;
    }
    const opening = this.pending.get(p.ceremony)?.summary;
    if (p.type === 'abort') this.pending.delete(p.ceremony);
    if (p.type !== 'close' || !opening) return;
    this.pending.delete(p.ceremony);
    const wallet = this.about(p);
    const transfer = wallet?.transfers.find((t) => t.txid === opening.txid && t.state === 'signed');
    if (!wallet || !transfer) return;
    transfer.state = 'confirmed';
    transfer.confirmedAt = p.time.utc;
    transfer.blockHeight = typeof opening.blockHeight === 'number' ? opening.blockHeight : null;
    const holding = (w: WalletView) => (w.holdings[transfer.asset] ??= { recorded: '0', asOf: null });
    holding(wallet).recorded = add(holding(wallet).recorded, -BigInt(transfer.debit));
    holding(wallet).asOf = p.time.utc;
    // An Ethereum transfer's fee, known once mined (confirm-transfer@2), comes out of the wallet's ether.
    if (transfer.chain === 'ethereum' && typeof opening.feePaid === 'string' && /^\d+$/u.test(opening.feePaid)) {
      transfer.fee = opening.feePaid;
      const ether = (wallet.holdings[transfer.feeAsset] ??= { recorded: '0', asOf: null });
      ether.recorded = add(ether.recorded, -BigInt(opening.feePaid));
      ether.asOf = p.time.utc;
    }
    const target = transfer.kind === 'sweep' ? this.byId.get(transfer.to) : undefined;
    if (target) {
      holding(target).recorded = add(holding(target).recorded, transfer.amount);
      holding(target).asOf = p.time.utc;
    }
    // A sweep retires the old wallet once every transfer of it is confirmed (a rotation@2 sweeps on both chains).
    const swept = transfer.kind === 'sweep' && wallet.transfers.every((t) => t.kind !== 'sweep' || t.state === 'confirmed');
    if ((swept || (transfer.kind !== 'sweep' && opening.retireWallet === true)) && canMove(wallet.state, 'retired')) wallet.state = 'retired';
  }

  private destroying(p: EntryPayload, body: Body): void {
    const wallet = this.about(p);
    if (!wallet) return;
    if (p.step === 'destroy-share') {
      const share = wallet.shares.find((s) => s.index === num(body.index));
      if (share) share.state = 'destroyed';
    } else if (
      p.type === 'close' &&
      wallet.shares.some((s) => s.state === 'destroyed') &&
      wallet.shares.every((s) => s.state !== 'held') &&
      canMove(wallet.state, 'destroyed')
    ) {
      // Every share that was handed over is destroyed (an aborted creation's other shares never left the core).
      wallet.state = 'destroyed';
    }
  }

  private reconciling(p: EntryPayload, body: Body): void {
    if (p.step === 'compare') {
      this.pending.set(p.ceremony, { summary: body });
      return;
    }
    if (p.type === 'abort') this.pending.delete(p.ceremony);
    if (p.type !== 'close') return;
    const compared = this.pending.get(p.ceremony)?.summary;
    this.pending.delete(p.ceremony);
    for (const row of (Array.isArray(compared?.wallets) ? compared.wallets : []) as Body[]) {
      const wallet = this.byId.get(text(row.wallet));
      if (!wallet) continue;
      wallet.holdings[text(row.chain)] = { recorded: text(row.held) || '0', asOf: p.time.utc };
      wallet.lastReconciled = p.time.utc;
    }
  }
}

/** The shares a split step records, each created (no holder yet). */
function splitShares(body: Body): ShareView[] {
  return (Array.isArray(body.commitments) ? body.commitments : []).map((c) => {
    const item = c as Body;
    return {
      index: num(item.index),
      commitment: text(item.commitment),
      holder: null,
      media: [],
      bagSerial: null,
      fileName: null,
      state: 'created' as const,
      lastProven: null,
      atRisk: false,
    };
  });
}

/** A hand-over step: its share is held by its holder, proven at that moment. */
function handOver(shares: ShareView[], body: Body, p: EntryPayload): void {
  const share = shares.find((s) => s.index === num(body.index));
  if (!share) return;
  Object.assign(share, {
    holder: text(body.holder),
    media: Array.isArray(body.media) ? body.media.map(text) : [],
    bagSerial: text(body.bagSerial) || null,
    fileName: typeof body.fileName === 'string' ? body.fileName : null,
    state: 'held',
    lastProven: p.time.utc,
    atRisk: false,
  });
}

/** A share presented and proven (a drill, a reshare, a proof, a transfer): proven now, in the bag it was found in or put in. */
function presented(wallet: WalletView, body: Body, p: EntryPayload): void {
  const share = wallet.shares.find((s) => s.index === num(body.index));
  const bag = (body.bag ?? {}) as Body;
  if (!share) return;
  share.lastProven = p.time.utc;
  // A new bag (replaced, or a broken or missing one re-bagged) is the share's from now on.
  if (typeof bag.newSerial === 'string') share.bagSerial = bag.newSerial;
  share.atRisk = (bag.state === 'broken' || bag.state === 'missing') && typeof bag.newSerial !== 'string';
}

/** A share as the inventory reports it at a moment: when its next proof is due, and whether it is overdue. */
type ShareReport = ShareView & {
  /** The last proof (hand-over, drill, presentation) plus the wallet's drill interval; null for a share no one holds. */
  due: string | null;
  /** Held, of a wallet still guarded (active or compromised), and past its due date. */
  overdue: boolean;
};

export interface WalletHealth {
  provenShares: number;
  quorumProven: boolean;
  /** An active wallet with at least one share overdue (every share, not only a quorum, must be proven in time). */
  drillOverdue: boolean;
  lastProven: string | null;
  /** When the next drill is due: the earliest due date of a held share (or the creation plus the interval if none is held). */
  nextDrill: string;
  /** Each share, with its due date and whether it is overdue. */
  shares: ShareReport[];
  /** The indexes of the overdue shares, in order. */
  overdueShares: number[];
}

/**
 * Whether a quorum of proven shares exists, which shares are overdue at `now`, and when the next
 * drill is due. Each share is due its wallet's drill interval after it was last proven (handed over,
 * presented in a drill or for a transfer): a drill that proves only a quorum leaves the other shares
 * to come due on their own dates (issue 19, "Per-share proof").
 */
export function walletHealth(w: WalletView, now: Date): WalletHealth {
  const interval = w.drillIntervalDays * 86_400_000;
  const guarded = w.state === 'active' || w.state === 'compromised';
  const shares = w.shares.map((s): ShareReport => {
    const due = s.state === 'held' ? new Date(Date.parse(s.lastProven ?? w.createdAt) + interval).toISOString() : null;
    return { ...s, due, overdue: guarded && due !== null && now.getTime() > Date.parse(due) };
  });
  const proven = w.shares.filter((s) => s.state === 'held' && s.lastProven !== null && now.getTime() - Date.parse(s.lastProven) <= interval);
  const latest =
    w.shares
      .map((s) => s.lastProven)
      .filter((t): t is string => t !== null)
      .sort()
      .at(-1) ?? null;
  const dues = shares
    .map((s) => s.due)
    .filter((d): d is string => d !== null)
    .sort();
  const nextDrill = dues[0] ?? new Date(Date.parse(w.lastDrill ?? w.createdAt) + interval).toISOString();
  const overdueShares = shares.filter((s) => s.overdue).map((s) => s.index);
  return {
    provenShares: proven.length,
    quorumProven: proven.length >= w.threshold && w.threshold > 0,
    drillOverdue: w.state === 'active' && overdueShares.length > 0,
    lastProven: latest,
    nextDrill,
    shares,
    overdueShares,
  };
}

/** How the inventory keys an Ethereum nonce signed for: chain id, paying address (lower case) and nonce. */
export function nonceKey(chainId: JsonValue | undefined, from: JsonValue | undefined, nonce: JsonValue | undefined): string {
  return `${String(chainId)}:${String(from).toLowerCase()}:${String(nonce)}`;
}
