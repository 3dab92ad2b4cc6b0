/**
 * Headless destruction (procedure destruction@2): a retired wallet, one whose zero balance at least
 * two approvers attest, or the handed-over shares of a creation that was aborted. Each share named is destroyed in front of a witness (and its holder, if
 * present): method shred or wipe, the medium's id and the bag serial, which must be the one the
 * record holds; its sealed files the station can reach are overwritten and removed first. The
 * wallet is destroyed when every share is; otherwise the inventory shows which remain.
 * Answers: station, participants, officer, witnesses [≥ 2], wallet, basis (retired | zero-balance | aborted),
 * zeroBalance? {approvers [≥ 2], asOf (YYYY-MM-DD), source}, shares [{index, holder?, method,
 * mediaId, bagSerial, files? [paths]}], confirm {sharesDestroyed: true}, witnessCheckpoints.
 */
import { requireSeparateDuties } from '../participant-keys.ts';
import { CustosError } from '../../custos-error.ts';
import { requireWallet } from '../../inventory/preconditions.ts';
import { destruction } from '../../procedures/destruction.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun, type Participants } from '../ceremony-run.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { checkShareFile, eraseShareFile } from '../share-file-erasure.ts';

export async function runDestruction(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('destruction');
  const walletId = a.wallet;
  const basis = a.basis;
  const shares = a.shares.map((share) => {
    const method = share.method;
    return {
      index: share.index,
      holder: share.holder ?? '',
      method,
      mediaId: share.mediaId,
      bagSerial: share.bagSerial,
      files: share.files ?? [],
    };
  });
  if (!shares.length) throw invalid('shares', 'must name at least one share to destroy');
  const witnessLabels = witnessNames(a.witnesses);
  const attested = a.zeroBalance;
  const zero = attested === undefined ? null : { approvers: attested.approvers, asOf: attested.asOf, source: attested.source };
  void a.confirm.sharesDestroyed;
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('destruction', station);
  try {
    const [wallet] = requireWallet(destruction, { wallet: walletId }, station.wallets.byId);
    if (basis === 'retired' && wallet!.state !== 'retired') {
      throw new CustosError(
        'WALLET_STATE_INVALID',
        `${walletId} is ${wallet!.state}, not retired: destroy it only with a zero balance attested by approvers (basis "zero-balance"). Nothing was recorded.`,
        { wallet: walletId, state: wallet!.state },
      );
    }
    if ((basis === 'aborted') !== (wallet!.state === 'aborted')) {
      throw new CustosError(
        'WALLET_STATE_INVALID',
        basis === 'aborted'
          ? `${walletId} is ${wallet!.state}: the basis "aborted" is for the shares of a creation that was aborted. Nothing was recorded.`
          : `${walletId} is a creation that was aborted: destroy its handed-over shares on the basis "aborted". Nothing was recorded.`,
        { wallet: walletId, state: wallet!.state },
      );
    }
    if (basis === 'zero-balance' && !zero) throw invalid('zeroBalance', 'is required when the basis is "zero-balance"');
    if (zero) {
      const minimum = Math.max(
        destruction.steps.find((s) => s.id === 'attest-zero-balance')!.signers.find((r) => r.role === 'approver')!.min,
        station.rules.policy.approvers,
      );
      if (new Set(zero.approvers).size < minimum) {
        throw new CustosError(
          'APPROVERS_TOO_FEW',
          `A zero balance is attested by ${minimum} different approvers; ${new Set(zero.approvers).size} are named. Nothing was recorded.`,
          { needed: minimum },
        );
      }
      // The record must agree that nothing is held: no holding, and no signed transfer still unconfirmed.
      const held = Object.entries(wallet!.holdings).filter(([, h]) => h.recorded !== '0');
      const pending = wallet!.transfers.filter((t) => t.state === 'signed');
      if (held.length || pending.length) {
        throw new CustosError(
          'HOLDINGS_NOT_ZERO',
          `The record does not show a zero balance for ${walletId} (${held.map(([chain, h]) => `${h.recorded} base units of ${chain}`).join(', ') || 'a transfer it signed is not yet confirmed'}). Reconcile, or confirm its transfers, before destroying it on a zero balance. Nothing was recorded.`,
          { wallet: walletId },
        );
      }
    }
    const seen = new Set<number>();
    for (const s of shares) {
      const recorded = wallet!.shares.find((r) => r.index === s.index);
      if (!recorded) throw new CustosError('SHARE_NOT_FOUND', `${walletId} has no share ${s.index}. Nothing was recorded.`, { index: s.index });
      if (seen.has(s.index)) throw new CustosError('SHARE_DUPLICATE', `Share ${s.index} is named twice. Nothing was recorded.`, { index: s.index });
      seen.add(s.index);
      if (recorded.state === 'created') {
        throw new CustosError(
          'SHARE_NOT_HANDED_OVER',
          `Share ${s.index} of ${walletId} was never handed over: it never left the crypto core, there is nothing to destroy. Nothing was recorded.`,
          { index: s.index },
        );
      }
      if (recorded.state === 'destroyed')
        throw new CustosError('SHARE_ALREADY_DESTROYED', `Share ${s.index} of ${walletId} is already recorded as destroyed. Nothing was recorded.`, {
          index: s.index,
        });
      if (recorded.bagSerial !== s.bagSerial) {
        throw new CustosError(
          'BAG_SERIAL_MISMATCH',
          `The bag of share ${s.index} has serial ${s.bagSerial}; the record says ${recorded.bagSerial}. Open an incident. Nothing was recorded.`,
          { index: s.index },
        );
      }
      for (const file of s.files) checkShareFile(file, wallet!, s.index);
    }
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    const approvers = zero ? await present(station, answers, id, zero.approvers, 'approver') : [];
    requireSeparateDuties(officer!, approvers);
    const holders = new Map<number, Participants[number]>();
    for (const s of shares.filter((x) => x.holder)) {
      const [holder] = await present(station, answers, id, [s.holder], 'holder');
      if (wallet!.shares.find((r) => r.index === s.index)!.holder !== holder!.keyid) {
        throw new CustosError('SHARE_WRONG_HOLDER', `Share ${s.index} is recorded as held by someone else than ${s.holder}. Nothing was recorded.`, {
          index: s.index,
        });
      }
      holders.set(s.index, { signer: holder!, role: 'holder' });
    }
    const run = await CeremonyRun.open(
      station,
      destruction,
      id,
      { wallet: walletId, basis, fingerprint: wallet!.fingerprint! },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    const witness = { signer: witnesses[0]!, role: 'witness' as const };
    return await guarded(run, officer!, witnesses[0]!, async () => {
      if (zero) {
        await run.step('attest-zero-balance', { wallet: walletId, balance: '0', asOf: zero.asOf, source: zero.source }, [
          ...approvers.map((a) => ({ signer: a, role: 'approver' as const })),
          witness,
        ]);
      }
      for (const s of shares) {
        for (const file of s.files) eraseShareFile(file);
        await run.step(
          'destroy-share',
          {
            index: s.index,
            method: s.method,
            mediaId: s.mediaId,
            bagSerial: s.bagSerial,
            filesOverwritten: s.files.map((f) => f.split(/[\\/]/u).at(-1)!),
          },
          [...(holders.has(s.index) ? [holders.get(s.index)!] : []), witness],
        );
      }
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      const after = station.wallets.byId.get(walletId)!;
      const remaining = after.shares.filter((s) => s.state !== 'destroyed').map((s) => s.index);
      return {
        procedure: 'destruction',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: { wallet: walletId, state: after.state, destroyed: shares.map((s) => s.index).join(', '), remaining: remaining.join(', ') || 'none' },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
