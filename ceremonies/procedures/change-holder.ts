/**
 * Change of holder (R1, R10): a share passes from one holder to another without the wallet being
 * rebuilt. The outgoing holder presents the share, proven against its commitment and its bag; the
 * crypto core seals the same share to the incoming holder's passphrase on their medium, the file is
 * read back and proven, and the incoming holder attests receipt with a new bag serial. Witnesses
 * co-sign; the outgoing holder's reachable share files may be overwritten and removed. Since
 * change-holder@2 a bag found broken or missing is presented all the same and opens its incident in
 * the ceremony (`seal-incident`, as in a drill; issue 19, "Seal outcomes"), before the share is sealed
 * again for the incoming holder, who puts it in a new bag.
 */
import { closeWithWitnesses, sealIncidentStep } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const changeHolder: ProcedureDefinition = {
  id: 'change-holder',
  version: 2,
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
    sealIncidentStep(1, { en: 'The seal was found broken or missing: open its incident', fr: 'Le scellé a été trouvé rompu ou absent : ouvrir son incident' }),
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
