/**
 * The crypto core: executes protocol requests (protocol.ts) against secrets it holds by handle and
 * answers with public results. This is the only place that combines the core's parts; the host entry
 * in main/crypto-host wires it to a MessagePort. Every error leaving here is a CryptoError with a
 * stable code and a message free of secrets; anything else becomes INTERNAL without its text.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { HDKey } from '@scure/bip32';
import { generateEntropy } from './entropy.ts';
import { HandleTable } from './handle-table.ts';
import {
  CryptoError,
  OPERATIONS,
  type Operation,
  type Params,
  type RequestMessage,
  type ResponseMessage,
  type Result,
  type ShareInfo,
  type Handle,
} from './protocol.ts';
import { parseEthRequest } from './eth-request.ts';
import { reviewEthTransfer } from './eth-review.ts';
import { signReviewedEth } from './eth-sign.ts';
import { signMessageProof } from './message-proof.ts';
import { checkBitcoinNetwork, parsePsbt, reviewPsbt } from './psbt-review.ts';
import { signReviewed } from './psbt-sign.ts';
import { SealedKind, WRITE_PARAMS, checkPassphrase, open, publicKeyInHeader, seal } from './sealed-file.ts';
import { wipe } from './secret-bytes.ts';
import { commitment, decodeEnvelope } from './share-envelope.ts';
import { envelopeToQr, envelopeToWords, wordsToEnvelope } from './share-words.ts';
import { combineEnvelopes, splitEntropy } from './shamir-shares.ts';
import { keyId, newSecretKey, parsePublicKey, publicKeyOf, signDigest, spkiDer, verifyDigest } from './signing-key.ts';
import { accountPath, accountPublicKey, checkChains, deriveAddresses, describeWallet, withMasterKey } from './wallet-accounts.ts';

const CORE_VERSION = '1';

type Handler<O extends Operation> = (params: Params<O>) => Result<O> | Promise<Result<O>>;

function checkCeremonyId(id: unknown): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9._:-]{1,128}$/u.test(id)) {
    throw new CryptoError('CEREMONY_ID_INVALID', 'A ceremony id is 1 to 128 letters, digits or the signs . _ : - only.');
  }
  return id;
}

function bytesParam(value: unknown, name: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new CryptoError('BAD_REQUEST', `${name} must be bytes.`, { param: name });
  return value;
}

function shareInfo(share: Handle, envelope: Uint8Array): ShareInfo {
  const e = decodeEnvelope(envelope);
  try {
    return {
      share,
      setId: bytesToHex(e.setId),
      fingerprint: bytesToHex(e.fingerprint),
      threshold: e.threshold,
      shareCount: e.shareCount,
      index: e.index,
      commitment: commitment(envelope),
    };
  } finally {
    wipe(e.share);
  }
}

export function createCore() {
  const table = new HandleTable();

  /** Runs `fn` on the public BIP84 account key of a wallet (no private part). */
  function withAccount<T>(entropy: Uint8Array, path: string, fn: (account: HDKey) => T): T {
    return withMasterKey(entropy, (master) => {
      const derived = master.derive(path);
      const account = new HDKey({ chainCode: derived.chainCode!, publicKey: derived.publicKey! });
      derived.wipePrivateData();
      return fn(account);
    });
  }

  /**
   * Holds a share's envelope, just read from words or a sealed file, under a new handle for the
   * ceremony and describes it; an envelope that is not a valid share is wiped, and the error thrown.
   */
  function holdImportedShare(ceremonyId: string, envelope: Uint8Array) {
    try {
      const info = shareInfo('' as Handle, envelope);
      return { ...info, share: table.add({ kind: 'share', ceremonyId, envelope }) };
    } catch (error) {
      wipe(envelope);
      throw error;
    }
  }

  const handlers: { [O in Operation]: Handler<O> } = {
    ping: () => ({ version: CORE_VERSION }),

    generateWallet: (p) => {
      const ceremonyId = checkCeremonyId(p.ceremonyId);
      const chains = checkChains(p.chains);
      const { entropy, report } = generateEntropy(p.dice);
      try {
        const info = describeWallet(entropy, chains, p.addressCount);
        const wallet = table.add({ kind: 'wallet', ceremonyId, entropy, fingerprint: info.fingerprint });
        return { wallet, ...info, entropy: report };
      } catch (error) {
        wipe(entropy);
        throw error;
      }
    },

    describeWallet: (p) => {
      const slot = table.get(p.wallet, 'wallet');
      return { wallet: p.wallet, ...describeWallet(slot.entropy, checkChains(p.chains), p.addressCount) };
    },

    deriveAddresses: (p) => ({ addresses: deriveAddresses(p.chain, p.xpub, p.branch, p.from, p.count) }),

    splitWallet: async (p) => {
      const slot = table.get(p.wallet, 'wallet');
      const { setId, shares } = await splitEntropy(slot.entropy, slot.fingerprint, p.threshold, p.shareCount);
      return {
        setId,
        threshold: p.threshold,
        shareCount: p.shareCount,
        shares: shares.map((s) => shareInfo(table.add({ kind: 'share', ceremonyId: slot.ceremonyId, envelope: s.envelope }), s.envelope)),
      };
    },

    exportShareWords: (p) => {
      const { envelope } = table.get(p.share, 'share');
      const info = shareInfo(p.share, envelope);
      return { index: info.index, setId: info.setId, words: envelopeToWords(envelope), qr: envelopeToQr(envelope) };
    },

    exportShareFile: (p) => {
      const { envelope } = table.get(p.share, 'share');
      const info = shareInfo(p.share, envelope);
      return {
        index: info.index,
        setId: info.setId,
        file: seal(SealedKind.share, envelope, p.passphrase),
        fileName: `custos-share-${info.fingerprint}-${info.setId.slice(0, 8)}-${info.index}of${info.shareCount}.cshare`,
      };
    },

    importShareWords: (p) => {
      const ceremonyId = checkCeremonyId(p.ceremonyId);
      if (typeof p.words !== 'string') throw new CryptoError('BAD_REQUEST', 'words must be text.', { param: 'words' });
      return holdImportedShare(ceremonyId, wordsToEnvelope(p.words));
    },

    importShareFile: (p) => {
      const ceremonyId = checkCeremonyId(p.ceremonyId);
      return holdImportedShare(ceremonyId, open(SealedKind.share, bytesParam(p.file, 'file'), p.passphrase));
    },

    combineShares: async (p) => {
      const ceremonyId = checkCeremonyId(p.ceremonyId);
      const chains = checkChains(p.chains);
      if (!Array.isArray(p.shares)) throw new CryptoError('BAD_REQUEST', 'shares must be a list.', { param: 'shares' });
      const envelopes = p.shares.map((h) => table.get(h, 'share').envelope);
      const entropy = await combineEnvelopes(envelopes, p.expectedFingerprint);
      try {
        const info = describeWallet(entropy, chains, p.addressCount);
        return { wallet: table.add({ kind: 'wallet', ceremonyId, entropy, fingerprint: info.fingerprint }), ...info };
      } catch (error) {
        wipe(entropy);
        throw error;
      }
    },

    // A review needs no secret: the recorded account key (public) and the master fingerprint.
    reviewPsbt: (p) => {
      const tx = parsePsbt(p.psbt);
      const network = checkBitcoinNetwork(p.network);
      if (typeof p.fingerprint !== 'string' || !/^[0-9a-f]{8}$/u.test(p.fingerprint)) {
        throw new CryptoError('BAD_REQUEST', 'fingerprint must be 8 lower-case hexadecimal digits.', { param: 'fingerprint' });
      }
      return reviewPsbt(tx, p.fingerprint, accountPublicKey(network, p.xpub), network).summary;
    },

    signPsbt: (p) => {
      const slot = table.get(p.wallet, 'wallet');
      const tx = parsePsbt(p.psbt);
      const path = accountPath(p.network);
      const { summary, plan } = withAccount(slot.entropy, path, (account) => reviewPsbt(tx, slot.fingerprint, account, p.network));
      return withMasterKey(slot.entropy, (master) => signReviewed(tx, master, plan, summary, p.approvedDigest));
    },

    reviewEthTransfer: (p) => {
      const request = parseEthRequest(p.request);
      return reviewEthTransfer(request, accountPublicKey('ethereum', p.xpub), p.network, p.tokens, p.maxFeeWei).summary;
    },

    signEthTransfer: (p) => {
      const slot = table.get(p.wallet, 'wallet');
      const request = parseEthRequest(p.request);
      const reviewed = withAccount(slot.entropy, accountPath('ethereum'), (account) => reviewEthTransfer(request, account, p.network, p.tokens, p.maxFeeWei));
      return withMasterKey(slot.entropy, (master) => signReviewedEth(reviewed, master, p.approvedDigest));
    },

    signMessage: (p) => {
      const slot = table.get(p.wallet, 'wallet');
      const [chain] = checkChains([p.chain]);
      return withMasterKey(slot.entropy, (master) => signMessageProof(master, chain!, p.index, bytesParam(p.message, 'message'), String(p.address)));
    },

    createSigningKey: (p) => {
      checkPassphrase(p.passphrase);
      const secretKey = newSecretKey();
      try {
        const publicKey = publicKeyOf(secretKey);
        return {
          keyId: keyId(publicKey),
          publicKey: bytesToHex(publicKey),
          spki: bytesToHex(spkiDer(publicKey)),
          keyFile: seal(SealedKind.signingKey, secretKey, p.passphrase, WRITE_PARAMS, publicKey),
        };
      } finally {
        wipe(secretKey);
      }
    },

    readKeyCard: (p) => {
      const publicKey = publicKeyInHeader(bytesParam(p.keyFile, 'keyFile'));
      return { card: publicKey ? { keyId: keyId(publicKey), publicKey: bytesToHex(publicKey) } : null };
    },

    unlockSigningKey: (p) => {
      const ceremonyId = checkCeremonyId(p.ceremonyId);
      const keyFile = bytesParam(p.keyFile, 'keyFile');
      const secretKey = open(SealedKind.signingKey, keyFile, p.passphrase);
      try {
        const publicKey = publicKeyOf(secretKey);
        const carried = publicKeyInHeader(keyFile);
        if (carried && bytesToHex(carried) !== bytesToHex(publicKey)) {
          throw new CryptoError('SEALED_FILE_MALFORMED', 'This key file names another public key than the key it holds. Nothing was unlocked.');
        }
        const id = keyId(publicKey);
        return { key: table.add({ kind: 'key', ceremonyId, secretKey, keyId: id }), keyId: id, publicKey: bytesToHex(publicKey) };
      } catch (error) {
        wipe(secretKey);
        throw error;
      }
    },

    signDigest: (p) => ({ signature: signDigest(table.get(p.key, 'key').secretKey, bytesParam(p.digest, 'digest')) }),

    verifyDigest: (p) => ({
      valid: verifyDigest(parsePublicKey(p.publicKey), bytesParam(p.digest, 'digest'), bytesParam(p.signature, 'signature')),
    }),

    releaseHandle: (p) => ({ released: table.release(p.handle) }),

    endCeremony: (p) => ({ released: table.endCeremony(checkCeremonyId(p.ceremonyId)) }),
  };

  async function handle(message: unknown): Promise<ResponseMessage> {
    const request = message as RequestMessage;
    const id = request && typeof request.id === 'number' ? request.id : -1;
    try {
      if (!request || typeof request !== 'object' || !request.params || typeof request.params !== 'object') {
        throw new CryptoError('BAD_REQUEST', 'A request needs an id, an operation and parameters.');
      }
      if (!OPERATIONS.includes(request.op)) {
        throw new CryptoError('UNKNOWN_OPERATION', 'The crypto core has no such operation.', { op: String(request.op).slice(0, 40) });
      }
      const handler = handlers[request.op] as Handler<Operation>;
      return { id, ok: true, result: await handler(request.params) };
    } catch (error) {
      const body =
        error instanceof CryptoError ? error.toBody() : new CryptoError('INTERNAL', 'The crypto core failed unexpectedly. No secret was released.').toBody();
      return { id, ok: false, error: body };
    }
  }

  return { handle, wipeAll: () => table.wipeAll(), heldSecrets: () => table.size };
}
