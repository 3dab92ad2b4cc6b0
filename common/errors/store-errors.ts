/**
 * The station, its store and what it reads (docs/errors.md, "The station and its store"): each code
 * declared once with its public details, its documentation row and its French text.
 */
import type { ErrorTable } from './error-spec.ts';

/** The station, its journal on disk and the files Custos reads. */
export const STORE_ERRORS = {
  AIRGAP_ONLINE: {
    details: [],
    when: 'The machine looks connected (an interface up, a default route, an address, a radio on). The message lists what was seen.',
    risk: 'No. Nothing was recorded.',
    action:
      'Unplug the cable, switch off Wi-Fi and Bluetooth, then start again. A drill on a connected machine needs `--drill-online "<reason>"`, recorded as a deviation.',
    fr: 'Cette machine semble connectée à un réseau (interface active, route par défaut, adresse configurée ou radio allumée). Déconnectez-la avant toute cérémonie. Rien n’a été enregistré.',
  },
  STATION_EXISTS: {
    details: ['dir'],
    when: 'Station setup into a folder that already holds a station.',
    risk: 'No. Nothing changed.',
    action: 'Choose an empty folder.',
    fr: 'Le dossier {dir} contient déjà une station. Rien n’a changé.',
  },
  STATION_NOT_FOUND: {
    details: ['dir'],
    when: 'No station key in that folder.',
    risk: 'No.',
    action: 'Check the data directory, or run station setup.',
    fr: 'Aucune clé de station n’a été trouvée dans {dir}. Procédez d’abord à la mise en service de la station.',
  },
  STATION_KEY_MISMATCH: {
    details: [],
    when: 'The station key given is not the one of this data directory.',
    risk: 'No. Nothing changed.',
    action: "Use this station's own key file and passphrase.",
    fr: 'Cette clé n’est pas celle de la station à laquelle appartient ce répertoire de données. Rien n’a changé.',
  },
  STORE_LOCKED: {
    details: ['pid', 'host', 'since'],
    when: 'Another Custos program is writing to this data directory (its process id is named).',
    risk: 'No. Nothing changed.',
    action: 'Close the other program. A lock left by a crashed program is taken over automatically.',
    fr: 'Un autre programme Custos écrit dans les données de cette station, ou leur verrou n’a pas pu être pris. Fermez l’autre programme. Rien n’a changé.',
  },
  STORE_DAMAGED: {
    details: ['index', 'where'],
    when: 'On opening, the journal is damaged somewhere other than a torn last record (an incomplete last line): a complete line that is not the next entry, a last entry whose station signature fails, a missing segment, or a journal shorter than its newest checkpoint. The entry is named.',
    risk: 'Not by itself, but the record must be examined: someone may have tried to roll it back.',
    action: "Do not write to it. Keep the folder as it is, copy it, run `custos verify` on the copy with the witnesses' checkpoints, and open an incident.",
    fr: 'Le journal est endommagé à l’entrée {index}. Custos n’y écrira pas. Conservez le répertoire de données tel quel et lancez « custos verify » sur une copie.',
  },
  STORE_WRITE_FAILED: {
    details: ['cause'],
    when: 'Writing or syncing an entry to disk failed (full disk, I/O error). The entry was not acknowledged.',
    risk: 'No.',
    action: 'Fix the disk, reopen the station: a partial line is quarantined and recorded; check with `custos replay` whether the last step landed.',
    fr: 'L’entrée n’a pas pu être écrite sur le disque ({cause}) ; elle n’a donc pas été enregistrée. Vérifiez le disque, puis rouvrez la station : rien de ce qui avait été confirmé n’est perdu.',
  },
  CHECKPOINT_WRITE_FAILED: {
    details: ['cause'],
    when: 'The checkpoint after a close could not be written. The entries are recorded.',
    risk: 'No.',
    action: 'Fix the disk; the next close writes a checkpoint covering everything.',
    fr: 'Le point de contrôle n’a pas pu être écrit sur le disque ({cause}). Les entrées sont bien enregistrées ; écrivez à nouveau le point de contrôle une fois le disque réparé.',
  },
  CHECKPOINT_NOT_KEPT: {
    details: ['missing', 'folder'],
    when: "The ceremony closed and its checkpoint is in the station's `checkpoints/` folder, but it could not be written to the medium of the witness(es) named (the stick was pulled, full or read-only).",
    risk: 'No. The ceremony is closed and recorded.',
    action: 'Copy the newest file of `<data-dir>/checkpoints/` to each witness named, on their own medium, before they leave.',
    fr: 'La cérémonie est clôturée et enregistrée, mais le point de contrôle n’a pas pu être écrit pour {missing}. La station garde le même point de contrôle : c’est le fichier le plus récent de {folder} ; copiez-le maintenant sur leur support.',
  },
  KEY_FILE_EXISTS: {
    details: ['file'],
    when: '`custos key new` would write over an existing key file or public key card.',
    risk: 'No. Nothing was written.',
    action: 'Choose another `--name` or `--out` folder; never delete a key file to make room.',
    fr: 'Le fichier {file} existe déjà : une clé n’est jamais écrasée. Choisissez un autre nom ou un autre dossier. Rien n’a été écrit.',
  },
  EXPORT_FOLDER_MISSING: {
    details: ['folder'],
    when: '`custos export --out` names a file in a folder that does not exist.',
    risk: 'No. Nothing was written.',
    action: 'Create the folder (or plug in the medium), then export again.',
    fr: 'Le dossier {folder} n’existe pas : créez-le, ou choisissez un autre emplacement pour le paquet. Rien n’a été écrit.',
  },
  SOURCE_UNREADABLE: {
    details: ['path'],
    when: '`custos verify`, `replay` or `export` cannot read its input (a checkpoint must be a regular file of at most 64 KiB; `--procedures` a folder of `<sha256>.json` definitions; `--evidence` a folder), or the bundle path is a folder.',
    risk: 'No.',
    action: 'Check the paths.',
    fr: 'La source {path} ne peut pas être lue. Vérifiez le chemin.',
  },
  CHECKPOINT_UNREADABLE: {
    details: ['path'],
    row: 'SOURCE_UNREADABLE',
    fr: 'Le fichier de point de contrôle {path} ne peut pas être lu. Vérifiez le chemin.',
  },
  EVIDENCE_FOLDER_UNREADABLE: {
    details: ['path'],
    row: 'SOURCE_UNREADABLE',
    fr: 'Le dossier de preuves {path} ne peut pas être lu : indiquez un dossier.',
  },
  PROCEDURES_UNREADABLE: {
    details: ['path'],
    row: 'SOURCE_UNREADABLE',
    fr: 'Les définitions de procédures fournies ne peuvent pas être lues : indiquez un dossier de fichiers <sha256>.json.',
  },
  EXPORT_TARGET_IS_DIRECTORY: {
    details: ['path'],
    row: 'SOURCE_UNREADABLE',
    fr: 'L’export doit désigner un chemin de fichier, pas un dossier : {path}.',
  },
  FILE_REFUSED: {
    details: [],
    when: 'A file was not read: it is not a regular file (a link, a device, a FIFO, a folder) or is over its size cap (docs/record-format.md, "Hostile input").',
    risk: 'Not by itself; a data directory written by Custos holds none.',
    action: 'Examine the data directory: someone may have placed that file.',
    fr: 'Un fichier n’a pas été lu : ce n’est pas un fichier ordinaire, ou il est trop grand.',
  },
  JSON_NOT_SERIALIZABLE: {
    details: [],
    when: 'A stored line or checkpoint is not in the exact form Custos writes (docs/record-format.md).',
    risk: 'The record must be examined.',
    action: 'Run `custos verify` and open an incident.',
    fr: 'Cette valeur ne peut pas être écrite en JSON.',
  },
  JSON_INVALID: {
    details: [],
    row: 'JSON_NOT_SERIALIZABLE',
    fr: 'Ce texte n’est pas du JSON valable.',
  },
  JSON_DUPLICATE_KEY: {
    details: ['key'],
    row: 'JSON_NOT_SERIALIZABLE',
    fr: 'Ce texte JSON nomme deux fois le champ « {key} ».',
  },
  JSON_NOT_CANONICAL: {
    details: [],
    row: 'JSON_NOT_SERIALIZABLE',
    fr: 'Ce texte n’est pas sous sa forme canonique (RFC 8785) : il n’a pas été écrit par Custos tel qu’il a été signé.',
  },
  ENVELOPE_INVALID: {
    details: [],
    row: 'JSON_NOT_SERIALIZABLE',
    fr: 'Une ligne enregistrée n’est pas une enveloppe signée de la forme exacte qu’écrit Custos.',
  },
  PAYLOAD_INVALID: {
    details: ['field'],
    row: 'JSON_NOT_SERIALIZABLE',
    fr: 'Le champ {field} de l’entrée n’est pas conforme au format du registre.',
  },
  PAYLOAD_TYPE_INVALID: {
    details: [],
    row: 'JSON_NOT_SERIALIZABLE',
    fr: 'Le type de contenu de l’entrée n’est pas celui des entrées Custos.',
  },
  CHECKPOINT_MALFORMED: {
    details: [],
    row: 'JSON_NOT_SERIALIZABLE',
    fr: 'Ce point de contrôle ne peut pas être lu : il n’a pas la forme exacte qu’écrit Custos.',
  },
} as const satisfies ErrorTable;
