/**
 * One share of the wallet on the destruction form (procedure destruction, `shares[]`; docs/cli.md
 * "`destruction`"): ticked when its medium is destroyed in this sitting; then whether its holder is
 * present (they attest with their own key and sign the share's step) or not (the witness alone
 * signs), the method, the medium's identifier, the bag serial read from the bag, and the sealed share
 * files the station can reach, which are overwritten and removed.
 *
 * The bag serial is never prefilled from the record, nor shown on this form at all: reading it off
 * the physical bag in front of the witnesses is the check that this is the bag the record holds, and
 * a value copied from the screen would check nothing. A mismatch is refused by the engine
 * (BAG_SERIAL_MISMATCH, nothing recorded) with the instruction to stop and open an incident; main's
 * English message names both serials, which is enough for that incident, and whoever investigates
 * also finds the recorded serial on the inventory screen, away from the ceremony.
 */
import { useId } from 'react';
import type { ShareSummary } from '../../../../main/app/app-api.ts';
import { custosApi } from '../../custos-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation } from '../Attestation.tsx';
import { CheckField } from '../fields.tsx';
import type { ShareDestruction } from './destruction-answers.ts';
import { DESTRUCTION_TEXT } from './destruction-messages.ts';

export function ShareToDestroy(props: {
  readonly share: ShareSummary;
  readonly count: number;
  readonly holderName: string | null;
  readonly value: ShareDestruction;
  readonly onChange: (v: ShareDestruction) => void;
}) {
  const own = useText(DESTRUCTION_TEXT);
  const id = useId();
  const { value: d, share } = props;
  const change = (c: Partial<ShareDestruction>) => props.onChange({ ...d, ...c });
  const tid = `destroy-share-${share.index}`;
  const chooseFile = () => {
    void custosApi()
      .choose('share-file')
      .then((chosen) => chosen && !d.files.some((f) => f.token === chosen.token) && change({ files: [...d.files, chosen] }));
  };

  return (
    <div className="holder-plan" data-testid={tid}>
      <CheckField
        label={props.holderName === null ? own.shareLineNoHolder(share.index, props.count) : own.shareLine(share.index, props.count, props.holderName)}
        checked={d.chosen}
        onChange={(chosen) => change({ chosen })}
        testId={`${tid}-tick`}
      />
      {d.chosen && (
        <>
          {props.holderName !== null && (
            <CheckField
              label={own.holderPresent(props.holderName)}
              checked={d.holderPresent}
              onChange={(holderPresent) => change({ holderPresent })}
              testId={`${tid}-present`}
            />
          )}
          {d.holderPresent && props.holderName !== null ? (
            <Attestation
              role={own.holderRole(share.index, props.holderName)}
              testId={`attest-holder-${share.index}`}
              value={d.holder}
              onChange={(holder) => change({ holder })}
            />
          ) : (
            <p className="hint" data-testid={`${tid}-witness-alone`}>
              {own.holderAbsent}
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-method`}>{own.method}</label>
            <select
              id={`${id}-method`}
              data-testid={`${tid}-method`}
              value={d.method}
              onChange={(e) => change({ method: e.target.value === 'wipe' ? 'wipe' : 'shred' })}
            >
              <option value="shred">{own.methodShred}</option>
              <option value="wipe">{own.methodWipe}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-media`}>{own.mediaId}</label>
            <input
              id={`${id}-media`}
              data-testid={`${tid}-media`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={80}
              value={d.mediaId}
              onChange={(e) => change({ mediaId: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-bag`}>{own.bagSerial}</label>
            <input
              id={`${id}-bag`}
              data-testid={`${tid}-bag`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              value={d.bagSerial}
              onChange={(e) => change({ bagSerial: e.target.value })}
            />
          </div>
          <p className="hint">{own.bagSerialHelp}</p>
          <h4>{own.filesSection}</h4>
          <p className="hint">{own.filesHelp}</p>
          <ul>
            {d.files.map((f) => (
              <li key={f.token} data-testid={`${tid}-file`}>
                <span className="chosen">{own.fileChosen(f.name)}</span>{' '}
                <button type="button" onClick={() => change({ files: d.files.filter((x) => x.token !== f.token) })}>
                  {own.removeFile}
                </button>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" data-testid={`${tid}-choose-file`} onClick={chooseFile}>
              {own.chooseFile}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
