/**
 * The command line's own words, English and French (docs/cli.md, "Languages"): what `custos` says
 * around a ceremony — its questions, hints, progress, summaries, results and usage errors. Refusals
 * carry a code and take their French from the error registry, common/errors/; the helps are in cli-help.ts.
 * One catalogue, same keys in both languages (common/i18n/catalogue.ts).
 */
import { defineCatalogue, pick } from '../../common/i18n/catalogue.ts';
import type { Locale } from '../../common/i18n/locale.ts';

const CLI_TEXTS = defineCatalogue({
  en: {
    seeHelp: 'Run "custos --help" for usage.',
    unexpected: (why: string) => `unexpected failure: ${why}`,
    nothingRecorded: 'Nothing was recorded.',
    unknownCommand: (name: string) => `unknown command "${name}"`,
    unknownOption: (option: string) => `unknown option ${option}`,
    badOptionValue: (option: string) => `the option ${option} needs a value`,
    argumentCount: (expected: number, given: number) => `expected ${expected} argument(s), got ${given}`,
    unknownLanguage: (value: string) => `--lang takes "en" or "fr", not "${value}"`,
    unknownProcedure: (name: string, known: string) => `unknown procedure "${name}" (known: ${known})`,
    needsAnswers: (command: string) => `${command} needs --answers <file.json>, or a terminal to answer on`,
    exportNeedsOut: 'export needs --out <bundle>',
    unknownKeyCommand: (sub: string) => `unknown key command "${sub}"`,
    keyNeeds: 'key new needs --name and --out',
    passphraseFileUnreadable: (file: string) => `cannot read the passphrase file ${file}`,
    noTerminalForPassphrase: 'no terminal to type the passphrase on: use --passphrase-file',
    passphrasesDiffer: 'the two passphrases differ',
    reportNeedsPeriod: 'report incidents needs --from and --to as YYYY-MM-DD',
    unknownReport: (kind: string) => `unknown report "${kind}"`,
    threadsRange: '--threads takes a whole number from 1 to 64',
    passphraseFor: (name: string) => `Passphrase for ${name}: `,
    passphraseForAgain: (name: string) => `Passphrase for ${name} (again): `,
    keyCreated: (name: string, keyid: string) => `Created the key of ${name} (key id ${keyid}…):`,
    // A ceremony's run.
    closedAs: (procedure: string, ceremony: string, size: number) => `${procedure}: ceremony ${ceremony} closed; the journal now has ${size} entries.`,
    abortedAs: (procedure: string, ceremony: string, size: number) => `${procedure}: ceremony ${ceremony} aborted; the journal now has ${size} entries.`,
    waitingAs: (procedure: string, ceremony: string, size: number, what: string) =>
      `${procedure}: ceremony ${ceremony} is open, waiting for ${what}; the journal now has ${size} entries.`,
    checkpointAs: (size: number) => `checkpoint: cosigned over the journal's ${size} entries; nothing was added to it.`,
    wrote: (file: string) => `wrote ${file}`,
    endedBeforeStop: (how: 'closed' | 'aborted' | 'waiting', signal: string) =>
      `custos: the ceremony had already ${how === 'aborted' ? 'been aborted' : how === 'waiting' ? 'reached its waiting point' : 'closed'} when the stop (${signal}) took effect: nothing was aborted.`,
    stopping: (signal: string) =>
      `custos: stopping (${signal}): nothing more will be signed; the ceremony is being aborted with that reason. Press Ctrl-C again to quit at once.`,
    quitOpen: (signal: string, dir: string) =>
      `custos: quit (${signal}) with the ceremony still open: resume it with the same answers (custos run <procedure> ${dir} --resume) where its procedure allows, or abort it with an officer and a witness (custos abort ${dir} --reason "…").`,
    stoppedBeforeOpen: (signal: string) => `custos: stopped (${signal}) before the ceremony opened. Nothing was recorded.`,
    checkpointOwed: (dir: string) =>
      `the last ceremony closed, but the station stopped before its checkpoint was written (verify reports CLOSE_NOT_CHECKPOINTED): this run's checkpoint covers it, or witnesses can cosign one with "custos checkpoint ${dir}".`,
    // Progress on the terminal.
    unlockingKey: 'unlocking a key',
    makingKey: 'making a key',
    openingShare: 'opening a share file',
    sealingShare: 'sealing a share file',
    generatingWallet: 'generating the wallet',
    splittingWallet: 'splitting the wallet into shares',
    combiningShares: 'rebuilding the wallet from its shares',
    signingTransaction: 'signing the transaction',
    seconds: (s: string) => `${s} s`,
    took: (words: string, time: string) => `${words}: ${time}`,
    entrySigned: (index: number, step: string, roles: string) => `✓ entry ${index}: ${step} signed (station, ${roles})`,
    toSign: (procedure: string, title: string) => `To sign — ${procedure}: ${title}`,
    theCeremony: (type: string) => (type === 'open' ? 'open the ceremony' : type === 'close' ? 'close the ceremony' : `${type} the ceremony`),
    signedBy: 'signed by',
    colon: ': ',
    typeYes: '  Type "yes" to sign this entry: ',
    // Questions.
    /** `why`: the engine's English words; `_label`: the field as read (the French text says its own). */
    refusedAgain: (why: string, _label: string) => `  Refused: ${why}. Type it again.`,
    passphraseAgain: (why: string, _label: string) => `  Refused: ${why} Type it again.`,
    getHint: ' (Enter to skip, "yes" to give it, or type it)',
    rangeHint: (min: number, max: number, fallback?: number) => ` (${min} to ${max}${fallback === undefined ? '' : `, Enter for ${fallback}`})`,
    howMany: ' — how many?',
    manyOf: (values: string) => ` (one or more of ${values}, separated by commas)`,
    separated: ' (separated by commas)',
    confirmHint: ': type "yes" to confirm it really happened: ',
    hidden: ' (hidden): ',
    again: ' again: ',
    typedDifferently: 'was typed differently the second time',
    atLeast: (n: number) => `must have at least ${n} characters`,
    isEmpty: 'is empty',
  },
  fr: {
    seeHelp: 'Lancez « custos --help » pour l’aide.',
    unexpected: (why: string) => `échec inattendu : ${why}`,
    nothingRecorded: 'Rien n’a été enregistré.',
    unknownCommand: (name: string) => `commande inconnue « ${name} »`,
    unknownOption: (option: string) => `option inconnue ${option}`,
    badOptionValue: (option: string) => `l’option ${option} demande une valeur`,
    argumentCount: (expected: number, given: number) => `${expected} argument(s) attendu(s), ${given} donné(s)`,
    unknownLanguage: (value: string) => `--lang accepte « en » ou « fr », pas « ${value} »`,
    unknownProcedure: (name: string, known: string) => `procédure inconnue « ${name} » (connues : ${known})`,
    needsAnswers: (command: string) => `${command} demande --answers <fichier.json>, ou un terminal pour répondre`,
    exportNeedsOut: 'export demande --out <dossier>',
    unknownKeyCommand: (sub: string) => `commande key inconnue « ${sub} »`,
    keyNeeds: 'key new demande --name et --out',
    passphraseFileUnreadable: (file: string) => `impossible de lire le fichier de phrase secrète ${file}`,
    noTerminalForPassphrase: 'aucun terminal pour saisir la phrase secrète : utilisez --passphrase-file',
    passphrasesDiffer: 'les deux phrases secrètes diffèrent',
    reportNeedsPeriod: 'report incidents demande --from et --to au format AAAA-MM-JJ',
    unknownReport: (kind: string) => `rapport inconnu « ${kind} »`,
    threadsRange: '--threads accepte un nombre entier de 1 à 64',
    passphraseFor: (name: string) => `Phrase secrète de ${name} : `,
    passphraseForAgain: (name: string) => `Phrase secrète de ${name} (de nouveau) : `,
    keyCreated: (name: string, keyid: string) => `Clé de ${name} créée (identifiant de clé ${keyid}…) :`,
    closedAs: (procedure: string, ceremony: string, size: number) =>
      `${procedure} : cérémonie ${ceremony} clôturée ; le journal compte maintenant ${size} entrées.`,
    abortedAs: (procedure: string, ceremony: string, size: number) =>
      `${procedure} : cérémonie ${ceremony} interrompue ; le journal compte maintenant ${size} entrées.`,
    waitingAs: (procedure: string, ceremony: string, size: number, what: string) =>
      `${procedure} : cérémonie ${ceremony} ouverte, en attente de : ${what} ; le journal compte maintenant ${size} entrées.`,
    checkpointAs: (size: number) => `checkpoint : point de contrôle contresigné sur les ${size} entrées du journal ; rien n’y a été ajouté.`,
    wrote: (file: string) => `écrit : ${file}`,
    endedBeforeStop: (how: 'closed' | 'aborted' | 'waiting', signal: string) =>
      `custos : la cérémonie était déjà ${how === 'aborted' ? 'interrompue' : how === 'waiting' ? 'arrivée à son point d’attente' : 'clôturée'} quand l’arrêt (${signal}) a pris effet : rien n’a été interrompu.`,
    stopping: (signal: string) =>
      `custos : arrêt demandé (${signal}) : plus rien ne sera signé ; la cérémonie est interrompue avec ce motif. Appuyez de nouveau sur Ctrl-C pour quitter tout de suite.`,
    quitOpen: (signal: string, dir: string) =>
      `custos : arrêt immédiat (${signal}), la cérémonie reste ouverte : reprenez-la avec les mêmes réponses (custos run <procédure> ${dir} --resume) si sa procédure le permet, ou interrompez-la avec un responsable et un témoin (custos abort ${dir} --reason « … »).`,
    stoppedBeforeOpen: (signal: string) => `custos : arrêté (${signal}) avant l’ouverture de la cérémonie. Rien n’a été enregistré.`,
    checkpointOwed: (dir: string) =>
      `la dernière cérémonie a été clôturée, mais le poste s’est arrêté avant d’écrire son point de contrôle (verify signale CLOSE_NOT_CHECKPOINTED) : le point de contrôle de cette exécution la couvrira, ou les témoins peuvent en contresigner un avec « custos checkpoint ${dir} ».`,
    unlockingKey: 'déverrouillage d’une clé',
    makingKey: 'création d’une clé',
    openingShare: 'ouverture d’un fichier de part',
    sealingShare: 'scellement d’un fichier de part',
    generatingWallet: 'génération du portefeuille',
    splittingWallet: 'partage du portefeuille en parts',
    combiningShares: 'reconstitution du portefeuille à partir de ses parts',
    signingTransaction: 'signature de la transaction',
    seconds: (s: string) => `${s.replace('.', ',')} s`,
    took: (words: string, time: string) => `${words} : ${time}`,
    entrySigned: (index: number, step: string, roles: string) => `✓ entrée ${index} : ${step} signée (poste, ${roles})`,
    toSign: (procedure: string, title: string) => `À signer — ${procedure} : ${title}`,
    theCeremony: (type: string) => (type === 'open' ? 'ouvrir la cérémonie' : type === 'close' ? 'clôturer la cérémonie' : `${type} (cérémonie)`),
    signedBy: 'signé par',
    colon: ' : ',
    typeYes: '  Tapez « oui » pour signer cette entrée : ',
    refusedAgain: (_why: string, label: string) => `  Refusé : cette réponse ne convient pas pour « ${label} ». Saisissez-le de nouveau.`,
    passphraseAgain: (_why: string, label: string) =>
      `  Refusé : la phrase secrète saisie pour « ${label} » n’ouvre pas ce fichier (ou le fichier a été modifié). Saisissez-la de nouveau.`,
    getHint: ' (Entrée pour passer, « oui » pour le donner, ou saisissez-le)',
    rangeHint: (min: number, max: number, fallback?: number) => ` (de ${min} à ${max}${fallback === undefined ? '' : `, Entrée pour ${fallback}`})`,
    howMany: ' — combien ?',
    manyOf: (values: string) => ` (un ou plusieurs parmi ${values}, séparés par des virgules)`,
    separated: ' (séparés par des virgules)',
    confirmHint: ' : tapez « oui » pour confirmer que cela a bien eu lieu : ',
    hidden: ' (masquée) : ',
    again: ' (de nouveau) : ',
    typedDifferently: 'n’a pas été saisie de la même façon la seconde fois',
    atLeast: (n: number) => `doit compter au moins ${n} caractères`,
    isEmpty: 'est vide',
  },
});

export type CliTexts = (typeof CLI_TEXTS)['en'];

export function cliTexts(locale: Locale): CliTexts {
  return pick(CLI_TEXTS, locale);
}
