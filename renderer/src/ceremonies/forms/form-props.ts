/**
 * What every ceremony form receives: the station, its inventory (for choices like the wallet), and
 * the call that starts the ceremony with the answers the form collected (docs/cli.md answers, with
 * chosen files as tokens).
 */
import type { CeremonyAnswers, Chosen, InventoryView } from '../../../../main/app/app-api.ts';

export interface FormProps {
  readonly dataDir: Chosen;
  readonly inventory: InventoryView | null;
  readonly busy: boolean;
  readonly onStart: (answers: CeremonyAnswers) => void;
}
