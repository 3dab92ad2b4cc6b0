/**
 * The deposits a reconciliation declares (procedure reconciliation, `credits`; docs/cli.md
 * "`reconciliation`"): rows the officer adds and removes, each a wallet of the inventory, one of that
 * wallet's chains (on ethereum, the ether or a token of the station's list), the amount in coins as decimal text (kept exactly as typed; the engine converts it
 * to base units) and the reference of the deposit in the custodian's register.
 */
import { useId } from 'react';
import type { WalletSummary } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { replacedAt } from '../fields.tsx';
import { NEW_CREDIT, type CreditDraft } from './reconciliation-answers.ts';
import { RECONCILIATION_TEXT } from './reconciliation-messages.ts';

function CreditRow(props: {
  readonly n: number;
  readonly wallets: readonly WalletSummary[];
  /** The symbols of the station's mainnet tokens, which an ethereum account may be credited with. */
  readonly tokens: readonly string[];
  readonly value: CreditDraft;
  readonly onChange: (v: CreditDraft) => void;
  readonly onRemove: () => void;
}) {
  const own = useText(RECONCILIATION_TEXT);
  const id = useId();
  const c = props.value;
  const wallet = props.wallets.find((w) => w.id === c.wallet);
  const tid = `credit-${props.n}`;
  return (
    <fieldset className="holder-plan" data-testid={tid}>
      <legend>{own.creditTitle(props.n)}</legend>
      <div className="field">
        <label htmlFor={`${id}-wallet`}>{own.creditWallet}</label>
        <select
          id={`${id}-wallet`}
          data-testid={`${tid}-wallet`}
          value={c.wallet}
          onChange={(e) => {
            const chosen = props.wallets.find((w) => w.id === e.target.value);
            props.onChange({ ...c, wallet: e.target.value, chain: chosen?.chains.length === 1 ? chosen.chains[0]! : '' });
          }}
        >
          <option value="">{own.chooseWallet}</option>
          {props.wallets.map((w) => (
            <option key={w.id} value={w.id}>{`${w.id} — ${w.label}`}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-chain`}>{own.creditChain}</label>
        <select id={`${id}-chain`} data-testid={`${tid}-chain`} value={c.chain} onChange={(e) => props.onChange({ ...c, chain: e.target.value })}>
          <option value="">—</option>
          {(wallet?.chains ?? []).map((chain) => (
            <option key={chain} value={chain}>
              {chain}
            </option>
          ))}
        </select>
      </div>
      {c.chain === 'ethereum' && props.tokens.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-asset`}>{own.creditAsset}</label>
          <select id={`${id}-asset`} data-testid={`${tid}-asset`} value={c.asset ?? 'ETH'} onChange={(e) => props.onChange({ ...c, asset: e.target.value })}>
            <option value="ETH">ETH</option>
            {props.tokens.map((symbol) => (
              <option key={symbol} value={symbol}>
                {symbol}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-amount`}>{own.creditAmount}</label>
        <input
          id={`${id}-amount`}
          data-testid={`${tid}-amount`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={c.amount}
          onChange={(e) => props.onChange({ ...c, amount: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reference`}>{own.creditReference}</label>
        <input
          id={`${id}-reference`}
          data-testid={`${tid}-reference`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={120}
          value={c.reference}
          onChange={(e) => props.onChange({ ...c, reference: e.target.value })}
        />
      </div>
      <div className="row">
        <button type="button" onClick={props.onRemove}>
          {own.removeCredit}
        </button>
      </div>
    </fieldset>
  );
}

export function DepositCredits(props: {
  readonly wallets: readonly WalletSummary[];
  readonly tokens: readonly string[];
  readonly value: readonly CreditDraft[];
  readonly onChange: (v: CreditDraft[]) => void;
}) {
  const own = useText(RECONCILIATION_TEXT);
  return (
    <section>
      <h3>{own.creditsSection}</h3>
      <p className="hint">{own.creditsHelp}</p>
      {props.value.map((c, i) => (
        <CreditRow
          key={i}
          n={i + 1}
          wallets={props.wallets}
          tokens={props.tokens}
          value={c}
          onChange={(v) => props.onChange(replacedAt(props.value, i, v))}
          onRemove={() => props.onChange(props.value.filter((_, k) => k !== i))}
        />
      ))}
      <div className="row">
        <button type="button" data-testid="add-credit" onClick={() => props.onChange([...props.value, NEW_CREDIT])} disabled={props.value.length >= 256}>
          {own.addCredit}
        </button>
      </div>
    </section>
  );
}
