/**
 * What every ceremony form receives: the station, its inventory (for choices like the wallet), and
 * the call that starts the ceremony with the answers the form collected. Those answers are typed from
 * the procedure's schema (common/answers/, ScreenAnswers): a field the schema does not have, or one of
 * the wrong form, is a type error here, not a refusal at run time.
 */
import type { AnswersName, ScreenAnswers } from '../../../../common/answers/procedure-answers.ts';
import type { Chosen, InventoryView } from '../../../../main/app/app-api.ts';

export interface FormProps<N extends AnswersName = AnswersName> {
  readonly dataDir: Chosen;
  readonly inventory: InventoryView | null;
  readonly busy: boolean;
  readonly onStart: (answers: ScreenAnswers<N>) => void;
}
