/**
 * The guided ceremony (ADR 0025) through the app router over the real engine and crypto core: the
 * answers carry no passphrase at all; the station key's passphrase is asked first, then before each
 * entry a sign request shows the step in words (English and French) and who signs it, and each person
 * types their passphrase at their first signature only. A wrong passphrase is asked again of that
 * person, by name and field. An insider who reseals their own key under another participant's card
 * is refused before anything is recorded.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AppApi, CeremonyAnswers, PassphrasePrompt, SignRequest } from '../../../main/app/app-api.ts';
import { open, publicKeyInHeader, seal, SealedKind } from '../../../crypto/sealed-file.ts';
import { TEST_KEY_PARAMS } from '../../support/test-key-files.ts';
import { RouterStation } from './router-station.ts';

let station: RouterStation;
let api: AppApi;

/** Who each label of the answers is, and their passphrase file's name. */
const PEOPLE: Record<string, string> = { station: 'station', officer: 'alice', w1: 'bob', w2: 'chloe', h1: 'dora', h2: 'emil' };

beforeAll(async () => {
  station = await RouterStation.start('custos-guided-', ['station-setup', 'enrol-participant']);
  api = station.api;
}, 180_000);

afterAll(async () => {
  await station?.stop();
});

/** A paper create-wallet's answers with every passphrase and the witnesses' media taken out: the screen asks them. */
async function answersWithoutPassphrases(id: string): Promise<CeremonyAnswers> {
  const answers = JSON.parse(JSON.stringify(await station.paperWalletAnswers({ id, label: 'Guided reserve' }, [`${id}-B1`, `${id}-B2`])));
  delete answers.station.passphrase;
  answers.witnessCheckpoints = {};
  for (const person of Object.values(answers.participants) as { passphrase?: string }[]) delete person.passphrase;
  expect(JSON.stringify(answers)).not.toContain(station.passphrase('alice'));
  return answers;
}

function journalBytes(): Buffer[] {
  const dir = station.rig.path('station/journal');
  return fs
    .readdirSync(dir)
    .sort()
    .map((n) => fs.readFileSync(`${dir}/${n}`));
}

test('each person types their passphrase at their first signature, a wrong one asked again of that person; each witness chooses their medium at the close', async () => {
  const job = await api.startCeremony({ procedure: 'create-wallet', dataDir: station.dataDir, answers: await answersWithoutPassphrases('guided-1') });
  const asked: PassphrasePrompt[] = [];
  const requests: SignRequest[] = [];
  const media: string[] = [];
  const events = await station.follow(
    job,
    async (p) => {
      await api.answerShareWords(job, { prompt: p.id, words: p.words.join(' ') });
    },
    {
      onPassphrase: async (p) => {
        asked.push(p);
        await api.answerPassphrase(job, { prompt: p.id, passphrase: station.passphrase(PEOPLE[p.who]!) });
      },
      onCheckpoint: async (p) => {
        media.push(`${p.who} ${p.name}`);
        // A token of another kind of choice is refused, and the witness is still asked.
        await expect(api.answerCheckpoint(job, { prompt: p.id, checkpoint: station.dataDir })).rejects.toMatchObject({ code: 'CHOICE_UNKNOWN' });
        const token = await station.choose('save-file', station.rig.path(`media/guided-${p.who}/checkpoint.txt`));
        await api.answerCheckpoint(job, { prompt: p.id, checkpoint: token });
      },
      onSign: async (r) => {
        requests.push(r);
        // Bob (witness w1) mistypes his passphrase at his first signature.
        const typed = Object.fromEntries(
          r.signers.filter((s) => s.locked).map((s) => [s.who, s.who === 'w1' ? 'not bob’s passphrase at all' : station.passphrase(PEOPLE[s.who]!)]),
        );
        await api.answerSignRequest(job, { prompt: r.id, passphrases: typed });
      },
    },
  );
  expect(events.at(-1)).toMatchObject({ kind: 'ceremony-done', state: 'closed' });
  // At the close, each witness chose where their checkpoint went, by name; it is written there.
  expect(media).toEqual(['w1 Bob Okafor', 'w2 Chloé Dubois']);
  const done = events.at(-1) as { checkpoint: string };
  for (const who of ['w1', 'w2']) expect(fs.readFileSync(station.rig.path(`media/guided-${who}/checkpoint.txt`), 'utf8')).toBe(done.checkpoint);
  // First the station key, then Bob again, named, with the field his error belongs to.
  expect(asked.map((p) => [p.purpose, p.who, p.attempt])).toEqual([
    ['station', 'station', 1],
    ['key', 'w1', 2],
  ]);
  expect(asked[1]).toMatchObject({ name: 'Bob Okafor', field: 'participants.w1.passphrase', refused: expect.stringMatching(/passphrase is wrong/u) });
  // The opening is shown in words, in both languages, before the officer types anything.
  const [opening] = requests;
  expect(opening).toMatchObject({
    procedure: 'create-wallet',
    step: 'open',
    type: 'open',
    signers: [{ name: 'Alice Martin', role: 'officer', who: 'officer', locked: true }],
  });
  expect(opening!.summary.en).toContainEqual(['Wallet', 'guided-1']);
  expect(opening!.summary.fr.map(([label]) => label)).toContain('Portefeuille');
  expect(JSON.stringify(opening!.summary)).not.toMatch(/airGap|"keyid"/u);
  // Each person is asked for their passphrase at their first signature only.
  const firstLocked = new Map<string, number>();
  for (const [i, r] of requests.entries()) {
    for (const s of r.signers) {
      if (s.locked) {
        expect(firstLocked.has(s.who), `${s.who} asked twice`).toBe(false);
        firstLocked.set(s.who, i);
      } else expect(firstLocked.has(s.who), `${s.who} unlocked before being asked`).toBe(true);
    }
  }
  expect([...firstLocked.keys()].sort()).toEqual(['h1', 'h2', 'officer', 'w1', 'w2']);
  expect(requests.map((r) => r.step)).toEqual(['open', 'generate', 'split', 'hand-over', 'hand-over', 'close']);
  const verify = await station.rig.custos('verify', station.rig.station);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
}, 180_000);

test('an insider who reseals their own key under another participant’s card is refused before anything is recorded', async () => {
  // Emil (a holder) holds his own key file and passphrase, and reads Alice's public key from the roster.
  const emilFile = new Uint8Array(fs.readFileSync(station.rig.path('keys/emil-novak.key')));
  const aliceCard = publicKeyInHeader(new Uint8Array(fs.readFileSync(station.rig.path('keys/alice-martin.key'))))!;
  const emilKey = open(SealedKind.signingKey, emilFile, station.passphrase('emil'));
  const forged = station.rig.path('keys/forged-alice.key');
  fs.writeFileSync(forged, seal(SealedKind.signingKey, emilKey, station.passphrase('emil'), TEST_KEY_PARAMS, aliceCard));
  const answers = (await answersWithoutPassphrases('guided-2')) as { participants: Record<string, unknown> };
  answers.participants['officer'] = { keyFile: { $chosen: await station.choose('key-file', forged) } };
  const before = journalBytes();
  const job = await api.startCeremony({ procedure: 'create-wallet', dataDir: station.dataDir, answers: answers as CeremonyAnswers });
  const events = await station.follow(job, undefined, {
    onPassphrase: async (p) => {
      await api.answerPassphrase(job, { prompt: p.id, passphrase: station.passphrase(PEOPLE[p.who]!) });
    },
    onSign: async (r) => {
      // Emil, at the officer's place, types his own passphrase: it opens his key, not Alice's.
      await api.answerSignRequest(job, { prompt: r.id, passphrases: { officer: station.passphrase('emil') } });
    },
  });
  expect(events.at(-1)).toMatchObject({ kind: 'failed', error: { code: 'SEALED_FILE_MALFORMED', details: { who: 'officer' } } });
  expect(journalBytes()).toEqual(before);
}, 180_000);
