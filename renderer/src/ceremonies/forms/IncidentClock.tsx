/**
 * The regulatory part of an incident entry (incident@2; docs/cli.md `incident.classification`,
 * `incident.notifications`; ADR 0034): the DORA criteria answered, whether they make the incident
 * major (the rule of common/incidents/major-incident.ts, said in words before anyone signs), when it
 * was detected and classified, and each report made to the authority since the last entry. Times are
 * typed in UTC to the minute.
 */
import { useId } from 'react';
import { INCIDENT_CRITERIA, type IncidentCriterion, type IncidentReportKind } from '../../../../common/answers/vocabulary.ts';
import { isMajor } from '../../../../common/incidents/major-incident.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { CheckField, SelectField, TextField, patchedAt } from '../fields.tsx';
import { INCIDENT_TEXT } from './incident-messages.ts';

export interface ClockDraft {
  readonly classify: boolean;
  readonly criteria: { readonly [C in IncidentCriterion]: boolean };
  /** `YYYY-MM-DDTHH:MM`, UTC, as a datetime-local input gives it. */
  readonly detectedAt: string;
  readonly classifiedAt: string;
  readonly notifications: readonly { readonly report: IncidentReportKind; readonly at: string; readonly authority: string; readonly reference: string }[];
}

export const NEW_CLOCK: ClockDraft = {
  classify: false,
  criteria: Object.fromEntries(INCIDENT_CRITERIA.map((c) => [c, false])) as ClockDraft['criteria'],
  detectedAt: '',
  classifiedAt: '',
  notifications: [],
};

const MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u;
/** A datetime-local value as the answers' moment: seconds added, in UTC. */
const moment = (minute: string) => `${minute}:00Z`;

/** What the clock still needs, as [done, what] pairs for the form's list. */
export function clockNeeds(d: ClockDraft, words: { needClassification: string; needNotification: (n: number) => string }): (readonly [boolean, string])[] {
  return [
    [!d.classify || (MINUTE.test(d.detectedAt) && MINUTE.test(d.classifiedAt)), words.needClassification],
    ...d.notifications.map((n, i): readonly [boolean, string] => [
      MINUTE.test(n.at) && n.authority.trim() !== '' && n.reference.trim() !== '',
      words.needNotification(i + 1),
    ]),
  ];
}

/** The answers' `classification` and `notifications` of the draft (none when not given). */
export function clockAnswers(d: ClockDraft) {
  return {
    ...(d.classify ? { classification: { criteria: { ...d.criteria }, detectedAt: moment(d.detectedAt), classifiedAt: moment(d.classifiedAt) } } : {}),
    ...(d.notifications.length
      ? { notifications: d.notifications.map((n) => ({ report: n.report, at: moment(n.at), authority: n.authority.trim(), reference: n.reference.trim() })) }
      : {}),
  };
}

export function IncidentClock(props: { readonly value: ClockDraft; readonly onChange: (v: ClockDraft) => void }) {
  const own = useText(INCIDENT_TEXT);
  const id = useId();
  const d = props.value;
  const change = (c: Partial<ClockDraft>) => props.onChange({ ...d, ...c });
  const time = (name: string, label: string, value: string, set: (v: string) => void, testId: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} type="datetime-local" value={value} onChange={(e) => set(e.target.value)} data-testid={testId} />
    </div>
  );
  return (
    <section data-testid="incident-clock">
      <h3>{own.clockSection}</h3>
      <CheckField label={own.classify} checked={d.classify} onChange={(classify) => change({ classify })} testId="incident-classify" />
      {d.classify && (
        <>
          <fieldset className="chains">
            {INCIDENT_CRITERIA.map((c) => (
              <CheckField
                key={c}
                label={own.criterion(c)}
                checked={d.criteria[c]}
                onChange={(on) => change({ criteria: { ...d.criteria, [c]: on } })}
                testId={`criterion-${c}`}
              />
            ))}
          </fieldset>
          <p className="notice" data-testid="incident-major" data-major={isMajor(d.criteria)}>
            {own.majorVerdict(isMajor(d.criteria))}
          </p>
          {time('detected', own.detectedAt, d.detectedAt, (detectedAt) => change({ detectedAt }), 'incident-detected-at')}
          {time('classified', own.classifiedAt, d.classifiedAt, (classifiedAt) => change({ classifiedAt }), 'incident-classified-at')}
        </>
      )}
      <h4>{own.notifications}</h4>
      {d.notifications.map((n, i) => (
        <div key={i} className="holder-plan" data-testid={`notification-${i + 1}`}>
          <SelectField
            label={own.report}
            value={n.report}
            onChange={(v) =>
              change({ notifications: patchedAt(d.notifications, i, { report: v === 'final' ? 'final' : v === 'intermediate' ? 'intermediate' : 'initial' }) })
            }
          >
            <option value="initial">{own.reportInitial}</option>
            <option value="intermediate">{own.reportIntermediate}</option>
            <option value="final">{own.reportFinal}</option>
          </SelectField>
          {time(`at-${i}`, own.reportAt, n.at, (at) => change({ notifications: patchedAt(d.notifications, i, { at }) }), `notification-${i + 1}-at`)}
          <TextField
            label={own.authority}
            value={n.authority}
            onChange={(authority) => change({ notifications: patchedAt(d.notifications, i, { authority }) })}
            testId={`notification-${i + 1}-authority`}
          />
          <TextField
            label={own.reference}
            value={n.reference}
            onChange={(reference) => change({ notifications: patchedAt(d.notifications, i, { reference }) })}
            testId={`notification-${i + 1}-reference`}
          />
          <button type="button" onClick={() => change({ notifications: d.notifications.filter((_, k) => k !== i) })}>
            {own.removeNotification}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => change({ notifications: [...d.notifications, { report: 'initial', at: '', authority: '', reference: '' }] })}>
        {own.addNotification}
      </button>
    </section>
  );
}
