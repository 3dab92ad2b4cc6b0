/**
 * The pure parts of the desktop app's router (main/app): chosen-path tokens, the answers' `$chosen`
 * substitution, the job event queue with its prompts, and how errors cross to the renderer.
 */
import { describe, expect, test } from 'vitest';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { CryptoError } from '../../../crypto/protocol.ts';
import { toAppError, INTERNAL_MESSAGE } from '../../../main/app/app-error.ts';
import { Job, Jobs } from '../../../main/app/app-jobs.ts';
import { ceremonyAnswers } from '../../../main/app/ceremony-answers.ts';
import { ChosenPaths } from '../../../main/app/chosen-paths.ts';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as CustosError).code;
  }
  return 'no error';
};

const caught = (fn: () => unknown): CustosError | undefined => {
  try {
    fn();
  } catch (error) {
    return error as CustosError;
  }
  return undefined;
};

describe('chosen paths', () => {
  test('a token resolves to its path only for the kind it was chosen as', () => {
    const chosen = new ChosenPaths();
    const key = chosen.remember('key-file', '/media/alice/alice.key');
    expect(key.name).toBe('alice.key');
    expect(chosen.resolve(key.token, ['key-file'])).toBe('/media/alice/alice.key');
    expect(code(() => chosen.resolve(key.token, ['folder']))).toBe('CHOICE_UNKNOWN');
    expect(code(() => chosen.resolve('not-a-token', ['key-file']))).toBe('CHOICE_UNKNOWN');
    expect(chosen.remember('key-file', '/x').token).not.toBe(key.token);
  });
});

describe('ceremony answers from the screens', () => {
  /** A restitution's answers as the screen sends them: every file a token chosen for its kind. */
  function restitution(chosen: ChosenPaths) {
    const token = (kind: Parameters<ChosenPaths['remember']>[0], file: string) => ({ $chosen: chosen.remember(kind, file).token });
    return {
      station: { passphrase: 'station passphrase' },
      participants: {
        officer: { keyFile: token('key-file', '/keys/alice.key'), passphrase: 'p' },
        witness1: { keyFile: token('key-file', '/keys/bob.key'), passphrase: 'p' },
      },
      officer: 'officer',
      witnesses: ['witness1'],
      witnessCheckpoints: { witness1: token('save-file', '/media/bob/checkpoint.txt') },
      wallet: 'w1',
      request: { reference: 'RET-1' },
      destination: { address: 'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080', amount: '0.5', network: 'regtest' },
      psbtFile: token('psbt-file', '/coordinator/ret.psbt'),
      outputDir: token('folder', '/coordinator/signed'),
      approvers: ['a1', 'a2'],
      shares: [{ holder: 'h', file: token('share-file', '/media/h/share.cshare'), sharePassphrase: 'x', bag: { state: 'intact', serial: 'B1' } }],
    } as Record<string, unknown>;
  }

  test('each {$chosen} becomes the chosen path, checked against the kind of file its field declares', () => {
    const chosen = new ChosenPaths();
    const answers = ceremonyAnswers('restitution', restitution(chosen) as never, chosen);
    expect(answers.get('participants.officer.keyFile')).toBe('/keys/alice.key');
    expect(answers.path('outputDir')).toBe('/coordinator/signed');
    expect(answers.path('shares.0.file')).toBe('/media/h/share.cshare');
    expect(answers.get('witnessCheckpoints.witness1')).toBe('/media/bob/checkpoint.txt');
    expect(answers.get('participants.officer.passphrase')).toBe('p');
  });

  test('a token chosen for another kind, an unknown token, or a non-text token is refused', () => {
    const chosen = new ChosenPaths();
    const folder = chosen.remember('folder', '/media/dora');
    const withKey = restitution(chosen);
    (withKey.participants as Record<string, { keyFile: unknown }>).officer!.keyFile = { $chosen: folder.token };
    expect(code(() => ceremonyAnswers('restitution', withKey as never, chosen))).toBe('CHOICE_UNKNOWN');
    expect(code(() => ceremonyAnswers('restitution', { ...restitution(chosen), psbtFile: { $chosen: 'nope' } } as never, chosen))).toBe('CHOICE_UNKNOWN');
    expect(code(() => ceremonyAnswers('restitution', { ...restitution(chosen), psbtFile: { $chosen: 7 } } as never, chosen))).toBe('ANSWERS_INVALID');
  });

  test('a path the screen writes as text in any file field is refused: only the dialog names files', () => {
    const chosen = new ChosenPaths();
    const cases: [string, (a: Record<string, unknown>) => void][] = [
      ['participants.officer.keyFile', (a) => ((a.participants as Record<string, Record<string, unknown>>).officer!.keyFile = '/etc/shadow')],
      [
        'participants.witness1.passphraseFile',
        (a) => ((a.participants as Record<string, Record<string, unknown>>).witness1!.passphraseFile = '/root/.ssh/id_ed25519'),
      ],
      ['psbtFile', (a) => (a.psbtFile = '/home/officer/other.psbt')],
      ['outputDir', (a) => (a.outputDir = '/tmp/elsewhere')],
      ['shares.0.file', (a) => ((a.shares as Record<string, unknown>[])[0]!.file = '/media/other.cshare')],
    ];
    for (const [field, change] of cases) {
      const answers = restitution(chosen);
      change(answers);
      const error = caught(() => ceremonyAnswers('restitution', answers as never, chosen));
      expect(error?.code, field).toBe('ANSWERS_INVALID');
      expect(error?.details.field, field).toBe(field);
    }
  });

  test('a field the procedure does not have, or one of the wrong form, is refused naming it', () => {
    const chosen = new ChosenPaths();
    const typo = caught(() => ceremonyAnswers('restitution', { ...restitution(chosen), aprovers: ['a1'] } as never, chosen));
    expect(typo?.details.field).toBe('aprovers');
    const amount = caught(() =>
      ceremonyAnswers('restitution', { ...restitution(chosen), destination: { address: 'x', amount: '1', network: 'regtest' } } as never, chosen),
    );
    expect(amount?.details.field).toBe('destination.address');
    expect(code(() => ceremonyAnswers('no-such-procedure', {}, chosen))).toBe('PROCEDURE_UNKNOWN');
  });
});

describe('jobs', () => {
  test('events come in order after a sequence number; a waiting reader wakes on a new event', async () => {
    const job = new Job();
    const waiting = job.since(0, 5000);
    job.push({ kind: 'progress', done: 1, total: 2 });
    const first = await waiting;
    expect(first).toEqual({ events: [{ kind: 'progress', done: 1, total: 2 }], next: 1, finished: false });
    job.finish({ kind: 'failed', error: { code: 'X', message: 'x', details: {} } });
    const last = await job.since(1);
    expect(last.next).toBe(2);
    expect(last.finished).toBe(true);
    expect((await job.since(0)).events).toHaveLength(2);
  });

  test('a reader with nothing new gets an empty update after the wait', async () => {
    const job = new Job();
    expect(await job.since(0, 20)).toEqual({ events: [], next: 0, finished: false });
  });

  test('a prompt waits for its answer, and its words are dropped from the job once answered', async () => {
    const job = new Job();
    const answered = job.ask((id) => ({
      kind: 'prompt',
      prompt: 'share-words',
      id,
      holder: 'Dora',
      index: 1,
      of: 3,
      bagSerial: 'B1',
      words: ['abandon', 'ability'],
      qr: 'CUSTOS-SHARE1:AA',
      attempt: 1,
    }));
    const [prompt] = (await job.since(0)).events;
    expect(prompt).toMatchObject({ kind: 'prompt', words: ['abandon', 'ability'] });
    job.answer((prompt as { id: string }).id, 'share-words', 'abandon ability');
    expect(await answered).toBe('abandon ability');
    expect((await job.since(0)).events[0]).toMatchObject({ words: [], qr: '' });
    expect(code(() => job.answer((prompt as { id: string }).id, 'share-words', 'again'))).toBe('PROMPT_UNKNOWN');
  });

  test('stopping refuses the pending prompt with the reason, and is refused when no one is asked', async () => {
    const job = new Job();
    expect(code(() => job.stop(new CustosError('CEREMONY_STOPPED', 'stop', { reason: 'stop' })))).toBe('CEREMONY_NOT_PAUSED');
    const answered = job.ask((id) => ({
      kind: 'prompt',
      prompt: 'share-words',
      id,
      holder: 'Dora',
      index: 1,
      of: 3,
      bagSerial: 'B1',
      words: ['w'],
      qr: 'q',
      attempt: 1,
    }));
    job.stop(new CustosError('CEREMONY_STOPPED', 'The officer stopped the ceremony: fire alarm', { reason: 'fire alarm' }));
    await expect(answered).rejects.toMatchObject({ code: 'CEREMONY_STOPPED' });
    expect((await job.since(0)).events[0]).toMatchObject({ words: [], qr: '' });
  });

  test('a job whose body fails ends with a failed event carrying the error code', async () => {
    const jobs = new Jobs();
    const id = jobs.start(async () => {
      throw new CustosError('WALLET_EXISTS', 'A wallet named w already exists.', { wallet: 'w' });
    });
    let update = await jobs.get(id).since(0);
    while (!update.finished) update = await jobs.get(id).since(0);
    expect(update.events).toEqual([
      { kind: 'failed', error: { code: 'WALLET_EXISTS', message: 'A wallet named w already exists.', details: { wallet: 'w' } } },
    ]);
    expect(code(() => jobs.get('nope'))).toBe('JOB_UNKNOWN');
  });
});

describe('errors crossing to the renderer', () => {
  test('Custos and crypto errors keep code, words and public details; anything else says nothing of itself', () => {
    expect(toAppError(new CustosError('SHARE_NOT_PROVEN', 'no match', { who: 'Dora', n: 2 }))).toEqual({
      code: 'SHARE_NOT_PROVEN',
      message: 'no match',
      details: { who: 'Dora', n: 2 },
    });
    expect(toAppError(new CryptoError('PASSPHRASE_TOO_SHORT', 'wrong', { minimum: 12, ok: false }))).toEqual({
      code: 'PASSPHRASE_TOO_SHORT',
      message: 'wrong',
      details: { minimum: 12, ok: 'false' },
    });
    const leaky = new Error('ENOENT: /home/alice/secret-words.txt abandon ability able');
    expect(toAppError(leaky)).toEqual({ code: 'INTERNAL', message: INTERNAL_MESSAGE, details: {} });
    expect(JSON.stringify(toAppError(leaky))).not.toContain('abandon');
  });
});
