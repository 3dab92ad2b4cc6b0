/**
 * Headless confirm-transfer (procedure confirm-transfer): records, from the watch-only side, that a
 * sweep or restitution the station signed is confirmed on chain. A confirmed sweep retires the
 * compromised wallet; `retireWallet: true` on a restitution retires the client wallet (the final
 * return of the contract).
 * The transfer is named by its `txid`, or by `transactionFile`, the signed transaction file the
 * station wrote (recognised by the SHA-256 its signing step recorded).
 * Answers: station, participants, officer, witness, wallet, txid | transactionFile, blockHeight,
 * confirmations, feePaid (Ethereum only), retireWallet?, witnessCheckpoints.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { CustosError } from '../../custos-error.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import type { TransferView } from '../../inventory/wallets.ts';
import { confirmTransfer } from '../../procedures/confirm-transfer.ts';
import { invalid, type Answers } from '../answers.ts';
import { need } from '../typed-answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';

export async function runConfirmTransfer(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('confirm-transfer');
  const walletId = a.wallet;
  // By its txid, or by the signed transaction file the station wrote; without either, the txid is asked for.
  const transactionFile = a.txid === undefined ? a.transactionFile : undefined;
  const byFile = transactionFile !== undefined;
  const txidAnswer = byFile ? '' : (a.txid ?? need(a, 'txid'));
  let fileSha256 = '';
  if (transactionFile !== undefined) {
    try {
      fileSha256 = createHash('sha256').update(fs.readFileSync(transactionFile)).digest('hex');
    } catch {
      throw invalid('transactionFile', 'cannot be read');
    }
  }
  const blockHeight = a.blockHeight;
  const confirmations = a.confirmations;
  const retire = a.retireWallet;
  if (retire !== undefined && typeof retire !== 'boolean') throw invalid('retireWallet', 'must be true or false');
  const media = CheckpointMedia.plan(a.witnessCheckpoints, [a.witness], dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('confirm-transfer', station);
  try {
    const [wallet] = requireWallet(confirmTransfer, { wallet: walletId }, station.wallets.byId);
    const transfer = wallet!.transfers.find((t) => (byFile ? t.fileSha256 === fileSha256 : t.txid === txidAnswer));
    if (!transfer) {
      throw new CustosError('TRANSFER_NOT_FOUND', `No transaction ${byFile ? 'in that file' : txidAnswer} was signed from ${walletId}. Nothing was recorded.`, {
        wallet: walletId,
      });
    }
    const txid = transfer.txid;
    if (transfer.state === 'confirmed')
      throw new CustosError('TRANSFER_ALREADY_CONFIRMED', `Transaction ${txid} is already recorded as confirmed. Nothing was recorded.`, { wallet: walletId });
    if (retire === true && transfer.kind !== 'restitution')
      throw invalid('retireWallet', 'applies to a restitution only (a confirmed sweep always retires the old wallet)');
    const feePaid = paidFee(transfer, a.feePaid);
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const [witness] = await present(station, answers, id, [a.witness], 'witness');
    const run = await CeremonyRun.open(
      station,
      confirmTransfer,
      id,
      {
        wallet: walletId,
        txid,
        kind: transfer.kind,
        blockHeight,
        confirmations,
        feePaid,
        // A sweep retires the old wallet with the confirmation of its last transfer (a rotation@2 sweeps on both chains).
        retireWallet:
          retire === true || (transfer.kind === 'sweep' && wallet!.transfers.every((t) => t === transfer || t.kind !== 'sweep' || t.state === 'confirmed')),
      },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    return await guarded(run, officer!, witness!, async () => {
      const note = await run.close(
        [
          { signer: officer!, role: 'officer' },
          { signer: witness!, role: 'witness' },
        ],
        [witness!],
      );
      return {
        procedure: 'confirm-transfer',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: { wallet: walletId, txid, kind: transfer.kind, state: station.wallets.byId.get(walletId)!.state },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}

/**
 * The fee a transfer paid: an Ethereum transfer's as the coordinator read it once mined, at most the
 * most it could cost (what was approved); a Bitcoin transfer's is the one signed, and is not asked.
 */
function paidFee(transfer: TransferView, answered: string | undefined): string {
  if (transfer.chain !== 'ethereum') {
    if (answered !== undefined) throw invalid('feePaid', 'is for an Ethereum transfer; a Bitcoin transfer paid the fee it was signed with');
    return transfer.fee;
  }
  if (answered === undefined) throw invalid('feePaid', 'is required for an Ethereum transfer: the fee it paid once mined, in wei, as the coordinator read it');
  if (BigInt(answered) > BigInt(transfer.fee)) throw invalid('feePaid', `is more than the ${transfer.fee} wei this transfer could cost at most`);
  return answered;
}
