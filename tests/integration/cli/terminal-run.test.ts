/**
 * Issue 4, "Headless runs": "on a terminal without --answers it prompts", and issue 15, "a forgiving
 * terminal". The real `custos run` under a real pseudo-terminal (util-linux `script`): an incident is
 * recorded by answering the questions as they come, in the order the run asks them; a typo is
 * refused on the spot with the allowed values and asked again, so is a wrong passphrase (saying
 * whose); passphrases never appear in what the terminal showed, nor does text typed while a key
 * unlocks (it is not taken as the next answer either); each unlock shows its progress and time;
 * each entry is summarised and agreed with "yes" before it is signed. Ctrl-C at a question, or
 * anything but "yes", stops the run with nothing recorded. Without a terminal and without
 * --answers, run is a usage error (tests/integration/engine/refusals).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLI, EngineRig, OFFLINE_LAPTOP } from '../../support/engine-rig.ts';
import { labelOf } from '../../../main/cli/terminal-answers.ts';

let rig: EngineRig;

beforeAll(async () => {
  rig = await EngineRig.create('custos-terminal-');
  const r = await rig.run('station-setup');
  if (r.status !== 0) throw new Error(`station setup failed: ${r.stderr}`);
}, 180_000);
afterAll(() => rig?.dispose());

const quote = (s: string) => `'${s.replace(/'/gu, `'\\''`)}'`;

/** Runs `args` under a pseudo-terminal, answering each expected question in order; returns what it showed. */
function converse(
  args: string[],
  script: [RegExp, string][],
  env: Record<string, string> = {},
): Promise<{ status: number | null; shown: string; unanswered: number }> {
  return new Promise((resolve) => {
    const command = [process.execPath, CLI, ...args].map(quote).join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd: rig.root,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', TMPDIR: rig.tmp, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let shown = '';
    let from = 0;
    let next = 0;
    const onData = (d: Buffer) => {
      shown += d.toString('utf8');
      while (next < script.length && script[next]![0].test(shown.slice(from))) {
        from = shown.length;
        const answer = script[next]![1];
        child.stdin.write(answer.startsWith('\x03') ? answer : `${answer}\n`);
        next++;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, shown, unanswered: script.length - next });
    });
  });
}

test('labels read as words', () => {
  expect(labelOf('holders.0.bagSerial')).toBe('holders › #1 › bag serial');
});

const passphrase = (label: string) => fs.readFileSync(rig.path(`passphrases/${label}.txt`), 'utf8').replace(/\n$/u, '');
const q = (text: string) => new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}[^\\n]*: $`, 'u');
const SIGN = /Type "yes" to sign this entry: $/u;
const TYPED_EARLY = 'typed-too-early-7f3a';

/** The questions of an incident, up to the officer (the run asks them in this order). */
const incidentQuestions = (id: string): [RegExp, string][] => [
  [q('incident › id'), id],
  // A typo: refused on the spot with the allowed values, and asked again.
  [q('incident › action (open, update, close)'), 'opne'],
  [/Refused: incident\.action must be one of open, update, close\. Type it again\.\r?\n[^\n]*incident › action[^\n]*: $/u, 'open'],
  [q('incident › fields › occurred at'), '2026-11-20'],
  [q('incident › fields › discovered at'), '2026-11-21'],
  [q('incident › fields › nature'), 'A witness badge was lost'],
  [q('incident › fields › origin'), 'internal'],
  [q('incident › fields › tools and staff'), 'Badge system; Bob Okafor'],
  [q('incident › fields › impact'), 'None known'],
  [q('incident › fields › corrective action'), 'Badge revoked and reissued'],
  [q('incident › fields › target date'), '2026-11-30'],
  [q('incident › fields › closed at'), ''],
  [q('incident › fields › status'), ''],
  [q('incident › wallets'), ''],
  [q('incident › significant'), 'yes'],
  // Not classified yet, no report made: Enter skips both (the regulatory clock, incident@2).
  [q('incident › classification'), ''],
  [q('incident › notifications'), ''],
  [q('witness'), 'bob'],
  [q('witness checkpoints › bob'), 'media/bob/tty-checkpoint.txt'],
  // No evidence files were kept for this ceremony: Enter skips the question.
  [q('evidence'), ''],
];

test('an incident recorded on a terminal: a typo and a wrong passphrase asked again, progress shown, type-ahead dropped, each entry agreed with "yes"', async () => {
  const script: [RegExp, string][] = [
    ...incidentQuestions('INC-TTY-1'),
    // A wrong station passphrase is said (whose it is) and asked again.
    [q('station › passphrase (hidden)'), 'not the station passphrase'],
    [
      /Refused: For the station key \(station\): the passphrase is wrong[^\n]*Type it again\.\r?\n[^\n]*station › passphrase \(hidden\): $/u,
      passphrase('station'),
    ],
    // Typed while the key unlocks: never shown, never taken as the next answer.
    [/unlocking a key… /u, TYPED_EARLY],
    [q('officer'), 'alice'],
    [q('participants › alice › key file'), 'keys/alice-martin.key'],
    [q('participants › alice › passphrase (hidden)'), passphrase('alice')],
    [q('participants › bob › key file'), 'keys/bob-okafor.key'],
    [q('participants › bob › passphrase (hidden)'), passphrase('bob')],
    [SIGN, 'yes'],
    [SIGN, 'yes'],
  ];
  const r = await converse(['run', 'incident', rig.station, '--system-root', OFFLINE_LAPTOP], script);
  expect(r.unanswered, r.shown).toBe(0);
  expect(r.status, r.shown).toBe(0);
  expect(r.shown).toMatch(/incident: ceremony incident-\d+ closed/u);
  for (const label of ['station', 'alice', 'bob']) expect(r.shown).not.toContain(passphrase(label));
  expect(r.shown).not.toContain('not the station passphrase');
  expect(r.shown).not.toContain(TYPED_EARLY);
  // Progress: each unlock with its time, each signed entry on a line; the summary before each signature.
  expect(r.shown).toMatch(/unlocking a key: \d+\.\d s/u);
  expect(r.shown).toMatch(/To sign — Record an incident: open the ceremony\r?\n(?:[^\n]*\n)*?\s+action: open\r?\n/u);
  expect(r.shown).toContain('signed by: Alice Martin (officer)');
  expect(r.shown).toMatch(/✓ entry \d+: open signed \(station, officer\)/u);
  expect(r.shown).toMatch(/✓ entry \d+: close signed \(station, officer, witness\)/u);
  const p = await rig.replay();
  expect(p.incidents).toHaveLength(1);
  expect(p.incidents[0]).toMatchObject({
    id: 'INC-TTY-1',
    status: 'open',
    significant: true,
    occurredAt: '2026-11-20',
    targetDate: '2026-11-30',
    nature: 'A witness badge was lost',
  });
  // Bob leaves with the checkpoint he cosigned, on the medium he named, and it matches the record.
  expect(r.shown).toContain('tty-checkpoint.txt');
  expect((await rig.custos('verify', rig.station, '--checkpoint', rig.path('media/bob/tty-checkpoint.txt'))).status).toBe(0);
}, 180_000);

test('Ctrl-C at a question, or anything but "yes" at a signature: the run stops, nothing is recorded', async () => {
  const before = rig.journalBytes();
  const interrupted = await converse(
    ['run', 'incident', rig.station, '--system-root', OFFLINE_LAPTOP],
    [
      [q('incident › id'), 'INC-TTY-2'],
      [q('incident › action (open, update, close)'), '\x03'],
    ],
  );
  expect(interrupted.status, interrupted.shown).toBe(1);
  expect(interrupted.shown).toMatch(/custos: The run was stopped \(Ctrl-C\) at a question\. Nothing was recorded\. \[RUN_INTERRUPTED\]/u);

  const declined = await converse(
    ['run', 'incident', rig.station, '--system-root', OFFLINE_LAPTOP],
    [
      ...incidentQuestions('INC-TTY-3'),
      [q('station › passphrase (hidden)'), passphrase('station')],
      [q('officer'), 'alice'],
      [q('participants › alice › key file'), 'keys/alice-martin.key'],
      [q('participants › alice › passphrase (hidden)'), passphrase('alice')],
      [q('participants › bob › key file'), 'keys/bob-okafor.key'],
      [q('participants › bob › passphrase (hidden)'), passphrase('bob')],
      [SIGN, 'no'],
    ],
  );
  expect(declined.status, declined.shown).toBe(1);
  expect(declined.shown).toMatch(/custos: The entry "open" was not signed: "yes" was not typed\. Nothing was recorded\. \[SIGNATURE_DECLINED\]/u);
  expect(rig.journalBytes()).toEqual(before);
}, 180_000);

/** A question in French: the words, then whatever hint, then " : ". */
const qf = (text: string) => new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}[^\\n]* : $`, 'u');
const SIGN_FR = /Tapez « oui » pour signer cette entrée : $/u;
const FRENCH = { LANG: 'fr_FR.UTF-8' };

const incidentQuestionsFr = (id: string): [RegExp, string][] => [
  [qf('incident › identifiant'), id],
  [qf('incident › action (open, update, close)'), 'ouvrir'],
  [
    /Refusé : cette réponse ne convient pas pour « incident › action »\. Saisissez-le de nouveau\.\r?\n[^\n]*incident › action \(open, update, close\) : $/u,
    'open',
  ],
  [qf('incident › champs › survenu le'), '2026-11-22'],
  [qf('incident › champs › découvert le'), '2026-11-22'],
  [qf('incident › champs › nature'), 'Un badge de témoin perdu'],
  [qf('incident › champs › origine'), 'interne'],
  [qf('incident › champs › outils et personnel'), 'Badges ; Bob Okafor'],
  [qf('incident › champs › impact'), 'Aucun connu'],
  [qf('incident › champs › action corrective'), 'Badge révoqué et réédité'],
  [qf('incident › champs › date cible'), '2026-11-30'],
  [qf('incident › champs › clos le'), ''],
  [qf('incident › champs › statut'), ''],
  [qf('incident › portefeuilles'), ''],
  [qf('incident › significatif'), 'oui'],
  [qf('incident › classification'), ''],
  [qf('incident › déclarations'), ''],
  [qf('témoin'), 'bob'],
  [qf('points de contrôle des témoins › bob'), 'media/bob/tty-checkpoint-fr.txt'],
  [qf('preuves'), ''],
  [qf('poste › phrase secrète (masquée)'), passphrase('station')],
  [qf('responsable'), 'alice'],
  [qf('participants › alice › fichier de clé'), 'keys/alice-martin.key'],
  [qf('participants › alice › phrase secrète (masquée)'), 'pas la bonne phrase secrète'],
  [
    /Refusé : la phrase secrète saisie pour « participants › alice › phrase secrète » n’ouvre pas ce fichier[^\n]*Saisissez-la de nouveau\.\r?\n[^\n]*phrase secrète \(masquée\) : $/u,
    passphrase('alice'),
  ],
  [qf('participants › bob › fichier de clé'), 'keys/bob-okafor.key'],
  [qf('participants › bob › phrase secrète (masquée)'), passphrase('bob')],
];

test('in French (LANG=fr_FR.UTF-8): questions, refusals, progress, summary and "oui"; Ctrl-C after the open aborts the ceremony, and the ceremony then runs again', async () => {
  // Ctrl-C at the second signature, after the open was signed: the run aborts its ceremony, in French.
  const stopped = await converse(
    ['run', 'incident', rig.station, '--system-root', OFFLINE_LAPTOP],
    [...incidentQuestionsFr('INC-TTY-FR'), [SIGN_FR, 'oui'], [SIGN_FR, '\x03']],
    FRENCH,
  );
  expect(stopped.unanswered, stopped.shown).toBe(0);
  expect(stopped.status, stopped.shown).toBe(1);
  expect(stopped.shown).toMatch(/custos : L’exécution a été arrêtée \(SIGINT\)[^\n]*\[RUN_INTERRUPTED\]/u);
  expect((await rig.replay()).ceremonies.at(-1)).toMatchObject({ procedureId: 'incident@2', state: 'aborted' });

  // Run again from its start, in French: it closes.
  const r = await converse(
    ['run', 'incident', rig.station, '--system-root', OFFLINE_LAPTOP],
    [...incidentQuestionsFr('INC-TTY-FR'), [SIGN_FR, 'oui'], [SIGN_FR, 'oui']],
    FRENCH,
  );
  expect(r.unanswered, r.shown).toBe(0);
  expect(r.status, r.shown).toBe(0);
  for (const label of ['station', 'alice', 'bob']) expect(r.shown).not.toContain(passphrase(label));
  expect(r.shown).toMatch(/déverrouillage d’une clé : \d+,\d s/u);
  expect(r.shown).toMatch(/À signer — Consigner un incident : ouvrir la cérémonie/u);
  expect(r.shown).toContain('signé par : Alice Martin (officer)');
  expect(r.shown).toMatch(/✓ entrée \d+ : close signée \(poste, officer, witness\)/u);
  expect(r.shown).toMatch(/incident : cérémonie incident-\d+ clôturée ; le journal compte maintenant \d+ entrées\./u);
  expect(r.shown).not.toMatch(/Type "yes"|unlocking a key|Refused:/u);
  expect((await rig.replay()).incidents.find((i: { id: string }) => i.id === 'INC-TTY-FR')).toMatchObject({ status: 'open', significant: true });
}, 240_000);
