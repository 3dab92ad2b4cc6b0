/**
 * The French text of each finding `custos verify` can report, by code, as a template: {name} is a
 * detail of the finding (ceremonies/audit/findings.ts; the keys of each code are listed in
 * docs/record-format.md, "Verification"), filled by finding-message.ts. The verifier words a finding
 * in English: English readers see it as is; French readers (the auditor view, `custos verify` in
 * French) see this text, filled, with the entry and the ceremony given beside it. Same approach as
 * the error registry's texts (common/errors/): a code raised at several places has one text that names only details every place
 * carries; where those places are different situations, the finding names its situation in the
 * detail `kind` and the code has one text per kind, plus a general `default` for a finding without
 * it. tests/unit/findings/finding-texts-fr.test.ts checks that every code has a text, and
 * tests/unit/findings/finding-placeholders.test.ts that every placeholder is a detail given at that
 * code's (and kind's) call sites.
 */

/** One text for every finding of a code, or one per `kind` with a general `default`. */
export type FindingTextFr = string | (Readonly<Record<string, string>> & { readonly default: string });

export const FINDING_TEXTS_FR: Readonly<Record<string, FindingTextFr>> = {
  JOURNAL_TORN_TAIL:
    'Le segment {segment} se termine par {bytes} octets qui ne forment pas une entrée complète : une écriture interrompue pas encore mise en quarantaine, ou des données ajoutées.',
  JSON_INVALID: 'La ligne enregistrée en position {position}, ou son contenu, n’est pas du JSON en UTF-8.',
  JSON_DUPLICATE_KEY: 'La ligne enregistrée en position {position}, ou son contenu, nomme deux fois le champ « {key} » dans un même objet.',
  JSON_NOT_CANONICAL: 'La ligne enregistrée en position {position}, ou son contenu, n’est pas exactement sous sa forme canonique (RFC 8785).',
  ENVELOPE_INVALID:
    'La ligne en position {position} n’est pas une enveloppe signée conforme (contenu, type de contenu, signatures), ou son contenu n’est pas en base64 canonique.',
  PAYLOAD_TYPE_INVALID: 'Le type de contenu de l’enveloppe en position {position} n’est pas celui d’une entrée Custos (version 1).',
  PAYLOAD_INVALID:
    'Le contenu de l’entrée en position {position} n’est pas conforme pour le champ « {field} » : il manque, il est en trop, ou sa valeur enfreint sa règle.',
  ENTRY_UNREADABLE: 'L’entrée en position {position} n’a pas pu être décodée.',
  ENTRY_DUPLICATED: 'L’entrée {entry}, déjà lue, apparaît une seconde fois, en position {position}.',
  ENTRIES_MISSING: 'Les entrées {from} à {to} manquent : la numérotation saute en avant, des entrées ont été retirées.',
  ENTRIES_REORDERED: 'L’entrée {entry} est hors de son ordre (en position {position}) : la numérotation revient en arrière, des entrées ont été déplacées.',
  PREV_MISMATCH: 'Le lien vers l’entrée précédente ne correspond pas à son empreinte : le chaînage est rompu (une entrée a été modifiée, insérée ou retirée).',
  TIME_NOT_MONOTONIC: 'L’horloge du poste est revenue en arrière. L’ordre des entrées reste donné par leur numéro.',
  RETENTION_INVALID: 'La date de conservation de l’entrée n’est pas cinq ans après sa date.',
  STATION_NOT_DECLARED: 'L’entrée 0 n’est pas l’ouverture d’une installation de poste déclarant la clé du poste.',
  KEY_ID_MISMATCH: {
    station: 'L’identifiant de la clé du poste n’est pas l’empreinte SHA-256 de sa clé publique, ou n’est pas le poste que désigne l’entrée.',
    roster: 'Un identifiant de clé de la liste des participants n’est pas l’empreinte SHA-256 de sa clé publique (ou ce participant est illisible).',
    enrolled: 'L’identifiant de la clé enrôlée n’est pas l’empreinte SHA-256 de sa clé publique.',
    default: 'Un identifiant de clé déclaré n’est pas l’empreinte SHA-256 de sa clé publique, ou la clé du poste ne correspond pas à celle de l’entrée.',
  },
  CEREMONY_NOT_ENDED: 'La cérémonie {ceremony} n’a été ni clôturée ni interrompue avant l’ouverture de la suivante.',
  CEREMONY_REUSED: 'L’identifiant de cérémonie {ceremony} est utilisé une seconde fois.',
  SEQ_MISMATCH: {
    open: 'Une ouverture de cérémonie a le rang 0 et ne renvoie à aucune entrée précédente ; celle-ci a le rang {found} ou renvoie à une entrée précédente.',
    sequence: 'L’entrée devrait être l’entrée {expected} de sa cérémonie ; elle porte le rang {found}.',
    default: 'Le rang de l’entrée dans sa cérémonie ({found}) n’est pas sa position ({expected}), ou une ouverture renvoie à une entrée précédente.',
  },
  PROCEDURE_NOT_AUTHORIZED:
    'La procédure {procedure} de la cérémonie n’est pas une procédure publiée avec Custos (ni une définition fournie par l’auditeur) : ses règles ne sont pas celles qu’un poste peut suivre.',
  PROCEDURE_SUPPLIED:
    'La procédure {procedure} n’a été acceptée que parce que l’auditeur en a fourni la définition : elle n’est pas publiée avec Custos, et ses cérémonies ne changent ni la liste des participants ni l’inventaire.',
  POLICY_INVALID:
    'La politique de la station enregistrée à son installation n’est pas un nombre d’approbateurs de 2 à 16 : la règle par défaut (deux approbateurs) s’applique.',
  STATION_ALREADY_SET_UP: 'Un poste n’est installé qu’une fois, par la première entrée de son journal.',
  ENTRY_AFTER_CLOSE: 'L’entrée appartient à la cérémonie {ceremony}, déjà terminée.',
  CEREMONY_MIXED: 'Une entrée de la cérémonie {ceremony} s’intercale dans la cérémonie en cours, {inside}.',
  ENTRY_OUTSIDE_CEREMONY: 'L’entrée appartient à la cérémonie {ceremony}, qui n’a jamais été ouverte.',
  CEREMONY_CHAIN_BROKEN: 'Le lien vers l’entrée précédente de la même cérémonie ne correspond pas : le chaînage de la cérémonie est rompu.',
  PROCEDURE_CHANGED: 'L’empreinte de procédure change au cours d’une cérémonie.',
  PROCEDURE_ID_MISMATCH: {
    hash: 'L’entrée désigne la procédure {found}, mais son empreinte de procédure est celle de {expected}.',
    ceremony: 'L’entrée désigne la procédure {found}, alors que sa cérémonie suit {expected}.',
    default: 'La référence de procédure {found} de l’entrée ne correspond pas à la définition désignée, ou diffère de celle de l’ouverture ({expected}).',
  },
  AIRGAP_ONLINE: 'Une cérémonie s’est ouverte alors que le poste semblait connecté au réseau, sans dérogation enregistrée.',
  AIRGAP_DEVIATION:
    'Une cérémonie s’est déroulée sur un poste qui semblait connecté, par dérogation enregistrée pour un exercice. Motif enregistré : « {reason} »',
  STEP_UNKNOWN: {
    abort: 'Une interruption porte l’étape « {step} » au lieu de « abort ».',
    procedure: 'L’étape « {step} » ne fait pas partie de la procédure {procedure}.',
    default: 'L’étape « {step} » ne fait pas partie de la procédure {procedure} (ou l’étape d’une interruption n’est pas « abort »).',
  },
  ABORT_WITHOUT_REASON: 'Une interruption ne donne pas de motif.',
  BODY_FIELDS_INVALID: {
    missing: 'L’étape « {step} » consigne le champ « {field} », absent de cette entrée.',
    extra: 'L’étape « {step} » ne consigne pas le champ « {field} », présent dans cette entrée.',
    evidence: 'L’étape « {step} » nomme ses preuves sous une autre forme qu’une liste de paires nom de fichier et SHA-256.',
    default: 'Les champs de l’entrée ne sont pas exactement ceux que l’étape « {step} » consigne (champ « {field} »).',
  },
  STEP_TYPE_MISMATCH: 'L’étape « {step} » est de nature « {expected} », et non « {found} ».',
  STEP_OUT_OF_ORDER: 'L’étape « {step} » vient après une étape ultérieure de la procédure.',
  STEP_REPEATED: 'L’étape « {step} » a lieu plus souvent que la procédure ne le permet (au plus {max} fois).',
  STEP_MISSING: {
    skipped: 'L’étape obligatoire « {step} » a été omise avant « {before} ».',
    'too-few': 'L’étape « {step} » n’a pas eu lieu assez souvent (au moins {min} fois).',
    'before-close': 'L’étape obligatoire « {step} » n’a pas eu lieu avant la clôture.',
    default: 'L’étape obligatoire « {step} » a été omise, n’a pas eu lieu assez souvent, ou n’a pas eu lieu avant la clôture.',
  },
  SIGNATURE_DUPLICATE: {
    declared: 'La clé {keyid} est déclarée deux fois parmi les signataires : elle ne compte qu’une fois pour un quorum.',
    signed: 'La clé {keyid} signe deux fois : elle ne compte qu’une fois pour un quorum.',
    default: 'La clé {keyid} est déclarée deux fois parmi les signataires, ou signe deux fois : elle ne compte qu’une fois pour un quorum.',
  },
  SIGNATURE_MISSING: 'La clé {keyid}, déclarée parmi les signataires comme {role}, n’a pas signé.',
  SIGNATURE_UNDECLARED: 'La signature de la clé {keyid} n’est pas déclarée parmi les signataires.',
  ROLE_NOT_ALLOWED: 'Le rôle « {role} » ne peut pas signer l’étape « {step} » (clé {keyid}).',
  ROLE_NOT_HELD: {
    subject: 'Seule la personne en cours d’enrôlement signe comme personne enrôlée ; la clé {keyid} n’est pas la sienne.',
    role: '{name} a signé comme {role}, un rôle que cette personne ne détient pas (clé {keyid}).',
    default: 'La clé {keyid} a signé comme {role}, un rôle qu’elle ne détient pas (ou elle n’est pas celle de la personne en cours d’enrôlement).',
  },
  SIGNER_UNKNOWN: 'La clé {keyid}, qui signe comme {role}, ne figure pas parmi les participants du poste.',
  STATION_KEY_AS_PARTICIPANT: {
    roster: 'La clé du poste ({keyid}) est déclarée comme participant : elle ne peut jamais signer au nom d’une personne.',
    signer: 'La clé du poste ({keyid}) est déclarée parmi les signataires : elle ne peut jamais signer au nom d’une personne.',
    default: 'La clé du poste ({keyid}) est présentée comme celle d’une personne : elle ne peut jamais l’être.',
  },
  KEY_ALREADY_ENROLLED: 'La clé {keyid} avait déjà été enrôlée : une clé n’est enrôlée qu’une fois.',
  PERSON_ALREADY_ENROLLED: '{name} figure déjà parmi les participants avec une autre clé, encore active : il faut la révoquer avant d’en enrôler une nouvelle.',
  DUTIES_NOT_SEPARATED:
    'L’officier qui conduit cette cérémonie ne peut pas aussi l’approuver (étape « {step} », clé {keyid}) : sa signature d’approbation ne compte pas.',
  PERSON_COUNTED_TWICE: 'Une même personne signe deux fois cette entrée (notamment comme {role}, clé {keyid}) : une personne ne compte qu’une fois.',
  SIGNER_REVOKED: 'La clé {keyid}, qui signe comme {role}, avait été révoquée avant cette entrée.',
  QUORUM_NOT_MET: 'L’étape « {step} » exige au moins {min} signature(s) de clés distinctes pour le rôle « {role} » ; elle en a {count}.',
  QUORUM_EXCEEDED: 'L’étape « {step} » admet au plus {max} signature(s) de clés distinctes pour le rôle « {role} » ; elle en a {count}.',
  CLOSE_SUMMARY_MISMATCH: 'La clôture indique {found} entrées avant elle dans la cérémonie ; il y en a eu {expected}.',
  RECOVERY_INVALID: {
    signers: 'Une entrée de reprise est signée par une autre clé que celle du poste, ou déclare des signataires.',
    fields: 'Une entrée de reprise n’a pas la forme fixée (cérémonie « recovery-<numéro> », rang 0, aucune procédure, étape « recovery »).',
    body: 'Une entrée de reprise ne consigne pas exactement le fichier mis en quarantaine (fichier, segment, position, taille, empreinte).',
    default: 'Une entrée de reprise n’a pas exactement la forme qu’écrit le poste.',
  },
  RECOVERY_RECORDED: 'Le poste a retiré ici une écriture incomplète après un arrêt brutal.',
  STATION_MISMATCH: 'L’entrée désigne un autre poste que le poste déclaré : elle provient d’un autre poste.',
  STATION_SIGNATURE_MISSING: 'La première signature n’est pas celle du poste déclaré (ou aucun poste n’est déclaré).',
  SIGNATURE_MALFORMED: {
    base64: 'La signature de la clé {keyid} n’est pas en base64.',
    der: 'La signature de la clé {keyid} n’est pas au format DER strict.',
    default: 'La signature de la clé {keyid} n’est pas en base64 ou n’est pas au format DER strict.',
  },
  SIGNATURE_HIGH_S: 'La signature de la clé {keyid} est sous sa forme malléable (« high-S »).',
  SIGNATURE_INVALID: {
    station: 'La signature du poste (clé {keyid}) ne correspond pas à l’entrée : son contenu a été modifié après la signature, ou la signature est fausse.',
    participant:
      'La signature d’un participant (clé {keyid}) ne correspond pas à l’entrée : son contenu a été modifié après la signature, ou la signature est fausse.',
    default: 'La signature de la clé {keyid} ne correspond pas à l’entrée : son contenu a été modifié après la signature, ou la signature est fausse.',
  },
  CEREMONY_IN_PROGRESS: 'La cérémonie {ceremony} est toujours ouverte à la fin du journal.',
  CHECKPOINT_MALFORMED: 'Le point de contrôle {checkpoint} ({origin}) est illisible.',
  CHECKPOINT_FOREIGN_STATION: 'Le point de contrôle {checkpoint} ({origin}) désigne un autre poste (ou aucun poste n’est déclaré).',
  CHECKPOINT_SIGNATURE_INVALID: 'Le point de contrôle {checkpoint} ({origin}) ne porte pas de signature valide du poste.',
  CHECKPOINT_COSIGNATURE_INVALID:
    'La contresignature {witness} du point de contrôle {checkpoint} ({origin}) n’est pas la signature valide d’un témoin actif du poste.',
  CHECKPOINT_WITNESS_QUORUM: 'Le point de contrôle {checkpoint} ({origin}) exige {min} contresignature(s) de témoins ; il en porte {count}.',
  JOURNAL_TRUNCATED:
    'Le point de contrôle enregistré {checkpoint} couvre {size} entrées, mais le journal n’en contient que {entries} : des entrées ont été retirées à la fin.',
  CHECKPOINT_ROLLBACK:
    'Le point de contrôle du témoin {checkpoint} couvre {size} entrées, mais le journal n’en contient que {entries} : le journal a été ramené en arrière.',
  CHECKPOINT_ROOT_MISMATCH:
    'Le point de contrôle enregistré {checkpoint} ne correspond pas aux {size} premières entrées du journal : des entrées qu’il couvre ont été modifiées.',
  CHECKPOINT_FORK: 'Le point de contrôle du témoin {checkpoint} ne correspond pas aux {size} premières entrées du journal : l’historique a été réécrit.',
  JOURNAL_EMPTY: 'Le journal ne contient aucune entrée.',
  AIRGAP_EVIDENCE_MISSING: 'L’ouverture de la cérémonie ne porte aucune preuve que le poste était hors ligne.',
  AIRGAP_NOT_LIVE: 'La preuve d’isolement réseau a été lue sous {root}, et non sur le système en marche : c’est une dérogation enregistrée.',
  WALLET_STATE_INVALID: {
    unknown: 'La procédure désigne le portefeuille {wallet}, que le registre ne contient pas.',
    state: 'La procédure ne peut pas s’appliquer au portefeuille {wallet}, qui est dans l’état « {state} » (ou d’une catégorie qu’elle ne sert pas).',
    unattested: 'La destruction du portefeuille {wallet} sur la base d’un solde nul a été close sans l’attestation de ce solde.',
    default: 'La procédure ne peut pas s’appliquer au portefeuille {wallet} dans son état.',
  },
  SHARE_COMMITMENT_MISMATCH: {
    presented: 'La part {index} présentée n’est pas celle que le registre détient pour ce portefeuille (numéro ou empreinte).',
    'handed-over': 'La part {index} remise n’est pas celle que le registre détient pour ce portefeuille (numéro ou empreinte).',
    default: 'La part {index} n’est pas celle que le registre détient pour ce portefeuille.',
  },
  OUTPUTS_NOT_APPROVED: {
    restitution: 'La transaction importée ne paie pas exactement la destination et le montant approuvés (étape « {step} »).',
    sweep: 'Le transfert renvoie des fonds au portefeuille compromis (étape « {step} »).',
    'sweep-foreign': 'Le transfert paie une adresse qui n’est pas celle du portefeuille de remplacement (étape « {step} »).',
    nonce: 'Le transfert importé réutilise un nonce déjà signé depuis la même adresse (étape « {step} »).',
    default: 'La transaction importée ne correspond pas à ce qui a été approuvé (étape « {step} »).',
  },
  SIGNED_NOT_IMPORTED: 'L’étape « {step} » signe une autre transaction que celle qui a été importée et vérifiée.',
  EVIDENCE_MISSING: 'Le fichier de preuve {name} n’est pas dans le dossier (ou n’est pas un fichier ordinaire).',
  EVIDENCE_MISMATCH: 'Le fichier de preuve {name} n’est pas celui qui a été consigné : son SHA-256 diffère.',
  EVIDENCE_UNRECORDED: 'Le fichier {name} du dossier de preuves n’est nommé par aucune entrée du registre.',
  SEAL_INCIDENT_MISSING: {
    'not-opened': 'La part {index} a été présentée avec son sachet rompu ou absent, et la cérémonie a continué sans ouvrir son incident.',
    'not-a-drill': 'La part {index} a été présentée avec son sachet rompu ou absent dans une cérémonie qui n’ouvre pas d’incident pour elle.',
    default: 'La part {index} a été présentée avec son sachet rompu ou absent sans que son incident soit ouvert.',
  },
  OVERDUE_SHARE_LEFT_OUT:
    'La part {share} était en retard de preuve à l’ouverture de l’exercice ; elle n’a été ni présentée ni déclarée injoignable avant la reconstitution.',
  OLD_SHARE_NOT_DESTROYED:
    'Le repartage a été clôturé sans que la part {index} de l’ancien jeu soit détruite : avec d’autres, elle reconstituerait encore la clé hors de toute cérémonie.',
  PROOF_NOT_VALID: {
    address: 'La preuve de contrôle n’est pas faite pour l’adresse que nomme l’ouverture, l’une de celles du portefeuille.',
    challenge: 'La preuve de contrôle ne porte pas sur le défi que consigne l’ouverture.',
    signature: 'La signature de la preuve de contrôle ne vérifie pas.',
    default: 'La preuve de contrôle ne vérifie pas.',
  },
  INCIDENT_CLASSIFICATION_INVALID:
    'L’incident {incident} est classé contrairement aux critères qu’il consigne : son échéancier de déclaration en serait faussé.',
  CLOSE_NOT_CHECKPOINTED:
    'La cérémonie {ceremony} a été clôturée, mais aucun point de contrôle contresigné par un témoin ne couvre sa clôture : rien ne montre qu’elle n’a pas été effacée ou réécrite. Si le poste s’est arrêté entre la clôture et son point de contrôle, celui de la cérémonie suivante la couvrira, ou les témoins en contresignent un tout de suite avec « custos checkpoint ».',
  ENTRY_TOO_LARGE: 'L’entrée en position {position} fait {bytes} octets, plus qu’une entrée ne peut faire ({max}) : elle n’a pas été lue.',
  FILE_REFUSED: 'Le fichier {file} n’a pas été lu ({reason}) : seuls des fichiers ordinaires de taille bornée sont lus.',
};

/**
 * French words for the values of a few details, by the detail's name: where a checkpoint comes
 * from. Roles are named as the ceremony screens name them (ROLE_TEXT); any other value is shown as
 * the record has it (step ids, key ids, ceremony ids are the record's own names).
 */
export const FINDING_WORDS_FR: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  origin: { stored: 'enregistré sur le poste', retained: 'conservé par un témoin' },
  reason: { 'not-regular': 'ce n’est pas un fichier ordinaire', 'too-large': 'il dépasse sa taille maximale', unreadable: 'il ne peut pas être ouvert' },
};
