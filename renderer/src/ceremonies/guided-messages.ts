/**
 * The words of the guided ceremony's questions (ADR 0025): the sign request shown before each entry
 * and the passphrase asked of one person, in English and French.
 */
import { defineCatalogue } from '../../../common/i18n/catalogue.ts';

export const GUIDED_TEXT = defineCatalogue({
  en: {
    signTitle: (step: string) => `To sign now: ${step}`,
    abortStep: 'Abort of the ceremony',
    readAloud: 'Read this aloud to everyone present. Each person named below checks it, then signs.',
    whoSigns: 'Who signs',
    unlocked: 'key unlocked',
    passphraseOf: (name: string) => `Passphrase of ${name}`,
    typeYours: (name: string) => `${name}: type your passphrase. It unlocks your key for this ceremony only.`,
    recorded: 'What this entry records',
    nothingRecorded: 'Nothing more than the step itself.',
    sign: 'Sign',
    signing: 'Signing…',
    stationTitle: 'The station key',
    stationHelp: 'The officer types the station key’s passphrase: the station signs every entry with it.',
    keyTitle: (name: string) => `The key of ${name}`,
    keyHelp: (name: string) => `${name} types the passphrase of their own key.`,
    shareTitle: (name: string) => `The share ${name} presents`,
    shareHelp: (name: string) => `${name} types the passphrase their share file is sealed to.`,
    newShareTitle: (name: string) => `A new share for ${name}`,
    newShareHelp: (name: string, min: number) =>
      `${name} chooses the passphrase their share file is sealed to: ${min} characters or more, typed twice. Nobody else should see it.`,
    newStationTitle: 'The new station key',
    newStationHelp: (min: number) => `The officer chooses the station key’s passphrase: ${min} characters or more, typed twice.`,
    passphrase: (name: string) => `Passphrase (${name})`,
    again: 'The same passphrase again',
    refused: (name: string, attempt: number, tries: number) => `The passphrase typed for ${name} did not open it. Try again (attempt ${attempt} of ${tries}).`,
    tooShort: (min: number) => `At least ${min} characters.`,
    mismatch: 'The two passphrases differ.',
    continue: 'Continue',
  },
  fr: {
    signTitle: (step: string) => `À signer maintenant : ${step}`,
    abortStep: 'Interruption de la cérémonie',
    readAloud: 'Lisez ceci à voix haute devant toutes les personnes présentes. Chaque personne nommée ci-dessous le vérifie, puis signe.',
    whoSigns: 'Qui signe',
    unlocked: 'clé déverrouillée',
    passphraseOf: (name: string) => `Phrase secrète de ${name}`,
    typeYours: (name: string) => `${name} : tapez votre phrase secrète. Elle déverrouille votre clé pour cette cérémonie seulement.`,
    recorded: 'Ce que cette entrée enregistre',
    nothingRecorded: 'Rien de plus que l’étape elle-même.',
    sign: 'Signer',
    signing: 'Signature…',
    stationTitle: 'La clé du poste',
    stationHelp: 'Le responsable tape la phrase secrète de la clé du poste : le poste signe chaque entrée avec elle.',
    keyTitle: (name: string) => `La clé de ${name}`,
    keyHelp: (name: string) => `${name} tape la phrase secrète de sa propre clé.`,
    shareTitle: (name: string) => `La part présentée par ${name}`,
    shareHelp: (name: string) => `${name} tape la phrase secrète qui scelle son fichier de part.`,
    newShareTitle: (name: string) => `Une nouvelle part pour ${name}`,
    newShareHelp: (name: string, min: number) =>
      `${name} choisit la phrase secrète qui scellera son fichier de part : ${min} caractères ou plus, tapée deux fois. Personne d’autre ne doit la voir.`,
    newStationTitle: 'La nouvelle clé du poste',
    newStationHelp: (min: number) => `Le responsable choisit la phrase secrète de la clé du poste : ${min} caractères ou plus, tapée deux fois.`,
    passphrase: (name: string) => `Phrase secrète (${name})`,
    again: 'La même phrase secrète, à nouveau',
    refused: (name: string, attempt: number, tries: number) =>
      `La phrase secrète tapée pour ${name} ne l’a pas ouverte. Réessayez (essai ${attempt} sur ${tries}).`,
    tooShort: (min: number) => `Au moins ${min} caractères.`,
    mismatch: 'Les deux phrases secrètes diffèrent.',
    continue: 'Continuer',
  },
});
