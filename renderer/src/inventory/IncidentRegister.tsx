/**
 * The incident register as the record keeps it: id, nature, status, whether it is significant (to
 * be reported), the dates it occurred, was discovered, was recorded and was closed, and the wallets
 * it names. Open incidents first, then by id. Spec: docs/desktop-app.md, "The screens" (Inventory:
 * the incident register, open incidents); ceremonies/inventory/incidents.ts (the fields).
 */
import type { IncidentSummary } from '../../../main/app/app-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { INVENTORY_TEXT } from './inventory-messages.ts';
import { incidentAnchor, isOpenIncident, walletAnchor } from './inventory-model.ts';
import { formatDate } from '../../../common/i18n/locale-format.ts';
import { revealElement } from './reveal.ts';

export function IncidentRegister({ incidents }: { readonly incidents: readonly IncidentSummary[] }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  const ordered = [...incidents].sort((a, b) => Number(isOpenIncident(b)) - Number(isOpenIncident(a)) || a.id.localeCompare(b.id));
  return (
    <section className="inventory__section" aria-labelledby="incidents-heading" data-testid="incident-register">
      <h3 id="incidents-heading">{text.incidentsHeading}</h3>
      {ordered.length === 0 ? (
        <p className="muted">{text.noIncidents}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{text.incident}</th>
              <th scope="col">{text.nature}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.significant}</th>
              <th scope="col">{text.occurred}</th>
              <th scope="col">{text.discovered}</th>
              <th scope="col">{text.recorded}</th>
              <th scope="col">{text.closed}</th>
              <th scope="col">{text.wallets}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((incident) => (
              <tr key={incident.id} id={incidentAnchor(incident.id)} tabIndex={-1} data-testid={`incident-${incident.id}`} data-status={incident.status}>
                <th scope="row">
                  <code>{incident.id}</code>
                </th>
                <td className="wide">{incident.nature ?? '—'}</td>
                <td>
                  <span className={`state-tag ${isOpenIncident(incident) ? 'state-tag--warn' : 'state-tag--neutral'}`}>
                    {text.incidentStatus(incident.status)}
                  </span>
                </td>
                <td>{incident.significant ? <strong className="status-bad">{text.yes}</strong> : text.no}</td>
                <td>{formatDate(incident.occurredAt, locale)}</td>
                <td>{formatDate(incident.discoveredAt, locale)}</td>
                <td>{formatDate(incident.recordedAt, locale)}</td>
                <td>{formatDate(incident.closedAt, locale)}</td>
                <td>
                  {incident.wallets.length === 0
                    ? '—'
                    : incident.wallets.map((id, i) => (
                        <span key={id}>
                          {i > 0 && ', '}
                          <button type="button" className="link-button" onClick={() => revealElement(walletAnchor(id))} aria-label={text.showWallet(id)}>
                            {id}
                          </button>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
