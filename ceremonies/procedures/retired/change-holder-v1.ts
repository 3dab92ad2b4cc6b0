/**
 * Retired: change-holder@1, kept verbatim so its ceremonies still verify (released.ts); change-holder@2
 * opens the incident of a bag found broken or missing. Change of holder (R1, R10): a share passes from one holder to another without the wallet being
 * rebuilt. The outgoing holder presents the share, proven against its commitment and its bag; the
 * crypto core seals the same share to the incoming holder's passphrase on their medium, the file is
 * read back and proven, and the incoming holder attests receipt with a new bag serial. Witnesses
 * co-sign; the outgoing holder's reachable share files may be overwritten and removed.
 */
import { closeWithWitnesses } from '../common-steps.ts';
import type { ProcedureDefinition } from '../definition.ts';

export const changeHolderV1: ProcedureDefinition = {
  id: 'change-holder',
  version: 1,
  title: { en: 'Change a share’s holder', fr: 'Changer le détenteur d’une part' },
  purpose: {
    en: 'Pass one share from its holder to another, proven on both sides, without rebuilding the wallet.',
    fr: 'Transmettre une part de son détenteur à un autre, prouvée de part et d’autre, sans reconstituer le portefeuille.',
  },
  requirements: ['R1', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the share, both holders and the reason', fr: 'Nommer la part, les deux détenteurs et le motif' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'index', 'from', 'to', 'reason', 'airGap', 'build'],
    },
    {
      id: 'present-share',
      type: 'step',
      title: { en: 'The outgoing holder presents the share', fr: 'Le détenteur sortant présente la part' },
      signers: [
        { role: 'holder', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['index', 'commitment', 'bag', 'filesOverwritten'],
    },
    {
      id: 'hand-over',
      type: 'step',
      title: { en: 'The incoming holder receives it', fr: 'Le détenteur entrant la reçoit' },
      signers: [
        { role: 'holder', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['index', 'holder', 'media', 'fileName', 'bagSerial', 'commitment'],
    },
    closeWithWitnesses({ en: 'Close: the share has its new holder', fr: 'Clore : la part a son nouveau détenteur' }),
  ],
  checkpointWitnesses: 2,
};
