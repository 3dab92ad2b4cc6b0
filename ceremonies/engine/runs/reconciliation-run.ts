/**
 * Headless reconciliation (procedure reconciliation; R8): the balances file from the watch-only side
 * is attributed to the recorded wallets by deriving each account's receive and change addresses
 * (the first `addressGap`, default 200) in the crypto core, from public keys only. For each wallet and
 * chain, and each token of the station's list a wallet's Ethereum addresses hold or the record says
 * it holds (issue 18; a token's balance names its symbol), held (the sum of its addresses' balances)
 * is compared with the holdings the record gives
 * (inventory/wallets.ts: the last reconciled amount, less confirmed transfers out, plus sweeps
 * received) plus the credits declared from the custodian's register since. Every difference, and
 * every balance at an address no wallet derives, is a `discrepancy` step that opens an incident.
 * Answers: station, participants, officer, witness, balances {file, asOf}, credits? [{wallet, chain,
 * asset?, amount, reference}], addressGap?, witnessCheckpoints.
 */
import type { Chain } from '../../../crypto/protocol.ts';
import { CustosError } from '../../custos-error.ts';
import { tokenAsset, type TokenView } from '../../inventory/ethereum-assets.ts';
import { add, toBaseUnits, toUnits } from '../../inventory/holdings.ts';
import { reconciliation } from '../../procedures/reconciliation.ts';
import type { JsonValue } from '../../record/entry-payload.ts';
import { invalid, type Answers } from '../answers.ts';
import { readBalancesFile } from '../balances-file.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import type { Station } from '../station.ts';

interface Row {
  wallet: string;
  chain: string;
  recorded: string;
  held: string;
  difference: string;
  addresses: number;
}

/** The chain an address no wallet derives probably belongs to, from its form. */
function chainOfAddress(address: string): string | null {
  if (/^bcrt1/u.test(address)) return 'regtest';
  if (/^(tb1|[mn2])/u.test(address)) return 'testnet';
  if (/^(bc1|[13])/u.test(address)) return 'bitcoin';
  if (/^0x[0-9a-fA-F]{40}$/u.test(address)) return 'ethereum';
  return null;
}

async function attribute(station: Station, gap: number): Promise<Map<string, { wallet: string; chain: string }>> {
  const owner = new Map<string, { wallet: string; chain: string }>();
  for (const wallet of station.wallets.byId.values()) {
    for (const account of wallet.accounts) {
      for (const branch of account.chain === 'ethereum' ? [0 as const] : [0 as const, 1 as const]) {
        const { addresses } = await station.client.call('deriveAddresses', { chain: account.chain as Chain, xpub: account.xpub, branch, from: 0, count: gap });
        for (const a of addresses) owner.set(account.chain === 'ethereum' ? a.toLowerCase() : a, { wallet: wallet.id, chain: account.chain });
      }
    }
  }
  return owner;
}

/** Tokens are reconciled on Ethereum mainnet (chain id 1), where the wallets' `ethereum` holdings are. */
const MAINNET = '1';

/** The listed mainnet token named `symbol`, or a refusal naming where it was named. */
function listedToken(tokens: readonly TokenView[], symbol: string, where: () => CustosError): TokenView {
  const token = tokens.find((t) => t.chainId === MAINNET && t.symbol === symbol);
  if (!token) throw where();
  return token;
}

export async function runReconciliation(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('reconciliation');
  const balances = readBalancesFile(a.balances.file);
  const asOf = a.balances.asOf;
  const gap = a.addressGap;
  const creditAnswers = a.credits ?? [];
  const media = CheckpointMedia.plan(a.witnessCheckpoints, [a.witness], dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('reconciliation', station);
  try {
    const credits = creditAnswers.map((credit, i) => {
      const wallet = station.wallets.byId.get(credit.wallet);
      if (!wallet) throw new CustosError('WALLET_NOT_FOUND', `No wallet named ${credit.wallet} is recorded. Nothing was recorded.`, { wallet: credit.wallet });
      const chain = credit.chain;
      if (!wallet.chains.includes(chain)) throw invalid(`credits.${i}.chain`, `is not a chain of ${wallet.id}`);
      if (credit.asset !== undefined && credit.asset !== 'ETH') {
        if (chain !== 'ethereum') throw invalid(`credits.${i}.asset`, 'names a token, which only an ethereum account holds');
        const token = listedToken(
          station.wallets.tokens,
          credit.asset,
          () => new CustosError('TOKEN_NOT_LISTED', `${credit.asset} is not a token on this station's list. Nothing was recorded.`, { asset: credit.asset! }),
        );
        return {
          wallet: wallet.id,
          chain: tokenAsset(token.chainId, token.contract),
          amount: toUnits(credit.amount, token.decimals, token.symbol, `credits.${i}.amount`).toString(),
          reference: credit.reference,
        };
      }
      return {
        wallet: wallet.id,
        chain,
        amount: toBaseUnits(credit.amount, chain, `credits.${i}.amount`).toString(),
        reference: credit.reference,
      };
    });
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const [witness] = await present(station, answers, id, [a.witness], 'witness');
    const owner = await attribute(station, gap);
    const held = new Map<string, bigint>();
    const unattributed: { address: string; chain: string | null; amount: string }[] = [];
    for (const { address, amount, asset } of balances.balances) {
      const found = owner.get(address) ?? owner.get(address.toLowerCase());
      const coin = found?.chain ?? chainOfAddress(address);
      if (!coin)
        throw new CustosError(
          'BALANCES_INVALID',
          `The balances file ${balances.fileName} lists ${address}, an address of no chain Custos knows. Nothing was recorded.`,
          { file: balances.fileName },
        );
      const where = `${balances.fileName}, ${address}`;
      let chain = coin;
      let base: bigint;
      if (asset === null || asset === 'ETH') base = toBaseUnits(amount, coin, where);
      else {
        // A token's balance: at an Ethereum address, of a token the station lists.
        const bad = () =>
          new CustosError(
            'BALANCES_INVALID',
            `The balances file ${balances.fileName} gives ${address} a balance of ${asset}, which is not a token this station lists on an Ethereum address. Nothing was recorded.`,
            { file: balances.fileName },
          );
        if (coin !== 'ethereum') throw bad();
        const token = listedToken(station.wallets.tokens, asset, bad);
        chain = tokenAsset(token.chainId, token.contract);
        base = toUnits(amount, token.decimals, token.symbol, where);
      }
      if (found) held.set(`${found.wallet}\u0000${chain}`, (held.get(`${found.wallet}\u0000${chain}`) ?? 0n) + base);
      else if (base > 0n) unattributed.push({ address, chain, amount: base.toString() });
    }
    const rows: Row[] = [];
    const row = (wallet: string, chain: string, recordedBefore: string) => {
      let recorded = recordedBefore;
      for (const c of credits.filter((x) => x.wallet === wallet && x.chain === chain)) recorded = add(recorded, c.amount);
      const h = held.get(`${wallet}\u0000${chain}`) ?? 0n;
      return { wallet, chain, recorded, held: h.toString(), difference: (h - BigInt(recorded)).toString(), addresses: gap };
    };
    for (const wallet of station.wallets.byId.values()) {
      for (const account of wallet.accounts) rows.push(row(wallet.id, account.chain, wallet.holdings[account.chain]?.recorded ?? '0'));
      if (!wallet.chains.includes('ethereum')) continue;
      // Each listed token the wallet holds, by the record, the balances or a credit declared.
      for (const token of station.wallets.tokens.filter((t) => t.chainId === MAINNET)) {
        const asset = tokenAsset(token.chainId, token.contract);
        const r = row(wallet.id, asset, wallet.holdings[asset]?.recorded ?? '0');
        if (wallet.holdings[asset] !== undefined || r.held !== '0' || r.recorded !== '0') rows.push(r);
      }
    }
    const run = await CeremonyRun.open(
      station,
      reconciliation,
      id,
      {
        source: { fileName: balances.fileName, sha256: balances.sha256, format: balances.format, addresses: balances.balances.length },
        asOf,
        credits: credits as unknown as JsonValue,
      },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    const attest = [
      { signer: officer!, role: 'officer' as const },
      { signer: witness!, role: 'witness' as const },
    ];
    return await guarded(run, officer!, witness!, async () => {
      await run.step('compare', { wallets: rows as unknown as JsonValue, unattributed: unattributed as unknown as JsonValue }, attest);
      let n = 0;
      const incidents: string[] = [];
      for (const row of rows.filter((r) => r.difference !== '0')) {
        const incident = `REC-${id}-${++n}`;
        incidents.push(incident);
        await run.step(
          'discrepancy',
          { incident, wallet: row.wallet, chain: row.chain, address: null, recorded: row.recorded, held: row.held, difference: row.difference },
          attest,
        );
      }
      for (const u of unattributed) {
        const incident = `REC-${id}-${++n}`;
        incidents.push(incident);
        await run.step(
          'discrepancy',
          { incident, wallet: null, chain: u.chain, address: u.address, recorded: '0', held: u.amount, difference: u.amount },
          attest,
        );
      }
      const note = await run.close(attest, [witness!]);
      return {
        procedure: 'reconciliation',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: { wallets: new Set(rows.map((r) => r.wallet)).size, discrepancies: n, incidents: incidents.join(', ') || 'none' },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
