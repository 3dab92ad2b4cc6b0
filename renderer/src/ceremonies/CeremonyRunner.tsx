/**
 * One ceremony on screen (docs/desktop-app.md, "The screens": Ceremonies): the form that prepares
 * it (who, which wallet, which shares and bags), then the run itself, guided one step at a time
 * (ADR 0025) — before each entry, the sign request to read aloud with who signs it and what it
 * records, each person typing their passphrase at their first signature; a passphrase asked of one
 * person when the run needs it (again, naming them, when it was wrong); the script with its steps
 * ticking as each entry is signed, the short code of each signed entry to read aloud, the
 * share-words card when a holder must see their share,
 * a progress line, a stop with a recorded reason, and the outcome (facts, files, the witnesses'
 * checkpoint, the signed transaction as an animated QR when there is one, and the ceremony's
 * transcript saved as a PDF through the station's save dialog).
 */
import { EvidenceFiles, type EvidenceDraft } from './EvidenceFiles.tsx';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type {
  AppError,
  CeremonyAnswers,
  CheckpointPrompt,
  CeremonyOutcome,
  Chosen,
  EntryEvent,
  InventoryView,
  JobEvent,
  PassphrasePrompt,
  ProcedureView,
  ShareWordsPrompt,
  SignRequest,
} from '../../../main/app/app-api.ts';
import { asAppError } from '../app-error.ts';
import { AnimatedQr } from '../components/AnimatedQr.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { custosApi } from '../custos-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { CEREMONY_TEXT } from './ceremony-messages.ts';
import { CeremonyScript } from './CeremonyScript.tsx';
import { OutcomeFacts } from './OutcomeFacts.tsx';
import { waitingRotation } from './forms/rotation-model.ts';
import { followJob } from './follow-job.ts';
import type { FormProps } from './forms/form-props.ts';
import { CheckpointAsked } from './CheckpointAsked.tsx';
import { RefusedPerson } from './refused-person.tsx';
import { PassphraseAsked } from './PassphraseAsked.tsx';
import { ShareWordsPrompt as ShareWordsCard } from './ShareWordsPrompt.tsx';
import { SignRequestPanel } from './SignRequestPanel.tsx';
import { GUIDED_TEXT } from './guided-messages.ts';
import './ceremonies.css';

type Prompt = ShareWordsPrompt | SignRequest | PassphrasePrompt | CheckpointPrompt;
type Transcript =
  | { readonly kind: 'idle' | 'saving' | 'cancelled' }
  | { readonly kind: 'saved'; readonly name: string }
  | { readonly kind: 'failed'; readonly error: AppError };
type Phase =
  | { readonly kind: 'prepare' }
  | { readonly kind: 'running'; readonly job: string }
  | { readonly kind: 'done'; readonly job: string; readonly outcome: CeremonyOutcome }
  | { readonly kind: 'failed'; readonly error: AppError };

/** The QR codes a finished ceremony can show: its signed PSBT, its signed Ethereum transfer, its watch-only export. */
type QrOf = 'psbtQrFrames' | 'ethSignatureQrFrames' | 'watchOnlyQrFrames';

export function CeremonyRunner(props: {
  readonly procedure: ProcedureView;
  readonly dataDir: Chosen;
  readonly inventory: InventoryView | null;
  readonly form: ComponentType<FormProps>;
  readonly onBack: () => void;
  readonly onFinished: () => void;
}) {
  const text = useText(CEREMONY_TEXT);
  const locale = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'prepare' });
  const [busy, setBusy] = useState(false);
  const [startError, setStartError] = useState<AppError | null>(null);
  const [entries, setEntries] = useState<EntryEvent[]>([]);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [stopping, setStopping] = useState(false);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [frames, setFrames] = useState<readonly string[] | null>(null);
  const [qrOf, setQrOf] = useState<QrOf>('psbtQrFrames');
  const [transcript, setTranscript] = useState<Transcript>({ kind: 'idle' });
  /** What the station is doing between a person's answer and the next question (keys unlocking, shares combining, signing). */
  const [working, setWorking] = useState<string | null>(null);
  const guided = useText(GUIDED_TEXT);
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([]);
  const Form = props.form;
  const signed = useRef(0);
  // A rotation's second sitting resumes the ceremony its first sitting left open: those steps are signed already.
  // Kept from the start of the run: once it closes, the reloaded inventory has no open ceremony.
  const waitingSteps = props.procedure.id === 'compromise-rotation' ? waitingRotation(props.inventory)?.ceremony.steps : undefined;
  const [startedAfter, setStartedAfter] = useState<Readonly<Record<string, number>> | undefined>(undefined);
  const earlier = phase.kind === 'prepare' ? waitingSteps : startedAfter;
  const job = phase.kind === 'running' || phase.kind === 'done' ? phase.job : null;
  const { onFinished } = props;

  useEffect(() => {
    if (phase.kind !== 'running') return undefined;
    const onEvent = (event: JobEvent) => {
      setWorking(null);
      if (event.kind === 'entry') {
        signed.current += 1;
        setEntries((list) => [...list, event]);
      } else if (event.kind === 'prompt') setPrompt(event);
      else if (event.kind === 'ceremony-done') {
        setPrompt(null);
        setPhase({ kind: 'done', job: phase.job, outcome: event });
        onFinished();
      } else if (event.kind === 'failed') {
        setPrompt(null);
        if (signed.current === 0) {
          // Refused before anything was signed (the engine checks everything first): nothing was
          // recorded, so the officer gets the form back as they filled it, with the refusal above.
          setStartError(event.error);
          setPhase({ kind: 'prepare' });
        } else {
          setPhase({ kind: 'failed', error: event.error });
        }
        onFinished();
      }
    };
    return followJob(phase.job, onEvent, (e) => setPhase({ kind: 'failed', error: asAppError(e) }));
  }, [phase, onFinished]);

  const start = (given: CeremonyAnswers) => {
    // The evidence files chosen in the runner's panel join the form's answers (ADR 0031).
    const answers: CeremonyAnswers = evidence.length ? { ...given, evidence: evidence.map((e) => ({ step: e.step, file: { $chosen: e.file.token } })) } : given;
    signed.current = 0;
    setStartedAfter(waitingSteps);
    setBusy(true);
    setStartError(null);
    custosApi()
      .startCeremony({ procedure: props.procedure.id, dataDir: props.dataDir.token, answers })
      .then(
        (id) => {
          setWorking(guided.opening);
          setPhase({ kind: 'running', job: id });
        },
        (e: unknown) => setStartError(asAppError(e)),
      )
      .finally(() => setBusy(false));
  };

  /** Sends the answer to the prompt shown; the prompt (its words, the passphrases typed) leaves the page now. */
  const answer = (send: (job: string, id: string) => Promise<void>) => {
    if (!prompt || job === null) return;
    const id = prompt.id;
    setWorking(prompt.prompt === 'share-words' ? guided.checkingWords : guided.working);
    setPrompt(null);
    setActionError(null);
    send(job, id).catch((e: unknown) => setActionError(asAppError(e)));
  };
  const answerWords = (words: string) => answer((j, id) => custosApi().answerShareWords(j, { prompt: id, words }));
  const answerSign = (passphrases: Readonly<Record<string, string>>) => answer((j, id) => custosApi().answerSignRequest(j, { prompt: id, passphrases }));
  const answerPassphrase = (passphrase: string) => answer((j, id) => custosApi().answerPassphrase(j, { prompt: id, passphrase }));
  const answerCheckpoint = (checkpoint: string) => answer((j, id) => custosApi().answerCheckpoint(j, { prompt: id, checkpoint }));

  const stop = () => {
    if (job === null) return;
    custosApi()
      .stopCeremony(job, reason)
      .then(
        () => {
          setStopping(false);
          setPrompt(null);
        },
        (e: unknown) => setActionError(asAppError(e)),
      );
  };

  const showQr = (which: QrOf) => {
    if (job === null) return;
    setQrOf(which);
    const asked = custosApi()[which](job);
    asked.then(setFrames, (e: unknown) => setActionError(asAppError(e)));
  };

  const saveTranscript = (ceremony: string) => {
    setTranscript({ kind: 'saving' });
    custosApi()
      .saveReport({ dataDir: props.dataDir.token, report: 'ceremony', ceremony, locale })
      .then(
        (saved) => setTranscript({ kind: 'saved', name: saved.name }),
        (e: unknown) => {
          const error = asAppError(e);
          setTranscript(error.code === 'SAVE_CANCELLED' ? { kind: 'cancelled' } : { kind: 'failed', error });
        },
      );
  };

  // A repeated step counts as many times as it was signed, at least its minimum: the total grows
  // with each repetition, so the line never reads "4 of 3".
  const signedOf = (step: string) => (earlier?.[step] ?? 0) + entries.filter((e) => e.step === step).length;
  const stepsTotal = props.procedure.steps.reduce((n, s) => n + Math.max(s.repeat?.min ?? 1, signedOf(s.id)), 0);
  const signedTotal = props.procedure.steps.reduce((n, s) => n + signedOf(s.id), 0);

  return (
    <section className="runner" data-testid="ceremony-runner" data-procedure={props.procedure.id}>
      <h2>{props.procedure.title[locale]}</h2>
      <p className="hint">{props.procedure.purpose[locale]}</p>
      <CeremonyScript procedure={props.procedure} entries={entries} earlier={earlier} active={phase.kind === 'running'} />
      {/* The form stays mounted, hidden, until the first entry is signed, so a refusal gives it back as filled; then it goes. */}
      {(phase.kind === 'prepare' || (phase.kind === 'running' && entries.length === 0)) && (
        <div className="runner__form" hidden={phase.kind !== 'prepare'}>
          {startError && <ErrorNotice error={startError} />}
          <p className="hint runner__people">{text.attestationHelp}</p>
          <RefusedPerson.Provider value={typeof startError?.details['who'] === 'string' ? startError.details['who'] : null}>
            {props.procedure.id !== 'abort' && <EvidenceFiles procedure={props.procedure} value={evidence} onChange={setEvidence} />}
            <Form dataDir={props.dataDir} inventory={props.inventory} busy={busy || phase.kind !== 'prepare'} onStart={start} />
          </RefusedPerson.Provider>
          <button type="button" onClick={props.onBack}>
            {text.back}
          </button>
        </div>
      )}
      {phase.kind !== 'prepare' && (
        <div className="runner__log">
          <p className="runner__progress" data-testid="ceremony-progress">
            {text.progress(signedTotal, stepsTotal)}
          </p>
          <ul className="entries">
            {entries.map((e) => (
              <li key={e.index} data-testid={`entry-${e.step}`}>
                {text.entryLine(props.procedure.steps.find((s) => s.id === e.step)?.title[locale] ?? e.step)} <span className="hint">{text.readAloud}</span>{' '}
                <code className="entry-code">{e.code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {phase.kind === 'running' && working !== null && prompt === null && (
        <p className="runner__working" role="status" data-testid="ceremony-working">
          {working}
        </p>
      )}
      {actionError && <ErrorNotice error={actionError} />}
      {phase.kind === 'running' && prompt?.prompt === 'share-words' && (
        <ShareWordsCard key={prompt.id} job={phase.job} prompt={prompt} holderName={prompt.holder} onAnswer={answerWords} />
      )}
      {phase.kind === 'running' && prompt?.prompt === 'sign' && (
        <SignRequestPanel key={prompt.id} request={prompt} procedure={props.procedure} onSign={answerSign} />
      )}
      {phase.kind === 'running' && prompt?.prompt === 'passphrase' && <PassphraseAsked key={prompt.id} prompt={prompt} onAnswer={answerPassphrase} />}
      {phase.kind === 'running' && prompt?.prompt === 'checkpoint' && <CheckpointAsked key={prompt.id} prompt={prompt} onAnswer={answerCheckpoint} />}
      {phase.kind === 'running' &&
        prompt &&
        (stopping ? (
          <div className="stop">
            <label htmlFor="stop-reason">{text.stopReason}</label>
            <input id="stop-reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="button" onClick={stop} disabled={!reason.trim()}>
              {text.stopConfirm}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setStopping(true)}>
            {text.stop}
          </button>
        ))}
      {phase.kind === 'done' && (
        <div className="outcome" data-testid="ceremony-outcome" data-state={phase.outcome.state}>
          <p className="notice notice--ok">
            {phase.outcome.state === 'closed' ? text.closed : phase.outcome.state === 'waiting' ? text.waiting : text.aborted}
          </p>
          <h3>{text.facts}</h3>
          <OutcomeFacts facts={phase.outcome.facts} />
          {phase.outcome.outputs.length > 0 && (
            <>
              <h3>{text.outputs}</h3>
              <ul>
                {phase.outcome.outputs.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </>
          )}
          <h3>{text.checkpoint}</h3>
          <pre className="checkpoint" data-testid="checkpoint">
            <code>{phase.outcome.checkpoint}</code>
          </pre>
          {phase.outcome.outputs.some((f) => f.endsWith('.psbt')) && !frames && (
            <button type="button" onClick={() => showQr('psbtQrFrames')}>
              {text.showQr}
            </button>
          )}
          {phase.outcome.outputs.some((f) => f.endsWith('.ethtx')) && !frames && (
            <button type="button" onClick={() => showQr('ethSignatureQrFrames')}>
              {text.showEthSignatureQr}
            </button>
          )}
          {phase.outcome.outputs.some((f) => f.endsWith('.json')) && !frames && (
            <button type="button" onClick={() => showQr('watchOnlyQrFrames')}>
              {text.showWatchOnlyQr}
            </button>
          )}
          {frames && (
            <div data-testid="animated-qr" data-parts={frames.length}>
              <AnimatedQr
                parts={frames}
                label={{ psbtQrFrames: text.qrLabel, ethSignatureQrFrames: text.ethSignatureQrLabel, watchOnlyQrFrames: text.watchOnlyQrLabel }[qrOf]}
                progressLabel={text.qrPart}
                pauseLabel={text.qrPause}
                playLabel={text.qrPlay}
              />
            </div>
          )}
          <div className="row">
            <button type="button" data-testid="save-transcript" onClick={() => saveTranscript(phase.outcome.ceremony)} disabled={transcript.kind === 'saving'}>
              {transcript.kind === 'saving' ? text.savingTranscript : text.saveTranscript}
            </button>
          </div>
          {transcript.kind === 'saved' && (
            <p className="notice notice--ok" data-testid="transcript-saved">
              {text.transcriptSaved(transcript.name)}
            </p>
          )}
          {transcript.kind === 'cancelled' && (
            <p className="hint" data-testid="transcript-not-saved">
              {text.transcriptNotSaved}
            </p>
          )}
          {transcript.kind === 'failed' && <ErrorNotice error={transcript.error} />}
          <button type="button" onClick={props.onBack}>
            {text.another}
          </button>
        </div>
      )}
      {phase.kind === 'failed' && (
        <div className="outcome" data-testid="ceremony-outcome" data-state={phase.error.code === 'CEREMONY_STOPPED' ? 'aborted' : 'failed'}>
          <p>{phase.error.code === 'CEREMONY_STOPPED' ? text.aborted : text.failed}</p>
          <ErrorNotice error={phase.error} />
          <button type="button" onClick={props.onBack}>
            {text.another}
          </button>
        </div>
      )}
    </section>
  );
}
