/**
 * Running a ceremony (docs/errors.md, "Running a ceremony"): answers, confirmations, interruptions,
 * resuming and aborting. Each code declared once with its details, row and French text.
 */
import type { ErrorTable } from './error-spec.ts';

/** Running, interrupting, resuming and aborting a ceremony. */
export const RUN_ERRORS = {
  ANSWERS_INVALID: {
    details: ['field'],
    when: 'A field of the answers file is missing or wrong; the message names it.',
    risk: 'No. Nothing was recorded.',
    action: 'Correct that field (docs/answers/README.md) and run again.',
    fr: 'Dans le fichier de réponses, le champ {field} est absent ou incorrect. Rien n’a été enregistré.',
  },
  ANSWERS_UNREADABLE: {
    details: ['file'],
    when: 'The answers file cannot be read as JSON.',
    risk: 'No.',
    action: 'Check the path and the JSON syntax.',
    fr: 'Le fichier de réponses {file} ne peut pas être lu comme du JSON. Vérifiez son chemin et sa syntaxe.',
  },
  CONFIRMATION_MISSING: {
    details: ['field'],
    when: 'A confirmation the procedure requires is not `true` in the answers.',
    risk: 'No. Nothing was recorded.',
    action: 'Confirm only what really happened, then run again.',
    fr: 'Les réponses ne confirment pas « {field} » (la valeur doit être true). Rien n’a été enregistré.',
  },
  CEREMONY_WAITING: {
    details: ['ceremony', 'dir'],
    when: 'A ceremony is still open — a compromise rotation waiting for its sweep, or a run that was interrupted before its close (killed, power lost) — and another ceremony was started.',
    risk: 'No. Nothing was recorded.',
    action:
      'Finish it: an interrupted run, with `custos run <procedure> <data-dir> --resume` and the same answers; a rotation, with its second sitting. Or abort the open ceremony with an officer and a witness: `custos abort <data-dir> --reason "…"` (or "Abort the open ceremony" in the desktop app).',
    fr: 'La cérémonie {ceremony} est encore ouverte : terminez-la (relancez-la avec les mêmes réponses et --resume, ou la seconde séance d’une rotation), ou interrompez-la avec un responsable et un témoin (custos abort {dir} --reason « … »), avant toute autre cérémonie. Rien n’a été enregistré.',
  },
  CEREMONY_RESUME_MISMATCH: {
    details: ['ceremony', 'index', 'step'],
    when: '`custos run … --resume`: an entry already recorded for the open ceremony differs from what the run would sign now (other answers, or a step that makes something new each time: a wallet, a sealed share).',
    risk: 'No. Nothing more was recorded; the ceremony is still open.',
    action: 'Abort it with an officer and a witness (`custos abort`), then run it again from its start.',
    fr: 'La cérémonie {ceremony} ne peut pas être reprise : l’entrée {index} a été enregistrée autrement que ce que cette exécution signerait maintenant (d’autres réponses, ou une étape qui produit du neuf à chaque fois, comme un portefeuille ou une part scellée). Rien de plus n’a été enregistré ; la cérémonie reste ouverte : interrompez-la avec un responsable et un témoin (custos abort), puis relancez-la.',
  },
  CEREMONY_NOT_RESUMABLE: {
    details: ['ceremony', 'procedure', 'dir'],
    when: '`custos run … --resume` on a ceremony whose procedure makes something new each run (`station-setup`, `create-wallet`, `compromise-rotation`, `change-holder`, `reshare`).',
    risk: 'No. Nothing was recorded; the ceremony is still open.',
    action: 'Abort it with an officer and a witness (`custos abort`), then run it again from its start.',
    fr: 'La cérémonie {ceremony} ({procedure}) ne peut pas être reprise : elle produit du neuf à chaque exécution (un portefeuille, une part scellée), ce qu’elle a enregistré ne peut donc pas être refait à l’identique. Rien n’a été enregistré ; la cérémonie reste ouverte : interrompez-la avec un responsable et un témoin (custos abort {dir} --reason « … »), puis relancez-la.',
  },
  CEREMONY_RESUME_OTHER: {
    details: ['ceremony', 'procedure'],
    when: '`custos run <procedure> … --resume` while the ceremony left open is of another procedure.',
    risk: 'No. Nothing was recorded.',
    action: 'Resume it with its own procedure, or abort it (`custos abort`).',
    fr: 'La cérémonie restée ouverte est {ceremony} ({procedure}) : reprenez-la avec cette procédure, ou interrompez-la (custos abort). Rien n’a été enregistré.',
  },
  RUN_INTERRUPTED: {
    details: ['signal'],
    when: 'A run was stopped by Ctrl-C (SIGINT) or SIGTERM. After the ceremony opened, nothing more was signed and the ceremony was aborted with this reason; before, nothing was recorded.',
    risk: 'No: the secrets of the run end with its process.',
    action: 'Run the ceremony again from its start; the station takes it.',
    fr: 'L’exécution a été arrêtée ({signal}) : plus rien n’est signé, et une cérémonie déjà ouverte est interrompue avec ce motif. Relancez la cérémonie depuis son début.',
  },
  SIGNATURE_DECLINED: {
    details: ['step'],
    when: 'On a terminal, the summary of an entry was shown and something other than `yes` was typed. Before the ceremony opened, nothing was recorded; after, the ceremony is aborted with this reason.',
    risk: 'No.',
    action: 'Check what the summary shows; run the ceremony again when everyone agrees.',
    fr: 'L’entrée « {step} » n’a pas été signée : « yes » n’a pas été saisi.',
  },
  NO_CEREMONY_OPEN: {
    details: [],
    when: '`custos abort`, or `custos run … --resume`, on a station where no ceremony is open.',
    risk: 'No. Nothing was recorded.',
    action: 'Nothing to abort or resume: run the ceremony without `--resume`; the station takes the next ceremony.',
    fr: 'Aucune cérémonie n’est ouverte sur ce poste : il n’y a rien à interrompre. Rien n’a été enregistré.',
  },
  ABORT_WRONG_CEREMONY: {
    details: ['open', 'expected'],
    when: '`custos abort --ceremony <id>` names another ceremony than the one open.',
    risk: 'No. Nothing was recorded.',
    action: "Check the id the station shows (`custos replay`, the inventory's open ceremony), and abort that one if you mean it.",
    fr: 'La cérémonie ouverte sur ce poste est {open}, pas {expected}. Rien n’a été enregistré.',
  },
  CEREMONY_NOT_WAITING: {
    details: [],
    when: 'The second sitting of a rotation was started, but no rotation is open and waiting on this station.',
    risk: 'No. Nothing was recorded.',
    action: 'Run the first sitting (without `sweep`) first.',
    fr: 'Aucune cérémonie de ce type n’est ouverte et en attente sur cette station. Rien n’a été enregistré.',
  },
} as const satisfies ErrorTable;
