/**
 * Headless token-list adoption (procedure token-list; R6, R10): the station's whole new list of
 * ERC-20 tokens, each contract with its chain id, symbol and decimals, read aloud and adopted by the
 * officer and a witness, closed with two witnesses. The list recorded replaces the previous one; what
 * it adds and removes is recorded too, so an auditor reads the change without diffing. Nothing is
 * fetched: the officer takes each contract address from the issuer's own publication.
 * Answers: station, participants, officer, witnesses [≥ 2], reason, tokens [{chainId, contract,
 * symbol, decimals}], witnessCheckpoints.
 */
import { addr } from 'micro-eth-signer';
import { CustosError } from '../../custos-error.ts';
import { tokenAsset, type TokenView } from '../../inventory/ethereum-assets.ts';
import { tokenList } from '../../procedures/token-list.ts';
import type { JsonValue } from '../../record/entry-payload.ts';
import type { Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult, witnessNames } from '../run-context.ts';

/** The new list as answered, each contract in its EIP-55 form; a token twice, or a broken checksum, is refused. */
function checkedTokens(tokens: readonly TokenView[]): TokenView[] {
  const seen = new Set<string>();
  return tokens.map((t, i) => {
    const mixed = /[a-f]/u.test(t.contract.slice(2)) && /[A-F]/u.test(t.contract.slice(2));
    const contract = addr.addChecksum(t.contract.toLowerCase());
    const twice = [`contract ${tokenAsset(t.chainId, contract)}`, `symbol ${t.chainId}:${t.symbol}`].some((k) => seen.has(k));
    if ((mixed && contract !== t.contract) || twice) {
      throw new CustosError(
        'TOKEN_LIST_INVALID',
        `Token ${i + 1} (${t.symbol}) ${twice ? 'is listed twice on its chain' : 'has a contract address whose EIP-55 checksum is broken'}. Nothing was recorded.`,
        { position: i + 1 },
      );
    }
    seen.add(`contract ${tokenAsset(t.chainId, contract)}`).add(`symbol ${t.chainId}:${t.symbol}`);
    return { chainId: t.chainId, contract, symbol: t.symbol, decimals: t.decimals };
  });
}

const asJson = (tokens: readonly TokenView[]): JsonValue =>
  tokens.map((t) => ({ chainId: t.chainId, contract: t.contract, symbol: t.symbol, decimals: t.decimals }));

export async function runTokenList(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('token-list');
  const tokens = checkedTokens(a.tokens);
  const witnessLabels = witnessNames(a.witnesses);
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('token-list', station);
  try {
    const before = station.wallets.tokens;
    const key = (t: TokenView) => tokenAsset(t.chainId, t.contract);
    const added = tokens.filter((t) => !before.some((b) => key(b) === key(t)));
    const removed = before.filter((b) => !tokens.some((t) => key(t) === key(b)));
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const witnesses = await present(station, answers, id, witnessLabels, 'witness');
    const run = await CeremonyRun.open(station, tokenList, id, { reason: a.reason }, [{ signer: officer!, role: 'officer' }], { drillOnline: env.drillOnline });
    return await guarded(run, officer!, witnesses[0]!, async () => {
      await run.step('adopt', { tokens: asJson(tokens), added: asJson(added), removed: asJson(removed) }, [
        { signer: officer!, role: 'officer' },
        { signer: witnesses[0]!, role: 'witness' },
      ]);
      const note = await run.close([{ signer: officer!, role: 'officer' }, ...witnesses.map((w) => ({ signer: w, role: 'witness' as const }))], witnesses);
      return {
        procedure: 'token-list',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: { tokens: tokens.length, added: added.length, removed: removed.length },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
