/**
 * Preparing a backup drill (procedure backup-drill@2; docs/cli.md answers): the wallet, the officer
 * and witnesses, and at least m holders presenting their shares; the core proves each and rebuilds
 * the wallet, which must give back the recorded fingerprint. The wallet's shares overdue for proof
 * are listed by holder: each must be presented, or marked as not presentable this time with the
 * reason, which the drill records (`unreachable`; issue 19, "Per-share proof").
 */
import { useState } from 'react';
import { formatDate } from '../../../../common/i18n/locale-format.ts';
import { useLocale, useText } from '../../i18n/locale-context.tsx';
import { EMPTY_ATTESTATION } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, SelectField, StartButton, TextField } from '../fields.tsx';
import { DRILL_TEXT } from './drill-messages.ts';
import type { FormProps } from './form-props.ts';
import { NEW_SHARE, SharesPresented, sharesAnswers, type ShareDraft } from './SharesPresented.tsx';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

export function BackupDrillForm({ inventory, busy, onStart }: FormProps<'backup-drill'>) {
  const text = useText(CEREMONY_TEXT);
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [wallet, setWallet] = useState('');
  const [shares, setShares] = useState<ShareDraft[]>([NEW_SHARE, NEW_SHARE]);
  /** Overdue shares marked as not presentable this time, with the reason typed (by wallet and share). */
  const [away, setAway] = useState<Readonly<Record<string, string>>>({});
  const own = useText(DRILL_TEXT);
  const locale = useLocale();
  const wallets = (inventory?.wallets ?? []).filter((w) => w.state === 'active' || w.state === 'distributed');
  const chosen = wallets.find((w) => w.id === wallet);
  const overdue = (chosen?.shares ?? []).filter((s) => s.overdue);
  const nameOf = (keyid: string | null) => inventory?.participants.find((p) => p.keyid === keyid)?.name ?? keyid ?? '—';
  const awayOf = (index: number): string | undefined => away[`${wallet}/${index}`];
  const unreachable = overdue.filter((s) => awayOf(s.index) !== undefined).map((s) => ({ share: s.index, reason: awayOf(s.index)!.trim() }));
  const missing = stillNeeded([
    ...presenceNeeds(presence, text),
    [wallet.length > 0, text.needWallet],
    [shares.length > 0, text.needShares],
    ...unreachable.map((u): readonly [boolean, string] => [u.reason.length > 0, own.needReason(u.share)]),
  ]);
  const ready = missing.length === 0 && presenceReady(presence);

  const start = () => {
    const holders = sharesAnswers(shares);
    const people = presenceAnswers(presence);
    onStart({
      station: {},
      ...people,
      participants: { ...people.participants, ...holders.participants },
      wallet,
      shares: holders.shares,
      ...(unreachable.length > 0 ? { unreachable } : {}),
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
      <SelectField label={text.drillWallet} value={wallet} onChange={setWallet}>
        <option value="">{text.chooseWallet}</option>
        {wallets.map((w) => (
          <option key={w.id} value={w.id}>{`${w.id} — ${w.label} (${w.threshold}/${w.shareCount})`}</option>
        ))}
      </SelectField>
      {chosen && (
        <div className="field" data-testid="drill-overdue">
          <h4>{own.overdueHeading}</h4>
          {overdue.length === 0 ? (
            <p className="hint">{own.noneOverdue}</p>
          ) : (
            <>
              <p className="hint">{own.overdueHelp}</p>
              {overdue.map((s) => (
                <div key={s.index} className="field" data-testid={`overdue-share-${s.index}`}>
                  <p>{own.overdueShare(s.index, chosen.shareCount, nameOf(s.holder), s.due === null ? '—' : formatDate(s.due, locale))}</p>
                  <CheckField
                    label={own.cannotPresent}
                    checked={awayOf(s.index) !== undefined}
                    testId={`overdue-away-${s.index}`}
                    onChange={(checked) =>
                      setAway((a) => {
                        const { [`${wallet}/${s.index}`]: _dropped, ...rest } = a;
                        return checked ? { ...rest, [`${wallet}/${s.index}`]: '' } : rest;
                      })
                    }
                  />
                  {awayOf(s.index) !== undefined && (
                    <TextField
                      label={own.reason}
                      value={awayOf(s.index)!}
                      testId={`overdue-reason-${s.index}`}
                      onChange={(v) => setAway((a) => ({ ...a, [`${wallet}/${s.index}`]: v }))}
                    />
                  )}
                </div>
              ))}
            </>
          )}
        </div>
      )}
      <SharesPresented value={shares} onChange={setShares} />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
