/**
 * What the desktop app's screens and its main process refuse (docs/errors.md, "Desktop app"): each
 * code declared once with its public details, its documentation row and its French text.
 */
import type { ErrorTable } from './error-spec.ts';

/** The desktop app's own refusals; nothing is recorded or changed. */
export const APP_ERRORS = {
  IPC_UNTRUSTED_SENDER: {
    details: ['channel'],
    when: 'A request reached Custos from something other than the top frame of its own window.',
    risk: 'No. Nothing was changed.',
    action: 'Report it: something is trying to drive Custos.',
    fr: 'Custos a refusé une demande qui ne venait pas de sa propre fenêtre. Rien n’a changé.',
  },
  IPC_BAD_PAYLOAD: {
    details: ['channel', 'path', 'problem'],
    when: 'The window sent a request of the wrong form or size (the details name the channel and where).',
    risk: 'No. Nothing was changed.',
    action: 'Report it: the software made a mistake.',
    fr: 'Custos a refusé une demande dont le contenu n’a pas la forme ou la taille attendue. Rien n’a changé. Signalez-le.',
  },
  IPC_BAD_RESPONSE: {
    details: ['channel'],
    when: 'The window received an answer it did not expect from the main process.',
    risk: 'No. Nothing was changed.',
    action: 'Report it, with the Custos version.',
    fr: 'Custos a reçu de son propre moteur une réponse inattendue. Rien n’a changé. Signalez-le.',
  },
  CHOICE_UNKNOWN: {
    details: [],
    when: "A file or folder is used that was not chosen in the station's dialog for that purpose (or was chosen before the app restarted).",
    risk: 'No. Nothing was changed.',
    action: 'Choose the file or folder again.',
    fr: 'Ce fichier ou ce dossier n’a pas été choisi sur cette station pour cet usage. Choisissez-le à nouveau. Rien n’a changé.',
  },
  PROCEDURE_UNKNOWN: {
    details: ['procedure'],
    when: 'The screen asked for a procedure the station does not have.',
    risk: 'No. Nothing was recorded.',
    action: 'Report it, with the Custos version.',
    fr: 'Cette procédure n’est pas connue de cette station. Rien n’a été enregistré.',
  },
  JOB_UNKNOWN: {
    details: [],
    when: 'The screen asked about a verification or ceremony the app does not know (it may be from before a restart).',
    risk: 'No.',
    action: 'Start it again from its screen.',
    fr: 'Cette tâche n’est pas connue de la station (elle date peut-être d’avant un redémarrage).',
  },
  PROMPT_UNKNOWN: {
    details: [],
    when: 'An answer came for a question no longer waiting (answered already, or the ceremony stopped).',
    risk: 'No. Nothing was changed.',
    action: 'Follow the screen: it shows the current step.',
    fr: 'Cette question n’attend plus de réponse. Rien n’a changé.',
  },
  CEREMONY_NOT_PAUSED: {
    details: [],
    when: 'Stop was asked while the ceremony was between two steps, not waiting for a person.',
    risk: 'No. Nothing was changed.',
    action: 'Ask again when the screen waits for a person (a share being shown).',
    fr: 'La cérémonie est entre deux étapes et ne peut pas être arrêtée pour l’instant ; elle s’arrêtera dès que la prochaine personne sera appelée à agir. Rien n’a changé.',
  },
  REASON_MISSING: {
    details: [],
    when: 'Stop was asked without a reason.',
    risk: 'No. Nothing was changed.',
    action: 'Type the reason: it is recorded in the abort entry.',
    fr: 'Indiquez le motif de l’arrêt de la cérémonie ; il est enregistré. Rien n’a changé.',
  },
  CEREMONY_STOPPED: {
    details: ['reason'],
    when: 'The officer stopped the ceremony; it was aborted with the reason given, recorded and signed.',
    risk: 'No. Shares already handed over stay recorded with the aborted ceremony.',
    action: 'Open an incident if the reason calls for one; start the ceremony again when ready.',
    fr: 'Le responsable a arrêté la cérémonie ; elle est interrompue avec ce motif, enregistré : {reason}.',
  },
  PSBT_UNREADABLE: {
    details: [],
    when: 'The chosen file is not a readable PSBT (BIP 174), or is larger than 1 MiB.',
    risk: 'No. Nothing was changed.',
    action: 'Ask the coordinator for the file again.',
    fr: 'Ce fichier n’est pas une PSBT lisible (BIP 174). Demandez à nouveau le fichier au coordinateur. Rien n’a changé.',
  },
  PSBT_TOO_LARGE: {
    details: [],
    row: 'PSBT_UNREADABLE',
    fr: 'Ce fichier PSBT dépasse 1 Mio. Rien n’a changé.',
  },
  PSBT_NOT_SIGNED: {
    details: [],
    when: 'The animated QR was asked of a ceremony that wrote no signed PSBT.',
    risk: 'No.',
    action: 'Only a signing ceremony (restitution, rotation sweep) has one.',
    fr: 'Cette cérémonie n’a pas écrit de PSBT signée. Rien à afficher.',
  },
  NETWORK_UNKNOWN: {
    details: ['network'],
    when: 'The network named is not one Custos signs on (bitcoin, testnet, regtest).',
    risk: 'No. Nothing was changed.',
    action: 'Choose one of those.',
    fr: 'Le réseau « {network} » n’est pas un réseau sur lequel Custos signe (bitcoin, testnet, regtest).',
  },
  PRINT_CANCELLED: {
    details: ['reason'],
    when: 'The print dialog of a share card was closed without printing.',
    risk: 'No. Nothing was printed or recorded; the words are still shown only on the screen.',
    action: 'Print again, or let the holder write the words by hand.',
    fr: 'L’impression a été annulée dans la fenêtre d’impression. Rien n’a été imprimé.',
  },
  PRINT_FAILED: {
    details: ['reason'],
    when: "The print window could not print or make the PDF (the details give the printer's reason).",
    risk: 'No. Nothing was recorded; the print window is closed, and the words are not kept.',
    action: 'Check the printer and print again; or let the holder write the words by hand.',
    fr: 'Le document n’a pas pu être imprimé (motif donné : {reason}). Rien n’a été enregistré.',
  },
  SAVE_CANCELLED: {
    details: [],
    when: 'The save dialog of a report was closed: no file was chosen.',
    risk: 'No. Nothing was written.',
    action: 'Save again and choose where.',
    fr: 'Le rapport n’a pas été enregistré : la fenêtre d’enregistrement a été fermée. Aucun fichier n’a été écrit.',
  },
  REPORT_PERIOD_INVALID: {
    details: [],
    when: 'An incident report was asked without two real dates (YYYY-MM-DD), or with the first after the second.',
    risk: 'No. Nothing was written.',
    action: 'Give both dates of the period.',
    fr: 'Indiquez la période par deux dates, du et au (AAAA-MM-JJ), la première ne venant pas après la seconde. Aucun fichier n’a été écrit.',
  },
  REPORT_CEREMONY_UNKNOWN: {
    details: ['ceremony'],
    when: 'A ceremony transcript was asked for a ceremony that is not in the record (or for none).',
    risk: 'No. Nothing was written.',
    action: 'Choose a ceremony from the list.',
    fr: 'La cérémonie « {ceremony} » ne figure pas dans ce registre. Choisissez une cérémonie de la liste ; aucun fichier n’a été écrit.',
  },
  REPORT_WRITE_FAILED: {
    details: ['name', 'problem'],
    when: "The report's PDF could not be written where it was to be saved (the details give the system's code, such as ENOSPC or EACCES).",
    risk: 'No. Nothing else was changed.',
    action: 'Save it on another medium or in another folder.',
    fr: 'Le rapport n’a pas pu être écrit dans {name} ({problem}). Choisissez un autre emplacement ; rien d’autre n’a changé.',
  },
} as const satisfies ErrorTable;
