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
import { CeremonyRun } from '../ceremony-run.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { checkSharesToDestroy, destroyShareSteps, destroyingHolders, readSharesToDestroy } from '../share-destruction.ts';

export async function runDestruction(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('destruction');
  const walletId = a.wallet;
  const basis = a.basis;
  const shares = readSharesToDestroy(a.shares);
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
    checkSharesToDestroy(wallet!, shares);
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    const approvers = zero ? await present(station, answers, id, zero.approvers, 'approver') : [];
    requireSeparateDuties(officer!, approvers);
    const holders = await destroyingHolders(station, answers, id, wallet!, shares);
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
      await destroyShareSteps(run, shares, holders, witnesses[0]!);
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
