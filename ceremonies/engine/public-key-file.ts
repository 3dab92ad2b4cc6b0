/**
 * A participant's public key card (docs/cli.md, "custos key"): the file `custos key new` writes
 * beside the sealed key file, which the officer uses to declare the participant in a roster:
 *   {"format":"custos-public-key","version":1,"name":…,"keyid":…,"publicKey":…}
 * keyid = SHA-256 of the SPKI DER of the compressed public key; it is checked when read.
 */
import fs from 'node:fs';
import { CustosError } from '../custos-error.ts';
import { keyIdOf } from '../record/key-id.ts';

export interface PublicKeyCard {
  name: string;
  keyid: string;
  publicKey: string;
}

export function publicKeyCard(name: string, keyid: string, publicKey: string): string {
  return `${JSON.stringify({ format: 'custos-public-key', version: 1, name: name.normalize('NFC'), keyid, publicKey }, null, 2)}\n`;
}

export function readPublicKeyFile(file: string): PublicKeyCard {
  const bad = (why: string) => new CustosError('PUBLIC_KEY_FILE_INVALID', `The public key file ${file} ${why}. Nothing was recorded.`, { file });
  let card: Record<string, unknown>;
  try {
    card = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    throw bad('cannot be read');
  }
  const { format, version, name, keyid, publicKey } = card;
  if (
    format !== 'custos-public-key' ||
    version !== 1 ||
    typeof name !== 'string' ||
    !name.trim() ||
    typeof keyid !== 'string' ||
    typeof publicKey !== 'string' ||
    !/^(02|03)[0-9a-f]{64}$/u.test(publicKey)
  ) {
    throw bad('is not a Custos public key card');
  }
  if (keyIdOf(new Uint8Array(Buffer.from(publicKey, 'hex'))) !== keyid) {
    throw bad('has a key id that does not match its public key');
  }
  return { name: name.normalize('NFC'), keyid, publicKey };
}
