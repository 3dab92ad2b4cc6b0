/**
 * Findings carry their specifics as details (ceremonies/audit/findings.ts; docs/record-format.md,
 * "Verification"), and the French auditor text says them (common/findings/finding-message.ts):
 * real tampered copies of the tamper station — a torn last record, entries removed, signatures that
 * no longer match, a step skipped, an unknown signer, a rollback against a witness's checkpoint, a
 * payload field broken — each give the finding with the right details, the same on one thread and
 * on two (where invalid signatures are answered after their entry), and the French text rendered
 * from them contains the specific values. `custos verify --json` prints the details.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../../../ceremonies/audit/findings.ts';
import type { VerifyReport } from '../../../../ceremonies/audit/verify.ts';
import { findingTextFr } from '../../../../common/findings/finding-message.ts';
import { AT, ENTRY_COUNT, editLine, removeCheckpoints, replaceSigner, useTamperStation, verifyDir, writeJournal } from '../../../support/tamper.ts';

const CLI = fileURLToPath(new URL('../../../../main/cli/custos.ts', import.meta.url));
const ctx = useTamperStation();

/** French digit grouping, as the auditor view shows numbers. */
const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

/** The one finding of `code` at `index` (fails if there is none, or several). */
function only(report: VerifyReport, code: string, index: number | null): Finding {
  const found = report.findings.filter((f) => f.code === code && f.index === index);
  expect(
    found.map((f) => `${f.code}@${f.index ?? '-'}`),
    JSON.stringify(report.findings.map((f) => `${f.code}@${f.index ?? '-'}`)),
  ).toEqual([`${code}@${index ?? '-'}`]);
  return found[0]!;
}

describe('findings of real tampered journals have their details, and the French text says them', () => {
  test('a torn last record: the segment and its byte count; the stored checkpoint ahead of the journal', async () => {
    const { s } = ctx;
    const last = s.lines.at(-1)!;
    const tail = last.slice(0, last.length >> 1);
    const { report } = await ctx.run(s.lines.slice(0, -1), { tail });
    const torn = only(report, 'JOURNAL_TORN_TAIL', ENTRY_COUNT - 1);
    expect(torn.details).toEqual({ segment: '000001.jsonl', bytes: Buffer.byteLength(tail) });
    expect(torn.message).toBe(
      `Segment 000001.jsonl ends with ${Buffer.byteLength(tail)} bytes that are not a complete entry (a torn write or trailing garbage).`,
    );
    const text = findingTextFr(torn);
    expect(text).toContain('Le segment 000001.jsonl');
    expect(text).toContain(`${fr(Buffer.byteLength(tail))} octets`);
    const truncated = only(report, 'JOURNAL_TRUNCATED', ENTRY_COUNT - 1);
    expect(truncated.details).toEqual({ checkpoint: '000000000018.checkpoint', origin: 'stored', size: ENTRY_COUNT, entries: ENTRY_COUNT - 1 });
    expect(findingTextFr(truncated)).toContain(
      `Le point de contrôle enregistré 000000000018.checkpoint couvre 18 entrées, mais le journal n’en contient que 17`,
    );
  });

  test('two entries removed: the missing range', async () => {
    const { s } = ctx;
    const lines = s.lines.filter((_, i) => i !== AT.eveProveKey && i !== AT.eveClose);
    const { report } = await ctx.run(lines);
    const missing = only(report, 'ENTRIES_MISSING', AT.finnOpen);
    expect(missing.details).toEqual({ from: AT.eveProveKey, to: AT.eveClose });
    expect(findingTextFr(missing)).toContain(`Les entrées ${AT.eveProveKey} à ${AT.eveClose} manquent`);
    expect(findingTextFr(missing)).not.toMatch(/[{}…]/u);
  });

  test('a body edited without re-signing: which signature, by key, on one thread and on two', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(
      lines[AT.eveProveKey]!,
      (p) => {
        p.body.note = 'added afterwards';
      },
      s.keys,
      { resign: 'none' },
    );
    const signers = (JSON.parse(lines[AT.eveProveKey]!) as { signatures: { keyid: string }[] }).signatures.map((x) => x.keyid);
    expect(signers[0]).toBe(s.station.keyid);
    expect(signers.length).toBeGreaterThan(1);
    const reports = [(await ctx.run(lines, { threads: 1 })).report, (await ctx.run(lines, { threads: 2 })).report];
    for (const report of reports) {
      const invalid = report.findings.filter((f) => f.code === 'SIGNATURE_INVALID');
      expect(invalid.map((f) => [f.index, f.details])).toEqual(
        signers.map((keyid, i) => [AT.eveProveKey, { kind: i === 0 ? 'station' : 'participant', keyid }]),
      );
      expect(invalid[0]!.message).toBe('The station signature does not match the entry.');
      expect(findingTextFr(invalid[0]!)).toContain(`La signature du poste (clé ${s.station.keyid})`);
      expect(findingTextFr(invalid[1]!)).toContain(`La signature d’un participant (clé ${signers[1]})`);
    }
    expect(reports[1]!.findings).toEqual(reports[0]!.findings);
  });

  test('a step removed and the rest re-numbered, re-chained and re-signed: the skipped step, and the close’s count', async () => {
    const { s } = ctx;
    const lines = s.lines
      .filter((_, i) => i !== AT.drillCount)
      .map((line, i) =>
        i >= AT.drillCount
          ? editLine(
              line,
              (p) => {
                p.seq--;
              },
              s.keys,
            )
          : line,
      );
    const { report } = await ctx.run(lines, { rechainFrom: AT.drillCount });
    expect(report.findings.filter((f) => f.code === 'SEQ_MISMATCH')).toEqual([]);
    const skipped = only(report, 'STEP_MISSING', AT.drillSeal - 1);
    expect(skipped.details).toEqual({ kind: 'skipped', step: 'count', before: 'seal' });
    expect(findingTextFr(skipped)).toBe('L’étape obligatoire « count » a été omise avant « seal ».');
    const never = only(report, 'STEP_MISSING', AT.drillClose - 1);
    expect(never.details).toEqual({ kind: 'before-close', step: 'count' });
    expect(findingTextFr(never)).toBe('L’étape obligatoire « count » n’a pas eu lieu avant la clôture.');
    const summary = only(report, 'CLOSE_SUMMARY_MISMATCH', AT.drillClose - 1);
    expect(summary.details).toEqual({ found: '3', expected: 2 });
    expect(findingTextFr(summary)).toContain('La clôture indique 3 entrées avant elle dans la cérémonie ; il y en a eu 2.');
  });

  test('a key not on the roster replacing the only witness: its role and key; the quorum with its counts', async () => {
    const { s } = ctx;
    const bob = s.witnesses[0]!;
    const lines = s.lines.slice();
    lines[AT.eveClose] = replaceSigner(lines[AT.eveClose]!, s.keys, bob.keyid, s.mallory, 'witness');
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose + 1 });
    const unknown = only(report, 'SIGNER_UNKNOWN', AT.eveClose);
    expect(unknown.details).toEqual({ role: 'witness', keyid: s.mallory.keyid });
    expect(findingTextFr(unknown)).toBe(`La clé ${s.mallory.keyid}, qui signe comme témoin, ne figure pas parmi les participants du poste.`);
    const quorum = only(report, 'QUORUM_NOT_MET', AT.eveClose);
    expect(quorum.details).toEqual({ step: 'close', role: 'witness', min: 1, count: 0 });
    expect(findingTextFr(quorum)).toContain('L’étape « close » exige au moins 1 signature(s) de clés distinctes pour le rôle « témoin » ; elle en a 0.');
  });

  test('a rollback caught with a witness’s checkpoint: its name, its origin, its size and the journal’s', async () => {
    const { s } = ctx;
    const { dir } = await ctx.run(s.lines.slice(0, AT.revokeClose + 1), {
      prepare: (d) => removeCheckpoints(d, (size) => size <= AT.revokeClose + 1),
    });
    const report = await verifyDir(dir, s.retained.at(-1), { threads: 1 });
    const rollback = only(report, 'CHECKPOINT_ROLLBACK', AT.revokeClose + 1);
    expect(rollback.details).toEqual({ checkpoint: 'kept by a witness', origin: 'retained', size: ENTRY_COUNT, entries: AT.revokeClose + 1 });
    expect(findingTextFr(rollback)).toBe(
      `Le point de contrôle du témoin kept by a witness couvre ${ENTRY_COUNT} entrées, mais le journal n’en contient que ${AT.revokeClose + 1} : le journal a été ramené en arrière.`,
    );
  });

  test('a payload field broken (re-signed): the entry’s position and the field, passed through from the decoder', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(
      lines[AT.eveProveKey]!,
      (p) => {
        p.retainUntil = 'soon';
      },
      s.keys,
    );
    const { report } = await ctx.run(lines);
    const invalid = only(report, 'PAYLOAD_INVALID', AT.eveProveKey);
    expect(invalid.details).toEqual({ field: 'retainUntil', position: AT.eveProveKey });
    expect(invalid.message).toBe(`Entry ${AT.eveProveKey}: The entry's retainUntil must be a date YYYY-MM-DD.`);
    expect(findingTextFr(invalid)).toBe(
      `Le contenu de l’entrée en position ${AT.eveProveKey} n’est pas conforme pour le champ « retainUntil » : il manque, il est en trop, ou sa valeur enfreint sa règle.`,
    );
  });

  test('a finding whose message has no specifics has empty details', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveClose] = editLine(
      lines[AT.eveClose]!,
      (p) => {
        p.prev = '0'.repeat(64);
      },
      s.keys,
    );
    const { report } = await ctx.run(lines);
    expect(only(report, 'PREV_MISMATCH', AT.eveClose).details).toEqual({});
  });
});

test('custos verify --json prints each finding’s details', () => {
  const { s } = ctx;
  const dir = ctx.copy();
  writeJournal(dir, s.lines.slice(0, -1), 'x'.repeat(37));
  const r = spawnSync(process.execPath, [CLI, 'verify', dir, '--json'], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(1);
  const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
  expect(findings.every((f) => typeof f.details === 'object' && f.details !== null)).toBe(true);
  expect(findings).toContainEqual({
    severity: 'error',
    code: 'JOURNAL_TORN_TAIL',
    index: ENTRY_COUNT - 1,
    ceremony: null,
    message: `Segment 000001.jsonl ends with 37 bytes that are not a complete entry (a torn write or trailing garbage).`,
    details: { segment: '000001.jsonl', bytes: 37 },
  });
  expect(Object.keys(findings[0]!)).toEqual(['severity', 'code', 'message', 'index', 'ceremony', 'details']);
});
