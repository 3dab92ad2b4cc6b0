/**
 * The guided ceremony's sign request (ADR 0025; main/app/app-api.ts, SignRequest): the step about to
 * be signed, to read aloud; who signs it, by name and role; what the entry records, in words, in the
 * page's language; and, for each signer whose key is still locked, their own passphrase field. The
 * passphrases live only in this panel's state until "Sign" sends them, then the panel goes.
 */
import { useId, useState } from 'react';
import type { ProcedureView, SignRequest } from '../../../main/app/app-api.ts';
import { ROLE_TEXT } from '../../../common/i18n/role-words.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { GUIDED_TEXT } from './guided-messages.ts';

export function SignRequestPanel(props: {
  readonly request: SignRequest;
  readonly procedure: ProcedureView;
  readonly onSign: (passphrases: Readonly<Record<string, string>>) => void;
}) {
  const text = useText(GUIDED_TEXT);
  const roles = useText(ROLE_TEXT);
  const locale = useLocale();
  const id = useId();
  const [typed, setTyped] = useState<Readonly<Record<string, string>>>({});
  const { request } = props;
  const step = props.procedure.steps.find((s) => s.id === request.step)?.title[locale] ?? (request.type === 'abort' ? text.abortStep : request.step);
  const locked = request.signers.filter((s) => s.locked);
  const ready = locked.every((s) => (typed[s.who] ?? '').length > 0);
  const lines = request.summary[locale];
  const roleOf = (role: string) => (Object.hasOwn(roles, role) ? roles[role as keyof typeof roles] : role);

  return (
    <form
      className="sign-request"
      data-testid="sign-request"
      data-step={request.step}
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const passphrases = typed;
        setTyped({});
        props.onSign(passphrases);
      }}
    >
      <h3 id={`${id}-title`}>{text.signTitle(step)}</h3>
      <p className="sign-request__aloud">{text.readAloud}</p>
      <h4>{text.recorded}</h4>
      {lines.length === 0 ? (
        <p>{text.nothingRecorded}</p>
      ) : (
        <dl className="sign-request__summary" data-testid="sign-summary">
          {lines.map(([label, value], i) => (
            <div key={i}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <h4>{text.whoSigns}</h4>
      <ul className="sign-request__signers">
        {request.signers.map((s) => (
          <li key={`${s.who}-${s.role}`} data-testid="signer" data-who={s.who} data-name={s.name}>
            <strong>{s.name}</strong> — {roleOf(s.role)}
            {s.locked ? (
              <div className="field">
                <label htmlFor={`${id}-${s.who}`}>{text.passphraseOf(s.name)}</label>
                <input
                  id={`${id}-${s.who}`}
                  data-testid="signer-passphrase"
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  aria-describedby={`${id}-${s.who}-help`}
                  value={typed[s.who] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [s.who]: e.target.value })}
                />
                <p className="hint" id={`${id}-${s.who}-help`}>
                  {text.typeYours(s.name)}
                </p>
              </div>
            ) : (
              <span className="hint"> ({text.unlocked})</span>
            )}
          </li>
        ))}
      </ul>
      <button type="submit" className="primary" disabled={!ready}>
        {text.sign}
      </button>
    </form>
  );
}
