/**
 * The ceremonies screen: the station's procedures, those with a form run on this screen, the others
 * named with their `custos run` command; choosing one opens its runner. Spec: docs/desktop-app.md,
 * "The screens" (Ceremonies); the forms produce the answers of docs/cli.md.
 */
import type { AnswersName } from '../../../common/answers/procedure-answers.ts';
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import type { AppError, Chosen, InventoryView, ProcedureView } from '../../../main/app/app-api.ts';
import { asAppError } from '../app-error.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { custosApi } from '../custos-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { CEREMONY_TEXT } from './ceremony-messages.ts';
import { CeremonyRunner } from './CeremonyRunner.tsx';
import { BackupDrillForm } from './forms/BackupDrillForm.tsx';
import { CreateWalletForm } from './forms/CreateWalletForm.tsx';
import type { FormProps } from './forms/form-props.ts';
import { IncidentForm } from './forms/IncidentForm.tsx';
import { ConfirmTransferForm } from './forms/ConfirmTransferForm.tsx';
import { EnrolForm } from './forms/EnrolForm.tsx';
import { RevokeForm } from './forms/RevokeForm.tsx';
import { StationSetupForm } from './forms/StationSetupForm.tsx';
import { RestitutionForm } from './forms/RestitutionForm.tsx';
import { RotationForm } from './forms/RotationForm.tsx';
import { ChangeHolderForm } from './forms/ChangeHolderForm.tsx';
import { DestructionForm } from './forms/DestructionForm.tsx';
import { ReconciliationForm } from './forms/ReconciliationForm.tsx';
import { ReshareForm } from './forms/ReshareForm.tsx';
import { ProofOfControlForm } from './forms/ProofOfControlForm.tsx';
import { TokenListForm } from './forms/TokenListForm.tsx';
import { WatchOnlyExportForm } from './forms/WatchOnlyExportForm.tsx';
import { AbortForm } from './forms/AbortForm.tsx';
import { ABORT_TEXT } from './forms/abort-messages.ts';

/** Aborting the open ceremony, shown as the runner shows a procedure: one step, an officer and a witness sign. */
const ABORT_PROCEDURE: ProcedureView = {
  id: 'abort',
  version: 1,
  title: { en: 'Abort the open ceremony', fr: 'Interrompre la cérémonie ouverte' },
  purpose: { en: 'Ends a ceremony that was not closed, with its reason.', fr: 'Met fin, avec son motif, à une cérémonie qui n’a pas été clôturée.' },
  requirements: [],
  steps: [
    {
      id: 'abort',
      type: 'step',
      title: { en: 'Abort the ceremony', fr: 'Interrompre la cérémonie' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
    },
  ],
};

/** The procedures this screen can prepare, by id. */
const FORMS: { readonly [N in AnswersName]?: ComponentType<FormProps<N>> } & {
  readonly 'compromise-rotation': ComponentType<FormProps<'compromise-rotation' | 'compromise-rotation-sweep'>>;
} = {
  'station-setup': StationSetupForm,
  'create-wallet': CreateWalletForm,
  'backup-drill': BackupDrillForm,
  restitution: RestitutionForm,
  incident: IncidentForm,
  'confirm-transfer': ConfirmTransferForm,
  'enrol-participant': EnrolForm,
  'revoke-participant': RevokeForm,
  'compromise-rotation': RotationForm,
  'change-holder': ChangeHolderForm,
  reshare: ReshareForm,
  'proof-of-control': ProofOfControlForm,
  destruction: DestructionForm,
  reconciliation: ReconciliationForm,
  'token-list': TokenListForm,
  'watch-only-export': WatchOnlyExportForm,
};

export function CeremoniesScreen(props: { readonly dataDir: Chosen | null; readonly onChooseDataDir: () => void }) {
  const text = useText(CEREMONY_TEXT);
  const abortText = useText(ABORT_TEXT);
  const locale = useLocale();
  const [procedures, setProcedures] = useState<readonly ProcedureView[]>([]);
  const [inventory, setInventory] = useState<InventoryView | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { dataDir } = props;

  useEffect(() => {
    custosApi()
      .procedures()
      .then(setProcedures, (e: unknown) => setError(asAppError(e)));
  }, []);
  const reload = useCallback(() => {
    if (!dataDir) return;
    custosApi()
      .inventory(dataDir.token)
      .then(setInventory, (e: unknown) => setError(asAppError(e)));
  }, [dataDir]);
  useEffect(reload, [reload]);

  if (!dataDir) {
    return (
      <section>
        <h2>{text.heading}</h2>
        <p>{text.needDataDir}</p>
        <button type="button" onClick={props.onChooseDataDir}>
          {text.openDataDir}
        </button>
      </section>
    );
  }
  const procedure = selected === 'abort' ? ABORT_PROCEDURE : procedures.find((p) => p.id === selected);
  const form = selected === 'abort' ? AbortForm : selected ? FORMS[selected as keyof typeof FORMS] : undefined;
  const open = inventory?.openCeremony ?? null;
  if (procedure && form) {
    return (
      <CeremonyRunner
        key={procedure.id}
        procedure={procedure}
        dataDir={dataDir}
        inventory={inventory}
        form={form}
        onBack={() => setSelected(null)}
        onFinished={reload}
      />
    );
  }
  return (
    <section>
      <h2>{text.heading}</h2>
      {error && <ErrorNotice error={error} />}
      {open && (
        <div className="notice notice--warning" role="status" data-testid="open-ceremony">
          <strong>{abortText.noticeTitle}</strong>
          <p>{abortText.notice(open.id, open.procedureId.split('@')[0]!)}</p>
          <button type="button" onClick={() => setSelected('abort')}>
            {abortText.abortIt}
          </button>
        </div>
      )}
      <ul className="procedures">
        {procedures.map((p) => (
          <li key={p.id} data-testid={`procedure-${p.id}`}>
            <strong>{p.title[locale]}</strong>
            <span className="hint"> {p.purpose[locale]}</span>
            {FORMS[p.id as keyof typeof FORMS] ? (
              <button type="button" onClick={() => setSelected(p.id)}>
                {text.withScreen}
              </button>
            ) : (
              <span className="hint">
                {' '}
                {text.fromCli} <code>{`custos run ${p.id}`}</code>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
