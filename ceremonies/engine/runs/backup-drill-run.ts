/**
 * Headless backup drill (procedure backup-drill): each holder present opens their sealed share file
 * with their passphrase in the crypto core; the share must match the commitment recorded at split
 * time and belong to this wallet's split; its bag is inspected. Then the presented shares rebuild
 * the wallet, which must reproduce the recorded fingerprint. At least m shares must be presented.
 * Answers: station, participants, officer, witnesses [≥ 2], wallet (id), shares [{holder, file,
 * sharePassphrase | sharePassphraseFile, bag {state: intact | replaced, serial, newSerial?}}].
 */
import fs from 'node:fs';
import type { Chain, Handle } from '../../../crypto/protocol.ts';
import { CustosError } from '../../custos-error.ts';
import { backupDrill } from '../../procedures/backup-drill.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { ceremonyId, guarded, keepCheckpoints, openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';

export async function runBackupDrill(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const walletId = answers.string('wallet');
  const plans = answers.list('shares').map((_, i) => {
    const state = answers.string(`shares.${i}.bag.state`);
    if (state !== 'intact' && state !== 'replaced') throw invalid(`shares.${i}.bag.state`, 'must be "intact" or "replaced"');
    const passphrase = answers.secret(`shares.${i}`, 'sharePassphrase');
    let file: Uint8Array;
    try {
      file = new Uint8Array(fs.readFileSync(answers.path(`shares.${i}.file`)));
    } catch {
      throw invalid(`shares.${i}.file`, 'cannot be read');
    }
    return {
      holder: answers.string(`shares.${i}.holder`), file, passphrase, bag: {
        state, serial: answers.string(`shares.${i}.bag.serial`),
        ...(state === 'replaced' ? { newSerial: answers.string(`shares.${i}.bag.newSerial`, { pattern: /^[A-Za-z0-9-]{1,40}$/u }) } : {}),
      },
    };
  });
  const witnessNames = answers.strings('witnesses');
  if (new Set(witnessNames).size < 2) throw invalid('witnesses', 'must name at least two different witnesses');
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('backup-drill', station);
  try {
    const wallet = station.wallets.byId.get(walletId);
    if (!wallet) throw new CustosError('WALLET_NOT_FOUND', `No wallet named ${walletId} is recorded. Nothing was recorded.`, { wallet: walletId });
    if (wallet.state !== 'active' && wallet.state !== 'compromised') {
      throw new CustosError('WALLET_STATE_INVALID', `A drill needs an active wallet; ${walletId} is ${wallet.state}. Nothing was recorded.`, { wallet: walletId, state: wallet.state });
    }
    if (plans.length < wallet.threshold) {
      throw new CustosError('SHARES_TOO_FEW', `${wallet.threshold} shares are needed to rebuild ${walletId}; ${plans.length} are presented. Nothing was recorded.`, { needed: wallet.threshold });
    }
    const [officer] = await present(station, answers, id, [answers.string('officer')], 'officer');
    const witnesses = await present(station, answers, id, witnessNames, 'witness');
    const holders = await present(station, answers, id, plans.map((p) => p.holder), 'holder');
    // Every share is opened and proven before the ceremony opens: a wrong file or passphrase changes nothing.
    const proven: { handle: Handle; index: number; commitment: string }[] = [];
    for (const [i, plan] of plans.entries()) {
      const share = await station.client.call('importShareFile', { ceremonyId: id, file: plan.file, passphrase: plan.passphrase });
      const recorded = wallet.shares.find((s) => s.index === share.index);
      if (share.fingerprint !== wallet.fingerprint || share.setId !== wallet.setId || !recorded || recorded.commitment !== share.commitment) {
        throw new CustosError('SHARE_NOT_PROVEN', `The share presented by ${plan.holder} does not match any share recorded for ${walletId}. Nothing was recorded.`, { who: plan.holder });
      }
      if (recorded.holder !== holders[i]!.keyid) {
        throw new CustosError('SHARE_WRONG_HOLDER', `Share ${share.index} is recorded as held by someone else than ${plan.holder}. Nothing was recorded.`, { index: share.index });
      }
      if (recorded.bagSerial !== plan.bag.serial) {
        throw new CustosError('BAG_SERIAL_MISMATCH', `The bag of share ${share.index} has serial ${plan.bag.serial}; the record says ${recorded.bagSerial}. Open an incident. Nothing was recorded.`, { index: share.index });
      }
      proven.push({ handle: share.share, index: share.index, commitment: share.commitment });
    }
    const run = await CeremonyRun.open(station, backupDrill, id, { wallet: walletId, fingerprint: wallet.fingerprint!, setId: wallet.setId! },
      [{ signer: officer!, role: 'officer' }], { drillOnline: env.drillOnline });
    const witness = { signer: witnesses[0]!, role: 'witness' as const };
    return await guarded(run, officer!, async () => {
      for (const [i, share] of proven.entries()) {
        await run.step('present-share', { index: share.index, commitment: share.commitment, bag: plans[i]!.bag }, [{ signer: holders[i]!, role: 'holder' }, witness]);
      }
      run.checkOffline();
      const rebuilt = await station.client.call('combineShares', {
        ceremonyId: id, shares: proven.map((s) => s.handle), expectedFingerprint: wallet.fingerprint!, chains: wallet.chains as Chain[],
      });
      await run.step('reconstruct', { shares: proven.map((s) => s.index), fingerprint: rebuilt.fingerprint }, [{ signer: officer!, role: 'officer' }, witness]);
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'backup-drill', ceremony: id, size: station.writer.store.state.size, checkpoint: note,
        outputs: keepCheckpoints(answers, answers.strings('witnesses'), note),
        facts: { wallet: walletId, proven: proven.map((s) => s.index).join(', '), fingerprint: rebuilt.fingerprint },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
