/**
 * Issue 14, point 5: verify re-checks what entries mean, not only who signed them
 * (ceremonies/audit/meaning-rules.ts; docs/record-format.md, "Meaning"). Each case writes, with the
 * attacker toolkit and keys enough for every quorum (so that only the rule under test can catch
 * it), an entry the engine would have refused: an opening without air-gap evidence, evidence not
 * read from the live system, a procedure on a wallet in a state that forbids it, a share whose
 * commitment is not the recorded one, a restitution paying something else than was approved, a
 * signature over another transaction than the one imported, and an Ethereum transfer that pays
 * another destination or reuses a nonce already signed for, and a whole rotation whose sweeps pay
 * someone else than the replacement it creates, on Bitcoin and on Ethereum (issue 18), and a reshare
 * that closes with a share of its old set not destroyed, or hands over a share its split did not make,
 * and proofs of control signed by another key, for another address or over another challenge, and an
 * incident classified against its own criteria (issue 19).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { openDataDir } from '../../../../ceremonies/audit/journal-source.ts';
import { replayJournal } from '../../../../ceremonies/audit/replay.ts';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { HDKey } from '@scure/bip32';
import { signMessageProof } from '../../../../crypto/message-proof.ts';
import type { MessageProof } from '../../../../crypto/protocol.ts';
import { HDNodeWallet } from 'ethers';
import { expect, test } from 'vitest';
import { backupDrill } from '../../../../ceremonies/procedures/backup-drill.ts';
import { backupDrillV1 } from '../../../../ceremonies/procedures/retired/backup-drill-v1.ts';
import { compromiseRotation } from '../../../../ceremonies/procedures/compromise-rotation.ts';
import { destruction } from '../../../../ceremonies/procedures/destruction.ts';
import { enrolParticipant } from '../../../../ceremonies/procedures/enrol-participant.ts';
import { incident } from '../../../../ceremonies/procedures/incident.ts';
import { proofOfControl } from '../../../../ceremonies/procedures/proof-of-control.ts';
import { reshare } from '../../../../ceremonies/procedures/reshare.ts';
import { restitution } from '../../../../ceremonies/procedures/restitution.ts';
import { restitutionV1 } from '../../../../ceremonies/procedures/retired/restitution-v1.ts';
import { restitutionV2 } from '../../../../ceremonies/procedures/retired/restitution-v2.ts';
import type { Attacker, ForgedSigner } from '../../../support/attacker.ts';
import { accountKey, addressAt, foreignAddress } from '../../../support/psbt-builder.ts';
import { expectFinding, summary, useTamperStation, verifyDir, writeJournal } from '../../../support/tamper.ts';
import { OFFLINE_EVIDENCE, rosterEntry, testSigner, type TestSigner } from '../../../support/test-station.ts';
import { walletScene } from '../../../support/wallet-scene.ts';

const ctx = useTamperStation();
const officer = (): ForgedSigner => ({ signer: ctx.s.officer, role: 'officer' });
const witnesses = (n = 1): ForgedSigner[] => ctx.s.witnesses.slice(0, n).map((w) => ({ signer: w, role: 'witness' }));

type Procedure = Parameters<Attacker['append']>[0]['procedure'];

/** A holder presents share `index` in `ceremony` (one witness co-signs); returns the entry's index. */
function present(attacker: Attacker, ceremony: string, procedure: Procedure, index: number, holder: ForgedSigner['signer'], bag: object): number {
  const at = attacker.size;
  attacker.append({
    ceremony,
    type: 'step',
    step: 'present-share',
    procedure,
    signers: [{ signer: holder, role: 'holder' }, ...witnesses()],
    body: { index, commitment: `c${index}`, bag: bag as never },
  });
  return at;
}

/** Ends `ceremony` with an officer's and a witness's abort. */
function abort(attacker: Attacker, ceremony: string, procedure: Procedure): void {
  attacker.append({ ceremony, type: 'abort', step: 'abort', procedure, body: { reason: 'stopped' }, signers: [officer(), ...witnesses()] });
}

/** Verifies the scene's data directory (its checkpoints kept) with the attacker's lines. */
async function verifyLines(dir: string, attacker: Attacker) {
  writeJournal(dir, attacker.lines);
  return verifyDir(dir);
}

test('an opening without air-gap evidence: AIRGAP_EVIDENCE_MISSING', async () => {
  const { attacker, dir } = await walletScene(ctx.s, ctx.copy());
  const at = attacker.size;
  attacker.append({
    ceremony: 'enrol-x',
    type: 'open',
    step: 'open',
    procedure: enrolParticipant,
    body: { participant: rosterEntry(testSigner('x', ['holder'])) },
    signers: [officer()],
  });
  const report = await verifyLines(dir, attacker);
  expectFinding(report, 'AIRGAP_EVIDENCE_MISSING', at);
});

test('evidence read under another root than the live system: AIRGAP_NOT_LIVE, a recorded deviation (warning)', async () => {
  const { attacker, dir } = await walletScene(ctx.s, ctx.copy());
  const at = attacker.size;
  attacker.append({
    ceremony: 'enrol-x',
    type: 'open',
    step: 'open',
    procedure: enrolParticipant,
    body: { participant: rosterEntry(testSigner('x', ['holder'])), airGap: { ...OFFLINE_EVIDENCE, root: '/home/officer/fake-offline-laptop' } },
    signers: [officer()],
  });
  const report = await verifyLines(dir, attacker);
  expect(summary(report)).toEqual([]);
  expect(report.findings).toContainEqual(
    expect.objectContaining({
      severity: 'warning',
      code: 'AIRGAP_NOT_LIVE',
      index: at,
      details: { root: '/home/officer/fake-offline-laptop' },
    }),
  );
});

test('a drill of a wallet the record does not hold, and a destruction of an active wallet as if retired: WALLET_STATE_INVALID', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy());
  const drillAt = attacker.size;
  attacker.append({
    ceremony: 'drill-x',
    type: 'open',
    step: 'open',
    procedure: backupDrillV1,
    signers: [officer()],
    body: { wallet: 'no-such-wallet', fingerprint: null, setId: null, airGap: OFFLINE_EVIDENCE, build: 'test' },
  });
  attacker.append({
    ceremony: 'drill-x',
    type: 'abort',
    step: 'abort',
    procedure: backupDrillV1,
    body: { reason: 'test' },
    signers: [officer(), ...witnesses()],
  });
  const destroyAt = attacker.size;
  attacker.append({
    ceremony: 'destroy-x',
    type: 'open',
    step: 'open',
    procedure: destruction,
    signers: [officer()],
    body: { wallet, basis: 'retired', fingerprint: '0badf00d', airGap: OFFLINE_EVIDENCE, build: 'test' },
  });
  const report = await verifyLines(dir, attacker);
  expect(report.findings).toContainEqual(
    expect.objectContaining({ code: 'WALLET_STATE_INVALID', index: drillAt, details: { kind: 'unknown', wallet: 'no-such-wallet' } }),
  );
  expect(report.findings).toContainEqual(
    expect.objectContaining({ code: 'WALLET_STATE_INVALID', index: destroyAt, details: { kind: 'state', wallet, state: 'active' } }),
  );
});

test('a zero-balance destruction closed without its attestation: WALLET_STATE_INVALID', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy());
  const ceremony = 'destroy-z';
  attacker.append({
    ceremony,
    type: 'open',
    step: 'open',
    procedure: destruction,
    signers: [officer()],
    body: { wallet, basis: 'zero-balance', fingerprint: '0badf00d', airGap: OFFLINE_EVIDENCE, build: 'test' },
  });
  attacker.append({
    ceremony,
    type: 'step',
    step: 'destroy-share',
    procedure: destruction,
    signers: witnesses(),
    body: { index: 1, method: 'shred', mediaId: 'USB-1', bagSerial: 'BAG-1', filesOverwritten: [] },
  });
  const closeAt = attacker.size;
  attacker.append({ ceremony, type: 'close', step: 'close', procedure: destruction, body: { entries: 2 }, signers: [officer(), ...witnesses(2)] });
  const report = await verifyLines(dir, attacker);
  expect(report.findings).toContainEqual(expect.objectContaining({ code: 'WALLET_STATE_INVALID', index: closeAt, details: { kind: 'unattested', wallet } }));
});

test('a share presented with another commitment than the recorded one: SHARE_COMMITMENT_MISMATCH', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy());
  attacker.append({
    ceremony: 'drill-c',
    type: 'open',
    step: 'open',
    procedure: backupDrillV1,
    signers: [officer()],
    body: { wallet, fingerprint: '0badf00d', setId: 'set-1', airGap: OFFLINE_EVIDENCE, build: 'test' },
  });
  const good = attacker.size;
  attacker.append({
    ceremony: 'drill-c',
    type: 'step',
    step: 'present-share',
    procedure: backupDrillV1,
    signers: [{ signer: ctx.s.eve, role: 'holder' }, ...witnesses()],
    body: { index: 1, commitment: 'c1', bag: { state: 'intact' } },
  });
  const bad = attacker.size;
  attacker.append({
    ceremony: 'drill-c',
    type: 'step',
    step: 'present-share',
    procedure: backupDrillV1,
    signers: [{ signer: ctx.s.gus, role: 'holder' }, ...witnesses()],
    body: { index: 2, commitment: 'c-forged', bag: { state: 'intact' } },
  });
  const report = await verifyLines(dir, attacker);
  expect(report.findings).toContainEqual(expect.objectContaining({ code: 'SHARE_COMMITMENT_MISMATCH', index: bad, details: { kind: 'presented', index: 2 } }));
  expect(report.findings.filter((f) => f.index === good && f.severity === 'error')).toEqual([]);
});

/** Enrols an approver with the officer and a witness, as the scene's keys can. */
function enrolApprover(attacker: Attacker, person: TestSigner): void {
  const ceremony = `enrol-${person.keyid.slice(0, 8)}`;
  attacker.append({
    ceremony,
    type: 'open',
    step: 'open',
    procedure: enrolParticipant,
    body: { participant: rosterEntry(person), airGap: OFFLINE_EVIDENCE },
    signers: [officer()],
  });
  attacker.append({
    ceremony,
    type: 'step',
    step: 'prove-key',
    procedure: enrolParticipant,
    body: { keyid: person.keyid },
    signers: [{ signer: person, role: 'subject' }, ...witnesses()],
  });
  attacker.append({ ceremony, type: 'close', step: 'close', procedure: enrolParticipant, body: { entries: 2 }, signers: [officer(), ...witnesses()] });
}

test('a restitution (restitution@1) paying another amount than approved, and signing another transaction than imported: OUTPUTS_NOT_APPROVED, SIGNED_NOT_IMPORTED', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy(), 'client');
  const approvers = [testSigner('approver Ivo', ['approver']), testSigner('approver Jon', ['approver'])];
  for (const a of approvers) enrolApprover(attacker, a);
  const enrolled = await attacker.checkpoint([ctx.s.witnesses[0]!]);
  const ceremony = 'ret-1';
  const step = (stepId: string, body: Parameters<Attacker['append']>[0]['body'], signers: ForgedSigner[]) =>
    attacker.append({ ceremony, type: 'step', step: stepId, procedure: restitutionV1, body, signers });
  attacker.append({
    ceremony,
    type: 'open',
    step: 'open',
    procedure: restitutionV1,
    signers: [officer()],
    body: { wallet, clientRef: 'CL-1', request: { reference: 'RET-1' }, network: 'bitcoin', airGap: OFFLINE_EVIDENCE, build: 'test' },
  });
  step(
    'approve',
    { wallet, destination: 'bc1qclient', amount: '75000000', network: 'bitcoin' },
    approvers.map((a) => ({ signer: a, role: 'approver' })),
  );
  step('present-share', { index: 1, commitment: 'c1', bag: { state: 'intact' } }, [{ signer: ctx.s.eve, role: 'holder' }, ...witnesses()]);
  step('present-share', { index: 2, commitment: 'c2', bag: { state: 'intact' } }, [{ signer: ctx.s.gus, role: 'holder' }, ...witnesses()]);
  const importAt = attacker.size;
  step(
    'import-psbt',
    {
      psbtSha256: 'a'.repeat(64),
      digest: 'd'.repeat(64),
      network: 'bitcoin',
      inputs: [],
      totalIn: '100000000',
      fee: '1000',
      feeRate: '5',
      outputs: [
        { address: 'bc1qclient', amount: '80000000', change: false },
        { address: 'bc1qchange', amount: '19999000', change: true },
      ],
    },
    [officer(), ...witnesses()],
  );
  const signAt = attacker.size;
  step('sign', { shares: [1, 2], fingerprint: '0badf00d', digest: 'e'.repeat(64), txid: 'f'.repeat(64), fileName: 'ret.txn', sha256: 'b'.repeat(64) }, [
    officer(),
    ...witnesses(),
  ]);
  attacker.writeTo(dir, [enrolled]);
  const report = await verifyLines(dir, attacker);
  expect(report.findings).toContainEqual(
    expect.objectContaining({ code: 'OUTPUTS_NOT_APPROVED', index: importAt, details: { kind: 'restitution', step: 'import-psbt' } }),
  );
  expect(report.findings).toContainEqual(expect.objectContaining({ code: 'SIGNED_NOT_IMPORTED', index: signAt, details: { step: 'sign' } }));
  // Nothing else about who signed is wrong: only the meaning rules caught it.
  expect(summary(report).filter((f) => !/^(OUTPUTS_NOT_APPROVED|SIGNED_NOT_IMPORTED)@/u.test(f))).toEqual([]);
});

/** The review an Ethereum restitution's import step records, paying `destination` with `nonce`. */
const ethReview = (destination: string, nonce: string, digest: string) => ({
  requestSha256: 'a'.repeat(64),
  digest,
  network: 'mainnet',
  chainId: '1',
  from: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
  path: "m/44'/60'/0'/0/0",
  asset: { kind: 'erc20', contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', decimals: 6 },
  destination,
  amount: '2500000000',
  nonce,
  gasLimit: '65000',
  maxFeePerGas: '30000000000',
  maxPriorityFeePerGas: '1000000000',
  maxFee: '1950000000000000',
});

test('an Ethereum restitution (since restitution@2) paying another destination than approved, one reusing a nonce signed in an aborted ceremony, and a signature over another transfer: OUTPUTS_NOT_APPROVED, SIGNED_NOT_IMPORTED', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy(), 'client');
  const approvers = [testSigner('approver Ivo', ['approver']), testSigner('approver Jon', ['approver'])];
  for (const a of approvers) enrolApprover(attacker, a);
  const enrolled = await attacker.checkpoint([ctx.s.witnesses[0]!]);
  const client = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
  /** One restitution of 2,500 USDC approved to the client, up to its import of `review`; returns the import's index. */
  const restitutionUpToImport = (ceremony: string, review: ReturnType<typeof ethReview>): number => {
    const step = (stepId: string, body: Parameters<Attacker['append']>[0]['body'], signers: ForgedSigner[]) =>
      attacker.append({ ceremony, type: 'step', step: stepId, procedure: restitution, body, signers });
    attacker.append({
      ceremony,
      type: 'open',
      step: 'open',
      procedure: restitution,
      signers: [officer()],
      body: { wallet, clientRef: 'CL-1', request: { reference: ceremony }, network: 'mainnet', asset: 'USDC', airGap: OFFLINE_EVIDENCE, build: 'test' },
    });
    step(
      'approve',
      { wallet, asset: 'USDC', destination: client, amount: '2500000000', network: 'mainnet' },
      approvers.map((a) => ({ signer: a, role: 'approver' })),
    );
    step('present-share', { index: 1, commitment: 'c1', bag: { state: 'intact' } }, [{ signer: ctx.s.eve, role: 'holder' }, ...witnesses()]);
    step('present-share', { index: 2, commitment: 'c2', bag: { state: 'intact' } }, [{ signer: ctx.s.gus, role: 'holder' }, ...witnesses()]);
    const at = attacker.size;
    step('import-eth-request', review, [officer(), ...witnesses()]);
    return at;
  };
  // A first restitution signs nonce 7 and is then aborted: the signed transfer may be out there all the same.
  restitutionUpToImport('ret-e1', ethReview(client.toLowerCase(), '7', '1'.repeat(64)));
  attacker.append({
    ceremony: 'ret-e1',
    type: 'step',
    step: 'sign-eth',
    procedure: restitution,
    body: { shares: [1, 2], fingerprint: '0badf00d', digest: '1'.repeat(64), hash: `0x${'2'.repeat(64)}`, fileName: 'ret.ethtx', sha256: 'b'.repeat(64) },
    signers: [officer(), ...witnesses()],
  });
  attacker.append({
    ceremony: 'ret-e1',
    type: 'abort',
    step: 'abort',
    procedure: restitution,
    body: { reason: 'stopped' },
    signers: [officer(), ...witnesses()],
  });
  // A second one imports a transfer to someone else; a third reuses nonce 7.
  const redirected = restitutionUpToImport('ret-e2', ethReview('0x00000000219ab540356cBB839Cbe05303d7705Fa', '8', '3'.repeat(64)));
  attacker.append({
    ceremony: 'ret-e2',
    type: 'abort',
    step: 'abort',
    procedure: restitution,
    body: { reason: 'stopped' },
    signers: [officer(), ...witnesses()],
  });
  const replayed = restitutionUpToImport('ret-e3', ethReview(client, '7', '4'.repeat(64)));
  // …and signs another transfer than the one it imported.
  const signedOther = attacker.size;
  attacker.append({
    ceremony: 'ret-e3',
    type: 'step',
    step: 'sign-eth',
    procedure: restitution,
    body: { shares: [1, 2], fingerprint: '0badf00d', digest: '5'.repeat(64), hash: `0x${'6'.repeat(64)}`, fileName: 'other.ethtx', sha256: 'c'.repeat(64) },
    signers: [officer(), ...witnesses()],
  });
  attacker.writeTo(dir, [enrolled]);
  const report = await verifyLines(dir, attacker);
  expect(report.findings).toContainEqual(
    expect.objectContaining({ code: 'OUTPUTS_NOT_APPROVED', index: redirected, details: { kind: 'restitution', step: 'import-eth-request' } }),
  );
  expect(report.findings).toContainEqual(
    expect.objectContaining({ code: 'OUTPUTS_NOT_APPROVED', index: replayed, details: { kind: 'nonce', step: 'import-eth-request' } }),
  );
  expect(report.findings).toContainEqual(expect.objectContaining({ code: 'SIGNED_NOT_IMPORTED', index: signedOther, details: { step: 'sign-eth' } }));
  // The first, consistent import is not reported, and nothing else is wrong: only the meaning rules caught these.
  expect(summary(report).filter((f) => !/^(OUTPUTS_NOT_APPROVED|SIGNED_NOT_IMPORTED)@/u.test(f))).toEqual([]);
  expect(report.findings.filter((f) => f.code === 'OUTPUTS_NOT_APPROVED')).toHaveLength(2);
});

test('a restitution (@3) that imports its transfer, or closes, with a broken bag presented and no incident opened, written with every quorum: SEAL_INCIDENT_MISSING; with its seal-incident, or stopped by an abort, nothing is reported; a restitution@2 cannot open one at all', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy(), 'client');
  const approvers = [testSigner('approver Ivo', ['approver']), testSigner('approver Jon', ['approver'])];
  for (const a of approvers) enrolApprover(attacker, a);
  const enrolled = await attacker.checkpoint([ctx.s.witnesses[0]!]);
  const client = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
  const broken = { state: 'broken', serial: 'BAG-1', photoSha256: 'e'.repeat(64) };
  /** A restitution of 2,500 USDC under `procedure` up to its presentations, share 1's bag broken. */
  const presented = (ceremony: string, procedure: Procedure) => {
    attacker.append({
      ceremony,
      type: 'open',
      step: 'open',
      procedure,
      signers: [officer()],
      body: { wallet, clientRef: 'CL-1', request: { reference: ceremony }, network: 'mainnet', asset: 'USDC', airGap: OFFLINE_EVIDENCE, build: 'test' },
    });
    attacker.append({
      ceremony,
      type: 'step',
      step: 'approve',
      procedure,
      body: { wallet, asset: 'USDC', destination: client, amount: '2500000000', network: 'mainnet' },
      signers: approvers.map((a) => ({ signer: a, role: 'approver' })),
    });
    const at = present(attacker, ceremony, procedure, 1, ctx.s.eve, broken);
    present(attacker, ceremony, procedure, 2, ctx.s.gus, { state: 'intact', serial: 'BAG-2' });
    return at;
  };
  const sealIncident = (ceremony: string) =>
    attacker.append({
      ceremony,
      type: 'step',
      step: 'seal-incident',
      procedure: restitution,
      signers: [officer(), ...witnesses(2)],
      body: { incident: `SEAL-${ceremony}-1`, wallet, index: 1, bag: broken },
    });
  /** The import of a transfer with nonce `nonce`; returns its index. */
  const imports = (ceremony: string, nonce: string): number => {
    const at = attacker.size;
    attacker.append({
      ceremony,
      type: 'step',
      step: 'import-eth-request',
      procedure: restitution,
      body: ethReview(client.toLowerCase(), nonce, nonce.repeat(64)),
      signers: [officer(), ...witnesses()],
    });
    return at;
  };
  // Goes on to the import without the incident; then the same with it; then one stopped right after the presentations.
  presented('ret-s1', restitution);
  const unopened = imports('ret-s1', '1');
  abort(attacker, 'ret-s1', restitution);
  presented('ret-s2', restitution);
  sealIncident('ret-s2');
  imports('ret-s2', '2');
  abort(attacker, 'ret-s2', restitution);
  presented('ret-s3', restitution);
  abort(attacker, 'ret-s3', restitution);
  // A restitution@2 has no seal-incident step: the broken bag is reported as it is presented.
  const inV2 = presented('ret-s4', restitutionV2);
  abort(attacker, 'ret-s4', restitutionV2);
  attacker.writeTo(dir, [enrolled]);
  const report = await verifyLines(dir, attacker);
  expect(report.findings.filter((f) => f.code === 'SEAL_INCIDENT_MISSING')).toEqual([
    expect.objectContaining({ index: unopened, ceremony: 'ret-s1', details: { index: 1, kind: 'not-opened' } }),
    expect.objectContaining({ index: inV2, ceremony: 'ret-s4', details: { index: 1, kind: 'not-a-drill' } }),
  ]);
  expect(summary(report).filter((f) => !f.startsWith('SEAL_INCIDENT_MISSING@'))).toEqual([]);
  // The incidents opened in the record are in the register, from the restitution that opened them.
  expect(replayJournal(openDataDir(dir)).incidents.filter((i: { id: string }) => i.id.startsWith('SEAL-'))).toEqual([
    expect.objectContaining({ id: 'SEAL-ret-s2-1', origin: 'restitution', wallets: [wallet], status: 'open' }),
  ]);
});

test('the basis "aborted" (destruction@2) on a wallet that is not an aborted creation, written with the station key and one officer: WALLET_STATE_INVALID', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy());
  const at = attacker.size;
  attacker.append({
    ceremony: 'destroy-a',
    type: 'open',
    step: 'open',
    procedure: destruction,
    signers: [officer()],
    body: { wallet, basis: 'aborted', fingerprint: '0badf00d', airGap: OFFLINE_EVIDENCE, build: 'test' },
  });
  const report = await verifyLines(dir, attacker);
  expect(report.findings).toContainEqual(
    expect.objectContaining({ code: 'WALLET_STATE_INVALID', index: at, details: { kind: 'state', wallet, state: 'active' } }),
  );
});

/** The replacement's accounts a forged rotation's generate step records: real public keys, so verify can derive its addresses. */
function replacementAccounts() {
  const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(42));
  const bitcoin = master.derive("m/84'/0'/0'");
  const ethereum = master.derive("m/44'/60'/0'");
  return {
    accounts: [
      { chain: 'bitcoin', path: "m/84'/0'/0'", xpub: bitcoin.publicExtendedKey, addresses: [] },
      { chain: 'ethereum', path: "m/44'/60'/0'", xpub: ethereum.publicExtendedKey, addresses: [] },
    ],
    // Derived here by bitcoinjs-lib and ethers, independently of verify's own derivation.
    bitcoinAt: (branch: 0 | 1, index: number) => addressAt(accountKey(bitcoin.publicExtendedKey, 'bitcoin'), 'bitcoin', branch, index),
    ethereumAt: (index: number) => HDNodeWallet.fromExtendedKey(ethereum.publicExtendedKey).deriveChild(0).deriveChild(index).address,
  };
}

test('a whole rotation forged with every quorum: sweeps that pay an address that is not the replacement’s, on Bitcoin and on Ethereum, are caught (OUTPUTS_NOT_APPROVED, sweep-foreign); the honest ones are not', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy());
  const replacement = replacementAccounts();
  const thief = { bitcoin: foreignAddress('bitcoin', 3), ethereum: '0x00000000219ab540356cBB839Cbe05303d7705Fa' };
  /** One rotation to a fresh replacement, its sweeps paying `btc` and `eth`; returns the index of each import. */
  const rotation = (ceremony: string, replacementId: string, btc: string, eth: string, nonce: string) => {
    const signers = [officer(), ...witnesses()];
    const step = (stepId: string, body: Parameters<Attacker['append']>[0]['body'], by: ForgedSigner[] = signers) =>
      attacker.append({ ceremony, type: 'step', step: stepId, procedure: compromiseRotation, body, signers: by });
    attacker.append({
      ceremony,
      type: 'open',
      step: 'open',
      procedure: compromiseRotation,
      signers: [officer()],
      body: {
        wallet,
        incident: 'INC-1',
        replacement: { wallet: replacementId, class: 'house', clientRef: null, label: 'Ops 2', chains: ['bitcoin', 'ethereum'], threshold: 2, shareCount: 2 },
        airGap: OFFLINE_EVIDENCE,
        build: 'test',
      },
    });
    step('declare-compromised', { wallet, incident: 'INC-1' });
    step('generate', { fingerprint: 'feedf00d', accounts: replacement.accounts, entropy: 'csprng' });
    step('split', {
      setId: `set-${replacementId}`,
      threshold: 2,
      shareCount: 2,
      commitments: [
        { index: 1, commitment: 'r1' },
        { index: 2, commitment: 'r2' },
      ],
    });
    for (const [index, holder] of [
      [1, ctx.s.eve],
      [2, ctx.s.gus],
    ] as const) {
      step('hand-over', { index, holder: holder.name, media: ['paper'], fileName: null, bagSerial: `BAG-R${index}`, commitment: `r${index}` }, [
        { signer: holder, role: 'holder' },
        ...witnesses(),
      ]);
    }
    step('export-replacement', { fileName: 'replacement.json', sha256: 'e'.repeat(64), fingerprint: 'feedf00d' });
    step('present-share', { index: 1, commitment: 'c1', bag: { state: 'intact' } }, [{ signer: ctx.s.eve, role: 'holder' }, ...witnesses()]);
    step('present-share', { index: 2, commitment: 'c2', bag: { state: 'intact' } }, [{ signer: ctx.s.gus, role: 'holder' }, ...witnesses()]);
    const bitcoinAt = attacker.size;
    step('import-sweep', {
      psbtSha256: 'a'.repeat(64),
      digest: '7'.repeat(64),
      network: 'bitcoin',
      inputs: [],
      outputs: [{ address: btc, amount: '99990000', change: false }],
      totalIn: '100000000',
      fee: '10000',
      feeRate: '10',
    });
    const ethereumAt = attacker.size;
    step('import-eth-sweep', { ...ethReview(eth, nonce, '8'.repeat(64)), asset: { kind: 'ether', symbol: 'ETH', decimals: 18 }, amount: '1000' });
    return { bitcoinAt, ethereumAt };
  };
  // An honest rotation (receive address 7 on Bitcoin, change address 199 would do too; Ethereum address 3), then aborted.
  const honest = rotation('rot-honest', 'w-2', replacement.bitcoinAt(0, 7), replacement.ethereumAt(3), '1');
  attacker.append({
    ceremony: 'rot-honest',
    type: 'abort',
    step: 'abort',
    procedure: compromiseRotation,
    body: { reason: 'stopped' },
    signers: [officer(), ...witnesses()],
  });
  // The insider's: the same replacement keys, its sweeps paying the thief.
  const forged = rotation('rot-forged', 'w-3', thief.bitcoin, thief.ethereum, '2');
  const report = await verifyLines(dir, attacker);
  const foreign = report.findings.filter((f) => f.code === 'OUTPUTS_NOT_APPROVED');
  expect(foreign).toEqual([
    expect.objectContaining({ index: forged.bitcoinAt, details: { kind: 'sweep-foreign', step: 'import-sweep' } }),
    expect.objectContaining({ index: forged.ethereumAt, details: { kind: 'sweep-foreign', step: 'import-eth-sweep' } }),
  ]);
  expect(foreign.some((f) => f.index === honest.bitcoinAt || f.index === honest.ethereumAt)).toBe(false);
});

test('a drill (backup-drill@2) of a 2-of-3 wallet written with every quorum 200 days on, rebuilding from shares 1 and 2 while share 3, overdue, was neither presented nor said unreachable: OVERDUE_SHARE_LEFT_OUT; said unreachable, it is not reported', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy(), 'house', 3);
  attacker.skipDays(200);
  const drill = (ceremony: string, unreachable: { index: number; reason: string }[]) => {
    attacker.append({
      ceremony,
      type: 'open',
      step: 'open',
      procedure: backupDrill,
      signers: [officer()],
      body: { wallet, fingerprint: '0badf00d', setId: 'set-1', overdue: [1, 2, 3], unreachable, airGap: OFFLINE_EVIDENCE, build: 'test' },
    });
    present(attacker, ceremony, backupDrill, 1, ctx.s.eve, { state: 'intact' });
    present(attacker, ceremony, backupDrill, 2, ctx.s.gus, { state: 'intact' });
    const at = attacker.size;
    attacker.append({
      ceremony,
      type: 'step',
      step: 'reconstruct',
      procedure: backupDrill,
      signers: [officer(), ...witnesses()],
      body: { shares: [1, 2], fingerprint: '0badf00d', remaining: unreachable.map((u) => u.index) },
    });
    abort(attacker, ceremony, backupDrill);
    return at;
  };
  const leftOut = drill('drill-left-out', []);
  drill('drill-said', [{ index: 3, reason: 'holder abroad' }]);
  const report = await verifyLines(dir, attacker);
  expect(report.findings.filter((f) => f.code === 'OVERDUE_SHARE_LEFT_OUT')).toEqual([expect.objectContaining({ index: leftOut, details: { share: 3 } })]);
  // Only the rule under test found anything.
  expect(summary(report).filter((f) => !f.startsWith('OVERDUE_SHARE_LEFT_OUT@'))).toEqual([]);
});

test('evidence in another form than a list of {name, sha256} (a path, an extra field, not a SHA-256) is BODY_FIELDS_INVALID, kind evidence; in its form it is not reported', async () => {
  const { attacker, dir } = await walletScene(ctx.s, ctx.copy());
  const enrol = (ceremony: string, who: string, evidence: unknown) => {
    const at = attacker.size;
    attacker.append({
      ceremony,
      type: 'open',
      step: 'open',
      procedure: enrolParticipant,
      body: { participant: rosterEntry(testSigner(who, ['holder'])), airGap: OFFLINE_EVIDENCE, build: 'test', evidence: evidence as never },
      signers: [officer()],
    });
    abort(attacker, ceremony, enrolParticipant);
    return at;
  };
  const sha = 'c'.repeat(64);
  const wrong = [
    enrol('enrol-a', 'a', [{ name: '../../etc/passwd', sha256: sha }]),
    enrol('enrol-b', 'b', [{ name: 'video.mp4', sha256: sha, path: '/media/evidence/video.mp4' }]),
    enrol('enrol-c', 'c', [{ name: 'video.mp4', sha256: 'not-a-hash' }]),
    enrol('enrol-d', 'd', []),
  ];
  const right = enrol('enrol-e', 'e', [{ name: 'video.mp4', sha256: sha }]);
  const report = await verifyLines(dir, attacker);
  const invalid = report.findings.filter((f) => f.code === 'BODY_FIELDS_INVALID');
  expect(invalid.map((f) => [f.index, f.details])).toEqual(wrong.map((index) => [index, { kind: 'evidence', step: 'open', field: 'evidence' }]));
  expect(invalid.some((f) => f.index === right)).toBe(false);
});

test('a bag presented broken with no incident opened (a drill@2 rebuilding first, a drill@1 which has no incident step), written with every quorum: SEAL_INCIDENT_MISSING; with its seal-incident, nothing is reported', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy(), 'house', 3);
  const drill = (ceremony: string, withIncident: boolean) => {
    attacker.append({
      ceremony,
      type: 'open',
      step: 'open',
      procedure: backupDrill,
      signers: [officer()],
      body: { wallet, fingerprint: '0badf00d', setId: 'set-1', overdue: [], unreachable: [], airGap: OFFLINE_EVIDENCE, build: 'test' },
    });
    present(attacker, ceremony, backupDrill, 1, ctx.s.eve, { state: 'broken', serial: 'BAG-1' });
    present(attacker, ceremony, backupDrill, 2, ctx.s.gus, { state: 'intact', serial: 'BAG-2' });
    if (withIncident) {
      attacker.append({
        ceremony,
        type: 'step',
        step: 'seal-incident',
        procedure: backupDrill,
        signers: [officer(), ...witnesses(2)],
        body: { incident: `SEAL-${ceremony}-1`, wallet, index: 1, bag: { state: 'broken', serial: 'BAG-1' } },
      });
    }
    const at = attacker.size;
    attacker.append({
      ceremony,
      type: 'step',
      step: 'reconstruct',
      procedure: backupDrill,
      signers: [officer(), ...witnesses()],
      body: { shares: [1, 2], fingerprint: '0badf00d', remaining: [] },
    });
    abort(attacker, ceremony, backupDrill);
    return at;
  };
  const unopened = drill('drill-no-incident', false);
  drill('drill-with-incident', true);
  // A drill@1 cannot open a seal's incident: a broken bag presented in it is reported at once.
  attacker.append({
    ceremony: 'drill-v1',
    type: 'open',
    step: 'open',
    procedure: backupDrillV1,
    signers: [officer()],
    body: { wallet, fingerprint: '0badf00d', setId: 'set-1', airGap: OFFLINE_EVIDENCE, build: 'test' },
  });
  const inV1 = present(attacker, 'drill-v1', backupDrillV1, 1, ctx.s.eve, { state: 'missing' });
  abort(attacker, 'drill-v1', backupDrillV1);
  const report = await verifyLines(dir, attacker);
  expect(report.findings.filter((f) => f.code === 'SEAL_INCIDENT_MISSING')).toEqual([
    expect.objectContaining({ index: unopened, details: { index: 1, kind: 'not-opened' } }),
    expect.objectContaining({ index: inV1, details: { index: 1, kind: 'not-a-drill' } }),
  ]);
  expect(summary(report).filter((f) => !f.startsWith('SEAL_INCIDENT_MISSING@'))).toEqual([]);
});

test('a reshare that closes with a share of the old set not destroyed, written with every quorum: OLD_SHARE_NOT_DESTROYED; one handing over a share its split did not make: SHARE_COMMITMENT_MISMATCH; the honest one beside them is not reported', async () => {
  const { attacker, wallet, dir } = await walletScene(ctx.s, ctx.copy(), 'house', 3);
  const risk = { en: 'Any 2 shares of the old set would still rebuild this key.', fr: '2 parts de l’ancien jeu reconstitueraient encore la clé.' };
  /** A reshare of `wallet` from `oldSet` to a 2-of-2 `newSet` (share 1 to Gus, 2 to Eve), destroying `destroyed` of the old set; returns the close's index. */
  const reshareOf = (
    ceremony: string,
    oldSet: { setId: string; shareCount: number },
    newSet: string,
    destroyed: number[],
    commitment = (i: number) => `${newSet}-c${i}`,
  ) => {
    const base = { ceremony, procedure: reshare };
    attacker.append({
      ...base,
      type: 'open',
      step: 'open',
      signers: [officer()],
      body: {
        wallet,
        fingerprint: '0badf00d',
        oldSet: { setId: oldSet.setId, threshold: 2, shareCount: oldSet.shareCount },
        threshold: 2,
        shareCount: 2,
        holders: [
          { index: 1, keyid: ctx.s.gus.keyid, name: ctx.s.gus.name },
          { index: 2, keyid: ctx.s.eve.keyid, name: ctx.s.eve.name },
        ],
        reason: 'a holder leaves',
        residualRisk: risk,
        airGap: OFFLINE_EVIDENCE,
        build: 'test',
      },
    });
    const prefix = oldSet.setId === 'set-1' ? 'c' : `${oldSet.setId}-c`;
    for (const [index, holder] of [ctx.s.eve, ctx.s.gus].entries()) {
      attacker.append({
        ...base,
        type: 'step',
        step: 'present-share',
        signers: [{ signer: holder, role: 'holder' }, ...witnesses()],
        body: { index: index + 1, commitment: `${prefix}${index + 1}`, bag: { state: 'intact', serial: `BAG-${index + 1}` } },
      });
    }
    attacker.append({ ...base, type: 'step', step: 'reconstruct', signers: [officer(), ...witnesses()], body: { shares: [1, 2], fingerprint: '0badf00d' } });
    attacker.append({
      ...base,
      type: 'step',
      step: 'split',
      signers: [officer(), ...witnesses()],
      body: { setId: newSet, threshold: 2, shareCount: 2, commitments: [1, 2].map((index) => ({ index, commitment: `${newSet}-c${index}` })) },
    });
    const handOvers: number[] = [];
    for (const [i, holder] of [ctx.s.gus, ctx.s.eve].entries()) {
      handOvers.push(attacker.size);
      attacker.append({
        ...base,
        type: 'step',
        step: 'hand-over',
        signers: [{ signer: holder, role: 'holder' }, ...witnesses()],
        body: { index: i + 1, holder: holder.keyid, media: ['paper'], fileName: null, bagSerial: `${newSet}-BAG-${i + 1}`, commitment: commitment(i + 1) },
      });
    }
    for (const index of destroyed) {
      attacker.append({
        ...base,
        type: 'step',
        step: 'destroy-share',
        signers: witnesses(),
        body: { setId: oldSet.setId, index, method: 'shred', mediaId: `M-${index}`, bagSerial: `BAG-${index}`, filesOverwritten: [] },
      });
    }
    const close = attacker.size;
    attacker.append({
      ...base,
      type: 'close',
      step: 'close',
      signers: [officer(), ...witnesses(2)],
      body: { entries: 7 + destroyed.length },
    });
    return { close, handOvers };
  };
  // Share 3 of the old set is never destroyed: with a copy of one more, it would still rebuild the key.
  const kept = reshareOf('reshare-keeps-3', { setId: 'set-1', shareCount: 3 }, 'set-2', [1, 2]);
  // The honest one: every share of set-2 destroyed.
  reshareOf('reshare-honest', { setId: 'set-2', shareCount: 2 }, 'set-3', [1, 2]);
  // Its second hand-over carries a commitment the split did not record.
  const foreign = reshareOf('reshare-foreign-share', { setId: 'set-3', shareCount: 2 }, 'set-4', [1, 2], (i) => (i === 2 ? 'set-0-c2' : `set-4-c${i}`));
  const report = await verifyLines(dir, attacker);
  expect(report.findings.filter((f) => f.code === 'OLD_SHARE_NOT_DESTROYED')).toEqual([expect.objectContaining({ index: kept.close, details: { index: 3 } })]);
  expect(report.findings.filter((f) => f.code === 'SHARE_COMMITMENT_MISMATCH')).toEqual([
    expect.objectContaining({ index: foreign.handOvers[1], details: { kind: 'handed-over', index: 2 } }),
  ]);
  // (No witness cosigned a checkpoint after these closes: that is reported too, and is not the rule under test.)
  expect(summary(report).filter((f) => !/^(OLD_SHARE_NOT_DESTROYED|SHARE_COMMITMENT_MISMATCH|CLOSE_NOT_CHECKPOINTED)@/u.test(f))).toEqual([]);
});

test('proofs of control written with every quorum but not the wallet’s key: another key’s signature, another address, another challenge: PROOF_NOT_VALID by kind; the real proofs beside them, Bitcoin and Ethereum, are not reported', async () => {
  // The wallet's accounts, from a seed the test holds (the scene); the attacker holds another one.
  const wallet = HDKey.fromMasterSeed(hexToBytes('00112233445566778899aabbccddeeff'));
  const other = HDKey.fromMasterSeed(hexToBytes('ffeeddccbbaa99887766554433221100'));
  const account = (key: HDKey, path: string) => {
    const a = key.derive(path);
    return new HDKey({ chainCode: a.chainCode!, publicKey: a.publicKey!, depth: a.depth, index: a.index, parentFingerprint: a.parentFingerprint })
      .publicExtendedKey;
  };
  const accounts = [
    { chain: 'bitcoin', path: "m/84'/0'/0'", xpub: account(wallet, "m/84'/0'/0'"), addresses: [] },
    { chain: 'ethereum', path: "m/44'/60'/0'", xpub: account(wallet, "m/44'/60'/0'"), addresses: [] },
  ];
  const { attacker, wallet: walletId, dir } = await walletScene(ctx.s, ctx.copy(), 'house', 2, accounts);
  const challenge = 'Audit 2026: prove control. Nonce 77ab01.';
  const hash = bytesToHex(sha256(utf8ToBytes(challenge)));
  /** A proof-of-control ceremony recording `opened` as its challenge and `signed` as its sign-challenge; returns the index of sign-challenge. */
  const proof = (ceremony: string, chain: 'bitcoin' | 'ethereum', opened: { address: string; challenge: string }, signed: MessageProof) => {
    const base = { ceremony, procedure: proofOfControl };
    attacker.append({
      ...base,
      type: 'open',
      step: 'open',
      signers: [officer()],
      body: {
        wallet: walletId,
        fingerprint: '0badf00d',
        chain,
        address: opened.address,
        requestedBy: 'Audit SA',
        challenge: opened.challenge,
        challengeSha256: bytesToHex(sha256(utf8ToBytes(opened.challenge))),
        airGap: OFFLINE_EVIDENCE,
        build: 'test',
      },
    });
    present(attacker, ceremony, proofOfControl, 1, ctx.s.eve, { state: 'intact', serial: 'BAG-1' });
    present(attacker, ceremony, proofOfControl, 2, ctx.s.gus, { state: 'intact', serial: 'BAG-2' });
    attacker.append({ ...base, type: 'step', step: 'reconstruct', signers: [officer(), ...witnesses()], body: { shares: [1, 2], fingerprint: '0badf00d' } });
    const at = attacker.size;
    attacker.append({
      ...base,
      type: 'step',
      step: 'sign-challenge',
      signers: [officer(), ...witnesses()],
      body: {
        address: signed.address,
        path: signed.path,
        method: signed.method,
        challengeSha256: signed.messageSha256,
        signature: signed.signature,
        fileName: 'proof.json',
        sha256: '00'.repeat(32),
      },
    });
    abort(attacker, ceremony, proofOfControl);
    return at;
  };
  const real = (chain: 'bitcoin' | 'ethereum', key = wallet, message = challenge) => signMessageProof(key, chain, 3, utf8ToBytes(message));
  const own = (chain: 'bitcoin' | 'ethereum') => real(chain).address;
  proof('proof-btc', 'bitcoin', { address: own('bitcoin'), challenge }, real('bitcoin'));
  proof('proof-eth', 'ethereum', { address: own('ethereum'), challenge }, real('ethereum'));
  // Another key's signature, recorded as the wallet's address.
  const forgedBtc = proof('forged-btc', 'bitcoin', { address: own('bitcoin'), challenge }, { ...real('bitcoin', other), address: own('bitcoin') });
  const forgedEth = proof('forged-eth', 'ethereum', { address: own('ethereum'), challenge }, { ...real('ethereum', other), address: own('ethereum') });
  // The attacker's own address, honestly signed: not the wallet's.
  const foreign = proof('foreign-eth', 'ethereum', { address: real('ethereum', other).address, challenge }, real('ethereum', other));
  // A signature over another challenge than the one the opening records.
  const swapped = proof('swapped-eth', 'ethereum', { address: own('ethereum'), challenge: `${challenge} (edited)` }, real('ethereum'));
  expect(real('ethereum').messageSha256).toBe(hash);
  const report = await verifyLines(dir, attacker);
  expect(report.findings.filter((f) => f.code === 'PROOF_NOT_VALID').map((f) => [f.index, f.details])).toEqual([
    [forgedBtc, { kind: 'signature' }],
    [forgedEth, { kind: 'signature' }],
    [foreign, { kind: 'address' }],
    [swapped, { kind: 'challenge' }],
  ]);
  expect(summary(report).filter((f) => !f.startsWith('PROOF_NOT_VALID@'))).toEqual([]);
});

test('an incident classified "not major" against its own criteria, written with every quorum (silencing the regulatory clock): INCIDENT_CLASSIFICATION_INVALID; the honest classification beside it is not reported', async () => {
  const { attacker, dir } = await walletScene(ctx.s, ctx.copy());
  const criteria = {
    'critical-services': true,
    'data-losses': true,
    'clients-affected': false,
    'reputational-impact': false,
    'duration-downtime': false,
    'geographical-spread': false,
    'economic-impact': false,
  };
  const classify = (ceremony: string, id: string, major: boolean) => {
    const at = attacker.size;
    attacker.append({
      ceremony,
      type: 'open',
      step: 'open',
      procedure: incident,
      signers: [officer()],
      body: {
        incident: id,
        action: 'open',
        fields: { nature: 'keys exposed', status: 'open' },
        wallets: [],
        significant: true,
        classification: { major, criteria, detectedAt: '2026-12-10T08:00:00Z', classifiedAt: '2026-12-10T09:00:00Z' },
        notifications: [],
        airGap: OFFLINE_EVIDENCE,
        build: 'test',
      },
    });
    attacker.append({ ceremony, type: 'close', step: 'close', procedure: incident, signers: [officer(), ...witnesses()], body: { entries: 1 } });
    return at;
  };
  const silenced = classify('incident-silenced', 'INC-S', false);
  classify('incident-honest', 'INC-H', true);
  const report = await verifyLines(dir, attacker);
  expect(report.findings.filter((f) => f.code === 'INCIDENT_CLASSIFICATION_INVALID')).toEqual([
    expect.objectContaining({ index: silenced, details: { incident: 'INC-S' } }),
  ]);
  expect(summary(report).filter((f) => !/^(INCIDENT_CLASSIFICATION_INVALID|CLOSE_NOT_CHECKPOINTED)@/u.test(f))).toEqual([]);
});
