/**
 * Steps several procedures share (docs/procedures.md): the officer-and-witness attestation, the
 * close with two witnesses, creating a wallet (generate, split, hand-over: create-wallet and the
 * replacement of a compromise rotation), holders presenting shares, and importing then signing a
 * PSBT (sweep and restitution) or an Ethereum transfer request. Built here once; each definition's hash is unchanged by where its
 * steps come from, since the hash is over the definition's canonical JSON.
 */
import type { SignerRule, StepDefinition, Text } from './definition.ts';

export const OFFICER_AND_WITNESS: SignerRule[] = [
  { role: 'officer', min: 1, max: 1 },
  { role: 'witness', min: 1 },
];

/** The close every ceremony with a checkpoint of two witnesses ends with. */
export function closeWithWitnesses(title: Text): StepDefinition {
  return {
    id: 'close',
    type: 'close',
    title,
    signers: [
      { role: 'officer', min: 1, max: 1 },
      { role: 'witness', min: 2 },
    ],
    records: ['entries'],
  };
}

/** generate, split, hand-over: a new wallet and its shares in their holders' hands. */
export function creationSteps(generateTitle: Text): StepDefinition[] {
  return [
    { id: 'generate', type: 'step', title: generateTitle, signers: OFFICER_AND_WITNESS, records: ['fingerprint', 'accounts', 'entropy'] },
    {
      id: 'split',
      type: 'step',
      title: { en: 'Split it into shares', fr: 'Le partager en parts' },
      signers: OFFICER_AND_WITNESS,
      records: ['setId', 'threshold', 'shareCount', 'commitments'],
    },
    {
      id: 'hand-over',
      type: 'step',
      title: { en: 'Hand each share to its holder', fr: 'Remettre chaque part à son détenteur' },
      signers: [
        { role: 'holder', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      repeat: { min: 2, max: 16 },
      records: ['index', 'holder', 'media', 'fileName', 'bagSerial', 'commitment'],
    },
  ];
}

/**
 * The incident of a bag found broken or missing, opened in the ceremony that finds it (issue 19,
 * "Seal outcomes"), signed by the officer and the witnesses: once per share presented (up to `max`).
 */
export function sealIncidentStep(
  max = 16,
  title: Text = { en: 'A seal found broken or missing: open its incident', fr: 'Un scellé trouvé rompu ou absent : ouvrir son incident' },
): StepDefinition {
  return { id: 'seal-incident', type: 'step', title, signers: OFFICER_AND_WITNESS, repeat: { min: 0, max }, records: ['incident', 'wallet', 'index', 'bag'] };
}

/** Holders present their shares one by one, each proven (a quorum at least). */
export function presentShares(title: Text): StepDefinition {
  return {
    id: 'present-share',
    type: 'step',
    title,
    signers: [
      { role: 'holder', min: 1, max: 1 },
      { role: 'witness', min: 1 },
    ],
    repeat: { min: 2, max: 16 },
    records: ['index', 'commitment', 'bag'],
  };
}

/** Import the coordinator's PSBT (reviewed by the rebuilt wallet), then sign it and export it. */
export function psbtSteps(importId: string, importTitle: Text, signId: string, signTitle: Text): StepDefinition[] {
  return [
    {
      id: importId,
      type: 'step',
      title: importTitle,
      signers: OFFICER_AND_WITNESS,
      records: ['psbtSha256', 'digest', 'network', 'inputs', 'outputs', 'totalIn', 'fee', 'feeRate'],
    },
    { id: signId, type: 'step', title: signTitle, signers: OFFICER_AND_WITNESS, records: ['shares', 'fingerprint', 'digest', 'txid', 'fileName', 'sha256'] },
  ];
}

/** What an Ethereum transfer's review records: the request file's hash and every field of its summary (crypto/protocol.ts EthTransferSummary). */
const ETH_REVIEW_FIELDS = [
  'requestSha256',
  'digest',
  'network',
  'chainId',
  'from',
  'path',
  'asset',
  'destination',
  'amount',
  'nonce',
  'gasLimit',
  'maxFeePerGas',
  'maxPriorityFeePerGas',
  'maxFee',
];

/** Import the coordinator's Ethereum transfer request (reviewed by the rebuilt wallet), then sign it and export it. */
export function ethereumSteps(importId: string, importTitle: Text, signId: string, signTitle: Text): StepDefinition[] {
  return [
    { id: importId, type: 'step', title: importTitle, signers: OFFICER_AND_WITNESS, records: ETH_REVIEW_FIELDS },
    { id: signId, type: 'step', title: signTitle, signers: OFFICER_AND_WITNESS, records: ['shares', 'fingerprint', 'digest', 'hash', 'fileName', 'sha256'] },
  ];
}
