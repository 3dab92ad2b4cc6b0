/**
 * Bitcoin output descriptors for the wallet's BIP84 accounts, with the BIP380 checksum
 * (https://github.com/bitcoin/bips/blob/master/bip-0380.mediawiki, "Checksum") and the BIP389
 * multipath form `<0;1>` for receive and change in one descriptor. Importable into Bitcoin Core
 * (importdescriptors) and Sparrow.
 */
const INPUT_CHARSET = '0123456789()[],\'/*abcdefgh@:$%{}IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~ijklmnopqrstuvwxyzABCDEFGH`#"\\ ';
const CHECKSUM_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0xf5dee51989n, 0xa9fdca3312n, 0x1bab10e32dn, 0x3706b1677an, 0x644d626ffdn];

function polymod(c: bigint, value: number): bigint {
  const top = c >> 35n;
  c = ((c & 0x7ffffffffn) << 5n) ^ BigInt(value);
  for (let i = 0; i < 5; i++) if ((top >> BigInt(i)) & 1n) c ^= GENERATORS[i]!;
  return c;
}

/** The 8-character BIP380 checksum of a descriptor (without '#'); null if a character is invalid. */
export function descriptorChecksum(descriptor: string): string | null {
  let c = 1n;
  let cls = 0;
  let clscount = 0;
  for (const ch of descriptor) {
    const pos = INPUT_CHARSET.indexOf(ch);
    if (pos === -1) return null;
    c = polymod(c, pos & 31);
    cls = cls * 3 + (pos >> 5);
    if (++clscount === 3) {
      c = polymod(c, cls);
      cls = 0;
      clscount = 0;
    }
  }
  if (clscount > 0) c = polymod(c, cls);
  for (let i = 0; i < 8; i++) c = polymod(c, 0);
  c ^= 1n;
  let out = '';
  for (let i = 0; i < 8; i++) out += CHECKSUM_CHARSET[Number((c >> (5n * (7n - BigInt(i)))) & 31n)];
  return out;
}

function withChecksum(descriptor: string): string {
  const sum = descriptorChecksum(descriptor);
  if (sum === null) throw new Error('descriptor has a character outside the BIP380 charset');
  return `${descriptor}#${sum}`;
}

/** True when `text` is "descriptor#checksum" with the right checksum. */
export function hasValidChecksum(text: string): boolean {
  const at = text.lastIndexOf('#');
  if (at < 0) return false;
  return descriptorChecksum(text.slice(0, at)) === text.slice(at + 1);
}

/** wpkh descriptors for an account: `wpkh([fp/84h/0h/0h]xpub/<0;1>/*)#…` and the two single-path forms. */
export function wpkhDescriptors(fingerprint: string, accountPath: string, xpub: string) {
  const origin = `${fingerprint}${accountPath.slice(1).replaceAll("'", 'h')}`;
  const key = `[${origin}]${xpub}`;
  return {
    descriptor: withChecksum(`wpkh(${key}/<0;1>/*)`),
    receiveDescriptor: withChecksum(`wpkh(${key}/0/*)`),
    changeDescriptor: withChecksum(`wpkh(${key}/1/*)`),
  };
}
