/**
 * The preconditions of a procedure (docs/procedures.md, "Preconditions"), checked against the
 * inventory before its ceremony opens: the wallet it names exists, is in a state the procedure
 * accepts, and is of the class it serves. A refusal records nothing and says what to do.
 */
import { CustosError } from '../custos-error.ts';
import type { ProcedureDefinition } from '../procedures/definition.ts';
import type { WalletView } from './wallets.ts';

/** The wallet a procedure's preconditions name, checked; throws with what to do otherwise. */
export function requireWallet(procedure: ProcedureDefinition, opening: { [field: string]: unknown }, wallets: ReadonlyMap<string, WalletView>): WalletView[] {
  const out: WalletView[] = [];
  for (const rule of procedure.preconditions ?? []) {
    const id = opening[rule.field];
    const wallet = typeof id === 'string' ? wallets.get(id) : undefined;
    if (!wallet) {
      throw new CustosError('WALLET_NOT_FOUND', `No wallet named ${String(id)} is recorded. Nothing was recorded.`, { wallet: String(id) });
    }
    if (!rule.states.includes(wallet.state)) {
      throw new CustosError(
        'WALLET_STATE_INVALID',
        `${procedure.title.en} needs a wallet that is ${rule.states.join(' or ')}; ${wallet.id} is ${wallet.state}. Nothing was recorded.`,
        { wallet: wallet.id, state: wallet.state, procedure: procedure.id },
      );
    }
    if (rule.classes && !rule.classes.includes(wallet.class)) {
      throw new CustosError(
        'WALLET_CLASS_INVALID',
        `${procedure.title.en} is only for ${rule.classes.join(' or ')} wallets; ${wallet.id} is a ${wallet.class} wallet. Nothing was recorded.`,
        { wallet: wallet.id, class: wallet.class, procedure: procedure.id },
      );
    }
    out.push(wallet);
  }
  return out;
}
