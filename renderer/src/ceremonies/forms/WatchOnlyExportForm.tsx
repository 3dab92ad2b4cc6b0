/**
 * Writing a wallet's watch-only export (procedure watch-only-export; R8; docs/cli.md
 * "`watch-only-export`"): the officer and one witness, the wallet, and where the file is written
 * for the coordinator (the station's save dialog). No share is presented: the export is made from
 * the public data the record holds.
 */
import { useState } from 'react';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, checkpointAnswers, participantAnswer } from '../Attestation.tsx';
import { stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField, chosenAnswer, SelectField, StartButton } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { TOKEN_LIST_TEXT } from './token-list-messages.ts';

export function WatchOnlyExportForm({ inventory, busy, onStart }: FormProps<'watch-only-export'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(TOKEN_LIST_TEXT);
  const [officer, setOfficer] = useState(EMPTY_ATTESTATION);
  const [witness, setWitness] = useState(EMPTY_ATTESTATION);
  const [wallet, setWallet] = useState('');
  const [file, setFile] = useState<Chosen | null>(null);
  const wallets = (inventory?.wallets ?? []).filter((w) => ['active', 'compromised', 'retired'].includes(w.state));
  const missing = stillNeeded([
    [attestationReady(officer), text.needKey(text.roleOfficer)],
    [attestationReady(witness), text.needKey(own.witness)],
    [wallet.length > 0, text.needWallet],
    [file !== null, own.needExportFile],
  ]);

  const start = () =>
    onStart({
      station: {},
      participants: { officer: participantAnswer(officer), witness: participantAnswer(witness) },
      officer: 'officer',
      witness: 'witness',
      witnessCheckpoints: checkpointAnswers([['witness', witness]]),
      wallet,
      exportFile: chosenAnswer(file),
    });

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <Attestation role={text.roleOfficer} testId="attest-officer" value={officer} onChange={setOfficer} />
      <Attestation role={own.witness} testId="attest-witness-1" value={witness} onChange={setWitness} />
      <h3>{own.exportSection}</h3>
      <SelectField label={own.exportWallet} value={wallet} onChange={setWallet} testId="export-wallet">
        <option value="">{own.chooseWallet}</option>
        {wallets.map((w) => (
          <option key={w.id} value={w.id}>{`${w.id} — ${w.label}`}</option>
        ))}
      </SelectField>
      <h4>{own.exportFile}</h4>
      <ChooseField
        kind="save-file"
        button={own.chooseExportFile}
        chosenText={own.exportFileChosen}
        emptyText={own.noExportFile}
        value={file}
        onChange={setFile}
      />
      <p className="hint">{own.exportHelp}</p>
      <StartButton ready={missing.length === 0} busy={busy} missing={missing} />
    </form>
  );
}
