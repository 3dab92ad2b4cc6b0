/**
 * Texts of the backup drill's overdue shares (BackupDrillForm.tsx; backup-drill@2, issue 19
 * "Per-share proof"), English and French: which shares are overdue for proof, and why one cannot be
 * presented this time.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const DRILL_TEXT = defineCatalogue({
  en: {
    overdueHeading: 'Shares overdue for proof',
    overdueHelp:
      'Each of these shares must be presented in this drill. If one cannot be (its holder is away), say so and why: the drill records it, and the share stays overdue.',
    overdueShare: (share: number, of: number, holder: string, since: string) => `Share ${share} of ${of}, held by ${holder}: due since ${since}`,
    cannotPresent: 'Cannot be presented in this drill',
    reason: 'Why (recorded)',
    needReason: (share: number) => `why share ${share} cannot be presented`,
    noneOverdue: 'No share of this wallet is overdue for proof.',
  },
  fr: {
    overdueHeading: 'Parts en retard de preuve',
    overdueHelp:
      'Chacune de ces parts doit être présentée dans cet exercice. Si l’une ne peut pas l’être (son détenteur est absent), dites-le et pourquoi : l’exercice le consigne, et la part reste en retard.',
    overdueShare: (share: number, of: number, holder: string, since: string) => `Part ${share} sur ${of}, détenue par ${holder} : due depuis le ${since}`,
    cannotPresent: 'Ne peut pas être présentée dans cet exercice',
    reason: 'Pourquoi (consigné)',
    needReason: (share: number) => `pourquoi la part ${share} ne peut pas être présentée`,
    noneOverdue: 'Aucune part de ce portefeuille n’est en retard de preuve.',
  },
});
