/**
 * Adopting the station's token list (procedure token-list; R6, R10; docs/cli.md "`token-list`"): the
 * officer and two witnesses, the reason, and the whole list after the ceremony, starting from the
 * list in force; each token a network, a contract, a symbol and its decimals. The engine checks each
 * contract's EIP-55 checksum and that no token is listed twice.
 */
import { useState } from 'react';
import { ETHEREUM_CHAIN_IDS, ETHEREUM_NETWORKS } from '../../../../common/answers/vocabulary.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { EMPTY_ATTESTATION } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { SelectField, StartButton, TextField, replacedAt } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { TOKEN_LIST_TEXT } from './token-list-messages.ts';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

interface TokenDraft {
  readonly chainId: string;
  readonly contract: string;
  readonly symbol: string;
  readonly decimals: string;
}

const NEW_TOKEN: TokenDraft = { chainId: ETHEREUM_CHAIN_IDS.mainnet, contract: '', symbol: '', decimals: '' };

function tokenReady(t: TokenDraft): boolean {
  return /^0x[0-9a-fA-F]{40}$/u.test(t.contract.trim()) && /^[A-Za-z0-9.$-]{1,12}$/u.test(t.symbol.trim()) && /^(\d|[12]\d|3[0-6])$/u.test(t.decimals.trim());
}

export function TokenListForm({ inventory, busy, onStart }: FormProps<'token-list'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(TOKEN_LIST_TEXT);
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [reason, setReason] = useState('');
  const [tokens, setTokens] = useState<TokenDraft[]>(() =>
    (inventory?.tokens ?? []).map((t) => ({ chainId: t.chainId, contract: t.contract, symbol: t.symbol, decimals: String(t.decimals) })),
  );
  const missing = stillNeeded([
    ...presenceNeeds(presence, text),
    [reason.trim().length > 0 && reason.length <= 400, own.needReason],
    ...tokens.map((t, i): readonly [boolean, string] => [tokenReady(t), own.needToken(i + 1)]),
  ]);
  const ready = missing.length === 0 && presenceReady(presence);

  const start = () => {
    const people = presenceAnswers(presence);
    onStart({
      station: {},
      ...people,
      reason: reason.trim(),
      tokens: tokens.map((t) => ({ chainId: t.chainId, contract: t.contract.trim(), symbol: t.symbol.trim(), decimals: Number(t.decimals) })),
    });
  };

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <WitnessesAndOfficer value={presence} onChange={setPresence} />
      <TextField label={own.reason} value={reason} onChange={setReason} testId="token-list-reason" />
      <h3>{own.tokensSection}</h3>
      <p className="hint">{own.tokensHelp}</p>
      {tokens.map((t, i) => {
        const set = (change: Partial<TokenDraft>) => setTokens((list) => replacedAt(list, i, { ...t, ...change }));
        return (
          <fieldset key={i} className="chains" data-testid={`token-${i + 1}`}>
            <legend>{own.tokenTitle(i + 1)}</legend>
            <SelectField label={own.chain} value={t.chainId} onChange={(chainId) => set({ chainId })} testId={`token-${i + 1}-chain`}>
              {ETHEREUM_NETWORKS.map((n) => (
                <option key={n} value={ETHEREUM_CHAIN_IDS[n]}>
                  {n}
                </option>
              ))}
            </SelectField>
            <TextField label={own.contract} value={t.contract} onChange={(contract) => set({ contract })} testId={`token-${i + 1}-contract`} />
            <TextField label={own.symbol} value={t.symbol} onChange={(symbol) => set({ symbol })} testId={`token-${i + 1}-symbol`} />
            <TextField label={own.decimals} value={t.decimals} onChange={(decimals) => set({ decimals })} testId={`token-${i + 1}-decimals`} />
            <button type="button" onClick={() => setTokens((list) => list.filter((_, k) => k !== i))}>
              {own.removeToken}
            </button>
          </fieldset>
        );
      })}
      <button type="button" data-testid="add-token" onClick={() => setTokens((list) => [...list, NEW_TOKEN])}>
        {own.addToken}
      </button>
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
