/**
 * The participants on the station's roster: name, roles, state (active or revoked) and key id (the
 * SHA-256 of their public key, which signs their entries). Spec: docs/desktop-app.md, "The screens"
 * (Inventory); docs/record-format.md, "Keys" (key id = SHA-256 of the public key).
 */
import type { ParticipantSummary } from '../../../main/app/app-api.ts';
import { useText } from '../i18n/locale-context.tsx';
import { INVENTORY_TEXT } from './inventory-messages.ts';
import { shortHex } from '../../../common/i18n/locale-format.ts';

export function ParticipantTable({ participants }: { readonly participants: readonly ParticipantSummary[] }) {
  const text = useText(INVENTORY_TEXT);
  const ordered = [...participants].sort((a, b) => Number(a.state === 'revoked') - Number(b.state === 'revoked') || a.name.localeCompare(b.name));
  return (
    <section className="inventory__section" aria-labelledby="participants-heading" data-testid="participants">
      <h3 id="participants-heading">{text.participantsHeading}</h3>
      {ordered.length === 0 ? (
        <p className="muted">{text.noParticipants}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{text.name}</th>
              <th scope="col">{text.roles}</th>
              <th scope="col">{text.state}</th>
              <th scope="col">{text.keyId}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((p) => (
              <tr key={p.keyid} data-testid={`participant-${p.keyid}`} data-state={p.state} className={p.state === 'revoked' ? 'row--retired' : undefined}>
                <th scope="row">{p.name}</th>
                <td>{p.roles.map((r) => text.role(r)).join(', ')}</td>
                <td>
                  <span className={`state-tag ${p.state === 'revoked' ? 'state-tag--bad' : 'state-tag--ok'}`}>{text.participantState(p.state)}</span>
                </td>
                <td>
                  <code title={p.keyid}>{shortHex(p.keyid, 16)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
