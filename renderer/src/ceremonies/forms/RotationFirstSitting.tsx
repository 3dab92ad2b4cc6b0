/**
 * First sitting of a compromise rotation (procedure compromise-rotation; docs/cli.md
 * `compromise-rotation`, "First sitting"; ADR 0012): the wallet to rotate (active, or compromised
 * after an aborted rotation), the open incident of the register that names it, the replacement —
 * a new id, the old wallet's class and client (shown, not chosen: R7), a description, at least the
 * old wallet's chains, its quorum, drill interval and holders with their media and bags, as in
 * create-wallet — the file the replacement's public descriptor is written to for the coordinator,
 * and the hand-over confirmation. The ceremony then stays open, waiting for the sweep.
 */
import { CHAINS, oneOfValues, type Chain } from '../../../../common/answers/vocabulary.ts';
import { useState } from 'react';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { EMPTY_ATTESTATION } from '../Attestation.tsx';
import { attestationReady, presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, ChooseField, chosenAnswer, NumberField, SelectField, StartButton, TextField, toggled } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { HOLDERS_MAX, HOLDERS_MIN, HoldersPlanned, NEW_HOLDER, holdersAnswers, holdersReady, resizeHolders, type HolderDraft } from './HoldersPlanned.tsx';
import { ROTATION_TEXT } from './rotation-messages.ts';
import { WALLET_CHAINS, incidentsFor, shorten, walletsToRotate } from './rotation-model.ts';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

export function RotationFirstSitting({ inventory, busy, onStart }: FormProps<'compromise-rotation'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(ROTATION_TEXT);
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [walletId, setWalletId] = useState('');
  const [incident, setIncident] = useState('');
  const [replacementId, setReplacementId] = useState('');
  const [label, setLabel] = useState('');
  const [extraChains, setExtraChains] = useState<Chain[]>([]);
  const [threshold, setThreshold] = useState(2);
  const [drillDays, setDrillDays] = useState(180);
  const [holders, setHolders] = useState<HolderDraft[]>([NEW_HOLDER, NEW_HOLDER, NEW_HOLDER]);
  const [descriptor, setDescriptor] = useState<Chosen | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  const candidates = walletsToRotate(inventory);
  const old = candidates.find((w) => w.id === walletId);
  const incidents = old ? incidentsFor(inventory, old.id) : [];
  const oldChains = (old?.chains ?? []).flatMap((c) => oneOfValues(CHAINS, c) ?? []);
  const chains: Chain[] = [...oldChains, ...extraChains.filter((c) => !oldChains.includes(c))];

  const chooseWallet = (id: string) => {
    const chosen = candidates.find((w) => w.id === id);
    setWalletId(id);
    setIncident(chosen ? (incidentsFor(inventory, chosen.id)[0]?.id ?? '') : '');
    if (chosen) setDrillDays(chosen.drillIntervalDays);
  };

  const missing = stillNeeded([
    ...presenceNeeds(presence, text),
    [old !== undefined, own.walletToRotate],
    [incident.length > 0, own.incident],
    [replacementId.length > 0, own.replacementId],
    [label.length > 0, text.needLabel],
    ...holders.flatMap((h, i): (readonly [boolean, string])[] => [
      [attestationReady(h.person), text.needHolderKey(i + 1)],
      [h.media !== 'file' || h.folder !== null, text.needHolderFolder(i + 1)],
    ]),
    [descriptor !== null, own.descriptorSection],
    [confirmed, text.needConfirmation],
  ]);
  const ready = missing.length === 0 && presenceReady(presence) && holdersReady(holders);

  const start = () => {
    if (!old) return;
    const people = presenceAnswers(presence);
    const planned = holdersAnswers(holders);
    onStart({
      station: {},
      officer: people.officer,
      witnesses: people.witnesses,
      participants: { ...people.participants, ...planned.participants },
      wallet: old.id,
      incident,
      replacement: {
        wallet: { id: replacementId, class: old.class, ...(old.ownerRef ? { clientRef: old.ownerRef } : {}), label },
        chains,
        threshold,
        drillIntervalDays: drillDays,
        holders: planned.holders,
      },
      descriptorFile: chosenAnswer(descriptor),
      confirm: { holdersReceivedShares: confirmed },
    });
  };

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
      data-testid="rotation-first-sitting"
    >
      <p className="hint">{own.firstSitting}</p>
      <WitnessesAndOfficer value={presence} onChange={setPresence} />
      <h3>{own.rotatedSection}</h3>
      {candidates.length === 0 ? (
        <p>{own.noWallet}</p>
      ) : (
        <SelectField label={own.walletToRotate} value={walletId} onChange={chooseWallet}>
          <option value="">{own.chooseWallet}</option>
          {candidates.map((w) => (
            <option key={w.id} value={w.id}>
              {(w.state === 'active' ? own.walletOption : own.walletOptionAborted)(w.id, shorten(w.label, 60))}
            </option>
          ))}
        </SelectField>
      )}
      {old &&
        (incidents.length === 0 ? (
          <p className="notice notice--error" data-testid="no-incident">
            {own.noIncident}
          </p>
        ) : (
          <SelectField label={own.incident} value={incident} onChange={setIncident}>
            <option value="">{own.chooseIncident}</option>
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {own.incidentOption(i.id, shorten(i.nature ?? '', 48))}
              </option>
            ))}
          </SelectField>
        ))}
      <h3>{own.replacementSection}</h3>
      <TextField label={own.replacementId} value={replacementId} onChange={setReplacementId} testId="replacement-id" />
      {old && (
        <div data-testid="replacement-inherited">
          <dl className="facts">
            <div>
              <dt>{text.walletClass}</dt>
              <dd>{old.class === 'client' ? text.classClient : text.classHouse}</dd>
            </div>
            {old.ownerRef && (
              <div>
                <dt>{text.clientRef}</dt>
                <dd data-testid="replacement-client-ref">{old.ownerRef}</dd>
              </div>
            )}
          </dl>
          <p className="hint">{own.inherited}</p>
        </div>
      )}
      <TextField label={text.walletLabel} value={label} onChange={setLabel} testId="replacement-label" />
      <fieldset className="chains">
        <legend>{text.chains}</legend>
        {WALLET_CHAINS.map((chain) => {
          const kept = old?.chains.includes(chain) ?? false;
          return (
            <CheckField
              key={chain}
              label={chain}
              checked={chains.includes(chain)}
              disabled={kept}
              onChange={(on) => setExtraChains((l) => toggled(l, chain, on))}
            />
          );
        })}
        {old && <p className="hint">{own.chainsKept}</p>}
      </fieldset>
      <NumberField
        label={text.holderCount}
        value={holders.length}
        min={HOLDERS_MIN}
        max={HOLDERS_MAX}
        onChange={(n) => setHolders((list) => resizeHolders(list, n))}
      />
      <NumberField label={text.threshold} value={threshold} min={2} max={holders.length} onChange={setThreshold} />
      <NumberField label={text.drillInterval} value={drillDays} min={7} max={730} onChange={setDrillDays} />
      <HoldersPlanned value={holders} onChange={setHolders} />
      <h3>{own.descriptorSection}</h3>
      <p className="hint">{own.descriptorHelp}</p>
      <ChooseField
        kind="save-file"
        button={own.chooseDescriptor}
        chosenText={own.descriptorChosen}
        emptyText={own.noDescriptor}
        value={descriptor}
        onChange={setDescriptor}
      />
      <CheckField label={text.confirmHandOver} checked={confirmed} onChange={setConfirmed} testId="confirm-hand-over" />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
