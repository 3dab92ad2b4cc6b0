/**
 * The record writer's refusals (docs/errors.md, "The record writer"): an entry that would break a rule
 * of the record is refused with that rule's code. Each code declared once with its details, row and French text.
 */
import type { ErrorTable } from './error-spec.ts';

/** The record writer's last check before an entry is recorded. */
export const RECORD_ERRORS = {
  SIGNATURE_REFUSED: {
    details: ['keyid'],
    when: "A participant's signature did not verify before writing.",
    risk: 'No. Nothing was recorded.',
    action: 'Check that the right key file was used.',
    fr: 'Une signature n’a pas pu être vérifiée ; l’entrée n’a donc pas été enregistrée. Vérifiez le fichier de clé utilisé.',
  },
  CEREMONY_ALREADY_OPEN: {
    details: ['ceremony'],
    when: 'A ceremony is still open (for example after a crash).',
    risk: 'No. Nothing was recorded.',
    action: 'Abort it with an officer and a witness: `custos abort <data-dir> --reason "…"`, then start again.',
    fr: 'La cérémonie {ceremony} est encore ouverte : clôturez-la ou interrompez-la d’abord. Rien n’a été enregistré.',
  },
  CEREMONY_NOT_OPEN: {
    details: ['ceremony'],
    when: 'A step for a ceremony that is not the one in progress.',
    risk: 'No. Nothing was recorded.',
    action: 'Restart the ceremony from its opening.',
    fr: 'La cérémonie {ceremony} n’est pas celle en cours. Rien n’a été enregistré.',
  },
  PROCEDURE_CHANGED: {
    details: ['ceremony'],
    when: 'A step of a ceremony names another procedure than its opening.',
    risk: 'No. Nothing was recorded.',
    action: 'A ceremony keeps its procedure: abort it and open a new one.',
    fr: 'Une cérémonie garde la procédure avec laquelle elle a été ouverte : la cérémonie {ceremony} ne peut pas en changer. Rien n’a été enregistré.',
  },
  PROCEDURE_NOT_AUTHORIZED: {
    details: [],
    when: 'A ceremony would run a procedure definition that was not released with this version of Custos (docs/record-format.md, "Authorized procedures").',
    risk: 'No. Nothing was recorded.',
    action: 'Use the procedures Custos ships; a changed definition is a new release.',
    fr: 'Cette procédure n’est pas une procédure publiée avec cette version de Custos. Rien n’a été enregistré.',
  },
  PROCEDURE_SUPPLIED: {
    details: [],
    when: "The writer's check of an entry of a definition supplied outside a release (tests only).",
    risk: 'No. Nothing was recorded.',
    action: '—',
    fr: 'Cette procédure n’est acceptée que parce que sa définition a été fournie à part. Rien n’a été enregistré.',
  },
  STATION_ALREADY_SET_UP: {
    details: ['ceremony', 'step'],
    when: "A second station setup; the station key offered as a person's key; a key enrolled twice; a person enrolled while their earlier key is still active; one person signing one step twice (two keys, or two roles). The station key proves only that the station wrote an entry, never that a person agreed.",
    risk: 'No. Nothing was recorded.',
    action: "Each person signs with their own key, once per step; revoke a person's old key before enrolling a new one.",
    fr: 'Ce poste est déjà installé : l’installation n’a lieu qu’une fois, au début du journal. Rien n’a été enregistré.',
  },
  STATION_KEY_AS_PARTICIPANT: {
    details: ['ceremony', 'step'],
    row: 'STATION_ALREADY_SET_UP',
    fr: 'La clé du poste ne peut jamais signer au nom d’une personne, ni figurer parmi les participants. Rien n’a été enregistré.',
  },
  KEY_ALREADY_ENROLLED: {
    details: ['ceremony', 'step'],
    row: 'STATION_ALREADY_SET_UP',
    fr: 'Cette clé a déjà été enrôlée : une clé n’est enrôlée qu’une fois. Rien n’a été enregistré.',
  },
  PERSON_ALREADY_ENROLLED: {
    details: ['ceremony', 'step'],
    row: 'STATION_ALREADY_SET_UP',
    fr: 'Cette personne figure déjà parmi les participants avec une autre clé : révoquez-la d’abord. Rien n’a été enregistré.',
  },
  PERSON_COUNTED_TWICE: {
    details: ['ceremony', 'step'],
    row: 'STATION_ALREADY_SET_UP',
    fr: 'Une même personne signerait deux fois cette étape : chaque personne ne compte qu’une fois. Rien n’a été enregistré.',
  },
  AIRGAP_EVIDENCE_MISSING: {
    details: ['ceremony', 'step'],
    when: 'The writer\'s last check before an entry is recorded (the same rules `custos verify` applies, docs/record-format.md "Meaning"): an opening without air-gap evidence, a share that is not the recorded one, a transaction that does not pay what was approved, a signature over another transaction than the one reviewed. The engine checks these earlier; this is the safety net.',
    risk: 'No. Nothing was recorded.',
    action: 'Report it with the ceremony and step named: the engine let through what it should have refused.',
    fr: 'L’ouverture de la cérémonie doit porter la preuve que le poste est hors ligne. Rien n’a été enregistré.',
  },
  SHARE_COMMITMENT_MISMATCH: {
    details: ['ceremony', 'step'],
    row: 'AIRGAP_EVIDENCE_MISSING',
    fr: 'Cette part n’est pas celle que le registre détient pour ce portefeuille. Rien n’a été enregistré.',
  },
  OUTPUTS_NOT_APPROVED: {
    details: ['ceremony', 'step'],
    row: 'AIRGAP_EVIDENCE_MISSING',
    fr: 'La transaction ne paie pas exactement ce qui a été approuvé. Rien n’a été enregistré.',
  },
  SIGNED_NOT_IMPORTED: {
    details: ['ceremony', 'step'],
    row: 'AIRGAP_EVIDENCE_MISSING',
    fr: 'La transaction à signer n’est pas celle qui a été importée et vérifiée. Rien n’a été enregistré.',
  },
  SEAL_INCIDENT_MISSING: {
    details: ['ceremony', 'step'],
    row: 'AIRGAP_EVIDENCE_MISSING',
    fr: 'Une part présentée avec son sachet rompu ou absent n’a pas eu son incident ouvert dans la cérémonie. Rien n’a été enregistré.',
  },
  OVERDUE_SHARE_LEFT_OUT: {
    details: ['ceremony', 'step'],
    row: 'AIRGAP_EVIDENCE_MISSING',
    fr: 'Une part en retard de preuve n’a été ni présentée ni déclarée injoignable dans cet exercice. Rien n’a été enregistré.',
  },
  OLD_SHARE_NOT_DESTROYED: {
    details: ['ceremony', 'step'],
    row: 'AIRGAP_EVIDENCE_MISSING',
    fr: 'Un repartage ne se clôt qu’une fois détruite chaque part de l’ancien jeu encore détenue. Rien n’a été enregistré.',
  },
  PROOF_NOT_VALID: {
    details: ['ceremony', 'step'],
    row: 'AIRGAP_EVIDENCE_MISSING',
    fr: 'Cette preuve de contrôle ne vérifie pas : autre adresse, autre défi, ou signature invalide. Rien n’a été enregistré.',
  },
  INCIDENT_CLASSIFICATION_INVALID: {
    details: ['ceremony', 'step'],
    row: 'AIRGAP_EVIDENCE_MISSING',
    fr: 'Cet incident est classé majeur ou non contrairement aux critères qu’il consigne. Rien n’a été enregistré.',
  },
  BODY_FIELDS_INVALID: {
    details: ['ceremony', 'step'],
    when: 'An entry would record fields other than exactly those its step declares.',
    risk: 'No. Nothing was recorded.',
    action: 'A defect of the engine: report it with the procedure and step named.',
    fr: 'Les champs de cette étape ne sont pas exactement ceux que sa procédure consigne. Rien n’a été enregistré.',
  },
  RECOVERY_INVALID: {
    details: ['ceremony', 'step'],
    when: 'A recovery entry would not have exactly the form the store writes.',
    risk: 'No. Nothing was recorded.',
    action: 'A defect of the store: report it.',
    fr: 'Une entrée de reprise après incident doit être signée par la station seule. Rien n’a été enregistré.',
  },
  STATION_NOT_DECLARED: {
    details: ['ceremony', 'step'],
    when: 'The writer\'s check of an entry\'s place and form in the record (the same rules `custos verify` applies, docs/record-format.md "Verification"): a station not declared, a key id that does not match its key, a ceremony left unended, reused or mixed with another, an entry out of sequence or outside a ceremony, an abort without a reason, a signature missing, undeclared or beyond the quorum, a close whose summary does not match.',
    risk: 'No. Nothing was recorded.',
    action: 'A defect of the engine: report it with the procedure and step named.',
    fr: 'Le journal doit commencer par une mise en service qui déclare la clé de la station. Rien n’a été enregistré.',
  },
  KEY_ID_MISMATCH: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'Un identifiant de clé déclaré n’est pas l’empreinte SHA-256 de sa clé publique. Rien n’a été enregistré.',
  },
  CEREMONY_NOT_ENDED: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'La cérémonie précédente n’a été ni close ni interrompue avant l’ouverture d’une nouvelle cérémonie. Rien n’a été enregistré.',
  },
  CEREMONY_REUSED: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'L’identifiant de cérémonie {ceremony} a déjà été utilisé. Rien n’a été enregistré.',
  },
  SEQ_MISMATCH: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'Le numéro d’ordre de l’entrée dans la cérémonie {ceremony} n’est pas celui attendu. Rien n’a été enregistré.',
  },
  PROCEDURE_ID_MISMATCH: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'L’entrée nomme une autre procédure que celle que désigne son empreinte, ou que celle de l’ouverture de sa cérémonie. Rien n’a été enregistré.',
  },
  CEREMONY_MIXED: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'Une entrée de la cérémonie {ceremony} se placerait au milieu d’une autre cérémonie ouverte. Rien n’a été enregistré.',
  },
  ENTRY_AFTER_CLOSE: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'La cérémonie {ceremony} est déjà terminée. Rien n’a été enregistré.',
  },
  ENTRY_OUTSIDE_CEREMONY: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'La cérémonie {ceremony} n’a jamais été ouverte. Rien n’a été enregistré.',
  },
  CEREMONY_CHAIN_BROKEN: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'Cette entrée ne suit pas l’entrée précédente de la cérémonie {ceremony}. Rien n’a été enregistré.',
  },
  ABORT_WITHOUT_REASON: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'Une interruption de cérémonie doit indiquer son motif. Rien n’a été enregistré.',
  },
  SIGNATURE_MISSING: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'Un participant déclaré n’a pas signé. Rien n’a été enregistré.',
  },
  SIGNATURE_UNDECLARED: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'Une signature n’est pas déclarée avec un rôle. Rien n’a été enregistré.',
  },
  QUORUM_EXCEEDED: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'L’étape « {step} » a reçu plus de signatures d’un rôle qu’elle n’en admet. Rien n’a été enregistré.',
  },
  CLOSE_SUMMARY_MISMATCH: {
    details: ['ceremony', 'step'],
    row: 'STATION_NOT_DECLARED',
    fr: 'La clôture de la cérémonie {ceremony} n’annonce pas le nombre réel d’entrées qui la précèdent. Rien n’a été enregistré.',
  },
  ROLE_NOT_HELD: {
    details: [],
    when: 'A participant lacks the role, is not on the roster, was revoked, appears twice, or a step would break its procedure\'s rules (the same codes `custos verify` uses, docs/record-format.md "Verification").',
    risk: 'No. Nothing was recorded.',
    action: 'Bring the right people with their own keys; enrol or replace participants first if needed.',
    fr: 'Un participant agit ou signe sous un rôle qu’il ne détient pas. Rien n’a été enregistré.',
  },
  SIGNER_UNKNOWN: {
    details: [],
    row: 'ROLE_NOT_HELD',
    fr: 'Une clé présentée ne figure pas dans la liste des participants de la station (ou dans celle qui est en cours de déclaration). Rien n’a été enregistré.',
  },
  SIGNER_REVOKED: {
    details: [],
    row: 'ROLE_NOT_HELD',
    fr: 'Une clé présentée a été révoquée : elle ne peut plus signer. Rien n’a été enregistré.',
  },
  SIGNATURE_DUPLICATE: {
    details: [],
    row: 'ROLE_NOT_HELD',
    fr: 'Une même clé figure deux fois là où des personnes différentes sont requises : elle ne compte qu’une fois. Rien n’a été enregistré.',
  },
  QUORUM_NOT_MET: {
    details: ['ceremony', 'step'],
    row: 'ROLE_NOT_HELD',
    fr: 'L’étape « {step} » n’a pas reçu assez de signatures distinctes d’un rôle requis. Rien n’a été enregistré.',
  },
  ROLE_NOT_ALLOWED: {
    details: ['ceremony', 'step'],
    row: 'ROLE_NOT_HELD',
    fr: 'Un rôle a signé l’étape « {step} » sans y être autorisé. Rien n’a été enregistré.',
  },
  STEP_MISSING: {
    details: ['ceremony', 'step'],
    row: 'ROLE_NOT_HELD',
    fr: 'Une étape requise a été omise, ou n’a pas eu lieu assez de fois, avant l’étape « {step} ». Rien n’a été enregistré.',
  },
  STEP_OUT_OF_ORDER: {
    details: ['ceremony', 'step'],
    row: 'ROLE_NOT_HELD',
    fr: 'L’étape « {step} » vient après une étape ultérieure de la procédure. Rien n’a été enregistré.',
  },
  STEP_REPEATED: {
    details: ['ceremony', 'step'],
    row: 'ROLE_NOT_HELD',
    fr: 'L’étape « {step} » a lieu plus souvent que la procédure ne le permet. Rien n’a été enregistré.',
  },
  STEP_TYPE_MISMATCH: {
    details: ['ceremony', 'step'],
    row: 'ROLE_NOT_HELD',
    fr: 'Le type de l’entrée ne correspond pas à celui de l’étape « {step} ». Rien n’a été enregistré.',
  },
  STEP_UNKNOWN: {
    details: ['ceremony', 'step'],
    row: 'ROLE_NOT_HELD',
    fr: 'L’étape « {step} » n’est pas une étape de cette procédure. Rien n’a été enregistré.',
  },
  RECORD_RULE_BROKEN: {
    details: ['ceremony', 'step', 'finding'],
    when: 'An entry would break a rule of the record that has no refusal code of its own (the details name the rule\'s finding code, docs/record-format.md "Verification").',
    risk: 'No. Nothing was recorded.',
    action: 'A defect of the engine: report it with the procedure, the step and the finding named.',
    fr: 'L’entrée enfreindrait une règle du registre ({finding}) à l’étape {step} de la cérémonie {ceremony}. Rien n’a été enregistré. Signalez ce défaut du logiciel.',
  },
} as const satisfies ErrorTable;
