/**
 * Bytewords: bytes as four-letter English words, with a CRC-32 checksum of the body appended as
 * four more words. Spec: BCR-2020-012 "Bytewords" (revised October 4, 2020, after the wordlist
 * alphabetisation fix): "Word List" (one word per byte value, 0x00 first), "Checksum" (CRC-32 in
 * network order), and the three styles: standard (words separated by spaces), URI (separated by
 * hyphens) and minimal (first and last letter of each word, no separator). URs use the minimal
 * style (BCR-2020-005 "Bytewords"). Decoding is bytewords-decode.ts.
 */
import { crc32Bytes } from './crc32.ts';

/** BCR-2020-012 "Word List": the word of byte value i is WORDS[i]. */
export const BYTEWORDS: readonly string[] = [
  'able acid also apex aqua arch atom aunt', // 0x00
  'away axis back bald barn belt beta bias', // 0x08
  'blue body brag brew bulb buzz calm cash', // 0x10
  'cats chef city claw code cola cook cost', // 0x18
  'crux curl cusp cyan dark data days deli', // 0x20
  'dice diet door down draw drop drum dull', // 0x28
  'duty each easy echo edge epic even exam', // 0x30
  'exit eyes fact fair fern figs film fish', // 0x38
  'fizz flap flew flux foxy free frog fuel', // 0x40
  'fund gala game gear gems gift girl glow', // 0x48
  'good gray grim guru gush gyro half hang', // 0x50
  'hard hawk heat help high hill holy hope', // 0x58
  'horn huts iced idea idle inch inky into', // 0x60
  'iris iron item jade jazz join jolt jowl', // 0x68
  'judo jugs jump junk jury keep keno kept', // 0x70
  'keys kick kiln king kite kiwi knob lamb', // 0x78
  'lava lazy leaf legs liar limp lion list', // 0x80
  'logo loud love luau luck lung main many', // 0x88
  'math maze memo menu meow mild mint miss', // 0x90
  'monk nail navy need news next noon note', // 0x98
  'numb obey oboe omit onyx open oval owls', // 0xa0
  'paid part peck play plus poem pool pose', // 0xa8
  'puff puma purr quad quiz race ramp real', // 0xb0
  'redo rich road rock roof ruby ruin runs', // 0xb8
  'rust safe saga scar sets silk skew slot', // 0xc0
  'soap solo song stub surf swan taco task', // 0xc8
  'taxi tent tied time tiny toil tomb toys', // 0xd0
  'trip tuna twin ugly undo unit urge user', // 0xd8
  'vast very veto vial vibe view visa void', // 0xe0
  'vows wall wand warm wasp wave waxy webs', // 0xe8
  'what when whiz wolf work yank yawn yell', // 0xf0
  'yoga yurt zaps zero zest zinc zone zoom', // 0xf8
].flatMap((row) => row.split(' '));

if (BYTEWORDS.length !== 256) throw new Error('Bytewords: the word list must have 256 words.');

/** Minimal style of byte value i: the first and last letters of its word. */
const MINIMAL: readonly string[] = BYTEWORDS.map((word) => word[0]! + word[3]!);

export type BytewordsStyle = 'standard' | 'uri' | 'minimal';

function checkBytes(bytes: Uint8Array): void {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes: expected a Uint8Array');
}

/**
 * `bytes` followed by their CRC-32, in Bytewords, lower case (the canonical case; a QR code may
 * carry it upper-cased, BCR-2020-005 "Be case agnostic").
 */
export function bytewordsEncode(bytes: Uint8Array, style: BytewordsStyle): string {
  checkBytes(bytes);
  const body = new Uint8Array(bytes.length + 4);
  body.set(bytes);
  body.set(crc32Bytes(bytes), bytes.length);
  switch (style) {
    case 'minimal':
      return Array.from(body, (b) => MINIMAL[b]!).join('');
    case 'standard':
      return Array.from(body, (b) => BYTEWORDS[b]!).join(' ');
    case 'uri':
      return Array.from(body, (b) => BYTEWORDS[b]!).join('-');
    default:
      throw new TypeError(`style: expected 'standard', 'uri' or 'minimal', got ${String(style)}`);
  }
}

/** Minimal Bytewords with checksum: the body of a UR (BCR-2020-005 "UR Encoding"). */
export function bytewordsMinimal(bytes: Uint8Array): string {
  return bytewordsEncode(bytes, 'minimal');
}
