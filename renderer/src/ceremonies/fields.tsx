/**
 * Small labelled inputs of the ceremony forms: text, number, select, a share's medium, a checkbox,
 * and a chooser of a file or folder through the station's dialog (the page only ever holds the token
 * main gives for it); and the list edits the forms' rows make (toggled, replacedAt, patchedAt).
 */
import { useId, type ReactNode } from 'react';
import type { ChooseKind, Chosen } from '../../../main/app/app-api.ts';
import { custosApi } from '../custos-api.ts';
import { useText } from '../i18n/locale-context.tsx';
import { CEREMONY_TEXT } from './ceremony-messages.ts';

export function TextField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly secret?: boolean;
  readonly testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        data-testid={props.testId}
        type={props.secret ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export function NumberField(props: {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly onChange: (v: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type="number" min={props.min} max={props.max} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} />
    </div>
  );
}

export function SelectField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.children}
      </select>
    </div>
  );
}

/** The medium a share is on: paper words or a sealed file (`fileFirst` lists the file first). */
export function MediumField(props: { readonly value: 'paper' | 'file'; readonly onChange: (v: 'paper' | 'file') => void; readonly fileFirst?: boolean }) {
  const text = useText(CEREMONY_TEXT);
  const paper = <option value="paper">{text.mediumPaper}</option>;
  const file = <option value="file">{text.mediumFile}</option>;
  return (
    <SelectField label={text.medium} value={props.value} onChange={(v) => props.onChange(v === 'file' ? 'file' : 'paper')}>
      {props.fileFirst ? (
        <>
          {file}
          {paper}
        </>
      ) : (
        <>
          {paper}
          {file}
        </>
      )}
    </SelectField>
  );
}

/** A checkbox with its label after it. */
export function CheckField(props: {
  readonly label: ReactNode;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly testId?: string;
  readonly disabled?: boolean;
}) {
  return (
    <label className="check">
      <input type="checkbox" data-testid={props.testId} checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}

/** `list` with `item` added (when `on`) or removed: a checkbox of a list of choices (roles, chains, wallets). */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

/** `list` with its item at `index` replaced by `item`: one row of a list of people, shares or deposits edited. */
export function replacedAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, k) => (k === index ? item : x));
}

/** `list` with the fields `change` gives merged into its item at `index`. */
export function patchedAt<T extends object>(list: readonly T[], index: number, change: Partial<T>): T[] {
  return list.map((x, k) => (k === index ? { ...x, ...change } : x));
}

export function ChooseField(props: {
  readonly kind: ChooseKind;
  readonly button: string;
  readonly chosenText: (name: string) => string;
  readonly emptyText: string;
  readonly value: Chosen | null;
  readonly onChange: (v: Chosen) => void;
}) {
  const choose = () =>
    void custosApi()
      .choose(props.kind)
      .then((chosen) => chosen && props.onChange(chosen));
  return (
    <div className="row">
      <button type="button" onClick={choose}>
        {props.button}
      </button>
      <span className="chosen">{props.value ? props.chosenText(props.value.name) : props.emptyText}</span>
    </div>
  );
}

/**
 * The button that starts (or resumes) a ceremony once its form is complete; "Starting…" while main
 * starts it. While it cannot start, it says why under it: what is `missing`, or, for a form that
 * does not list it, that a field above is still empty.
 */
export function StartButton(props: { readonly ready: boolean; readonly busy: boolean; readonly label?: string; readonly missing?: readonly string[] }) {
  const text = useText(CEREMONY_TEXT);
  const id = useId();
  const why = props.ready || props.busy ? null : props.missing?.length ? text.stillNeeded(props.missing.join(' · ')) : text.completeForm;
  return (
    <div className="start">
      <button type="submit" className="primary" disabled={!props.ready || props.busy} aria-describedby={why === null ? undefined : id}>
        {props.busy ? text.starting : (props.label ?? text.start)}
      </button>
      {why !== null && (
        <p className="hint" id={id} data-testid="start-missing">
          {why}
        </p>
      )}
    </div>
  );
}

export { chosenAnswer } from './answer-parts.ts';
