/**
 * The reports screen (docs/desktop-app.md, "The screens": Reports): the inventory report, the
 * incident report of a period (two dates), a ceremony's transcript (chosen among the record's
 * ceremonies) and the script of a ceremony to come (a procedure, and optionally the wallet whose
 * bags are expected), each saved as a PDF. Main builds the report from the record in the screen's
 * language, asks the station's save dialog where to write it, makes the PDF in its print window and
 * writes it; the page sends only the data directory's token, the kind of report and its parameters,
 * and shows the name of the file written or the refusal. A closed save dialog is not an error on
 * screen: it says that nothing was saved.
 */
import { useEffect, useId, useState } from 'react';
import type { AppError, Chosen, InventoryView, ProcedureView, ReportKind, SaveReportRequest } from '../../../main/app/app-api.ts';
import { asAppError } from '../app-error.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { custosApi } from '../custos-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { REPORTS_TEXT } from './reports-messages.ts';

type Outcome =
  | { readonly kind: 'idle' | 'saving' | 'cancelled' }
  | { readonly kind: 'saved'; readonly name: string }
  | { readonly kind: 'failed'; readonly error: AppError };

const IDLE: Outcome = { kind: 'idle' };

/** Today (UTC) as YYYY-MM-DD, and the first day of its year. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export function ReportsScreen(props: { readonly dataDir: Chosen | null; readonly onChooseDataDir: () => void }) {
  const text = useText(REPORTS_TEXT);
  const locale = useLocale();
  const id = useId();
  const { dataDir } = props;
  const [inventory, setInventory] = useState<InventoryView | null>(null);
  const [procedures, setProcedures] = useState<readonly ProcedureView[]>([]);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [period, setPeriod] = useState(defaultPeriod);
  const [ceremony, setCeremony] = useState('');
  const [procedure, setProcedure] = useState('');
  const [wallet, setWallet] = useState('');
  const [outcomes, setOutcomes] = useState<Readonly<Record<ReportKind, Outcome>>>({ inventory: IDLE, incidents: IDLE, ceremony: IDLE, script: IDLE });

  useEffect(() => {
    custosApi()
      .procedures()
      .then(
        (list) => {
          setProcedures(list);
          setProcedure((p) => p || (list[0]?.id ?? ''));
        },
        (e: unknown) => setLoadError(asAppError(e)),
      );
  }, []);

  useEffect(() => {
    if (!dataDir) return undefined;
    let live = true;
    setLoadError(null);
    setOutcomes({ inventory: IDLE, incidents: IDLE, ceremony: IDLE, script: IDLE });
    custosApi()
      .inventory(dataDir.token)
      .then(
        (view) => {
          if (!live) return;
          setInventory(view);
          setCeremony(view.ceremonies.at(-1)?.id ?? '');
        },
        (e: unknown) => live && setLoadError(asAppError(e)),
      );
    return () => {
      live = false;
    };
  }, [dataDir]);

  if (!dataDir) {
    return (
      <section data-testid="reports-screen">
        <h2>{text.heading}</h2>
        <p data-testid="reports-no-data-dir">{text.needDataDir}</p>
        <button type="button" onClick={props.onChooseDataDir}>
          {text.openDataDir}
        </button>
      </section>
    );
  }

  const set = (kind: ReportKind, outcome: Outcome) => setOutcomes((all) => ({ ...all, [kind]: outcome }));

  const save = (kind: ReportKind) => {
    const request: SaveReportRequest =
      kind === 'incidents'
        ? { dataDir: dataDir.token, report: kind, from: period.from, to: period.to, locale }
        : kind === 'ceremony'
          ? { dataDir: dataDir.token, report: kind, ceremony, locale }
          : kind === 'script'
            ? { dataDir: dataDir.token, report: kind, procedure, ...(wallet === '' ? {} : { wallet }), locale }
            : { dataDir: dataDir.token, report: kind, locale };
    set(kind, { kind: 'saving' });
    custosApi()
      .saveReport(request)
      .then(
        (saved) => set(kind, { kind: 'saved', name: saved.name }),
        (e: unknown) => {
          const error = asAppError(e);
          set(kind, error.code === 'SAVE_CANCELLED' ? { kind: 'cancelled' } : { kind: 'failed', error });
        },
      );
  };

  const stateText = (state: 'open' | 'closed' | 'aborted') => (state === 'open' ? text.stateOpen : state === 'closed' ? text.stateClosed : text.stateAborted);
  const procedureTitle = (procedureId: string) => {
    const [procedure] = procedureId.split('@');
    return procedures.find((p) => p.id === procedure)?.title[locale] ?? procedureId;
  };

  const saveButton = (kind: ReportKind, disabled = false) => {
    const outcome = outcomes[kind];
    return (
      <>
        <button
          type="button"
          className="primary"
          data-testid={`report-save-${kind}`}
          onClick={() => save(kind)}
          disabled={disabled || outcome.kind === 'saving'}
        >
          {outcome.kind === 'saving' ? text.saving : text.save}
        </button>
        {outcome.kind === 'saved' && (
          <p className="notice notice--ok" data-testid={`report-saved-${kind}`}>
            {text.saved(outcome.name)}
          </p>
        )}
        {outcome.kind === 'cancelled' && (
          <p className="hint" data-testid={`report-not-saved-${kind}`}>
            {text.notSaved}
          </p>
        )}
        {outcome.kind === 'failed' && <ErrorNotice error={outcome.error} />}
      </>
    );
  };

  const ceremonies = inventory?.ceremonies ?? [];

  return (
    <section data-testid="reports-screen">
      <h2>{text.heading}</h2>
      <p className="hint">{text.intro}</p>
      {loadError && <ErrorNotice error={loadError} />}

      <section className="report" data-testid="report-inventory">
        <h3>{text.inventoryTitle}</h3>
        <p className="hint">{text.inventoryHelp}</p>
        {saveButton('inventory')}
      </section>

      <section className="report" data-testid="report-incidents">
        <h3>{text.incidentsTitle}</h3>
        <p className="hint">{text.incidentsHelp}</p>
        <div className="row">
          <label htmlFor={`${id}-from`}>{text.from}</label>
          <input
            id={`${id}-from`}
            type="date"
            data-testid="report-from"
            value={period.from}
            onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
          />
          <label htmlFor={`${id}-to`}>{text.to}</label>
          <input id={`${id}-to`} type="date" data-testid="report-to" value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} />
        </div>
        {saveButton('incidents')}
      </section>

      <section className="report" data-testid="report-ceremony">
        <h3>{text.ceremonyTitle}</h3>
        <p className="hint">{text.ceremonyHelp}</p>
        {ceremonies.length === 0 ? (
          <p className="hint">{text.noCeremony}</p>
        ) : (
          <div className="row">
            <label htmlFor={`${id}-ceremony`}>{text.ceremony}</label>
            <select id={`${id}-ceremony`} data-testid="report-ceremony-select" value={ceremony} onChange={(e) => setCeremony(e.target.value)}>
              {ceremonies.map((c) => (
                <option key={c.id} value={c.id}>
                  {text.ceremonyOption(procedureTitle(c.procedureId), c.id, stateText(c.state))}
                </option>
              ))}
            </select>
          </div>
        )}
        {saveButton('ceremony', ceremony === '')}
      </section>

      <section className="report" data-testid="report-script">
        <h3>{text.scriptTitle}</h3>
        <p className="hint">{text.scriptHelp}</p>
        <div className="row">
          <label htmlFor={`${id}-procedure`}>{text.procedure}</label>
          <select id={`${id}-procedure`} data-testid="report-script-procedure" value={procedure} onChange={(e) => setProcedure(e.target.value)}>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title[locale]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-wallet`}>{text.walletForBags}</label>
          <select id={`${id}-wallet`} data-testid="report-script-wallet" value={wallet} onChange={(e) => setWallet(e.target.value)}>
            <option value="">{text.noWallet}</option>
            {(inventory?.wallets ?? [])
              .filter((w) => w.state !== 'destroyed' && w.state !== 'aborted')
              .map((w) => (
                <option key={w.id} value={w.id}>
                  {w.id}
                </option>
              ))}
          </select>
        </div>
        {saveButton('script', procedure === '')}
      </section>
    </section>
  );
}
