/**
 * The incident register as the record keeps it: id, nature, status, whether it is significant (to
 * be reported), the dates it occurred, was discovered, was recorded and was closed, and the wallets
 * it names, and its regulatory clock (issue 19): each report a major incident owes its authority,
 * made, due with the time left, or missed. Open incidents first, then by id. Spec: docs/desktop-app.md, "The screens" (Inventory:
 * the incident register, open incidents); ceremonies/inventory/incidents.ts (the fields).
 */
import type { IncidentSummary } from '../../../main/app/app-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { INVENTORY_TEXT } from './inventory-messages.ts';
import { countdown, incidentAnchor, isOpenIncident, walletAnchor } from './inventory-model.ts';
import { formatDate } from '../../../common/i18n/locale-format.ts';
import { revealElement } from './reveal.ts';

export function IncidentRegister({ incidents, at }: { readonly incidents: readonly IncidentSummary[]; readonly at: string }) {
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
              <th scope="col">{text.reportsOwed}</th>
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
                <td data-testid={`deadlines-${incident.id}`}>
                  <ReportsOwed incident={incident} at={at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The regulatory clock of one incident: each report owed, made (on time or late), due with the time left, missed, or waiting. */
function ReportsOwed({ incident, at }: { readonly incident: IncidentSummary; readonly at: string }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  if (incident.classification === null) return <span className="muted">{text.notClassified}</span>;
  if (!incident.classification.major) return <span className="muted">{text.notMajor}</span>;
  const span = (due: string) => {
    const c = countdown(due, at);
    return text.span(c.days, c.hours, c.minutes);
  };
  return (
    <ul className="plain-list">
      {incident.deadlines.map((d) => (
        <li key={d.report} data-report={d.report} data-state={d.state}>
          {text.reportName(d.report)}
          {locale === 'fr' ? ' : ' : ': '}
          {d.state === 'made' && text.reportMade(formatDate(d.madeAt, locale), d.reference)}
          {d.state === 'made-late' && <strong className="status-bad">{text.reportMadeLate(formatDate(d.madeAt, locale), d.reference)}</strong>}
          {d.state === 'open' && <strong>{text.reportDue(formatDate(d.due, locale), span(d.due!))}</strong>}
          {d.state === 'missed' && <strong className="status-bad">{text.reportMissed(formatDate(d.due, locale), span(d.due!))}</strong>}
          {d.state === 'waiting' && <span className="muted">{text.reportWaiting}</span>}
        </li>
      ))}
    </ul>
  );
}
