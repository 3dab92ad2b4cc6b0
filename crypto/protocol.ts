/**
 * The crypto core's whole face: the messages it accepts, the public results it returns, its error
 * codes, and a transport-agnostic client. Nothing else in `crypto/` may be imported from outside it
 * (docs/architecture.md, "Import rules"). Secrets never cross this boundary: callers hold opaque
 * handles; the only secret that leaves is a share on its way to its holder (words, or a file sealed
 * to the holder's passphrase). Spec: docs/crypto-core.md; error codes: docs/errors.md.
 */

import type { DetailName } from '../common/errors/registry.ts';

/** Opaque reference to a secret that lives in the core. Dies with its ceremony. */
export type Handle = string & { readonly __handle: unique symbol };

export type BitcoinNetwork = 'bitcoin' | 'testnet' | 'regtest';
export type Chain = BitcoinNetwork | 'ethereum';
export const CHAINS: readonly Chain[] = ['bitcoin', 'testnet', 'regtest', 'ethereum'];

/** What may be recorded about the entropy: counts and test results, never values. */
export interface EntropyReport {
  osBits: number;
  diceRolls: number;
  /** Bits of entropy the dice contribute at most: rolls × log2(6), capped at 256. */
  diceBits: number;
  /** True when the dice alone carry the full 256 bits (≥ 99 rolls). */
  diceFullStrength: boolean;
  /** Pearson chi-square statistic over the six faces (df = 5), or null when no dice. */
  chiSquare: number | null;
  /** True when the rolls look biased (chi-square above the 1 % critical value 15.086). */
  diceBiasSuspected: boolean;
  /** True when there are too few rolls (< 30) for the bias test to mean anything. */
  diceTooFewForBiasTest: boolean;
}

export interface AccountInfo {
  chain: Chain;
  /** Derivation path of the account, e.g. m/84'/0'/0'. */
  path: string;
  /** Account extended public key (xpub for mainnet and Ethereum, tpub for test networks). */
  xpub: string;
  /** Bitcoin only: BIP380 descriptor with checksum, receive and change in one (BIP389 <0;1>). */
  descriptor?: string;
  receiveDescriptor?: string;
  changeDescriptor?: string;
  /** First receive addresses, index 0 upward. */
  addresses: string[];
}

export interface WalletInfo {
  wallet: Handle;
  /** BIP32 master key fingerprint, 8 lowercase hex characters. */
  fingerprint: string;
  accounts: AccountInfo[];
}

export interface ShareInfo {
  share: Handle;
  /** Binds the shares of one split: 16 lowercase hex characters. */
  setId: string;
  fingerprint: string;
  threshold: number;
  shareCount: number;
  /** 1-based position of the share in its set. */
  index: number;
  /** SHA-256 commitment to the share envelope, fixed at split time (64 hex). */
  commitment: string;
}

interface SplitResult {
  setId: string;
  threshold: number;
  shareCount: number;
  shares: ShareInfo[];
}

interface ShareWords {
  index: number;
  setId: string;
  words: string[];
  /** QR payload, QR alphanumeric mode: "CUSTOS-SHARE1:" + RFC 4648 base32 of the envelope. */
  qr: string;
}

interface SealedShareFile {
  index: number;
  setId: string;
  /** docs/share-format.md "Sealed file". Safe to write to the holder's medium. */
  file: Uint8Array;
  fileName: string;
}

interface PsbtInputSummary {
  outpoint: string;
  amount: string;
  path: string;
}

interface PsbtOutputSummary {
  address: string;
  /** Satoshis, decimal string. */
  amount: string;
  /** True when the output pays back to this wallet (checked against its derivation). */
  change: boolean;
  path?: string;
}

export interface PsbtSummary {
  network: BitcoinNetwork;
  inputs: PsbtInputSummary[];
  outputs: PsbtOutputSummary[];
  /** Sum of inputs, outputs and the fee, satoshis as decimal strings. */
  totalIn: string;
  totalOut: string;
  fee: string;
  /** Fee rate in sat/vB, estimated from the transaction's shape, one decimal. */
  feeRate: string;
  /** SHA-256 over the canonical summary: what approvers approve and signPsbt demands back. */
  digest: string;
}

export interface SignedTransaction {
  summary: PsbtSummary;
  /** The finalized PSBT (BIP174), ready for a coordinator. */
  psbt: Uint8Array;
  /** The raw network transaction, hex. */
  transactionHex: string;
  txid: string;
}

/** The Ethereum networks the core signs for, by the chain id (EIP-155) their transactions carry. */
export const ETH_NETWORKS = { mainnet: 1n, sepolia: 11155111n, holesky: 17000n } as const;
export type EthNetwork = keyof typeof ETH_NETWORKS;

/** A token the station knows (adopted by a signed ceremony, never fetched): an ERC-20 contract on one chain. */
export interface EthToken {
  /** EIP-155 chain id, decimal text. */
  chainId: string;
  /** The token contract, EIP-55. */
  contract: string;
  symbol: string;
  decimals: number;
}

/** What an Ethereum transfer does, for humans to approve; every integer is decimal text. */
export interface EthTransferSummary {
  network: EthNetwork;
  chainId: string;
  /** The wallet's own address that pays, EIP-55, and its path. */
  from: string;
  path: string;
  /** Ether, or the listed token the transfer moves. */
  asset: { kind: 'ether'; symbol: 'ETH'; decimals: 18 } | { kind: 'erc20'; contract: string; symbol: string; decimals: number };
  /** Who receives the asset (for a token, the recipient in the call, not the contract). */
  destination: string;
  /** In the asset's smallest unit (wei, or the token's base unit). */
  amount: string;
  nonce: string;
  gasLimit: string;
  maxFeePerGas: string;
  maxPriorityFeePerGas: string;
  /** gasLimit × maxFeePerGas, in wei: the most the transfer can cost. */
  maxFee: string;
  /** SHA-256 over the canonical summary: what approvers approve and signEthTransfer demands back. */
  digest: string;
}

export interface SignedEthTransfer {
  summary: EthTransferSummary;
  /** The signed EIP-2718 transaction, 0x and hex: what the coordinator broadcasts. */
  rawTransaction: string;
  /** Its keccak-256 hash, 0x and hex: the transaction's id on chain. */
  hash: string;
}

interface EthTransferParams {
  /** The coordinator's request file, custos-eth-request/1 (docs/transfer-exchange.md). */
  request: Uint8Array;
  network: EthNetwork;
  /** The station's token list; a contract call is signed only as a listed token's transfer. */
  tokens: EthToken[];
  /** The most, in wei (decimal text), the transfer may cost in fees. */
  maxFeeWei: string;
}

/** A message signed to prove control of an address (docs/proof-of-control.md): public, safe to record. */
export interface MessageProof {
  chain: Chain;
  /** The address signed for: a P2WPKH receive address, or an EIP-55 Ethereum address. */
  address: string;
  /** Its derivation path: the account's receive branch, index i. */
  path: string;
  /** BIP-322 "simple" on Bitcoin, EIP-191 personal_sign on Ethereum. */
  method: 'bip322-simple' | 'eip191';
  /** SHA-256 of the message signed, hex. */
  messageSha256: string;
  /** The BIP-322 witness, base64; or r ‖ s ‖ v, 0x-hex. */
  signature: string;
}

interface NewSigningKey {
  keyId: string;
  /** Compressed SEC1 public key, hex. */
  publicKey: string;
  /** SubjectPublicKeyInfo DER, hex: what OpenSSL reads. */
  spki: string;
  /** The private key sealed to the participant's passphrase (docs/share-format.md "Sealed file"). */
  keyFile: Uint8Array;
}

interface UnlockedKey {
  key: Handle;
  keyId: string;
  publicKey: string;
}

/** Every request the core accepts, by operation name. */
interface Requests {
  ping: { params: Record<string, never>; result: { version: string } };
  generateWallet: {
    params: { ceremonyId: string; chains: Chain[]; dice?: string; addressCount?: number };
    result: WalletInfo & { entropy: EntropyReport };
  };
  describeWallet: { params: { wallet: Handle; chains: Chain[]; addressCount?: number }; result: WalletInfo };
  /** Public derivation from a recorded account key: addresses `from`…`from+count-1` of a branch (0 receive, 1 change). */
  deriveAddresses: { params: { chain: Chain; xpub: string; branch: 0 | 1; from: number; count: number }; result: { addresses: string[] } };
  splitWallet: { params: { wallet: Handle; threshold: number; shareCount: number }; result: SplitResult };
  exportShareWords: { params: { share: Handle }; result: ShareWords };
  exportShareFile: { params: { share: Handle; passphrase: string }; result: SealedShareFile };
  importShareWords: { params: { ceremonyId: string; words: string }; result: ShareInfo };
  importShareFile: { params: { ceremonyId: string; file: Uint8Array; passphrase: string }; result: ShareInfo };
  combineShares: {
    params: { ceremonyId: string; shares: Handle[]; expectedFingerprint: string; chains: Chain[]; addressCount?: number };
    result: WalletInfo;
  };
  /**
   * Reviews a PSBT against the wallet's recorded account key on that network (`xpub`, public only)
   * and master fingerprint: no secret is needed, so it runs before any holder unlocks a share.
   * signPsbt reviews it again with the rebuilt wallet and signs only the same digest.
   */
  reviewPsbt: { params: { xpub: string; fingerprint: string; psbt: Uint8Array; network: BitcoinNetwork }; result: PsbtSummary };
  signPsbt: {
    params: { wallet: Handle; psbt: Uint8Array; network: BitcoinNetwork; approvedDigest: string };
    result: SignedTransaction;
  };
  /** Reviews a transfer request against the wallet's recorded Ethereum account key (`xpub`, public only), as reviewPsbt. */
  reviewEthTransfer: { params: EthTransferParams & { xpub: string }; result: EthTransferSummary };
  signEthTransfer: { params: EthTransferParams & { wallet: Handle; approvedDigest: string }; result: SignedEthTransfer };
  /** Signs a challenge with receive key `index` of the wallet's `chain` account, which must be `address`, to prove control of it (no funds move). */
  signMessage: { params: { wallet: Handle; chain: Chain; index: number; address: string; message: Uint8Array }; result: MessageProof };
  createSigningKey: { params: { passphrase: string }; result: NewSigningKey };
  /** The public key a signing-key file carries in its header (version 2), without its passphrase; null for an older file. */
  readKeyCard: { params: { keyFile: Uint8Array }; result: { card: { keyId: string; publicKey: string } | null } };
  unlockSigningKey: { params: { ceremonyId: string; keyFile: Uint8Array; passphrase: string }; result: UnlockedKey };
  signDigest: { params: { key: Handle; digest: Uint8Array }; result: { signature: Uint8Array } };
  verifyDigest: {
    params: { publicKey: string; digest: Uint8Array; signature: Uint8Array };
    result: { valid: boolean };
  };
  releaseHandle: { params: { handle: Handle }; result: { released: boolean } };
  endCeremony: { params: { ceremonyId: string }; result: { released: number } };
}

export type Operation = keyof Requests;
export type Params<O extends Operation> = Requests[O]['params'];
export type Result<O extends Operation> = Requests[O]['result'];

export const OPERATIONS: readonly Operation[] = [
  'ping',
  'generateWallet',
  'describeWallet',
  'deriveAddresses',
  'splitWallet',
  'exportShareWords',
  'exportShareFile',
  'importShareWords',
  'importShareFile',
  'combineShares',
  'reviewPsbt',
  'signPsbt',
  'reviewEthTransfer',
  'signEthTransfer',
  'signMessage',
  'createSigningKey',
  'readKeyCard',
  'unlockSigningKey',
  'signDigest',
  'verifyDigest',
  'releaseHandle',
  'endCeremony',
];

export interface RequestMessage<O extends Operation = Operation> {
  id: number;
  op: O;
  params: Params<O>;
}

export interface ErrorBody {
  code: CryptoErrorCode;
  message: string;
  details: Record<string, string | number | boolean>;
}

export type ResponseMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ErrorBody };

/**
 * Stable error codes. Messages are free of secrets: they say "word 7", never the word.
 * docs/errors.md lists each with what it means for keys and what to do.
 */
export const CRYPTO_ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_OPERATION',
  'UNKNOWN_HANDLE',
  'HANDLE_WRONG_KIND',
  'CEREMONY_ID_INVALID',
  'CHAINS_INVALID',
  'DICE_INVALID',
  'THRESHOLD_INVALID',
  'PASSPHRASE_TOO_SHORT',
  'SHARE_WORD_UNKNOWN',
  'SHARE_WORD_COUNT',
  'SHARE_PADDING',
  'SHARE_CHECKSUM',
  'SHARE_VERSION_UNKNOWN',
  'SHARE_MALFORMED',
  'SHARES_TOO_FEW',
  'SHARES_DUPLICATE',
  'SHARES_MIXED_SETS',
  'SHARES_FINGERPRINT_MISMATCH',
  'SEALED_FILE_MALFORMED',
  'SEALED_FILE_VERSION',
  'SEALED_FILE_KIND',
  'SEALED_FILE_PARAMS',
  'SEALED_FILE_DECRYPT',
  'SIGNING_KEY_INVALID',
  'DIGEST_INVALID',
  'PUBLIC_KEY_INVALID',
  'SIGNATURE_MALFORMED',
  'PSBT_MALFORMED',
  'PSBT_NETWORK_INVALID',
  'PSBT_INPUT_FOREIGN',
  'PSBT_INPUT_NO_UTXO',
  'PSBT_INPUT_UNSUPPORTED',
  'PSBT_INPUT_KEY_MISMATCH',
  'PSBT_CHANGE_MISMATCH',
  'PSBT_FEE_NEGATIVE',
  'PSBT_FEE_ABSURD',
  'PSBT_NOT_APPROVED',
  'PSBT_SIGN_FAILED',
  'ETH_REQUEST_MALFORMED',
  'ETH_CHAIN_REFUSED',
  'ETH_FROM_FOREIGN',
  'ETH_CALL_REFUSED',
  'ETH_FEE_TOO_HIGH',
  'ETH_NOT_APPROVED',
  'ETH_SIGN_FAILED',
  'MESSAGE_SIGN_FAILED',
  'INTERNAL',
] as const;
export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[number];

/** The details a refusal with code C carries: those its registry entry names (never a secret). */
type CryptoDetails<C extends CryptoErrorCode> = [DetailName<C>] extends [never]
  ? [details?: Record<string, string | number | boolean>]
  : [details: { readonly [K in DetailName<C>]: string | number | boolean } & Record<string, string | number | boolean>];

/**
 * The one error type of the core. Travels as {code, message, details} across the port. Each code is
 * declared in the error registry (common/errors/crypto-errors.ts) with the details it must carry.
 */
export class CryptoError<C extends CryptoErrorCode = CryptoErrorCode> extends Error {
  readonly code: C;
  readonly details: Record<string, string | number | boolean>;
  constructor(code: C, message: string, ...details: CryptoDetails<C>) {
    super(message);
    this.name = 'CryptoError';
    this.code = code;
    this.details = { ...details[0] };
  }

  /** A refusal the core sent across the port, told again as it came (its details are its code's). */
  static told(body: ErrorBody): CryptoError {
    // The same constructor, without the per-code check of the details: the core checked them when it raised it.
    const Untyped = CryptoError as unknown as new (code: CryptoErrorCode, message: string, details: ErrorBody['details']) => CryptoError;
    return new Untyped(body.code, body.message, body.details);
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, details: { ...this.details } };
  }
}

/** The minimum a transport must offer: Node's MessagePort and Electron's MessagePortMain both fit. */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  close(): void;
}

/** Electron's MessagePortMain wraps messages as {data}; Node's MessagePort does not. */
function unwrap(message: unknown): unknown {
  if (message && typeof message === 'object' && 'data' in message && !('id' in message)) {
    return (message as { data: unknown }).data;
  }
  return message;
}

/** Typed client for the core, whatever process hosts it. */
export class CryptoClient {
  private readonly port: PortLike;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private closedReason: CryptoError | null = null;

  constructor(port: PortLike) {
    this.port = port;
    port.on('message', (raw: unknown) => this.receive(unwrap(raw)));
  }

  call<O extends Operation>(op: O, params: Params<O>): Promise<Result<O>> {
    if (this.closedReason) return Promise.reject(this.closedReason);
    const id = this.nextId++;
    return new Promise<Result<O>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const message: RequestMessage<O> = { id, op, params };
      this.port.postMessage(message);
    });
  }

  /** Fail every pending call: the host is gone, and every secret it held with it. */
  fail(reason: CryptoError): void {
    this.closedReason = reason;
    for (const { reject } of this.pending.values()) reject(reason);
    this.pending.clear();
  }

  close(): void {
    this.fail(new CryptoError('INTERNAL', 'The crypto core was closed.'));
    this.port.close();
  }

  private receive(message: unknown): void {
    const response = message as ResponseMessage;
    if (!response || typeof response.id !== 'number') return;
    const waiter = this.pending.get(response.id);
    if (!waiter) return;
    this.pending.delete(response.id);
    if (response.ok) waiter.resolve(response.result);
    else waiter.reject(CryptoError.told(response.error));
  }
}
