/**
 * The app API contract: what the preload exposes to the renderer as `window.custos`. Spec:
 * docs/architecture.md, "Processes" (renderer --window.custos--> preload, named functions only) and
 * "Import rules": this is the ONE file the renderer may import from, and types only. So every type
 * here stands alone (no import): the router (app-router.ts) assigns the engine's own views to these
 * types, which the compiler checks. The preload object `satisfies AppApi`; the Playwright tests
 * bind the same shape to the same router. docs/desktop-app.md describes the calls.
 *
 * Paths never come from the renderer: a file or folder is chosen through the station's own dialog
 * (`choose`), and the renderer only holds the opaque token main gave for it.
 */

/** What a refused call rejects with in the renderer: an object with these fields (docs/errors.md codes); the preload rejects with a plain object because the contextBridge would strip an Error of them. */
export interface AppError {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, string | number>>;
}

/** What the officer is asked to choose, which sets the dialog's title and filters. */
export type ChooseKind =
  | 'data-dir'
  | 'audit-source'
  | 'key-file'
  | 'share-file'
  | 'psbt-file'
  | 'eth-request-file'
  | 'transaction-file'
  | 'balances-file'
  | 'public-key-file'
  | 'checkpoint-file'
  | 'folder'
  | 'save-file'
  | 'evidence-file'
  | 'challenge-file';

/** What a QR scan reads: a transaction to sign (PSBT), or an Ethereum transfer request (EIP-4527). */
export type QrScanKind = 'psbt-file' | 'eth-request-file';

/**
 * How far a QR scan is: BC-UR parts received and expected (null until the first multipart part),
 * an estimate in percent, and once the message is whole, the file written from it, as a chosen
 * file of the scan's kind.
 */
export interface QrScanProgress {
  readonly received: number;
  readonly expected: number | null;
  readonly percent: number;
  readonly file: Chosen | null;
}

/** A file or folder chosen in main's dialog: a token for later calls, and the name to show. */
export interface Chosen {
  readonly token: string;
  readonly name: string;
}

// ---------- Inventory (the projection of the record; the same as `custos replay --json`) ----------

export interface ShareSummary {
  readonly index: number;
  /** Key id of the holder (ParticipantSummary.keyid gives the name). */
  readonly holder: string | null;
  readonly bagSerial: string | null;
  readonly media: readonly string[];
  readonly state: 'created' | 'held' | 'destroyed';
  readonly lastProven: string | null;
  /** When its next proof is due (its last proof plus the wallet's drill interval); null when no one holds it. */
  readonly due: string | null;
  /** Held, of a guarded wallet, and past its due date. */
  readonly overdue: boolean;
  /** Its bag was last found broken or missing, and it has not been re-bagged since. */
  readonly atRisk: boolean;
}

/**
 * A set of shares a wallet is no longer under (reshare; ADR 0032): retired by a reshare (its shares
 * destroyed in it), or the new set of a reshare that was aborted (void). A share still `held` in it
 * must be destroyed.
 */
interface FormerSetSummary {
  readonly setId: string;
  readonly threshold: number;
  readonly shareCount: number;
  readonly outcome: 'retired' | 'void';
  /** The reshare that retired it, or that was aborted. */
  readonly ceremony: string;
  readonly at: string;
  readonly shares: readonly Omit<ShareSummary, 'due' | 'overdue'>[];
}

/** A token the station's list holds: an ERC-20 contract on one chain. */
interface TokenSummary {
  /** EIP-155 chain id, decimal text. */
  readonly chainId: string;
  readonly contract: string;
  readonly symbol: string;
  readonly decimals: number;
}

interface TransferSummary {
  readonly ceremony: string;
  readonly kind: 'sweep' | 'restitution';
  readonly txid: string;
  readonly chain: string;
  /** What moved: the chain's coin, or a token (`erc20:<chainId>:<contract>`). */
  readonly asset: string;
  readonly to: string;
  /** Base units (satoshis). */
  readonly amount: string;
  readonly fee: string;
  readonly state: 'signed' | 'confirmed';
  readonly signedAt: string;
  readonly confirmedAt: string | null;
}

export interface WalletSummary {
  readonly id: string;
  readonly class: 'client' | 'house';
  readonly ownerRef: string | null;
  readonly label: string;
  readonly state: string;
  readonly fingerprint: string | null;
  readonly threshold: number;
  readonly shareCount: number;
  readonly chains: readonly string[];
  readonly drillIntervalDays: number;
  readonly createdAt: string;
  readonly lastDrill: string | null;
  readonly compromisedBy: string | null;
  readonly replacedBy: string | null;
  readonly replaces: string | null;
  readonly shares: readonly ShareSummary[];
  /** The sets it was under before a reshare, and the void new sets of reshares that were aborted. */
  readonly formerSets: readonly FormerSetSummary[];
  /** Each chain's account as recorded at generation: what an officer compares with the watch-only wallet. */
  readonly accounts: readonly AccountSummary[];
  readonly transfers: readonly TransferSummary[];
  /** By chain: base units the record says the wallet holds, and as of which reconciliation. */
  readonly holdings: Readonly<Record<string, { readonly recorded: string; readonly asOf: string | null }>>;
  readonly provenShares: number;
  readonly quorumProven: boolean;
  /** An active wallet with a share overdue: every share must be proven within the interval, not only a quorum. */
  readonly drillOverdue: boolean;
  readonly lastProven: string | null;
  /** When the next drill is due: the earliest due date of a held share. */
  readonly nextDrill: string;
  /** The indexes of the shares overdue now. */
  readonly overdueShares: readonly number[];
}

interface AccountSummary {
  readonly chain: string;
  /** Derivation path, e.g. m/84'/0'/0'. */
  readonly path: string;
  /** The account's extended public key. */
  readonly xpub: string;
  /** The first receive addresses, index 0 upward. */
  readonly addresses: readonly string[];
}

export interface IncidentSummary {
  readonly id: string;
  readonly occurredAt: string | null;
  readonly discoveredAt: string | null;
  readonly nature: string | null;
  readonly impact: string | null;
  readonly correctiveAction: string | null;
  readonly status: string;
  readonly significant: boolean;
  readonly wallets: readonly string[];
  readonly recordedAt: string;
  readonly closedAt: string | null;
  /** incident@2: major or not, from the criteria answered; null when not classified. */
  readonly classification: { readonly major: boolean; readonly detectedAt: string; readonly classifiedAt: string } | null;
  /** Each report a major incident owes its authority, with its deadline at the inventory's moment. */
  readonly deadlines: readonly ReportDeadlineSummary[];
}

/** One report's deadline (ceremonies/inventory/regulatory-clock.ts). */
interface ReportDeadlineSummary {
  readonly report: 'initial' | 'intermediate' | 'final';
  readonly due: string | null;
  readonly madeAt: string | null;
  readonly reference: string | null;
  readonly state: 'made' | 'made-late' | 'open' | 'missed' | 'waiting';
}

export interface ParticipantSummary {
  readonly keyid: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly state: 'active' | 'revoked';
}

export interface CeremonyListing {
  readonly id: string;
  readonly procedureId: string;
  readonly state: 'open' | 'closed' | 'aborted';
  readonly openedAt: number;
  readonly endedAt: number | null;
  readonly entries: number;
}

/** The ceremony open at the end of the journal (a rotation waiting for its sweep, or one a crash interrupted). */
export interface OpenCeremonyListing {
  readonly id: string;
  readonly procedureId: string;
  /** The wallet its opening names, and the replacement a rotation creates. */
  readonly wallet: string | null;
  readonly replacement: string | null;
  /** Entries so far, by step id. */
  readonly steps: Readonly<Record<string, number>>;
}

export interface InventoryView {
  readonly station: string | null;
  readonly entries: number;
  readonly at: string;
  readonly wallets: readonly WalletSummary[];
  /** The station's token list in force (procedure token-list). */
  readonly tokens: readonly TokenSummary[];
  readonly incidents: readonly IncidentSummary[];
  readonly participants: readonly ParticipantSummary[];
  readonly ceremonies: readonly CeremonyListing[];
  readonly openCeremony: OpenCeremonyListing | null;
  readonly problems: number;
}

// ---------- Procedures (the definitions, for the ceremony runner's script) ----------

export interface LocalText {
  readonly en: string;
  readonly fr: string;
}

interface ProcedureStepView {
  readonly id: string;
  readonly type: 'open' | 'step' | 'close';
  readonly title: LocalText;
  readonly signers: readonly { readonly role: string; readonly min: number; readonly max?: number }[];
  readonly repeat?: { readonly min: number; readonly max: number };
}

export interface ProcedureView {
  readonly id: string;
  readonly version: number;
  readonly title: LocalText;
  readonly purpose: LocalText;
  readonly requirements: readonly string[];
  readonly steps: readonly ProcedureStepView[];
}

// ---------- The station's state ----------

export interface AirGapView {
  readonly online: boolean;
  readonly reasons: readonly string[];
}

// ---------- Jobs: a verification or a ceremony running in main ----------

/**
 * The answers of a ceremony: the same JSON as a `custos run` answers file (docs/cli.md), except
 * that a file or folder is `{ "$chosen": "<token>" }` instead of a path.
 */
export type AnswerValue = string | number | boolean | null | readonly AnswerValue[] | { readonly [key: string]: AnswerValue };
export type CeremonyAnswers = { readonly [key: string]: AnswerValue };

interface CeremonyRequest {
  readonly procedure: string;
  /** Token of the station's data directory. */
  readonly dataDir: string;
  readonly answers: CeremonyAnswers;
}

export interface VerifyRequest {
  /** Token of a data directory or a bundle. */
  readonly source: string;
  /** Token of a checkpoint file a witness kept, to check against. */
  readonly checkpoint?: string;
}

/** One signed entry as the ceremony runner shows it; `code` is read aloud (first 8 hex of its hash). */
export interface EntryEvent {
  readonly kind: 'entry';
  readonly index: number;
  readonly ceremony: string;
  readonly type: string;
  readonly step: string;
  readonly hash: string;
  readonly code: string;
  /** Who signed besides the station: key id (InventoryView.participants names it) and role. */
  readonly signers: readonly { readonly keyid: string; readonly role: string }[];
}

/** A share to show to its holder (paper medium): words and QR text, until the holder confirms. */
export interface ShareWordsPrompt {
  readonly kind: 'prompt';
  readonly id: string;
  readonly prompt: 'share-words';
  readonly holder: string;
  readonly index: number;
  readonly of: number;
  readonly bagSerial: string;
  readonly words: readonly string[];
  readonly qr: string;
  /** 1 the first time; more when the words typed back did not prove the share. */
  readonly attempt: number;
}

/** A person on the roster who signs the entry asked about: name, role, label in the answers, and whether their passphrase is still needed. */
interface SignerAsked {
  readonly name: string;
  readonly role: string;
  /** Their label in the answers (`officer`, `witness1`, a holder's name); the passphrase answer is keyed by it. */
  readonly who: string;
  /** True when their key is still locked: they type their passphrase now, at this signature. */
  readonly locked: boolean;
}

/**
 * The guided ceremony's sign request (ADR 0025): before each entry is signed, the step, who signs
 * it, and what it records in words, in both languages ([label, text] pairs, as the transcript
 * says them). The signers whose key is still locked type their passphrase in the answer.
 */
export interface SignRequest {
  readonly kind: 'prompt';
  readonly id: string;
  readonly prompt: 'sign';
  readonly procedure: string;
  /** The step's id in the procedure (ProcedureView.steps), `open`, `close` or `abort`. */
  readonly step: string;
  readonly type: 'open' | 'step' | 'close' | 'abort';
  readonly signers: readonly SignerAsked[];
  readonly summary: LocalLines;
}

/** [label, text] lines in each language. */
interface LocalLines {
  readonly en: readonly (readonly [string, string])[];
  readonly fr: readonly (readonly [string, string])[];
}

/**
 * A passphrase the run needs from one person, asked when it needs it: the station key's (the
 * officer), a participant's key (a key file without its card, or asked again after a wrong one), a
 * share presented, or a new share's (typed twice on the screen).
 */
export interface PassphrasePrompt {
  readonly kind: 'prompt';
  readonly id: string;
  readonly prompt: 'passphrase';
  /** The person as the answers name them (`station` for the station key). */
  readonly who: string;
  /** Their name on the roster, when the answers' label is a participant's; else the label. */
  readonly name: string;
  readonly purpose: 'station' | 'key' | 'share' | 'new-share' | 'new-station';
  /** The answers field it fills (`participants.witness1.passphrase`): the field an error highlights. */
  readonly field: string;
  readonly minLength: number;
  readonly attempt: number;
  /** Why the last one was refused, in English (the code is SEALED_FILE_DECRYPT); null the first time. */
  readonly refused: string | null;
  /** Tries the person has in all; after the last, the run stops with SEALED_FILE_DECRYPT naming them. */
  readonly tries: number;
}

/** At the close of a guided ceremony: a witness chooses, in the station's save dialog, where their checkpoint is written. */
export interface CheckpointPrompt {
  readonly kind: 'prompt';
  readonly id: string;
  readonly prompt: 'checkpoint';
  /** The witness's label in the answers, and their name. */
  readonly who: string;
  readonly name: string;
}

interface ProgressEvent {
  readonly kind: 'progress';
  readonly done: number;
  readonly total: number;
}

export interface FindingView {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  /** In English, as `custos verify` prints it. */
  readonly message: string;
  readonly index: number | null;
  readonly ceremony: string | null;
  /** The specifics the message carries, by name (docs/record-format.md, "Verification"); empty when none. */
  readonly details: Readonly<Record<string, string | number>>;
}

export interface TimelineEntry {
  readonly index: number;
  readonly ceremony: string;
  readonly procedure: string;
  readonly type: string;
  readonly step: string;
  readonly time: string;
  readonly signers: readonly { readonly keyid: string; readonly name: string | null }[];
  readonly code: string;
}

export interface VerifyOutcome {
  readonly kind: 'verified';
  readonly ok: boolean;
  readonly entries: number;
  readonly ceremonies: number;
  readonly signatures: number;
  /** The threads that checked the signatures: the calling thread, and the worker threads a large journal uses. */
  readonly threads: number;
  readonly root: string;
  /** What the witness's checkpoint given showed (matched, the entries it covers, who cosigned it); null when none was given. */
  readonly checkpointKept: { readonly matched: boolean; readonly size: number | null; readonly witnesses: readonly string[] } | null;
  readonly findings: readonly FindingView[];
  readonly timeline: readonly TimelineEntry[];
  /** True when the journal has more entries than the timeline shows (the first 20,000). */
  readonly timelineTruncated: boolean;
}

export interface CeremonyOutcome {
  readonly kind: 'ceremony-done';
  readonly ceremony: string;
  readonly procedure: string;
  readonly state: 'closed' | 'waiting' | 'aborted';
  readonly size: number;
  readonly checkpoint: string;
  readonly facts: Readonly<Record<string, string | number>>;
  /** Names (not paths) of the files written for people. */
  readonly outputs: readonly string[];
}

interface FailedEvent {
  readonly kind: 'failed';
  readonly error: AppError;
}

export type JobEvent =
  | EntryEvent
  | ShareWordsPrompt
  | SignRequest
  | PassphrasePrompt
  | CheckpointPrompt
  | ProgressEvent
  | VerifyOutcome
  | CeremonyOutcome
  | FailedEvent;

export interface JobUpdate {
  /** Events after the given sequence number, in order; `next` is the number to ask from next time. */
  readonly events: readonly JobEvent[];
  readonly next: number;
  readonly finished: boolean;
}

/** The holder's answer to a share-words prompt: the words as they wrote them, typed back. */
interface ShareWordsAnswer {
  readonly prompt: string;
  readonly words: string;
}

/** The signers' answer to a sign request: they agree, and those whose key is locked give its passphrase, by their label. */
interface SignAnswer {
  readonly prompt: string;
  readonly passphrases: Readonly<Record<string, string>>;
}

/** A person's answer to a passphrase prompt. */
interface PassphraseAnswer {
  readonly prompt: string;
  readonly passphrase: string;
}

/** A witness's answer to a checkpoint prompt: the token of the file they chose (`choose('save-file')`). */
interface CheckpointAnswer {
  readonly prompt: string;
  readonly checkpoint: string;
}

/** The PSBT summary in plain terms, for approval before a ceremony. */
interface PsbtOutputView {
  readonly address: string;
  /** Base units (satoshis), as decimal text. */
  readonly amount: string;
}

export interface PsbtView {
  readonly network: string;
  readonly inputs: number;
  /** Base units; null when an input does not carry its amount. */
  readonly totalIn: string | null;
  readonly fee: string | null;
  readonly outputs: readonly PsbtOutputView[];
}

// ---------- Printing: share cards and reports ----------

/** The language a share card or a report is printed in. */
export type DocumentLocale = 'en' | 'fr';

export type ReportKind = 'inventory' | 'incidents' | 'ceremony' | 'script';

/** A report to save as PDF, from the record of a data directory (or bundle) chosen earlier. */
export interface SaveReportRequest {
  /** Token of the data directory (or of a bundle chosen for the auditor). */
  readonly dataDir: string;
  readonly report: ReportKind;
  /** The ceremony id, for `ceremony` (a transcript). */
  readonly ceremony?: string;
  /** The procedure id, for `script` (the printed ceremony script of its current version). */
  readonly procedure?: string;
  /** For `script`, optionally: the wallet whose bags are expected (its held shares' serials). */
  readonly wallet?: string;
  /** The period of an `incidents` report: two days, YYYY-MM-DD, `from` not after `to`. */
  readonly from?: string;
  readonly to?: string;
  readonly locale: DocumentLocale;
}

/** The report written: the name (not the path) of the PDF file. */
export interface SavedReport {
  readonly name: string;
}

/** The functions the renderer may call. Every call crosses a process boundary, hence Promises. */
export interface AppApi {
  /** The application version (package.json "version"), as reported by the main process. */
  version(): Promise<string>;
  /** Opens the station's dialog; null when the officer cancels. */
  choose(kind: ChooseKind): Promise<Chosen | null>;
  /**
   * Opens a QR scan of `kind` (the camera is allowed, for video only, while a scan is open; starting
   * one closes any other): the window then sends the text of each QR frame it reads (`qrFrame`).
   */
  startQrScan(kind: QrScanKind): Promise<string>;
  /**
   * One frame's QR text. Refused with QR_WRONG_KIND (another kind of QR code), QR_MIXED (frames of
   * two codes), QR_UNREADABLE, ETH_QR_UNSUPPORTED; QR_SCAN_CLOSED once stopped. Complete: `file` is set.
   */
  qrFrame(scan: string, text: string): Promise<QrScanProgress>;
  /** Closes a scan and the camera (the scan screen left, or cancelled). */
  stopQrScan(scan: string): Promise<void>;
  /** Whether the machine looks connected (the banner turns red when it does). */
  airGap(): Promise<AirGapView>;
  /** The procedures the station runs, with their steps and who signs each. */
  procedures(): Promise<readonly ProcedureView[]>;
  /** The inventory of a data directory (a replay of its record). */
  inventory(dataDir: string): Promise<InventoryView>;
  /** A PSBT file's outputs, as the coordinator built it (not yet reviewed by the crypto core). */
  readPsbt(file: string, network: string): Promise<PsbtView>;
  /** The animated QR frames (BC-UR crypto-psbt) of the signed PSBT a finished ceremony job wrote. */
  psbtQrFrames(job: string): Promise<readonly string[]>;
  /** The QR text of the watch-only export a finished ceremony wrote: its BC-UR `crypto-account`, which Sparrow scans. */
  watchOnlyQrFrames(job: string): Promise<readonly string[]>;
  /**
   * The QR frame (EIP-4527 `eth-signature`) of the signed Ethereum transaction a finished ceremony
   * wrote, with the request id of the scanned request it answers (ETH_NOT_SIGNED when there is none).
   */
  ethSignatureQrFrames(job: string): Promise<readonly string[]>;
  startVerify(request: VerifyRequest): Promise<string>;
  startCeremony(request: CeremonyRequest): Promise<string>;
  /** Waits (up to about a second) for events of a job after `after`. */
  jobEvents(job: string, after: number): Promise<JobUpdate>;
  answerShareWords(job: string, answer: ShareWordsAnswer): Promise<void>;
  /** The signers agree to the entry a sign request shows (declining is stopCeremony, with the reason). */
  answerSignRequest(job: string, answer: SignAnswer): Promise<void>;
  answerPassphrase(job: string, answer: PassphraseAnswer): Promise<void>;
  /** Where a witness keeps their checkpoint, chosen at the close; a token of another kind of choice is refused (CHOICE_UNKNOWN). */
  answerCheckpoint(job: string, answer: CheckpointAnswer): Promise<void>;
  /**
   * Stops a ceremony while it waits for a person (a share being shown): the ceremony is aborted
   * with this reason, recorded. A job that is not waiting for anyone cannot be stopped mid-step.
   */
  stopCeremony(job: string, reason: string): Promise<void>;
  /**
   * Prints the paper card of a share being shown (a pending `share-words` prompt of this job) through
   * the station's dedicated print window: main takes the words from the prompt it holds, so they do
   * not cross from the page. Refused with PROMPT_UNKNOWN once the prompt is answered or stopped;
   * PRINT_CANCELLED when the officer closes the print dialog, PRINT_FAILED when printing fails.
   */
  printShareCard(job: string, prompt: string, locale: DocumentLocale): Promise<void>;
  /**
   * Builds a report (inventory, incidents of a period, a ceremony's transcript), asks the station's
   * save dialog where to write it, makes the PDF and writes it. A closed dialog refuses with
   * SAVE_CANCELLED (nothing written); a resolved call always names the file written.
   */
  saveReport(request: SaveReportRequest): Promise<SavedReport>;
}
