/**
 * Issue 3 tamper cases, property form: any single field of any entry changed to a different value
 * of plausible type makes verification fail.
 * - Not re-signed: any payload field (nested body fields included), a signature's key id or sig, or
 *   the payload type.
 * - Re-signed with every key involved (full collusion), every later entry re-chained and re-signed:
 *   only fields whose change must break a rule (index, prev, ceremony, seq, ceremonyPrev,
 *   procedure, procedureId, step, type, station, retainUntil, v, time's source and trust, the
 *   signers declared, the signatures present, a close's summary, the keys declared at setup and
 *   enrolment).
 * Runs: CUSTOS_PROPERTY_RUNS (default 500; `npm run test:slow` runs 10,000). The journal is
 * verified without its stored checkpoints (checkpoint tampering has its own cases), so every close
 * is reported CLOSE_NOT_CHECKPOINTED: a mutation must be caught by some other error.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { canonicalString } from '../../../../ceremonies/record/canonical-json.ts';
import { ZERO_HASH } from '../../../../ceremonies/record/entry-payload.ts';
import {
  buildTamperStation,
  copyDataDir,
  decodeLine,
  encodeEnvelope,
  editLine,
  highS,
  lineHashOf,
  payloadBytesOf,
  rechain,
  removeCheckpoints,
  removeDir,
  signPayload,
  summary,
  verifyDir,
  writeJournal,
  type RawEntry,
  type TamperStation,
} from '../../../support/tamper.ts';
import type { VerifyReport } from '../../../../ceremonies/audit/verify.ts';

const RUNS = Number(process.env.CUSTOS_PROPERTY_RUNS ?? 500);
const TIMEOUT = Math.max(60_000, RUNS * 400);
const HEX64 = /^[0-9a-f]{64}$/u;

let s: TamperStation;
let work: string;
let entries: RawEntry[];
let pool: { hashes: string[]; keyids: string[]; ids: string[]; sigs: string[] };

beforeAll(async () => {
  s = await buildTamperStation();
  work = copyDataDir(s.dir, 'custos-property-');
  removeCheckpoints(work);
  entries = s.lines.map(decodeLine);
  const payloads = entries.map((e) => e.payload);
  pool = {
    hashes: [ZERO_HASH, ...s.lines.map(lineHashOf), ...new Set(payloads.map((p) => p.procedure as string))],
    keyids: [...s.keys.keys()],
    ids: [
      ...new Set(payloads.flatMap((p) => [p.ceremony, p.step, p.type, p.procedureId as string, p.retainUntil as string])),
      'abort',
      'recovery',
      'subject',
      'officer',
      'holder',
      'witness',
      'approver',
      'auditor',
      'enrol-participant@2',
      'x',
    ],
    sigs: entries.flatMap((e) => e.envelope.signatures.map((x) => x.sig)),
  };
}, 60_000);
afterAll(() => {
  if (s) removeDir(s.dir);
  if (work) removeDir(work);
});

type Path = (string | number)[];

function leaves(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leaves(v, [...path, i])) : [path];
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length ? keys.flatMap((k) => leaves((value as Record<string, unknown>)[k], [...path, k])) : [path];
  }
  return [path];
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

function setAt<T>(root: T, path: Path, value: unknown): T {
  const copy = structuredClone(root);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

const HEX = '0123456789abcdef';

/** A different value of plausible type for `value` (mostly the same type, sometimes another). */
function alternative(value: unknown): fc.Arbitrary<unknown> {
  let same: fc.Arbitrary<unknown>;
  if (typeof value === 'string' && HEX64.test(value)) {
    same = fc.oneof(
      fc
        .tuple(fc.nat(63), fc.integer({ min: 1, max: 15 }))
        .map(([at, d]) => value.slice(0, at) + HEX[(HEX.indexOf(value[at]!) + d) % 16] + value.slice(at + 1)),
      fc.constantFrom(...pool.hashes, ...pool.keyids),
    );
  } else if (typeof value === 'string') {
    same = fc.oneof(
      fc
        .tuple(fc.nat(), fc.constantFrom(...'aZ09-_.@: é'))
        .map(([at, c]) => (value.length ? value.slice(0, at % value.length) + c + value.slice((at % value.length) + 1) : c)),
      fc.constantFrom(...pool.ids),
      fc.string({ maxLength: 16 }),
    );
  } else if (typeof value === 'number') {
    same = fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom(value + 1, value - 1, value + 0.5, 2 ** 53));
  } else if (typeof value === 'boolean') {
    same = fc.constant(!value);
  } else {
    same = fc.constantFrom('x', 1, [0], { a: 1 });
  }
  const other = fc.constantFrom<unknown>(null, 0, '', true, [], {});
  return fc.oneof({ weight: 9, arbitrary: same }, { weight: 1, arbitrary: other }).filter((v) => canonicalString(v) !== canonicalString(value));
}

function alternativeSig(sig: string): fc.Arbitrary<string> {
  const der = Buffer.from(sig, 'base64');
  return fc
    .oneof(
      fc.tuple(fc.nat(der.length - 1), fc.nat(7)).map(([at, bit]) => {
        const copy = Buffer.from(der);
        copy[at]! ^= 1 << bit;
        return copy.toString('base64');
      }),
      fc.constant(highS(sig)),
      fc.constantFrom(...pool.sigs),
      fc.uint8Array({ minLength: 8, maxLength: 72 }).map((b) => Buffer.from(b).toString('base64')),
      fc.string({ maxLength: 12 }),
    )
    .filter((v) => v !== sig);
}

interface Mutated {
  at: number;
  what: string;
  line: string;
}

/** Not re-signed: any leaf of the payload, a signature's key id or sig, or the payload type. */
const unsigned: fc.Arbitrary<Mutated> = fc.integer({ min: 0, max: 17 }).chain((at) => {
  const { envelope, payload } = entries[at]!;
  const payloadPaths = leaves(payload);
  const envelopePaths: Path[] = [
    ['payloadType'],
    ...envelope.signatures.flatMap((_, i) => [
      ['signatures', i, 'keyid'],
      ['signatures', i, 'sig'],
    ]),
  ];
  return fc.constantFrom(...payloadPaths.map((p) => ['payload', ...p]), ...envelopePaths).chain((path) => {
    const original = getAt(path[0] === 'payload' ? payload : envelope, path[0] === 'payload' ? path.slice(1) : path);
    const values = path.at(-1) === 'sig' ? alternativeSig(original as string) : alternative(original);
    return values.map((value) => {
      let line: string;
      if (path[0] === 'payload') {
        const bytes = payloadBytesOf(setAt(payload, path.slice(1), value));
        line = encodeEnvelope({ ...envelope, payload: bytes.toString('base64') });
      } else {
        line = encodeEnvelope(setAt(envelope, path, value));
      }
      return { at, what: `${path.join('.')} = ${JSON.stringify(value)}`, line };
    });
  });
});

/** The fields a re-signing, re-chaining attacker cannot change without breaking a rule. */
function mustBreakPaths(e: RawEntry): Path[] {
  const p = e.payload;
  const paths: Path[] = [
    ['index'],
    ['prev'],
    ['ceremony'],
    ['seq'],
    ['ceremonyPrev'],
    ['procedure'],
    ['procedureId'],
    ['step'],
    ['type'],
    ['station'],
    ['retainUntil'],
    ['v'],
    ['time', 'source'],
    ['time', 'trusted'],
    ...p.signers.flatMap((_, i) => [
      ['signers', i, 'keyid'],
      ['signers', i, 'role'],
    ]),
  ];
  if (p.type === 'close') paths.push(['body', 'entries']);
  if (p.index === 0) {
    paths.push(['body', 'station', 'keyid'], ['body', 'station', 'publicKey']);
    (p.body.roster as unknown[]).forEach((_, i) => paths.push(['body', 'roster', i, 'keyid'], ['body', 'roster', i, 'publicKey']));
  }
  if (p.type === 'open' && p.body.participant) paths.push(['body', 'participant', 'keyid'], ['body', 'participant', 'publicKey']);
  return paths;
}

type SignerOp =
  | { op: 'set'; path: Path; value: unknown }
  | { op: 'dropSigner'; i: number }
  | { op: 'declare'; keyid: string; role: string }
  | { op: 'dropSignature'; i: number }
  | { op: 'addSignature'; keyid: string };

/** Re-signed: one must-break field changed, or a signer declared/dropped, or a signature added/dropped. */
const resigned: fc.Arbitrary<{ at: number; op: SignerOp }> = fc.integer({ min: 0, max: 17 }).chain((at) => {
  const e = entries[at]!;
  const sets = fc
    .constantFrom(...mustBreakPaths(e))
    .chain((path) => alternative(getAt(e.payload, path)).map((value): SignerOp => ({ op: 'set', path, value })));
  const roles = ['officer', 'holder', 'witness', 'approver', 'auditor', 'subject'];
  const ops: fc.Arbitrary<SignerOp>[] = [
    sets,
    sets,
    sets,
    sets,
    fc.record({ keyid: fc.constantFrom(...pool.keyids), role: fc.constantFrom(...roles) }).map(({ keyid, role }): SignerOp => ({ op: 'declare', keyid, role })),
    fc.nat(e.envelope.signatures.length - 1).map((i): SignerOp => ({ op: 'dropSignature', i })),
    fc.constantFrom(...pool.keyids).map((keyid): SignerOp => ({ op: 'addSignature', keyid })),
  ];
  if (e.payload.signers.length) ops.push(fc.nat(e.payload.signers.length - 1).map((i): SignerOp => ({ op: 'dropSigner', i })));
  return fc.oneof(...ops).map((op) => ({ at, op }));
});

function applyResigned(at: number, op: SignerOp): string {
  const line = s.lines[at]!;
  return editLine(
    line,
    (p) => {
      if (op.op === 'set') Object.assign(p, setAt(p, op.path, op.value));
      if (op.op === 'dropSigner') p.signers.splice(op.i, 1);
      if (op.op === 'declare') p.signers.push({ keyid: op.keyid, role: op.role });
    },
    s.keys,
    {
      signatures: (sigs, type, bytes) => {
        if (op.op === 'dropSignature') return sigs.filter((_, i) => i !== op.i);
        if (op.op === 'addSignature') return [...sigs, { keyid: op.keyid, sig: signPayload(s.keys.get(op.keyid)!, type, bytes) }];
        return sigs;
      },
    },
  );
}

/** The errors besides the closes no checkpoint covers (every close here: the checkpoints are removed). */
function caught(report: VerifyReport): string[] {
  return summary(report).filter((f) => !f.startsWith('CLOSE_NOT_CHECKPOINTED@'));
}

test('control: the station without its checkpoints has no error but its uncovered closes', async () => {
  const r = await verifyDir(work, undefined, { threads: 1 });
  expect(caught(r)).toEqual([]);
  expect(summary(r)).toEqual(s.lines.flatMap((l, i) => (decodeLine(l).payload.type === 'close' ? [`CLOSE_NOT_CHECKPOINTED@${i}`] : [])));
});

test(
  `any field changed, not re-signed: verification fails (${RUNS} runs)`,
  async () => {
    await fc.assert(
      fc.asyncProperty(unsigned, async ({ at, what, line }) => {
        expect(line, what).not.toBe(s.lines[at]);
        const lines = s.lines.slice();
        lines[at] = line;
        writeJournal(work, lines);
        const report = await verifyDir(work, undefined, { threads: 1 });
        expect(caught(report).length, `entry ${at}: ${what} went unnoticed`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  },
  TIMEOUT,
);

test(
  `a must-break field changed, re-signed with every key and re-chained: verification fails (${RUNS} runs)`,
  async () => {
    await fc.assert(
      fc.asyncProperty(resigned, async ({ at, op }) => {
        const line = applyResigned(at, op);
        const what = JSON.stringify(op);
        expect(line, what).not.toBe(s.lines[at]);
        const lines = s.lines.slice();
        lines[at] = line;
        writeJournal(work, rechain(lines, at + 1, s.keys));
        const report = await verifyDir(work, undefined, { threads: 1 });
        expect(caught(report).length, `entry ${at}: ${what} went unnoticed`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  },
  TIMEOUT,
);
