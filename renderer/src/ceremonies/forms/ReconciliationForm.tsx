/**
 * Preparing a reconciliation (procedure reconciliation; R8, R5; docs/cli.md "`reconciliation`" and
 * "Balances file"): the officer and ONE witness; the balances file the watch-only side exported (the
 * forms it may take are said here), when those balances were observed (a date, and a UTC time if
 * known), the deposits declared since the last reconciliation (DepositCredits.tsx), and how many
 * addresses per account are derived. What each difference becomes is said before the start; the
 * outcome's facts give the number of discrepancies and the incidents opened. The answers are built in
 * reconciliation-answers.ts.
 */
import { useId, useState } from 'react';
import { ETHEREUM_CHAIN_IDS } from '../../../../common/answers/vocabulary.ts';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION } from '../Attestation.tsx';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField, StartButton } from '../fields.tsx';
import { DepositCredits } from './DepositCredits.tsx';
import type { FormProps } from './form-props.ts';
import { DEFAULT_GAP, MAX_GAP, gapValid, reconciliationAnswers, reconciliationNeeds, type CreditDraft } from './reconciliation-answers.ts';
import { RECONCILIATION_TEXT } from './reconciliation-messages.ts';

export function ReconciliationForm({ inventory, busy, onStart }: FormProps<'reconciliation'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(RECONCILIATION_TEXT);
  const id = useId();
  const [officer, setOfficer] = useState(EMPTY_ATTESTATION);
  const [witness, setWitness] = useState(EMPTY_ATTESTATION);
  const [balances, setBalances] = useState<Chosen | null>(null);
  const [asOfDate, setAsOfDate] = useState('');
  const [asOfTime, setAsOfTime] = useState('');
  const [credits, setCredits] = useState<CreditDraft[]>([]);
  const [addressGap, setAddressGap] = useState(DEFAULT_GAP);
  const wallets = (inventory?.wallets ?? []).filter((w) => w.state !== 'aborted');
  const draft = { officer, witness, balances, asOfDate, asOfTime, credits, addressGap };
  const missing = reconciliationNeeds(draft, { ...text, ...own });

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        onStart(reconciliationAnswers(draft));
      }}
    >
      <Attestation role={text.roleOfficer} testId="attest-officer" value={officer} onChange={setOfficer} />
      <Attestation role={own.witness} testId="attest-witness-1" value={witness} onChange={setWitness} />
      <h3>{own.balancesSection}</h3>
      <h4>{own.balancesFile}</h4>
      <ChooseField
        kind="balances-file"
        button={own.chooseBalances}
        chosenText={own.balancesChosen}
        emptyText={own.noBalances}
        value={balances}
        onChange={setBalances}
      />
      <div className="hint" data-testid="balances-formats">
        <p>{own.formatsIntro}</p>
        <ul>
          <li>
            {own.formatObject} <code>{'{"bc1q…": "2.4999", "0x4D71…": "12.5"}'}</code>
          </li>
          <li>
            {own.formatList} <code>{'[{"address": "bc1q…", "amount": "2.4999"}]'}</code>
          </li>
          <li>
            {own.formatCsv} <code>address,amount</code>
          </li>
        </ul>
        <p>{own.formatAmounts}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{own.asOf}</label>
        <input id={`${id}-date`} data-testid="balances-as-of" type="date" value={asOfDate} onChange={(e) => setAsOfDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-time`}>{own.asOfTime}</label>
        <input id={`${id}-time`} data-testid="balances-as-of-time" type="time" step={1} value={asOfTime} onChange={(e) => setAsOfTime(e.target.value)} />
      </div>
      <p className="hint">{own.asOfHelp}</p>
      <DepositCredits
        wallets={wallets}
        tokens={(inventory?.tokens ?? []).filter((t) => t.chainId === ETHEREUM_CHAIN_IDS.mainnet).map((t) => t.symbol)}
        value={credits}
        onChange={setCredits}
      />
      <div className="field">
        <label htmlFor={`${id}-gap`}>{own.gap}</label>
        <input
          id={`${id}-gap`}
          data-testid="address-gap"
          type="number"
          min={1}
          max={MAX_GAP}
          step={1}
          value={addressGap}
          aria-invalid={!gapValid(addressGap)}
          onChange={(e) => setAddressGap(Number(e.target.value))}
        />
      </div>
      <p className="hint">{own.gapHelp}</p>
      <p className="hint">{own.whatHappens}</p>
      <StartButton ready={missing.length === 0} busy={busy} missing={missing} />
    </form>
  );
}
