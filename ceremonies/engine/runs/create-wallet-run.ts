/**
 * Headless create-wallet (procedure create-wallet): a client wallet (with its client reference) or a
 * house wallet, never both (R7). The crypto core makes the entropy (OS, and dice if rolled), the
 * wallet is split m-of-n, and each holder's share is written to their medium sealed to their
 * passphrase; before the holder attests receipt, the file is read back and proven against its
 * commitment. Only public data is recorded; the secret is wiped when the ceremony ends.
 * Answers: station, participants, officer, witnesses [≥ 2], wallet {id, class, clientRef?, label},
 * chains, threshold, dice?, drillIntervalDays?, holders [{name, media ["file"], sharePassphrase |
 * sharePassphraseFile, outputDir, bagSerial}], confirm {holdersReceivedShares: true}.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Chain } from '../../../crypto/protocol.ts';
import { CustosError } from '../../custos-error.ts';
import { createWallet } from '../../procedures/create-wallet.ts';
import type { JsonValue } from '../../record/entry-payload.ts';
import { writeFileDurably, realIo } from '../../store/file-io.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { requireDistinct } from '../participant-keys.ts';
import { ceremonyId, guarded, keepCheckpoints, openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';

const WALLET_ID = /^[A-Za-z0-9._-]{1,64}$/u;
const CHAINS = ['bitcoin', 'testnet', 'regtest', 'ethereum'];

interface HolderPlan {
  name: string;
  media: string[];
  passphrase: string;
  outputDir: string;
  bagSerial: string;
}

export async function runCreateWallet(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const walletId = answers.string('wallet.id', { pattern: WALLET_ID });
  const walletClass = answers.string('wallet.class');
  if (walletClass !== 'client' && walletClass !== 'house') throw invalid('wallet.class', 'must be "client" or "house"');
  const clientRef = answers.string('wallet.clientRef', { optional: true });
  if (walletClass === 'client' && !clientRef) throw invalid('wallet.clientRef', 'is required for a client wallet (R7)');
  if (walletClass === 'house' && clientRef) {
    throw new CustosError('WALLET_CLASS_MIXED', 'A house wallet has no client reference: one wallet never holds both (R7). Nothing was recorded.', {});
  }
  const label = answers.string('wallet.label', { max: 120 });
  const chains = answers.strings('chains');
  if (!chains.length || chains.some((c) => !CHAINS.includes(c))) throw invalid('chains', `must list chains among ${CHAINS.join(', ')}`);
  const holders: HolderPlan[] = answers.list('holders').map((_, i) => {
    const media = answers.strings(`holders.${i}.media`);
    if (media.length !== 1 || media[0] !== 'file') {
      throw invalid(`holders.${i}.media`, 'must be ["file"] in a headless run (paper cards are printed from the desktop app)');
    }
    return {
      name: answers.string(`holders.${i}.name`), media, outputDir: answers.path(`holders.${i}.outputDir`),
      passphrase: answers.secret(`holders.${i}`, 'sharePassphrase', 12), bagSerial: answers.string(`holders.${i}.bagSerial`, { pattern: /^[A-Za-z0-9-]{1,40}$/u }),
    };
  });
  const threshold = answers.integer('threshold', 2, Math.max(2, holders.length));
  if (holders.length < 2 || holders.length > 16) throw invalid('holders', 'must name from 2 to 16 holders');
  const drillIntervalDays = answers.integer('drillIntervalDays', 7, 730, 180);
  if (new Set(holders.map((h) => h.bagSerial)).size !== holders.length) throw invalid('holders', 'gives the same bag serial twice');
  const witnessNames = answers.strings('witnesses');
  if (new Set(witnessNames).size < 2) throw invalid('witnesses', 'must name at least two different witnesses');
  const dice = answers.get('dice') === undefined ? undefined : answers.string('dice', { max: 4000 });
  answers.confirmed('confirm.holdersReceivedShares');

  const station = await openStation(dir, env, answers);
  const id = ceremonyId('create-wallet', station);
  try {
    if (station.wallets.byId.has(walletId)) {
      throw new CustosError('WALLET_EXISTS', `A wallet named ${walletId} already exists. Nothing was recorded.`, { wallet: walletId });
    }
    const [officer] = await present(station, answers, id, [answers.string('officer')], 'officer');
    const witnesses = await present(station, answers, id, witnessNames, 'witness');
    const people = await present(station, answers, id, holders.map((h) => h.name), 'holder');
    requireDistinct(people, 'holders');
    const run = await CeremonyRun.open(station, createWallet, id, {
      wallet: walletId, class: walletClass, ...(clientRef ? { clientRef } : {}), label, chains, threshold, shareCount: holders.length,
      holders: people.map((p, i) => ({ index: i + 1, keyid: p.keyid, name: p.name })), drillIntervalDays,
    }, [{ signer: officer!, role: 'officer' }], { drillOnline: env.drillOnline });
    const witness = { signer: witnesses[0]!, role: 'witness' as const };
    const outputs: string[] = [];
    return await guarded(run, officer!, async () => {
      run.checkOffline();
      const made = await station.client.call('generateWallet', { ceremonyId: id, chains: chains as Chain[], ...(dice ? { dice } : {}) });
      await run.step('generate', {
        fingerprint: made.fingerprint, accounts: made.accounts as unknown as JsonValue, entropy: made.entropy as unknown as JsonValue,
      }, [{ signer: officer!, role: 'officer' }, witness]);
      const split = await station.client.call('splitWallet', { wallet: made.wallet, threshold, shareCount: holders.length });
      await run.step('split', {
        setId: split.setId, threshold, shareCount: holders.length,
        commitments: split.shares.map((s) => ({ index: s.index, commitment: s.commitment })),
      }, [{ signer: officer!, role: 'officer' }, witness]);
      for (const [i, holder] of holders.entries()) {
        const share = split.shares[i]!;
        run.checkOffline();
        const sealed = await station.client.call('exportShareFile', { share: share.share, passphrase: holder.passphrase });
        fs.mkdirSync(holder.outputDir, { recursive: true });
        const file = path.join(holder.outputDir, sealed.fileName);
        writeFileDurably(realIo, file, sealed.file);
        outputs.push(file);
        // The holder's file is read back and proven against the commitment before they attest.
        const proof = await station.client.call('importShareFile', { ceremonyId: id, file: new Uint8Array(fs.readFileSync(file)), passphrase: holder.passphrase });
        if (proof.commitment !== share.commitment) {
          throw new CustosError('SHARE_PROOF_FAILED', `The file written for ${holder.name} does not prove share ${share.index}.`, { index: share.index });
        }
        await station.client.call('releaseHandle', { handle: proof.share });
        await run.step('hand-over', {
          index: share.index, holder: people[i]!.keyid, media: holder.media, fileName: sealed.fileName, bagSerial: holder.bagSerial,
          commitment: share.commitment,
        }, [{ signer: people[i]!, role: 'holder' }, witness]);
      }
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'create-wallet', ceremony: id, size: station.writer.store.state.size, checkpoint: note,
        outputs: [...outputs, ...keepCheckpoints(answers, answers.strings('witnesses'), note)],
        facts: { wallet: walletId, fingerprint: made.fingerprint, quorum: `${threshold}-of-${holders.length}` },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}

