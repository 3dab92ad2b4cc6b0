/**
 * One wallet of the inventory: its label, id, class, state and client reference; its health (quorum
 * of proven shares against m-of-n, the drill and whether it is overdue, the open incidents naming
 * it), the holdings the record gives it per chain, its rotation links, its shares and its
 * transfers. Every status says itself in words with a symbol, never by colour alone. Spec:
 * docs/desktop-app.md, "The screens" (Inventory: quorum health — proven shares against m —, drill
 * due, open incidents, holders and their bag serials).
 */
import type { InventoryView, WalletSummary } from '../../../main/app/app-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { INVENTORY_TEXT, type InventoryText } from './inventory-messages.ts';
import { GUARDED_STATES, incidentAnchor, openIncidentsOf, walletAnchor } from './inventory-model.ts';
import { formatDate, formatDay, formatInteger, shortHex } from '../../../common/i18n/locale-format.ts';
import { revealElement } from './reveal.ts';
import { ShareTable } from './ShareTable.tsx';
import { AccountsTable, HoldingsTable, TransferTable } from './WalletMoney.tsx';

export function WalletCard({ wallet, view }: { readonly wallet: WalletSummary; readonly view: InventoryView }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  const headingId = `${walletAnchor(wallet.id)}-heading`;
  return (
    <article
      id={walletAnchor(wallet.id)}
      tabIndex={-1}
      className={`wallet-card wallet-card--${wallet.state}`}
      aria-labelledby={headingId}
      data-testid={`wallet-${wallet.id}`}
      data-class={wallet.class}
      data-state={wallet.state}
    >
      <header className="wallet-card__header">
        <h5 id={headingId} className="wallet-card__label">
          {wallet.label || wallet.id}
        </h5>
        <span className={`state-tag state-tag--class-${wallet.class}`} data-testid={`wallet-class-${wallet.id}`}>
          {text.classBadge(wallet.class)}
        </span>
        <span className={`state-tag state-tag--state state-tag--state-${wallet.state}`} data-testid={`wallet-state-${wallet.id}`}>
          {text.walletState(wallet.state)}
        </span>
      </header>
      <dl className="fact-list">
        <div>
          <dt>{text.walletId}</dt>
          <dd>
            <code>{wallet.id}</code>
          </dd>
        </div>
        <div>
          <dt>{text.clientRef}</dt>
          <dd data-testid={`client-ref-${wallet.id}`}>{wallet.ownerRef ?? <span className="muted">{text.noClientRef}</span>}</dd>
        </div>
        <div>
          <dt>{text.fingerprint}</dt>
          <dd>{wallet.fingerprint === null ? '—' : <code>{wallet.fingerprint}</code>}</dd>
        </div>
        <div>
          <dt>{text.chains}</dt>
          <dd>{wallet.chains.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{text.created}</dt>
          <dd>{formatDay(wallet.createdAt, locale)}</dd>
        </div>
      </dl>
      <WalletHealth wallet={wallet} view={view} />
      <HoldingsTable wallet={wallet} />
      <AccountsTable wallet={wallet} />
      <RotationLinks wallet={wallet} />
      <ShareTable wallet={wallet} participants={view.participants} />
      <FormerSets wallet={wallet} />
      <TransferTable wallet={wallet} />
    </article>
  );
}

/** The sets of shares the wallet was under before a reshare, and the void sets of reshares aborted (ADR 0032). */
function FormerSets({ wallet }: { readonly wallet: WalletSummary }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  if (wallet.formerSets.length === 0) return null;
  return (
    <section className="wallet-card__former-sets" data-testid={`former-sets-${wallet.id}`}>
      <h6>{text.formerSetsHeading}</h6>
      <p className="hint">{text.formerSetsHelp}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{text.setId}</th>
            <th scope="col">{text.outcome}</th>
            <th scope="col">{text.quorum}</th>
            <th scope="col">{text.ceremonyOf}</th>
            <th scope="col">{text.stillHeld}</th>
          </tr>
        </thead>
        <tbody>
          {wallet.formerSets.map((f) => {
            const held = f.shares.filter((s) => s.state === 'held').map((s) => formatInteger(s.index, locale));
            return (
              <tr key={`${f.setId}-${f.ceremony}`} data-testid={`former-set-${f.setId}`} data-outcome={f.outcome}>
                <td>
                  <code>{f.setId}</code>
                </td>
                <td>{text.setOutcome(f.outcome)}</td>
                <td>{text.shareOf(f.threshold, f.shareCount)}</td>
                <td>
                  <code>{f.ceremony}</code> ({formatDay(f.at, locale)})
                </td>
                <td data-still-held={held.length}>
                  {held.length === 0 ? text.stillHeldNone : <strong className="status-bad">{text.stillHeldSome(held.join(', '))}</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The name of the holder of share `index`, as the participants know them. */
function holderName(wallet: WalletSummary, index: number, view: InventoryView, text: InventoryText): string {
  const keyid = wallet.shares.find((s) => s.index === index)?.holder ?? null;
  if (keyid === null) return text.noHolder;
  return view.participants.find((p) => p.keyid === keyid)?.name ?? text.unknownKey(shortHex(keyid));
}

function WalletHealth({ wallet, view }: { readonly wallet: WalletSummary; readonly view: InventoryView }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  const guarded = GUARDED_STATES.has(wallet.state);
  const incidents = openIncidentsOf(wallet.id, view.incidents);
  const quorumClass = !guarded ? 'health__item--neutral' : wallet.quorumProven ? 'health__item--ok' : 'health__item--bad';
  const drillLate = guarded && wallet.drillOverdue;
  return (
    <ul className="health">
      <li
        className={`health__item ${quorumClass}`}
        data-testid={`quorum-${wallet.id}`}
        data-proven={String(wallet.quorumProven)}
        data-threshold={wallet.threshold}
        data-shares={wallet.shareCount}
        data-proven-shares={wallet.provenShares}
      >
        <span className="health__label">{text.quorum}</span>
        <span className="health__value">
          <span className="health__symbol" aria-hidden="true">
            {!guarded ? '–' : wallet.quorumProven ? '✓' : '✗'}
          </span>{' '}
          {!guarded
            ? text.quorumNotApplicable(wallet.threshold, wallet.shareCount)
            : wallet.quorumProven
              ? text.quorumProven(wallet.provenShares, wallet.threshold, wallet.shareCount)
              : text.quorumNotProven(wallet.provenShares, wallet.threshold, wallet.shareCount)}
        </span>
      </li>
      <li
        className={`health__item ${drillLate ? 'health__item--bad' : guarded ? 'health__item--ok' : 'health__item--neutral'}`}
        data-testid={`drill-${wallet.id}`}
        data-overdue={String(wallet.drillOverdue)}
      >
        <span className="health__label">{text.drill}</span>
        <span className="health__value">
          <span className="health__symbol" aria-hidden="true">
            {drillLate ? '✗' : guarded ? '✓' : '–'}
          </span>{' '}
          <span data-testid={`last-drill-${wallet.id}`}>{wallet.lastDrill === null ? text.noDrill : text.lastDrill(formatDate(wallet.lastDrill, locale))}</span>
          {', '}
          {text.drillEvery(formatInteger(wallet.drillIntervalDays, locale))}
          {guarded && (
            <>
              {' — '}
              <strong className={drillLate ? 'status-bad' : 'status-ok'}>{drillLate ? text.drillOverdue : text.drillOnTime}</strong>
            </>
          )}
          {wallet.state === 'active' && (
            <>
              {', '}
              <span data-testid={`next-drill-${wallet.id}`}>{text.nextDrill(formatDate(wallet.nextDrill, locale))}</span>
            </>
          )}
          {guarded && wallet.overdueShares.length > 0 && (
            <>
              {'; '}
              <span data-testid={`overdue-shares-${wallet.id}`}>
                {text.overdueShares(
                  wallet.overdueShares.map((i) => text.overdueShare(text.shareOf(i, wallet.shareCount), holderName(wallet, i, view, text))).join(', '),
                )}
              </span>
            </>
          )}
        </span>
      </li>
      <li
        className={`health__item ${incidents.length > 0 ? 'health__item--warn' : 'health__item--ok'}`}
        data-testid={`incidents-${wallet.id}`}
        data-count={incidents.length}
      >
        <span className="health__label">{text.openIncidents}</span>
        <span className="health__value">
          <span className="health__symbol" aria-hidden="true">
            {incidents.length > 0 ? '⚠' : '✓'}
          </span>{' '}
          {incidents.length === 0
            ? text.none
            : incidents.map((incident, i) => (
                <span key={incident.id}>
                  {i > 0 && ', '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => revealElement(incidentAnchor(incident.id))}
                    aria-label={text.showIncident(incident.id)}
                  >
                    {incident.id}
                  </button>{' '}
                  ({text.incidentStatus(incident.status)})
                </span>
              ))}
        </span>
      </li>
    </ul>
  );
}

function RotationLinks({ wallet }: { readonly wallet: WalletSummary }) {
  const text = useText(INVENTORY_TEXT);
  if (wallet.replaces === null && wallet.replacedBy === null && wallet.compromisedBy === null) return null;
  const walletLink = (id: string) => (
    <button type="button" className="link-button" onClick={() => revealElement(walletAnchor(id))} aria-label={text.showWallet(id)}>
      {id}
    </button>
  );
  return (
    <div className="wallet-card__rotation" data-testid={`rotation-${wallet.id}`}>
      <h6>{text.rotation}</h6>
      <dl className="fact-list">
        {wallet.compromisedBy !== null && (
          <div>
            <dt>{text.compromisedBy}</dt>
            <dd>
              <button
                type="button"
                className="link-button"
                onClick={() => revealElement(incidentAnchor(wallet.compromisedBy ?? ''))}
                aria-label={text.showIncident(wallet.compromisedBy)}
              >
                {wallet.compromisedBy}
              </button>
            </dd>
          </div>
        )}
        {wallet.replaces !== null && (
          <div>
            <dt>{text.replaces}</dt>
            <dd data-testid={`replaces-${wallet.id}`}>{walletLink(wallet.replaces)}</dd>
          </div>
        )}
        {wallet.replacedBy !== null && (
          <div>
            <dt>{text.replacedBy}</dt>
            <dd data-testid={`replaced-by-${wallet.id}`}>{walletLink(wallet.replacedBy)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
