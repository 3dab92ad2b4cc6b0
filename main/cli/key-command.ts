/**
 * `custos key new --name <name> --out <folder> [--passphrase-file <file>]` (docs/cli.md): makes a
 * participant's signing key in the crypto core, sealed to their passphrase (`<slug>.key`), and their
 * public key card (`<slug>.pub.json`) for the officer to declare them in a roster. The private key
 * never exists outside the crypto core and the sealed file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OWNER_ONLY, writeFileDurably, realIo } from '../../ceremonies/store/file-io.ts';
import { publicKeyCard } from '../../ceremonies/engine/public-key-file.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { EXIT, parse, usage, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';
import { cliTexts } from './cli-texts.ts';
import { withCryptoCore } from './crypto-session.ts';
import { readPassphrase } from './passphrase-prompt.ts';

export const KEY_HELP = `Usage: custos key new --name <name> --out <folder> [--passphrase-file <file>]

Creates a participant's signing key, sealed to their passphrase (at least 12 characters), and their
public key card. Without --passphrase-file, the passphrase is asked for twice on the terminal.

Writes <folder>/<name>.key (keep it on the participant's own medium) and <folder>/<name>.pub.json
(give it to the officer to declare the participant).

Options:
  --name <name>             the participant's name as it will appear in the record
  --out <folder>            where to write the two files
  --passphrase-file <file>  read the passphrase from this file (for scripted runs)
  --json                    print the result as JSON
  -h, --help                this help

Exit status: 0 written, 1 refused (nothing written), 2 usage error.
`;

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-|-$/gu, '') || 'participant'
  );
}

export async function keyCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === undefined) {
    io.out(localHelp(io.locale, 'key', KEY_HELP));
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (sub !== 'new') throw usage((t) => t.unknownKeyCommand(String(sub)));
  const { values } = parse(rest, { name: { type: 'string' }, out: { type: 'string' }, 'passphrase-file': { type: 'string' }, json: { type: 'boolean' } }, 0);
  if (values.help) {
    io.out(localHelp(io.locale, 'key', KEY_HELP));
    return EXIT.ok;
  }
  if (!values.name?.trim() || !values.out) throw usage((t) => t.keyNeeds);
  const passphrase = await readPassphrase(io, values['passphrase-file'], values.name);
  const base = path.join(values.out, slug(values.name));
  for (const file of [`${base}.key`, `${base}.pub.json`]) {
    if (fs.existsSync(file)) {
      throw new CustosError('KEY_FILE_EXISTS', `${file} already exists: a key is never written over. Choose another name or folder. Nothing was written.`, {
        file,
      });
    }
  }
  const key = await withCryptoCore((client) => client.call('createSigningKey', { passphrase }));
  fs.mkdirSync(values.out, { recursive: true });
  writeFileDurably(realIo, `${base}.key`, key.keyFile, OWNER_ONLY);
  writeFileDurably(realIo, `${base}.pub.json`, new TextEncoder().encode(publicKeyCard(values.name.trim(), key.keyId, key.publicKey)));
  const result = { name: values.name.trim(), keyid: key.keyId, keyFile: `${base}.key`, publicKeyFile: `${base}.pub.json` };
  io.out(
    values.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : `${cliTexts(io.locale).keyCreated(result.name, key.keyId.slice(0, 16))}\n  ${result.keyFile}\n  ${result.publicKeyFile}\n`,
  );
  return EXIT.ok;
}
