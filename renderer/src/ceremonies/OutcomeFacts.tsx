/**
 * The facts a finished ceremony reports, named in the screen's language: wallet states and transfer
 * kinds by the inventory's names, an incident's action and "none" from the outcome catalogue; ids,
 * names, amounts and lists as the engine gives them. Each value keeps its raw form in `data-value`.
 * Spec: docs/architecture.md, "Conventions" (English and French for every text);
 * main/app/app-api.ts CeremonyOutcome.
 */
import { useText } from '../i18n/locale-context.tsx';
import { INVENTORY_TEXT } from '../inventory/inventory-messages.ts';
import { FACT_KEYS, OUTCOME_TEXT, type FactKey } from './outcome-messages.ts';

const ACTIONS = { open: 'actionOpen', update: 'actionUpdate', close: 'actionClose' } as const;

function isFactKey(key: string): key is FactKey {
  return (FACT_KEYS as readonly string[]).includes(key);
}

export function OutcomeFacts(props: { readonly facts: Readonly<Record<string, string | number>> }) {
  const text = useText(OUTCOME_TEXT);
  const inventory = useText(INVENTORY_TEXT);
  const shown = (key: string, value: string | number): string => {
    const raw = String(value);
    if (raw === 'none' || raw === '') return text.none;
    if (key === 'state') return inventory.walletState(raw);
    if (key === 'kind') return inventory.transferKind(raw);
    if (key === 'action' && raw in ACTIONS) return text[ACTIONS[raw as keyof typeof ACTIONS]];
    return raw;
  };
  return (
    <dl className="facts">
      {Object.entries(props.facts).map(([key, value]) => (
        <div key={key}>
          <dt>{isFactKey(key) ? text[key] : key}</dt>
          <dd data-testid={`fact-${key}`} data-value={String(value)}>
            {shown(key, value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
