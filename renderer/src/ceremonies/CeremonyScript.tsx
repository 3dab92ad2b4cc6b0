/**
 * The procedure as a script (docs/desktop-app.md, "The screens": Ceremonies): every step in order
 * with its state (a mark and its words: done when its entry is signed, now, to come; not a control),
 * the current step, and who must sign it.
 */
import type { EntryEvent, ProcedureView } from '../../../main/app/app-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { ROLE_TEXT } from '../../../common/i18n/role-words.ts';
import { CEREMONY_TEXT } from './ceremony-messages.ts';

/** `earlier`: entries by step that an earlier sitting of the same ceremony signed (a rotation's second sitting resumes its first). */
export function CeremonyScript(props: {
  readonly procedure: ProcedureView;
  readonly entries: readonly EntryEvent[];
  readonly active: boolean;
  readonly earlier?: Readonly<Record<string, number>>;
}) {
  const text = useText(CEREMONY_TEXT);
  const roles = useText(ROLE_TEXT);
  const locale = useLocale();
  const count = (step: string) => (props.earlier?.[step] ?? 0) + props.entries.filter((e) => e.step === step).length;
  const current = props.active ? props.procedure.steps.find((s) => count(s.id) < (s.repeat?.min ?? 1))?.id : undefined;
  return (
    <ol className="script" aria-label={text.script}>
      {props.procedure.steps.map((step) => {
        const done = count(step.id);
        // Done once signed as often as needed; a step that may not happen (min 0: one leg of a transfer) only once it did.
        const complete = done > 0 && done >= (step.repeat?.min ?? 1);
        const who = step.signers.map((r) => `${roles[r.role as keyof typeof roles] ?? r.role}${r.min > 1 ? ` ×${r.min}` : ''}`).join(', ');
        return (
          <li
            key={step.id}
            className={`script__step${step.id === current ? ' script__step--current' : ''}`}
            data-testid={`script-step-${step.id}`}
            data-done={complete}
          >
            {/* A state, not a control: a mark and its words, never a checkbox that looks clickable. */}
            <span className={`script__mark${complete ? ' script__mark--done' : ''}`} aria-hidden="true">
              {complete ? '✓' : step.id === current ? '▶' : '○'}
            </span>
            <span className="visually-hidden">{complete ? text.stepDone : step.id === current ? text.stepCurrent : text.stepToCome}</span>
            <span className="script__title">{step.title[locale]}</span>
            {step.repeat && done > 0 && <span className="script__count">{` ×${done}`}</span>}
            {step.id === current && <span className="badge">{text.stepCurrent}</span>}
            {who && <span className="script__who">{text.whoActs(who)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
