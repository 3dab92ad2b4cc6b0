/**
 * `custos verify`: replays a journal (data directory or bundle) and checks everything the record
 * promises (docs/record-format.md, "Verification"): framing and canonical bytes, payload type, the
 * journal chain (index, prev), every signature (strict DER, low-S, libsecp256k1) on all cores, the
 * station key, the ceremony rules (ceremony-rules.ts) and what the entries mean (meaning-rules.ts),
 * retention dates, time order (warning), the
 * stored checkpoints and, if given, a checkpoint a witness retained. Streams the journal once, with
 * memory bounded by the signature pool's window plus one hash per entry for duplicate detection.
 * Signature results from other threads arrive in any order; the invalid ones are reported once the
 * journal is read, in journal order, so the report does not depend on how threads were scheduled.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CustosError } from '../custos-error.ts';
import { decodeBase64 } from '../record/dsse.ts';
import { decodeEntry, entryDigest, lineHash } from '../record/entry-codec.ts';
import { ZERO_HASH, retainUntil } from '../record/entry-payload.ts';
import { MerkleAccumulator } from '../record/merkle.ts';
import { derToCompact, isLowS } from '../record/signature-verifier.ts';
import { CeremonyRules, type CeremonySummary } from './ceremony-rules.ts';
import { MeaningRules } from './meaning-rules.ts';
import { checkpointSizes, judgeCheckpoints, parseCheckpoints, queueCheckpointSignatures, type RetainedCheckpoint } from './checkpoint-check.ts';
import { Findings, errorDetails, type Finding } from './findings.ts';
import type { JournalSource } from './journal-source.ts';
import { SignaturePool } from './signature-pool.ts';
import { checkEvidence, type RecordedEvidence } from './evidence-check.ts';
import { evidenceList } from '../record/evidence.ts';
import { MAX_LINE_BYTES } from '../store/bounded-read.ts';

export interface VerifyOptions {
  /** The checkpoints witnesses kept (their text, and a label naming each). */
  retainedCheckpoints?: { label: string; note: string }[];
  /**
   * Procedure definitions, by hash, accepted besides the released ones: only those the auditor
   * passes explicitly (--procedures); every ceremony of one is reported (PROCEDURE_SUPPLIED).
   */
  supplied?: Map<string, Uint8Array>;
  threads?: number;
  /** Signatures per batch sent to a worker (default 256): smaller only to test the workers on a small journal. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** A folder of evidence files to check against the evidence the entries name (evidence-check.ts). */
  evidenceDir?: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  ceremonies: number;
  signatures: number;
  checkpoint: { size: number; root: string };
  verifier: string;
  /** Threads that checked signatures: 1 for a small journal, else up to `threads` (SignaturePool). */
  threads: number;
  station: string | null;
  /** What each checkpoint a witness kept (VerifyOptions.retainedCheckpoints) showed, in the order given. */
  retained: RetainedCheckpoint[];
  findings: Finding[];
  /** Ceremonies as the journal shows them (for replay and the auditor view). */
  ceremonyList: CeremonySummary[];
}

/** Journal size from which the workers are started before reading (about 100 entries, 500 signatures). */
const EARLY_WORKERS_BYTES = 256 * 1024;
/**
 * The longest the calling thread reads without letting its event loop turn: the pool takes the
 * workers' answers without it, but a caller's progress, the app's other requests and a worker's
 * failure need it.
 */
const TURN_EVERY_MS = 50;

interface InvalidSignature {
  /** How many signatures were queued before its entry's first: orders the entries. */
  order: number;
  /** Its position among its entry's signatures. */
  signature: number;
  index: number;
  ceremony: string;
  keyid: string;
  station: boolean;
}

export async function verifyJournal(source: JournalSource, options: VerifyOptions = {}): Promise<VerifyReport> {
  const findings = new Findings();
  const rules = new CeremonyRules(findings, options.supplied);
  const meaning = new MeaningRules(findings);
  const pool = new SignaturePool(options.threads, options.batchSize);
  const roots = new Map<number, Uint8Array>();
  const merkle = new MerkleAccumulator();
  const seen = new Set<string>();
  /** Signatures answered invalid after their entry: their order among all queued, and where they are. */
  const invalid: InvalidSignature[] = [];
  /** Every evidence file the entries name, with the entry naming it. */
  const evidence: RecordedEvidence[] = [];
  const reportInvalid = ({ index, ceremony, keyid, station }: InvalidSignature) => {
    findings.error('SIGNATURE_INVALID', `${station ? 'The station signature' : 'A participant signature'} does not match the entry.`, index, ceremony, {
      kind: station ? 'station' : 'participant',
      keyid,
    });
  };
  const stationKeyid = () => rules.roster.station?.keyid;
  /** The key ids that signed, each once, numbered in order of first appearance. */
  const signers: string[] = [];
  const numbered = new Map<string, number>();
  const signerNumber = (keyid: string): number => {
    let n = numbered.get(keyid);
    if (n === undefined) {
      n = signers.push(keyid) - 1;
      numbered.set(keyid, n);
    }
    return n;
  };
  /** Where each signature's r||s is read to; the pool copies it before the next one. */
  const scratch = new Uint8Array(64);
  let queued = 0;
  let signatures: number;
  let retained: RetainedCheckpoint[];
  let expected = 0;
  let lastHash = ZERO_HASH;
  let lastTime = '';
  let done = 0;
  try {
    // A journal of more than a few batches of signatures uses the workers: start them loading now.
    if (source.bytes > EARLY_WORKERS_BYTES) pool.prepare();
    const checkpoints = [
      ...source.checkpoints.map(({ name, note }) => ({ note, origin: 'stored' as const, label: name })),
      ...(options.retainedCheckpoints ?? []).map(({ note, label }) => ({ note, origin: 'retained' as const, label })),
    ];
    const parsedCheckpoints = parseCheckpoints(checkpoints);
    const wanted = checkpointSizes(parsedCheckpoints);
    if (wanted.has(0)) roots.set(0, merkle.root());
    let turnAt = performance.now() + TURN_EVERY_MS;
    for (const line of source.lines()) {
      if (performance.now() >= turnAt) {
        await nextTurn();
        turnAt = performance.now() + TURN_EVERY_MS;
      }
      done += line.bytes.length + 1;
      options.onProgress?.(done, source.bytes);
      if (!line.complete) {
        // At the end of the journal: a torn write or trailing garbage. At the end of an earlier
        // segment it is damage; either way, later segments are still checked.
        const bytes = line.tooLong ?? line.bytes.length;
        findings.error(
          'JOURNAL_TORN_TAIL',
          `Segment ${line.segment} ends with ${bytes} bytes that are not a complete entry (a torn write or trailing garbage).`,
          expected,
          null,
          {
            segment: line.segment,
            bytes,
          },
        );
        continue;
      }
      if (line.tooLong !== undefined) {
        // Not kept, so not hashed: the chain and the tree break here, and are reported as such.
        findings.error('ENTRY_TOO_LARGE', `Entry ${expected} is ${line.tooLong} bytes long, more than an entry may be (${MAX_LINE_BYTES}).`, expected, null, {
          position: expected,
          bytes: line.tooLong,
          max: MAX_LINE_BYTES,
        });
        expected++;
        lastHash = ZERO_HASH;
        continue;
      }
      merkle.add(line.bytes);
      if (wanted.has(merkle.size)) roots.set(merkle.size, merkle.root());
      let entry;
      try {
        entry = decodeEntry(line.bytes);
      } catch (error) {
        const e = error as CustosError;
        findings.error(e.code ?? 'ENTRY_UNREADABLE', `Entry ${expected}: ${e.message}`, expected, null, { ...errorDetails(e), position: expected });
        expected++;
        lastHash = lineHash(line.bytes);
        continue;
      }
      const hash = entry.lineHash;
      const p = entry.payload;
      if (p.index !== expected) {
        if (seen.has(hash)) {
          findings.error('ENTRY_DUPLICATED', `Entry ${p.index} appears a second time at position ${expected}.`, p.index, p.ceremony, {
            entry: p.index,
            position: expected,
          });
        } else if (p.index > expected) {
          findings.error('ENTRIES_MISSING', `Entries ${expected} to ${p.index - 1} are missing.`, p.index, p.ceremony, { from: expected, to: p.index - 1 });
        } else {
          findings.error('ENTRIES_REORDERED', `Entry ${p.index} is out of order (position ${expected}).`, p.index, p.ceremony, {
            entry: p.index,
            position: expected,
          });
        }
      } else if (p.prev !== lastHash) {
        findings.error('PREV_MISMATCH', 'The entry does not follow the previous stored line (the hash chain is broken).', p.index, p.ceremony);
      }
      seen.add(hash);
      lastHash = hash;
      expected = p.index + 1;
      if (p.time.utc < lastTime)
        findings.warning('TIME_NOT_MONOTONIC', 'The station clock went backwards (time is untrusted; order comes from the index).', p.index, p.ceremony);
      lastTime = p.time.utc;
      if (p.retainUntil !== retainUntil(p.time.utc))
        findings.error('RETENTION_INVALID', 'The retention date is not five years after the entry.', p.index, p.ceremony);

      const envelopeSignatures = entry.envelope.signatures;
      const keyids: string[] = [];
      /** The first key id that signs a second time, if any. */
      let twice: string | null = null;
      for (const s of envelopeSignatures) {
        if (twice === null && keyids.includes(s.keyid)) twice = s.keyid;
        keyids.push(s.keyid);
      }
      meaning.entry(p, rules.entry(p, hash, keyids));
      for (const item of evidenceList(p.body.evidence) ?? []) evidence.push({ ...item, index: p.index, ceremony: p.ceremony });
      const station = rules.roster.station;
      if (station && p.station !== station.keyid) {
        findings.error('STATION_MISMATCH', 'The entry was made by another station (replayed from elsewhere).', p.index, p.ceremony);
      }
      if (!station || keyids[0] !== station.keyid) {
        findings.error('STATION_SIGNATURE_MISSING', 'The entry does not carry the station signature first.', p.index, p.ceremony);
      }
      if (twice !== null) {
        findings.error('SIGNATURE_DUPLICATE', 'The same key signs twice: it counts once toward a quorum.', p.index, p.ceremony, {
          kind: 'signed',
          keyid: twice,
        });
      }
      const digest = entryDigest(entry);
      // One callback for the entry's queued signatures; the tag is the signature's position in the
      // entry, whose signer's number (signerNumber) the callback keeps: it holds no string of the
      // entry, since holding its key ids kept every queued entry's decoded text alive (peak RSS
      // +90 MB on the bench archive). Only an invalid one becomes a record.
      const { index, ceremony } = p;
      const order = queued;
      const signerNumbers = keyids.map(signerNumber);
      const answered = (valid: boolean, tag: number) => {
        if (!valid) {
          const keyid = signers[signerNumbers[tag]!]!;
          invalid.push({ order, signature: tag, index, ceremony, keyid, station: keyid === stationKeyid() });
        }
      };
      for (let i = 0; i < envelopeSignatures.length; i++) {
        const s = envelopeSignatures[i]!;
        const publicKey = rules.publicKeyFor(s.keyid);
        if (!publicKey) continue; // reported by the rules (unknown or undeclared signer)
        let der = entry.signatureDer?.[i];
        if (!der) {
          try {
            der = decodeBase64(s.sig, 'A signature');
          } catch {
            findings.error('SIGNATURE_MALFORMED', 'A signature is not base64.', p.index, p.ceremony, { kind: 'base64', keyid: s.keyid });
            continue;
          }
        }
        const compact = derToCompact(der, scratch);
        if (!compact) {
          findings.error('SIGNATURE_MALFORMED', 'A signature is not strict DER.', p.index, p.ceremony, { kind: 'der', keyid: s.keyid });
          continue;
        }
        if (!isLowS(compact)) {
          findings.error('SIGNATURE_HIGH_S', 'A signature is in its high-S form (malleated).', p.index, p.ceremony, { keyid: s.keyid });
          continue;
        }
        const isStation = s.keyid === station?.keyid;
        // Checked at once (one thread): reported in place; else after the journal, in order.
        const now = pool.add(digest, publicKey, compact, answered, i);
        if (now === false) reportInvalid({ order, signature: i, index, ceremony, keyid: s.keyid, station: isStation });
        queued++;
      }
    }
    rules.finish();
    if (options.evidenceDir !== undefined) checkEvidence(evidence, options.evidenceDir, findings);
    for (const { file, reason } of source.refused) {
      findings.error(
        'FILE_REFUSED',
        `${file} was not read: ${reason === 'not-regular' ? 'it is not a regular file (a link, a device or a folder)' : reason === 'too-large' ? 'it is larger than its cap' : 'it cannot be opened'}.`,
        null,
        null,
        {
          file,
          reason,
        },
      );
    }
    const journalSignatures = pool.count;
    // The checkpoints' signatures join the queue before it is drained: the workers' last
    // batches of entries are answered while this thread reads the checkpoints.
    const checkpointResults = queueCheckpointSignatures(parsedCheckpoints, rules, pool);
    await pool.drain();
    invalid.sort((a, b) => a.order - b.order || a.signature - b.signature).forEach(reportInvalid);
    const judged = judgeCheckpoints(checkpoints, parsedCheckpoints, checkpointResults, expected, roots, rules, findings);
    signatures = journalSignatures + judged.signatures;
    retained = judged.retained;
  } finally {
    await pool.close();
  }
  if (expected === 0 && findings.list.length === 0) findings.warning('JOURNAL_EMPTY', 'The journal has no entries yet.');
  return {
    ok: findings.ok,
    entries: expected,
    ceremonies: rules.ceremonies.length,
    signatures,
    checkpoint: { size: merkle.size, root: Buffer.from(merkle.root()).toString('base64') },
    verifier: pool.verifier.name,
    threads: pool.threadsUsed,
    station: rules.roster.station?.keyid ?? null,
    retained,
    findings: findings.sorted(),
    ceremonyList: rules.ceremonies,
  };
}
