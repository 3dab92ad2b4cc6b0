/**
 * Home / inventory: what the station's record says it holds, replayed by main (window.custos
 * inventory(), the same projection as `custos replay --json`). Wallets by class (client / house)
 * and state, each with its quorum health, drill, open incidents, holdings, rotation links and
 * shares; holders and where their shares are; the incident register; the participants. Without a
 * data directory, one sentence and the button that asks main's dialog for one. Spec:
 * docs/desktop-app.md, "The screens" (Inventory); docs/architecture.md, "Principles" 2 (the record
 * is the source of truth: this screen only shows the replay).
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError, Chosen, InventoryView } from '../../../main/app/app-api.ts';
import { asAppError } from '../app-error.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { custosApi } from '../custos-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { HolderTable } from './HolderTable.tsx';
import { IncidentRegister } from './IncidentRegister.tsx';
import { INVENTORY_TEXT } from './inventory-messages.ts';
import { groupWallets, inventoryCounts } from './inventory-model.ts';
import { formatDate, formatInteger, shortHex } from '../../../common/i18n/locale-format.ts';
import { ParticipantTable } from './ParticipantTable.tsx';
import { WalletCard } from './WalletCard.tsx';
import './inventory.css';

type Loaded = { readonly token: string; readonly view: InventoryView };

export function InventoryScreen(props: { dataDir: Chosen | null; onChooseDataDir: () => void }) {
  const { dataDir, onChooseDataDir } = props;
  const text = useText(INVENTORY_TEXT);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const token = dataDir?.token ?? null;

  useEffect(() => {
    if (token === null) {
      setLoaded(null);
      setError(null);
      return;
    }
    let live = true;
    setBusy(true);
    setError(null);
    custosApi()
      .inventory(token)
      .then(
        (view) => {
          if (!live) return;
          setLoaded({ token, view });
          setBusy(false);
        },
        (failure: unknown) => {
          if (!live) return;
          setError(asAppError(failure));
          setBusy(false);
        },
      );
    return () => {
      live = false;
    };
  }, [token, round]);

  const refresh = useCallback(() => setRound((r) => r + 1), []);

  if (dataDir === null) {
    return (
      <section className="inventory" aria-labelledby="inventory-heading" data-testid="inventory-screen">
        <h2 id="inventory-heading">{text.heading}</h2>
        <div className="inventory__empty" data-testid="inventory-no-data-dir">
          <p>{text.noDataDir}</p>
          <button type="button" className="inventory__primary" onClick={onChooseDataDir}>
            {text.openDataDir}
          </button>
        </div>
      </section>
    );
  }

  // A view of another data directory is not shown while the chosen one loads.
  const view = loaded !== null && loaded.token === dataDir.token ? loaded.view : null;
  return (
    <section className="inventory" aria-labelledby="inventory-heading" data-testid="inventory-screen" aria-busy={busy}>
      <header className="inventory__header">
        <h2 id="inventory-heading">{text.heading}</h2>
        <button type="button" onClick={refresh} disabled={busy} data-testid="inventory-refresh">
          {busy && view !== null ? text.refreshing : text.refresh}
        </button>
      </header>
      <p className="inventory__source">
        {text.source}
        {text.colon}
        <strong data-testid="inventory-source">{dataDir.name}</strong>
      </p>
      {error !== null && <ErrorNotice error={error} />}
      {view === null && busy && (
        <p className="inventory__loading" role="status">
          {text.loading}
        </p>
      )}
      {view !== null && <InventoryBody view={view} />}
    </section>
  );
}

function InventoryBody({ view }: { readonly view: InventoryView }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  const counts = inventoryCounts(view);
  const groups = groupWallets(view.wallets);
  return (
    <>
      <p className="inventory__as-of" data-testid="inventory-as-of">
        {text.asOf(formatDate(view.at, locale), formatInteger(view.entries, locale))}
        {view.station !== null && (
          <>
            {' '}
            {text.stationKey}
            {text.colon}
            <code title={view.station}>{shortHex(view.station, 16)}</code>
          </>
        )}
      </p>
      {view.problems > 0 && (
        <p className="inventory__problems" role="alert" data-testid="inventory-problems">
          <span aria-hidden="true">⚠ </span>
          {text.problems(view.problems)}
        </p>
      )}
      <ul className="inventory__summary" aria-label={text.summaryLabel} data-testid="inventory-summary">
        <li>{text.summaryWallets(counts.wallets)}</li>
        <li className={counts.quorumNotProven > 0 ? 'status-bad' : 'status-ok'}>{text.summaryQuorum(counts.quorumNotProven)}</li>
        <li className={counts.drillOverdue > 0 ? 'status-warn' : 'status-ok'}>{text.summaryDrill(counts.drillOverdue)}</li>
        <li className={counts.openIncidents > 0 ? 'status-warn' : 'status-ok'}>{text.summaryIncidents(counts.openIncidents)}</li>
      </ul>

      {groups.map((group) => (
        <section
          key={group.walletClass}
          className="inventory__class"
          data-testid={`wallet-class-${group.walletClass}`}
          aria-labelledby={`class-${group.walletClass}`}
        >
          <h3 id={`class-${group.walletClass}`}>
            {text.classHeading(group.walletClass)} <span className="inventory__count">({group.count})</span>
          </h3>
          {group.states.length === 0 && <p className="inventory__none">{text.classEmpty}</p>}
          {group.states.map((stateGroup) => (
            <section key={stateGroup.state} className="inventory__state" data-testid={`wallet-state-${group.walletClass}-${stateGroup.state}`}>
              <h4>{text.stateHeading(text.walletState(stateGroup.state), stateGroup.wallets.length)}</h4>
              {stateGroup.wallets.map((wallet) => (
                <WalletCard key={wallet.id} wallet={wallet} view={view} />
              ))}
            </section>
          ))}
        </section>
      ))}

      <HolderTable view={view} />
      <IncidentRegister incidents={view.incidents} at={view.at} />
      <ParticipantTable participants={view.participants} />
    </>
  );
}
