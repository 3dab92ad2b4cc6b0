/**
 * The shares of one wallet and where they are: index (i of n), the holder by name (from the
 * participants, by key id), the tamper-evident bag's serial, the medium, the state, the last
 * time the share was proven and when its next proof is due (each share on its own date: issue 19). Spec: docs/desktop-app.md, "The screens" (Inventory: holders and their
 * bag serials); main/app/app-api.ts ShareSummary.
 */
import type { ParticipantSummary, ShareSummary, WalletSummary } from '../../../main/app/app-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { INVENTORY_TEXT, type InventoryText } from './inventory-messages.ts';
import { participantsByKey } from './inventory-model.ts';
import { formatDate, shortHex } from '../../../common/i18n/locale-format.ts';

/** A holder's name from the participants, or what the record lacks, said plainly. */
export function HolderName({
  keyid,
  participants,
  text,
}: {
  readonly keyid: string | null;
  readonly participants: ReadonlyMap<string, ParticipantSummary>;
  readonly text: InventoryText;
}) {
  if (keyid === null) return <span className="muted">{text.noHolder}</span>;
  const person = participants.get(keyid);
  if (!person) return <span className="status-bad">{text.unknownKey(shortHex(keyid))}</span>;
  return (
    <span title={keyid}>
      {person.name}
      {person.state === 'revoked' && <span className="state-tag state-tag--state-revoked">{text.participantState('revoked')}</span>}
    </span>
  );
}

/**
 * The cells both share tables give a share (this one and the holders' table): its bag's serial, its
 * media, its state, when it was last proven and when its next proof is due (overdue said plainly). `bagTestId` names the bag's cell for the tests.
 */
export function ShareCustodyCells({ share, bagTestId }: { readonly share: ShareSummary; readonly bagTestId?: string }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  return (
    <>
      <td data-testid={bagTestId}>{share.bagSerial === null ? <span className="muted">{text.noBag}</span> : <code>{share.bagSerial}</code>}</td>
      <td>{share.media.map((m) => text.mediumName(m)).join(', ') || '—'}</td>
      <td data-at-risk={String(share.atRisk)}>
        {text.shareState(share.state)}
        {share.atRisk && (
          <>
            {' — '}
            <strong className="status-bad">{text.atRisk}</strong>
          </>
        )}
      </td>
      <td>{share.lastProven === null ? <span className="muted">{text.never}</span> : formatDate(share.lastProven, locale)}</td>
      <td data-overdue={String(share.overdue)}>
        {share.due === null ? (
          <span className="muted">—</span>
        ) : share.overdue ? (
          <strong className="status-bad">{text.proofOverdue(formatDate(share.due, locale))}</strong>
        ) : (
          formatDate(share.due, locale)
        )}
      </td>
    </>
  );
}

export function ShareTable({ wallet, participants }: { readonly wallet: WalletSummary; readonly participants: readonly ParticipantSummary[] }) {
  const text = useText(INVENTORY_TEXT);
  const people = participantsByKey(participants);
  const headingId = `shares-heading-${wallet.id}`;
  return (
    <div className="wallet-card__shares">
      <h6 id={headingId}>{text.sharesHeading}</h6>
      {wallet.shares.length === 0 ? (
        <p className="muted">{text.noShares}</p>
      ) : (
        <table className="data-table" aria-labelledby={headingId} data-testid={`shares-${wallet.id}`}>
          <thead>
            <tr>
              <th scope="col">{text.share}</th>
              <th scope="col">{text.holder}</th>
              <th scope="col">{text.bag}</th>
              <th scope="col">{text.medium}</th>
              <th scope="col">{text.state}</th>
              <th scope="col">{text.lastProven}</th>
              <th scope="col">{text.proofDue}</th>
            </tr>
          </thead>
          <tbody>
            {wallet.shares.map((share) => (
              <tr
                key={share.index}
                data-testid={`share-${wallet.id}-${share.index}`}
                data-state={share.state}
                className={share.state === 'destroyed' ? 'row--retired' : undefined}
              >
                <th scope="row">{text.shareOf(share.index, wallet.shareCount)}</th>
                <td data-testid={`share-holder-${wallet.id}-${share.index}`}>
                  <HolderName keyid={share.holder} participants={people} text={text} />
                </td>
                <ShareCustodyCells share={share} bagTestId={`share-bag-${wallet.id}-${share.index}`} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
