/**
 * Texts of the QR scan (QrScan.tsx), English and French: reading the coordinator's animated QR code
 * with the station's camera, how far it is, and what to do when the camera cannot be used.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const QR_SCAN_TEXT = defineCatalogue({
  en: {
    scanPsbt: 'Scan the PSBT from the coordinator’s screen',
    scanRequest: 'Scan the request from the coordinator’s screen',
    cancel: 'Stop scanning',
    video: 'What the station’s camera sees',
    starting: 'Starting the camera…',
    hold: 'Hold the coordinator’s screen in front of the camera, its animated QR code in full view.',
    progress: (received: number, expected: number | null, percent: number) =>
      expected === null ? `Reading… ${received} part(s) read.` : `Reading: ${received} of ${expected} parts (about ${percent} %).`,
    done: (name: string) => `Read in full and written as ${name}.`,
    noCamera: 'The camera could not be started (none is connected, or another program uses it). Choose the file instead, from the coordinator’s medium.',
  },
  fr: {
    scanPsbt: 'Scanner la PSBT sur l’écran du coordinateur',
    scanRequest: 'Scanner la demande sur l’écran du coordinateur',
    cancel: 'Arrêter la lecture',
    video: 'Ce que voit la caméra du poste',
    starting: 'Démarrage de la caméra…',
    hold: 'Tenez l’écran du coordinateur devant la caméra, son code QR animé bien visible.',
    progress: (received: number, expected: number | null, percent: number) =>
      expected === null ? `Lecture… ${received} partie(s) lue(s).` : `Lecture : ${received} parties sur ${expected} (environ ${percent} %).`,
    done: (name: string) => `Lu en entier et enregistré sous ${name}.`,
    noCamera:
      'La caméra n’a pas pu démarrer (aucune n’est branchée, ou un autre programme l’utilise). Choisissez plutôt le fichier, sur le support du coordinateur.',
  },
});
