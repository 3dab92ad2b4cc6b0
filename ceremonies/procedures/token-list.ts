/**
 * Token list (R6, R10): the ERC-20 tokens the station may move, adopted in a ceremony and recorded,
 * never fetched. Each token is a contract on one chain (EIP-155 chain id) with the symbol and
 * decimals people read amounts in. The list recorded is the whole list from then on: a token left
 * out can no longer be signed for. The crypto core signs a contract call only as a listed token's
 * transfer (docs/crypto-core.md, "Ethereum transfers").
 */
import { OFFICER_AND_WITNESS, closeWithWitnesses } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const tokenList: ProcedureDefinition = {
  id: 'token-list',
  version: 1,
  title: { en: 'Adopt the station’s token list', fr: 'Adopter la liste des jetons du poste' },
  purpose: {
    en: 'Record the ERC-20 tokens this station may transfer: each contract, its chain, symbol and decimals.',
    fr: 'Consigner les jetons ERC-20 que ce poste peut transférer : chaque contrat, sa chaîne, son symbole et ses décimales.',
  },
  requirements: ['R6', 'R10'],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'State why the list changes', fr: 'Dire pourquoi la liste change' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['reason', 'airGap', 'build'],
    },
    {
      id: 'adopt',
      type: 'step',
      title: { en: 'Read each token aloud and adopt the list', fr: 'Lire chaque jeton à voix haute et adopter la liste' },
      signers: OFFICER_AND_WITNESS,
      records: ['tokens', 'added', 'removed'],
    },
    closeWithWitnesses({ en: 'Close: the list applies from now on', fr: 'Clore : la liste s’applique désormais' }),
  ],
  checkpointWitnesses: 2,
};
