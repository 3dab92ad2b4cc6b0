/**
 * The command line in French (docs/cli.md, "Languages"): which language the environment asks for
 * (LC_ALL, then LC_MESSAGES, then LANG), and that the French helps and field names say the same
 * things as the English ones: every command has a French help naming exactly its options, the run
 * help lists every procedure, and every field of the answers examples has its French words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { localeNamed, localeOfEnvironment } from '../../../common/i18n/locale.ts';
import { RUNS } from '../../../ceremonies/engine/runs/catalogue.ts';
import { ABORT_HELP } from '../../../main/cli/abort-command.ts';
import { CHECKPOINT_HELP } from '../../../main/cli/checkpoint-command.ts';
import { FR_HELP, HELP_FR } from '../../../main/cli/cli-help-fr.ts';
import { HELP } from '../../../main/cli/custos.ts';
import { EXPORT_HELP } from '../../../main/cli/export-command.ts';
import { frenchFieldWord, labelOf } from '../../../main/cli/field-labels.ts';
import { KEY_HELP } from '../../../main/cli/key-command.ts';
import { REPLAY_HELP } from '../../../main/cli/replay-command.ts';
import { REPORT_HELP } from '../../../main/cli/report-command.ts';
import { RUN_HELP } from '../../../main/cli/run-command.ts';
import { VERIFY_HELP } from '../../../main/cli/verify-command.ts';

const ENGLISH: Record<string, string> = {
  verify: VERIFY_HELP,
  replay: REPLAY_HELP,
  export: EXPORT_HELP,
  run: RUN_HELP,
  abort: ABORT_HELP,
  checkpoint: CHECKPOINT_HELP,
  key: KEY_HELP,
  report: REPORT_HELP,
};
const options = (help: string) => [...new Set(help.match(/(?<![\w-])--?[a-z][a-z-]*/gu))].sort();
const commandsOf = (help: string) => [...help.matchAll(/^ {2}([a-z]+) /gmu)].map((m) => m[1]);

test('LC_ALL, then LC_MESSAGES, then LANG decide; anything but French is English', () => {
  expect(localeOfEnvironment({})).toBe('en');
  expect(localeOfEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
  expect(localeOfEnvironment({ LANG: 'fr_CA.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe('en');
  expect(localeOfEnvironment({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'fr_BE', LC_ALL: '' })).toBe('fr');
  expect(localeOfEnvironment({ LANG: 'fr_FR', LC_ALL: 'C' })).toBe('en');
  expect(localeOfEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('en');
  expect(['fr', 'FR', 'fr_FR.UTF-8', 'fr@euro', 'en', 'en-GB'].map(localeNamed)).toEqual(['fr', 'fr', 'fr', 'fr', 'en', 'en']);
  expect(['de', 'C', 'français', ''].map(localeNamed)).toEqual([undefined, undefined, undefined, undefined]);
});

test('the French top-level help lists the same commands as the English one', () => {
  expect(commandsOf(HELP_FR)).toEqual(commandsOf(HELP));
  expect(Object.keys(FR_HELP).sort()).toEqual(Object.keys(ENGLISH).sort());
  expect(HELP_FR).toContain('--lang');
  expect(HELP).toContain('--lang');
});

test.each(Object.keys(ENGLISH))('the French help of %s names exactly the options of the English one, and its exit statuses', (command) => {
  expect(options(FR_HELP[command]!)).toEqual(options(ENGLISH[command]!));
  const statuses = (help: string) => [...help.matchAll(/(\d) [a-zé]/gu)].map((m) => m[1]).filter((d) => ['0', '1', '2'].includes(d!));
  expect(FR_HELP[command]).toMatch(/Code de sortie : 0 .*1 .*2 /su);
  expect(new Set(statuses(FR_HELP[command]!.split('Code de sortie')[1]!))).toEqual(new Set(statuses(ENGLISH[command]!.split('Exit status')[1]!)));
});

test('the French run help lists every procedure custos run accepts', () => {
  const listed = /Procédures : ([\s\S]*?)\n\n/u
    .exec(FR_HELP.run!)![1]!
    .split(/,\s*/u)
    .map((s) => s.trim());
  expect(listed).toEqual(Object.keys(RUNS));
});

test("every field the answers examples use has French words (people's labels excepted)", () => {
  const root = fileURLToPath(new URL('../../../docs/answers/', import.meta.url));
  const missing = new Set<string>();
  for (const file of fs.readdirSync(root).filter((f) => f.endsWith('.json'))) {
    const visit = (value: unknown, parent: string) => {
      if (Array.isArray(value)) value.forEach((v) => visit(v, parent));
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          // The keys under participants and witnessCheckpoints are people's labels (alice, bob…): names, not words.
          if (!['participants', 'witnessCheckpoints'].includes(parent) && frenchFieldWord(key) === undefined) missing.add(`${path.basename(file)}: ${key}`);
          visit(v, key);
        }
      }
    };
    visit(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')), '');
  }
  expect([...missing]).toEqual([]);
  expect(labelOf('holders.0.bagSerial', 'fr')).toBe('détenteurs › n° 1 › numéro du sac scellé');
  expect(labelOf('participants.alice.passphrase', 'fr')).toBe('participants › alice › phrase secrète');
  expect(labelOf('holders.0.bagSerial')).toBe('holders › #1 › bag serial');
});
