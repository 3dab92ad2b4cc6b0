/**
 * Headless change of holder (procedure change-holder): the outgoing holder's sealed share is opened
 * with their passphrase in the crypto core and proven against the record (holder, commitment, bag);
 * the core seals the same share to the incoming holder's passphrase, the file is written to their
 * medium, read back and proven, and they attest receipt with a new bag serial. The incoming holder
 * must hold the holder role and no other share of the wallet. Files of the outgoing holder that the
 * station can reach may be overwritten and removed (as in destruction), once the hand-over to the
 * incoming holder is signed, never before; an aborted change erases the incoming file instead.
 * Answers: station, participants, officer, witnesses [≥ 2], wallet, reason, share {holder, file,
 * sharePassphrase | sharePassphraseFile, bag {state, serial, newSerial?}, previousFiles? [paths]},
 * to {name, media ["file"], sharePassphrase | sharePassphraseFile, outputDir, bagSerial},
 * confirm {holderReceivedShare: true}, witnessCheckpoints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CustosError } from '../../custos-error.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import { changeHolder } from '../../procedures/change-holder.ts';
import { OWNER_ONLY, writeFileDurably, realIo } from '../../store/file-io.ts';
import { invalid, type Answers } from '../answers.ts';
import { need } from '../typed-answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { checkShareFile, eraseShareFile } from '../share-file-erasure.ts';
import { openSealIncidents } from '../seal-incidents.ts';
import { proveShares, readSharePlan } from '../share-presentation.ts';

export async function runChangeHolder(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('change-holder');
  const walletId = a.wallet;
  const reason = a.reason;
  // A bag found broken or missing is presented all the same and opens its incident (change-holder@2).
  const plan = readSharePlan(answers, a.share, 'share');
  const previousFiles = a.share.previousFiles ?? [];
  const media = a.to.media;
  if (media.length !== 1 || media[0] !== 'file') throw invalid('to.media', 'must be ["file"] in a headless run (paper cards are printed from the desktop app)');
  const incoming = {
    name: a.to.name,
    // The guided ceremony asks it of the incoming holder by name once they are known (below).
    passphrase: answers.unlocksAtSignature ? '' : answers.secret('to', 'sharePassphrase', 12),
    outputDir: need(a.to, 'outputDir'),
    bagSerial: a.to.bagSerial,
  };
  const witnessLabels = witnessNames(a.witnesses);
  void a.confirm.holderReceivedShare;
  const checkpointMedia = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('change-holder', station);
  try {
    const [wallet] = requireWallet(changeHolder, { wallet: walletId }, station.wallets.byId);
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    const [outgoing] = await proveShares(station, answers, id, wallet!, [plan], 1);
    const [receiver] = await present(station, answers, id, [incoming.name], 'holder');
    if (incoming.passphrase === '') {
      await answers.ready({ field: 'to', name: 'sharePassphrase', who: incoming.name, person: receiver!.name, purpose: 'new-share', minLength: 12 });
      incoming.passphrase = answers.secret('to', 'sharePassphrase', 12);
    }
    if (receiver!.keyid === outgoing!.holder.keyid) {
      throw new CustosError('SHARE_SAME_HOLDER', `${incoming.name} already holds share ${outgoing!.index}. Nothing was recorded.`, { index: outgoing!.index });
    }
    if (wallet!.shares.some((s) => s.holder === receiver!.keyid && s.state === 'held')) {
      throw new CustosError(
        'HOLDER_HOLDS_SHARE',
        `${incoming.name} already holds another share of ${walletId}: one holder with two shares weakens the quorum. Nothing was recorded.`,
        { wallet: walletId },
      );
    }
    if (wallet!.shares.some((s) => s.bagSerial === incoming.bagSerial))
      throw invalid('to.bagSerial', 'is the serial of a bag already recorded for this wallet');
    for (const file of previousFiles) checkShareFile(file, wallet!, outgoing!.index);
    const run = await CeremonyRun.open(
      station,
      changeHolder,
      id,
      {
        wallet: walletId,
        index: outgoing!.index,
        from: outgoing!.holder.keyid,
        to: receiver!.keyid,
        reason,
      },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    const witness = { signer: witnesses[0]!, role: 'witness' as const };
    return await guarded(run, officer!, witnesses[0]!, async () => {
      await run.step(
        'present-share',
        {
          index: outgoing!.index,
          commitment: outgoing!.commitment,
          bag: outgoing!.bag,
          filesOverwritten: previousFiles.map((f) => path.basename(f)),
        },
        [{ signer: outgoing!.holder, role: 'holder' }, witness],
      );
      await openSealIncidents(run, walletId, [outgoing!], officer!, witnesses);
      run.checkOffline();
      const sealed = await station.client.call('exportShareFile', { share: outgoing!.handle, passphrase: incoming.passphrase });
      fs.mkdirSync(incoming.outputDir, { recursive: true });
      const file = path.join(incoming.outputDir, sealed.fileName);
      writeFileDurably(realIo, file, sealed.file, OWNER_ONLY);
      run.wroteShareFile(file);
      const proof = await station.client.call('importShareFile', {
        ceremonyId: id,
        file: new Uint8Array(fs.readFileSync(file)),
        passphrase: incoming.passphrase,
      });
      if (proof.commitment !== outgoing!.commitment) {
        throw new CustosError('SHARE_PROOF_FAILED', `The file written for ${incoming.name} does not prove share ${outgoing!.index}.`, {
          index: outgoing!.index,
        });
      }
      await run.step(
        'hand-over',
        {
          index: outgoing!.index,
          holder: receiver!.keyid,
          media,
          fileName: sealed.fileName,
          bagSerial: incoming.bagSerial,
          commitment: outgoing!.commitment,
        },
        [{ signer: receiver!, role: 'holder' }, witness],
      );
      run.handedOver(file);
      // The outgoing holder's files are erased only now that the share is in the new holder's hands:
      // a ceremony stopped before this point never leaves the share nowhere.
      for (const file of previousFiles) eraseShareFile(file);
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'change-holder',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: [file, ...(await checkpointMedia.keep(note))],
        facts: { wallet: walletId, share: outgoing!.index, from: outgoing!.holder.name, to: receiver!.name },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
