/**
 * Preparing a destruction (procedure destruction; R1, R10; docs/cli.md "`destruction`"): the officer
 * and two witnesses; the wallet and the basis of its destruction — a retired wallet as retired, an
 * active or compromised one only on a zero balance that two approvers attest (with the date and the
 * place it was seen); the shares still to destroy, taken from the inventory with their holders, of
 * which the officer ticks those destroyed in this sitting (ShareToDestroy.tsx); and the officer's
 * confirmation that the media were destroyed. The answers are built in destruction-answers.ts.
 */
import { useId, useState } from 'react';
import type { WalletSummary } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { EMPTY_ATTESTATION } from '../Attestation.tsx';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, replacedAt, StartButton } from '../fields.tsx';
import {
  basisFor,
  destructionAnswers,
  destructionNeeds,
  recordShowsEmpty,
  sharesToDestroy,
  type Basis,
  type ShareDestruction,
  type ZeroBalanceDraft,
} from './destruction-answers.ts';
import { DESTRUCTION_TEXT } from './destruction-messages.ts';
import type { FormProps } from './form-props.ts';
import { ShareToDestroy } from './ShareToDestroy.tsx';
import { WitnessesAndOfficer, type Presence } from './WitnessesAndOfficer.tsx';
import { ZeroBalanceAttestation } from './ZeroBalanceAttestation.tsx';

const GROUPS = [
  ['retired', 'groupRetired'],
  ['active', 'groupActive'],
  ['compromised', 'groupCompromised'],
  ['aborted', 'groupAborted'],
] as const;

export function DestructionForm({ inventory, busy, onStart }: FormProps<'destruction'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(DESTRUCTION_TEXT);
  const id = useId();
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [wallet, setWallet] = useState<WalletSummary | null>(null);
  const [zero, setZero] = useState<ZeroBalanceDraft>({ approvers: [EMPTY_ATTESTATION, EMPTY_ATTESTATION], asOf: '', source: '' });
  const [shares, setShares] = useState<ShareDestruction[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const wallets = (inventory?.wallets ?? []).filter((w) => basisFor(w.state) !== null);
  const basis = wallet ? basisFor(wallet.state) : null;
  const draft = { presence, wallet, zero, shares, confirmed };
  const missing = destructionNeeds(draft, { ...text, ...own });
  const nameOf = (keyid: string | null) => (keyid === null ? null : (inventory?.participants.find((p) => p.keyid === keyid)?.name ?? keyid));

  const chooseWallet = (walletId: string) => {
    const chosen = wallets.find((w) => w.id === walletId) ?? null;
    setWallet(chosen);
    setShares(chosen ? sharesToDestroy(chosen) : []);
  };

  const basisOption = (value: Basis, label: string, help: string) => (
    <div className="basis">
      <label className="check">
        <input type="radio" name={`${id}-basis`} value={value} data-testid={`basis-${value}`} checked={basis === value} disabled={basis !== value} readOnly />
        {label}
      </label>
      <p className="hint">{help}</p>
    </div>
  );

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        onStart(destructionAnswers(draft));
      }}
    >
      <WitnessesAndOfficer value={presence} onChange={setPresence} />
      <h3>{own.walletSection}</h3>
      {wallets.length === 0 ? (
        <p>{own.noWallet}</p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-wallet`}>{own.wallet}</label>
          <select id={`${id}-wallet`} data-testid="destruction-wallet" value={wallet?.id ?? ''} onChange={(e) => chooseWallet(e.target.value)}>
            <option value="">{own.chooseWallet}</option>
            {GROUPS.map(
              ([state, group]) =>
                wallets.some((w) => w.state === state) && (
                  <optgroup key={state} label={own[group]}>
                    {wallets
                      .filter((w) => w.state === state)
                      .map((w) => (
                        <option key={w.id} value={w.id}>{`${w.id} — ${w.label}`}</option>
                      ))}
                  </optgroup>
                ),
            )}
          </select>
        </div>
      )}
      <fieldset className="chains" data-testid="destruction-basis" data-basis={basis ?? ''}>
        <legend>{own.basis}</legend>
        {basisOption('retired', own.basisRetired, own.basisRetiredHelp)}
        {basisOption('zero-balance', own.basisZero, own.basisZeroHelp)}
        {basisOption('aborted', own.basisAborted, own.basisAbortedHelp)}
      </fieldset>
      {wallet && basis === 'zero-balance' && (
        <>
          {!recordShowsEmpty(wallet) && (
            <p className="notice notice--error" data-testid="not-empty-warning">
              {own.notEmpty}
            </p>
          )}
          <ZeroBalanceAttestation value={zero} onChange={setZero} />
        </>
      )}
      {wallet && (
        <section>
          <h3>{own.sharesSection}</h3>
          <p className="hint">{own.sharesHelp}</p>
          {shares.length === 0 ? (
            <p>{own.noShares}</p>
          ) : (
            shares.map((d, i) => {
              const share = wallet.shares.find((s) => s.index === d.index)!;
              return (
                <ShareToDestroy
                  key={d.index}
                  share={share}
                  count={wallet.shareCount}
                  holderName={nameOf(share.holder)}
                  value={d}
                  onChange={(v) => setShares((list) => replacedAt(list, i, v))}
                />
              );
            })
          )}
        </section>
      )}
      <CheckField label={own.confirm} checked={confirmed} onChange={setConfirmed} testId="confirm-destroyed" />
      <StartButton ready={missing.length === 0} busy={busy} missing={missing} />
    </form>
  );
}
