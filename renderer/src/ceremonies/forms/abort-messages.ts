/**
 * The words of the abort form and of the notice of a ceremony left open (English and French).
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const ABORT_TEXT = defineCatalogue({
  en: {
    witness: 'Witness',
    reason: 'Why the ceremony is aborted (recorded)',
    start: 'Abort the ceremony',
    nothingOpen: 'No ceremony is open on this station.',
    which: (id: string, procedure: string) =>
      `The open ceremony is ${id} (${procedure}). The abort is recorded with its reason; what it leaves in the inventory depends on the procedure.`,
    noticeTitle: 'A ceremony is still open',
    notice: (id: string, procedure: string) =>
      `Ceremony ${id} (${procedure}) was not closed: it was interrupted, or it waits for a second sitting. No other ceremony can start until it is finished or aborted.`,
    abortIt: 'Abort it…',
  },
  fr: {
    witness: 'Témoin',
    reason: 'Pourquoi la cérémonie est interrompue (enregistré)',
    start: 'Interrompre la cérémonie',
    nothingOpen: 'Aucune cérémonie n’est ouverte sur ce poste.',
    which: (id: string, procedure: string) =>
      `La cérémonie ouverte est ${id} (${procedure}). L’interruption est enregistrée avec son motif ; ce qu’elle laisse dans l’inventaire dépend de la procédure.`,
    noticeTitle: 'Une cérémonie est encore ouverte',
    notice: (id: string, procedure: string) =>
      `La cérémonie ${id} (${procedure}) n’a pas été clôturée : elle a été interrompue, ou elle attend une seconde séance. Aucune autre cérémonie ne peut commencer avant qu’elle soit terminée ou interrompue.`,
    abortIt: 'L’interrompre…',
  },
});
