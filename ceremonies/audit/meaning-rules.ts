/**
 * What verify re-checks of the record's meaning, from the record alone (docs/record-format.md,
 * "Meaning"): the engine checks these before it writes, but the station key alone could write
 * entries that skip them, so verify checks them again, entry by entry, over the same inventory
 * projection the app and `custos replay` show (inventory/wallets.ts):
 * - every opening entry carries air-gap evidence; evidence not read from the live system (another
 *   root than "/", as `custos run --system-root` reads) is a deviation, reported as a warning;
 * - a released procedure's wallet preconditions hold at its opening (the wallet exists, in a state
 *   and of a class the procedure accepts; a destruction on the basis "retired" of a retired
 *   wallet, on the basis "zero-balance" with its attestation before the close);
 * - a share presented or handed over carries the commitment recorded for that share;
 * - a restitution's imported transaction pays exactly the approved destination and amount, and
 *   what is signed is what was imported (the same digest); a sweep returns nothing to the
 *   compromised wallet and pays only addresses of the replacement the rotation created (its first
 *   200 on each branch, derived from its recorded account keys: replacement-addresses.ts);
 * - an Ethereum transfer request (restitution@2) moves exactly the approved asset, destination and
 *   amount; a sweep's (compromise-rotation@2) pays no address it comes from, only one of the
 *   replacement's; neither reuses a nonce
 *   signed for before from its address on its chain, or imported earlier in the ceremony; and what
 *   is signed is one of the transfers imported;
 * - a drill (backup-drill@2) presents, before it rebuilds the wallet, every share the record shows
 *   overdue for proof at its opening, but those its opening says are unreachable, and opens the
 *   incident of every bag presented broken or missing (no ceremony without a `seal-incident` step
 *   may present one); so do a reshare, a proof of control, a change of holder (@2), a restitution
 *   (@3) and a rotation (@3), before they go past their presentations;
 * - a reshare hands over the shares of the new set its split records, and destroys every share of
 *   the old set still held before it closes.
 * - an incident classified (incident@2) is major exactly when the criteria it records say so;
 * - a proof of control signs the challenge its opening records, for the address it names (one of the
 *   wallet's own), and the signature verifies (BIP-322 simple, EIP-191).
 * Only entries of released procedures are judged (CeremonyRules.entry returns their definition).
 * The writer judges each entry before appending it, as it does with the ceremony rules, so the
 * engine cannot write what verify would report.
 */
import type { ProcedureDefinition } from '../procedures/definition.ts';
import type { EntryPayload, JsonValue } from '../record/entry-payload.ts';
import { isMajor } from '../../common/incidents/major-incident.ts';
import { Wallets, nonceKey, walletHealth } from '../inventory/wallets.ts';
import type { Findings } from './findings.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { proofSignatureValid } from './proof-check.ts';
import { isSweepAddress } from './replacement-addresses.ts';

type Body = { [key: string]: JsonValue };

/** What a ceremony in progress has recorded that a later step is checked against. */
export interface Pending {
  procedure: string;
  wallet: string | null;
  basis: string | null;
  approved: { destination: string; amount: string; asset: string | null } | null;
  imported: string | null;
  /** The Ethereum transfers imported in this ceremony: digest and nonce key of each. */
  ethImports: { digest: string | null; nonce: string }[];
  attested: boolean;
  /** A drill (backup-drill@2): the shares overdue at its opening that it did not say unreachable, and those presented. */
  owed: number[];
  presented: number[];
  /** Shares presented with their bag broken or missing whose incident the ceremony has not opened yet. */
  seals: number[];
  /** A reshare: the set its opening retires, every held share of which it destroys before it closes. */
  oldSet: string | null;
  /** A proof of control: the opening's chain, address and challenge, which its signature is checked against. */
  opening: Body;
}

const isObject = (v: JsonValue | undefined): v is Body => !!v && typeof v === 'object' && !Array.isArray(v);
/** The digest a step records, or null when it records none that is text (compared as the PSBT steps' are). */
const digestOf = (b: Body): string | null => (typeof b.digest === 'string' ? b.digest : null);

export class MeaningRules {
  /** The inventory as the record builds it, before each entry is judged. */
  readonly wallets = new Wallets();
  private readonly findings: Findings;
  private pending: Pending | null = null;

  constructor(findings: Findings) {
    this.findings = findings;
  }

  /** Judges one entry (its released definition, or null), then applies it to the inventory. */
  entry(p: EntryPayload, procedure: ProcedureDefinition | null): void {
    this.judge(p, procedure);
    this.apply(p, procedure);
  }

  /** What judge() may change, for the writer to put back when it refuses an entry. */
  save(): Pending | null {
    return this.pending && { ...this.pending };
  }

  restore(saved: Pending | null): void {
    this.pending = saved;
  }

  /** Applies an entry the record holds to the inventory the next entries are judged by. */
  apply(p: EntryPayload, procedure: ProcedureDefinition | null): void {
    this.wallets.apply(p, procedure);
    if (p.type === 'close' || p.type === 'abort') this.pending = null;
  }

  /** Reports what an entry of a released procedure means that it may not (nothing for others). */
  judge(p: EntryPayload, procedure: ProcedureDefinition | null): void {
    if (!procedure) return;
    const f = this.findings;
    const b = p.body;
    if (p.type === 'open') {
      this.pending = {
        procedure: procedure.id,
        wallet: typeof b.wallet === 'string' ? b.wallet : null,
        basis: typeof b.basis === 'string' ? b.basis : null,
        approved: null,
        imported: null,
        ethImports: [],
        attested: false,
        owed: procedure.id === 'backup-drill' && procedure.version >= 2 ? this.owedAtOpening(p) : [],
        presented: [],
        seals: [],
        oldSet: isObject(b.oldSet) && typeof b.oldSet.setId === 'string' ? b.oldSet.setId : null,
        opening: b,
      };
      this.airGap(p);
      this.preconditions(p, procedure);
      this.classification(p);
      return;
    }
    const c = this.pending;
    if (!c) return;
    // Past its presentations, a ceremony goes on (rebuilds the wallet, imports a transfer, hands a share
    // over, closes) only once the incident of every bag found broken or missing is opened (an abort or a
    // recovery entry goes on with nothing).
    const goesOn = p.type === 'close' || (p.type === 'step' && p.step !== 'present-share' && p.step !== 'seal-incident');
    if (c.seals.length > 0 && goesOn) this.sealsLeftUnopened(p, c);
    if (p.step === 'present-share') {
      this.commitment(p, this.wallets.byId.get(c.wallet ?? '')?.shares, 'presented');
      if (typeof b.index === 'number') c.presented.push(b.index);
      this.sealFound(p, c, procedure);
    } else if (p.step === 'seal-incident') c.seals = c.seals.filter((i) => i !== b.index);
    else if (p.step === 'reconstruct') this.overdueLeftOut(p, c);
    else if (p.step === 'hand-over') {
      // A creation's new wallet, a reshare's new set, or (a change of holder) the wallet's own shares.
      const shares = this.wallets.created(p.ceremony)?.shares ?? this.wallets.forming(p.ceremony) ?? this.wallets.byId.get(c.wallet ?? '')?.shares;
      this.commitment(p, shares, 'handed-over');
    } else if (p.step === 'approve' && typeof b.destination === 'string' && typeof b.amount === 'string')
      c.approved = { destination: b.destination, amount: b.amount, asset: typeof b.asset === 'string' ? b.asset : null };
    else if (p.step === 'attest-zero-balance') c.attested = true;
    else if (p.step === 'sign-challenge') this.proofOfControl(p, c);
    else if (p.step === 'import-psbt' || p.step === 'import-sweep') {
      c.imported = typeof b.digest === 'string' ? b.digest : null;
      const outputs = Array.isArray(b.outputs) ? b.outputs.filter(isObject) : [];
      if (p.step === 'import-psbt') this.approvedOutputs(p, outputs, c);
      else if (outputs.some((o) => o.change === true)) {
        f.error('OUTPUTS_NOT_APPROVED', 'The sweep returns coins to the compromised wallet.', p.index, p.ceremony, { kind: 'sweep', step: p.step });
      } else if (!outputs.every((o) => typeof o.address === 'string' && this.replacementPays(p, String(b.network), o.address))) {
        this.sweepForeign(p);
      }
    } else if (p.step === 'import-eth-request' || p.step === 'import-eth-sweep') {
      this.ethImport(p, c);
    } else if ((p.step === 'sign-eth' || p.step === 'sign-eth-sweep') && !c.ethImports.some((e) => e.digest === digestOf(b))) {
      f.error('SIGNED_NOT_IMPORTED', `Step "${p.step}" signs another transfer than the ones imported and reviewed.`, p.index, p.ceremony, { step: p.step });
    } else if ((p.step === 'sign' || p.step === 'sign-sweep') && b.digest !== c.imported) {
      f.error('SIGNED_NOT_IMPORTED', `Step "${p.step}" signs another transaction than the one imported and reviewed.`, p.index, p.ceremony, { step: p.step });
    }
    if (p.type === 'close' && c.oldSet !== null) this.oldSharesLeft(p, c.wallet ?? '', c.oldSet);
    if (p.type === 'close' && c.procedure === 'destruction' && c.basis === 'zero-balance' && !c.attested) {
      f.error('WALLET_STATE_INVALID', 'A destruction on a zero-balance basis closed without its attestation.', p.index, p.ceremony, {
        kind: 'unattested',
        wallet: c.wallet ?? '',
      });
    }
  }

  /**
   * The shares a drill owes a proof (backup-drill@2): those the record says are overdue at its
   * opening entry's time, less those its opening says are unreachable (with a reason).
   */
  private owedAtOpening(p: EntryPayload): number[] {
    const wallet = this.wallets.byId.get(typeof p.body.wallet === 'string' ? p.body.wallet : '');
    if (!wallet) return [];
    const unreachable = new Set((Array.isArray(p.body.unreachable) ? p.body.unreachable : []).filter(isObject).map((u) => u.index));
    return walletHealth(wallet, new Date(p.time.utc)).overdueShares.filter((i) => !unreachable.has(i));
  }

  /**
   * An incident classified (incident@2, ADR 0034) is major exactly when its criteria say so: a
   * classification that says "not major" against its own criteria would silence the regulatory clock.
   */
  private classification(p: EntryPayload): void {
    const c = p.body.classification;
    if (!isObject(c)) return;
    const criteria = isObject(c.criteria) ? c.criteria : {};
    if (c.major !== isMajor(criteria as { [key: string]: boolean })) {
      this.findings.error(
        'INCIDENT_CLASSIFICATION_INVALID',
        `Incident ${String(p.body.incident).slice(0, 64)} is classified ${c.major === true ? 'major' : 'not major'} against the criteria it records.`,
        p.index,
        p.ceremony,
        { incident: String(p.body.incident).slice(0, 64) },
      );
    }
  }

  /**
   * A proof of control (ADR 0033) signs, for the address its opening names (one of the wallet's own,
   * derived from its recorded account key), the challenge its opening records, and the signature
   * verifies over it (proof-check.ts): else PROOF_NOT_VALID, by kind.
   */
  private proofOfControl(p: EntryPayload, c: Pending): void {
    const b = p.body;
    const open = c.opening;
    const challenge = typeof open.challenge === 'string' ? open.challenge : '';
    const chain = String(open.chain);
    const account = this.wallets.byId.get(c.wallet ?? '')?.accounts.find((a) => a.chain === chain);
    const address = String(b.address);
    const own = account !== undefined && isSweepAddress(chain, account.xpub, address);
    const hash = bytesToHex(sha256(utf8ToBytes(challenge)));
    const f = this.findings;
    if (b.address !== open.address || !own) {
      f.error('PROOF_NOT_VALID', 'The proof of control is not for the address the opening names, one of the wallet’s own.', p.index, p.ceremony, {
        kind: 'address',
      });
    } else if (b.challengeSha256 !== hash || open.challengeSha256 !== hash) {
      f.error('PROOF_NOT_VALID', 'The proof of control is not over the challenge the opening records.', p.index, p.ceremony, { kind: 'challenge' });
    } else if (!proofSignatureValid(chain, address, challenge, String(b.method), String(b.signature))) {
      f.error('PROOF_NOT_VALID', 'The signature of the proof of control does not verify.', p.index, p.ceremony, { kind: 'signature' });
    }
  }

  /**
   * A reshare closes only once every share of the set it retires that was still held is destroyed
   * in it (ADR 0032): one left would still count toward rebuilding the key outside any ceremony.
   */
  private oldSharesLeft(p: EntryPayload, walletId: string, setId: string): void {
    const wallet = this.wallets.byId.get(walletId);
    const set = wallet?.formerSets.find((f) => f.setId === setId) ?? (wallet?.setId === setId ? wallet : undefined);
    for (const share of set?.shares.filter((s) => s.state === 'held') ?? []) {
      this.findings.error(
        'OLD_SHARE_NOT_DESTROYED',
        `The reshare closed and share ${share.index} of the old set ${setId.slice(0, 16)} was not destroyed in it.`,
        p.index,
        p.ceremony,
        { index: share.index },
      );
    }
  }

  /**
   * A bag found broken or missing opens its incident in the same ceremony, which only a procedure
   * with a `seal-incident` step can do (backup-drill@2 and the others listed above): anywhere else the presentation is
   * reported at once.
   */
  private sealFound(p: EntryPayload, c: Pending, procedure: ProcedureDefinition): void {
    const bag = isObject(p.body.bag) ? p.body.bag : {};
    if (bag.state !== 'broken' && bag.state !== 'missing') return;
    const index = typeof p.body.index === 'number' ? p.body.index : -1;
    if (procedure.steps.some((s) => s.id === 'seal-incident')) c.seals.push(index);
    else {
      this.findings.error(
        'SEAL_INCIDENT_MISSING',
        `Share ${index} was presented with its bag ${String(bag.state)} in a ceremony that opens no incident for it.`,
        p.index,
        p.ceremony,
        {
          index,
          kind: 'not-a-drill',
        },
      );
    }
  }

  /**
   * A ceremony goes past its presentations (rebuilds the wallet, imports what it signs, hands a share
   * over) only once the incident of every broken or missing bag is opened; each is reported once.
   */
  private sealsLeftUnopened(p: EntryPayload, c: Pending): void {
    for (const index of c.seals) {
      this.findings.error(
        'SEAL_INCIDENT_MISSING',
        `Share ${index} was presented with its bag broken or missing, and the ceremony went on without opening its incident.`,
        p.index,
        p.ceremony,
        {
          index,
          kind: 'not-opened',
        },
      );
    }
    c.seals = [];
  }

  /** A drill rebuilds the wallet only once every share it owes a proof has been presented. */
  private overdueLeftOut(p: EntryPayload, c: Pending): void {
    for (const share of c.owed.filter((i) => !c.presented.includes(i))) {
      this.findings.error(
        'OVERDUE_SHARE_LEFT_OUT',
        `Share ${share} was overdue for proof when the drill opened, and it was neither presented nor said unreachable.`,
        p.index,
        p.ceremony,
        { share },
      );
    }
  }

  private airGap(p: EntryPayload): void {
    const evidence = p.body.airGap;
    if (!isObject(evidence) || typeof evidence.online !== 'boolean' || !Array.isArray(evidence.reasons) || typeof evidence.root !== 'string') {
      this.findings.error('AIRGAP_EVIDENCE_MISSING', 'The opening entry carries no air-gap evidence.', p.index, p.ceremony);
    } else if (evidence.root !== '/') {
      this.findings.warning(
        'AIRGAP_NOT_LIVE',
        `The air-gap evidence was read under ${evidence.root.slice(0, 200)}, not from the live system: a recorded deviation.`,
        p.index,
        p.ceremony,
        {
          root: evidence.root.slice(0, 200),
        },
      );
    }
  }

  private preconditions(p: EntryPayload, procedure: ProcedureDefinition): void {
    const f = this.findings;
    for (const rule of procedure.preconditions ?? []) {
      const id = p.body[rule.field];
      const wallet = typeof id === 'string' ? this.wallets.byId.get(id) : undefined;
      if (!wallet) {
        f.error('WALLET_STATE_INVALID', `${procedure.id} names a wallet the record does not hold.`, p.index, p.ceremony, {
          kind: 'unknown',
          wallet: String(id),
        });
      } else if (!rule.states.includes(wallet.state) || (rule.classes && !rule.classes.includes(wallet.class))) {
        f.error('WALLET_STATE_INVALID', `${procedure.id} may not run on ${wallet.id}, a ${wallet.class} wallet that is ${wallet.state}.`, p.index, p.ceremony, {
          kind: 'state',
          wallet: wallet.id,
          state: wallet.state,
        });
      } else if (procedure.id === 'destruction' && !basisFits(p.body.basis, wallet.state)) {
        f.error(
          'WALLET_STATE_INVALID',
          `A destruction on the basis "${String(p.body.basis)}" of ${wallet.id}, which is ${wallet.state}.`,
          p.index,
          p.ceremony,
          {
            kind: 'state',
            wallet: wallet.id,
            state: wallet.state,
          },
        );
      }
    }
  }

  private commitment(p: EntryPayload, shares: readonly { index: number; commitment: string }[] | undefined, kind: 'presented' | 'handed-over'): void {
    const share = shares?.find((s) => s.index === p.body.index);
    if (!share || share.commitment !== p.body.commitment) {
      this.findings.error(
        'SHARE_COMMITMENT_MISMATCH',
        `A share ${kind} is not one the record holds for its wallet (index or commitment).`,
        p.index,
        p.ceremony,
        {
          kind: kind === 'presented' ? 'presented' : 'handed-over',
          index: typeof p.body.index === 'number' ? p.body.index : -1,
        },
      );
    }
  }

  /**
   * An Ethereum transfer imported: a restitution's moves the approved asset, destination and amount; a
   * sweep's pays no address it comes from; neither reuses a nonce signed for before or imported in
   * the same ceremony.
   */
  private ethImport(p: EntryPayload, c: Pending): void {
    const b = p.body;
    const nonce = nonceKey(b.chainId, b.from, b.nonce);
    if (this.wallets.usedNonces.has(nonce) || c.ethImports.some((e) => e.nonce === nonce)) {
      this.findings.error(
        'OUTPUTS_NOT_APPROVED',
        `The imported transfer reuses nonce ${String(b.nonce).slice(0, 24)}, already signed for from its address.`,
        p.index,
        p.ceremony,
        {
          kind: 'nonce',
          step: p.step,
        },
      );
    }
    c.ethImports.push({ digest: digestOf(b), nonce });
    if (p.step === 'import-eth-request') this.approvedEthTransfer(p, c);
    else if (typeof b.destination !== 'string' || typeof b.from !== 'string' || b.destination.toLowerCase() === b.from.toLowerCase()) {
      this.findings.error('OUTPUTS_NOT_APPROVED', 'The sweep returns a transfer to the compromised wallet.', p.index, p.ceremony, {
        kind: 'sweep',
        step: p.step,
      });
    } else if (!this.replacementPays(p, 'ethereum', b.destination.toLowerCase())) this.sweepForeign(p);
  }

  /**
   * Whether `address` is one a sweep may pay: on `chain`, one of the first addresses of the account of
   * the replacement this rotation created (replacement-addresses.ts, from its recorded public key).
   */
  private replacementPays(p: EntryPayload, chain: string, address: string): boolean {
    const account = this.wallets.created(p.ceremony)?.accounts.find((a) => a.chain === chain);
    return account !== undefined && typeof account.xpub === 'string' && isSweepAddress(chain, account.xpub, address);
  }

  private sweepForeign(p: EntryPayload): void {
    this.findings.error('OUTPUTS_NOT_APPROVED', "The sweep pays an address that is not one of the replacement wallet's.", p.index, p.ceremony, {
      kind: 'sweep-foreign',
      step: p.step,
    });
  }

  /** A restitution's Ethereum transfer moves the approved asset, destination and amount. */
  private approvedEthTransfer(p: EntryPayload, c: Pending): void {
    const b = p.body;
    const asset = isObject(b.asset) ? b.asset : {};
    const approved = c.approved;
    const same =
      approved !== null &&
      typeof b.destination === 'string' &&
      b.destination.toLowerCase() === approved.destination.toLowerCase() &&
      b.amount === approved.amount &&
      asset.symbol === approved.asset;
    if (!same) {
      this.findings.error(
        'OUTPUTS_NOT_APPROVED',
        'The imported transfer does not move exactly the approved asset, destination and amount.',
        p.index,
        p.ceremony,
        {
          kind: 'restitution',
          step: p.step,
        },
      );
    }
  }

  private approvedOutputs(p: EntryPayload, outputs: Body[], c: Pending): void {
    const payments = outputs.filter((o) => o.change !== true);
    const paid = payments.length === 1 ? payments[0]! : undefined;
    if (!c.approved || !paid || paid.address !== c.approved.destination || paid.amount !== c.approved.amount) {
      this.findings.error('OUTPUTS_NOT_APPROVED', 'The imported transaction does not pay exactly the approved destination and amount.', p.index, p.ceremony, {
        kind: 'restitution',
        step: p.step,
      });
    }
  }
}

/**
 * Whether a destruction's basis fits the wallet's state: "retired" a retired wallet, "aborted" the
 * handed-over shares of an aborted creation (destruction@2), "zero-balance" an active or compromised
 * wallet whose empty balance is attested in the ceremony.
 */
function basisFits(basis: unknown, state: string): boolean {
  if (basis === 'retired') return state === 'retired';
  if (basis === 'aborted') return state === 'aborted';
  return basis === 'zero-balance' && state !== 'aborted';
}
