/**
 * Proof of control (R1, R10; issue 19, "Proof of control"; ADR 0033; docs/proof-of-control.md): an
 * auditor or a counterparty hands the custodian a challenge (a sentence with a nonce); a quorum of
 * holders rebuilds the wallet in the crypto core, which signs the challenge with the key of one of
 * the wallet's receive addresses (BIP-322 "simple" on Bitcoin, EIP-191 `personal_sign` on Ethereum).
 * No funds move. The challenge is recorded in full with its SHA-256, the signature and the proof
 * file's SHA-256 too, so that `custos verify` checks the signature from the record alone. A bag found
 * broken or missing opens its incident here as in a drill.
 */
import { OFFICER_AND_WITNESS, closeWithWitnesses, presentShares, sealIncidentStep } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const proofOfControl: ProcedureDefinition = {
  id: 'proof-of-control',
  version: 1,
  title: { en: 'Prove control of an address', fr: 'Prouver le contrôle d’une adresse' },
  purpose: {
    en: 'Sign an auditor’s challenge with the key of one of the wallet’s addresses, without moving funds.',
    fr: 'Signer le défi d’un auditeur avec la clé d’une des adresses du portefeuille, sans déplacer de fonds.',
  },
  requirements: ['R1', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active', 'compromised', 'retired'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the wallet, the address, the challenge and who asks', fr: 'Nommer le portefeuille, l’adresse, le défi et le demandeur' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'fingerprint', 'chain', 'address', 'requestedBy', 'challenge', 'challengeSha256', 'airGap', 'build'],
    },
    presentShares({ en: 'A holder presents their share', fr: 'Un détenteur présente sa part' }),
    sealIncidentStep(),
    {
      id: 'reconstruct',
      type: 'step',
      title: { en: 'A quorum rebuilds the wallet', fr: 'Un quorum reconstitue le portefeuille' },
      signers: OFFICER_AND_WITNESS,
      records: ['shares', 'fingerprint'],
    },
    {
      id: 'sign-challenge',
      type: 'step',
      title: { en: 'Sign the challenge and write the proof', fr: 'Signer le défi et écrire la preuve' },
      signers: OFFICER_AND_WITNESS,
      records: ['address', 'path', 'method', 'challengeSha256', 'signature', 'fileName', 'sha256'],
    },
    closeWithWitnesses({ en: 'Close: the proof is handed to who asked', fr: 'Clore : la preuve est remise au demandeur' }),
  ],
  checkpointWitnesses: 2,
};
