/**
 * The words printed on a paper share card (main/app/share-card.ts), in English and French with the
 * same keys. The warning says what the card is for and what never to do with it. Spec:
 * docs/desktop-app.md ("Paper shares", and printShareCard: share cards — words + QR + bag serial
 * field — printed through a dedicated sandboxed print window).
 */
import { bilingual } from './report-text.ts';

export const SHARE_CARD_TEXT = bilingual({
  en: {
    title: 'Custos share card',
    holder: 'Holder',
    share: (i: number, n: number) => `Share ${i} of ${n}`,
    wallet: 'Wallet',
    words: 'The 39 words of this share, in order',
    qr: 'The same share as a QR code',
    bagSerial: 'Bag serial',
    bagSerialByHand: 'Copy here, by hand, the serial printed on the bag this card goes into:',
    signature: 'Holder’s signature',
    date: 'Date',
    warningTitle: 'Read before you fold this card',
    warningKeep: 'Keep this card sealed in its tamper-evident bag. Anyone holding enough cards can rebuild the wallet.',
    warningPhoto: 'Never photograph, scan or copy this card.',
    warningType: 'Never type these words into any computer, except a Custos station during a ceremony, in front of its witnesses.',
  },
  fr: {
    title: 'Carte de part Custos',
    holder: 'Détenteur',
    share: (i: number, n: number) => `Part ${i} sur ${n}`,
    wallet: 'Portefeuille',
    words: 'Les 39 mots de cette part, dans l’ordre',
    qr: 'La même part en QR code',
    bagSerial: 'Numéro du sachet',
    bagSerialByHand: 'Recopiez ici, à la main, le numéro imprimé sur le sachet qui contiendra cette carte :',
    signature: 'Signature du détenteur',
    date: 'Date',
    warningTitle: 'À lire avant de plier cette carte',
    warningKeep: 'Gardez cette carte scellée dans son sachet inviolable. Quiconque réunit assez de cartes peut reconstituer le portefeuille.',
    warningPhoto: 'Ne photographiez, ne numérisez et ne copiez jamais cette carte.',
    warningType: 'Ne saisissez jamais ces mots sur un ordinateur, sauf sur un poste Custos pendant une cérémonie, devant ses témoins.',
  },
});
