/**
 * The coordinator's PSBT chosen for a signing ceremony (restitution, a rotation's sweep; docs/cli.md
 * `psbtFile`), and what it pays shown in plain words before anyone signs: each output's amount and
 * address, and the network fee (main/app/app-api.ts `readPsbt`, read again whenever the file or the
 * network changes); the PSBT comes from the coordinator's medium or, by the station's camera, from its
 * animated QR code (QrScan.tsx). This is a first look for the people present; inside the ceremony the crypto core
 * reviews the PSBT again against the rebuilt wallet and signs only what it reviewed.
 */
import { useEffect, useState } from 'react';
import type { AppError, Chosen, PsbtView } from '../../../../main/app/app-api.ts';
import { asAppError } from '../../app-error.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { custosApi } from '../../custos-api.ts';
import { useLocale, useText } from '../../i18n/locale-context.tsx';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField } from '../fields.tsx';
import { formatBtc } from './format-btc.ts';
import { QrScan } from './QrScan.tsx';

type Read = { readonly key: string } & ({ readonly view: PsbtView } | { readonly error: AppError });

export function PsbtPreview(props: {
  readonly network: string;
  readonly value: Chosen | null;
  readonly onChange: (v: Chosen) => void;
  readonly note?: string;
}) {
  const text = useText(CEREMONY_TEXT);
  const locale = useLocale();
  const [read, setRead] = useState<Read | null>(null);
  const { network, value } = props;
  const key = value ? `${value.token} ${network}` : '';

  useEffect(() => {
    if (!value) return undefined;
    let live = true;
    const at = `${value.token} ${network}`;
    custosApi()
      .readPsbt(value.token, network)
      .then(
        (view) => live && setRead({ key: at, view }),
        (e: unknown) => live && setRead({ key: at, error: asAppError(e) }),
      );
    return () => {
      live = false;
    };
  }, [value, network]);

  const shown = read && read.key === key ? read : null;
  return (
    <>
      <ChooseField kind="psbt-file" button={text.choosePsbt} chosenText={(n) => n} emptyText="—" value={value} onChange={props.onChange} />
      <QrScan kind="psbt-file" onChange={props.onChange} />
      {shown && 'error' in shown && <ErrorNotice error={shown.error} />}
      {shown && 'view' in shown && (
        <div className="psbt-preview" data-testid="psbt-preview">
          <p>{text.psbtOutputs}</p>
          <ul>
            {shown.view.outputs.map((o, i) => (
              <li key={i} data-testid="psbt-output">
                {text.psbtOutput(o.address, formatBtc(o.amount, locale))}
              </li>
            ))}
          </ul>
          <p>{shown.view.fee === null ? text.psbtFeeUnknown : text.psbtFee(formatBtc(shown.view.fee, locale))}</p>
          {props.note && <p className="hint">{props.note}</p>}
        </div>
      )}
    </>
  );
}
