/**
 * Holders and where their shares are, across every wallet: for each holder (by name), each share
 * they keep that is not destroyed, its wallet, its tamper-evident bag and when it was last proven.
 * This is the list a custody officer takes to the safe. Spec: docs/desktop-app.md, "The screens"
 * (Inventory: holders and their bag serials).
 */
import type { InventoryView } from '../../../main/app/app-api.ts';
import { useText } from '../i18n/locale-context.tsx';
import { INVENTORY_TEXT } from './inventory-messages.ts';
import { participantsByKey, sharesByHolder, walletAnchor } from './inventory-model.ts';
import { revealElement } from './reveal.ts';
import { HolderName, ShareCustodyCells } from './ShareTable.tsx';

export function HolderTable({ view }: { readonly view: InventoryView }) {
  const text = useText(INVENTORY_TEXT);
  const holders = sharesByHolder(view);
  const people = participantsByKey(view.participants);
  return (
    <section className="inventory__section" aria-labelledby="holders-heading" data-testid="holders">
      <h3 id="holders-heading">{text.holdersHeading}</h3>
      {holders.length === 0 ? (
        <p className="muted">{text.noSharesHeld}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{text.holder}</th>
              <th scope="col">{text.wallet}</th>
              <th scope="col">{text.share}</th>
              <th scope="col">{text.bag}</th>
              <th scope="col">{text.medium}</th>
              <th scope="col">{text.state}</th>
              <th scope="col">{text.lastProven}</th>
              <th scope="col">{text.proofDue}</th>
            </tr>
          </thead>
          {holders.map((holder) => (
            <tbody key={holder.keyid ?? 'none'} className="holder-group" data-testid={`holder-${holder.keyid ?? 'none'}`}>
              {holder.shares.map(({ wallet, share }, i) => (
                <tr key={`${wallet.id}-${share.index}`} data-testid={`holder-share-${wallet.id}-${share.index}`}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={holder.shares.length}>
                      <HolderName keyid={holder.keyid} participants={people} text={text} />
                      <div className="muted small">{text.sharesHeld(holder.shares.length)}</div>
                    </th>
                  )}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => revealElement(walletAnchor(wallet.id))}
                      aria-label={text.showWallet(wallet.id)}
                    >
                      {wallet.id}
                    </button>
                  </td>
                  <td>{text.shareOf(share.index, wallet.shareCount)}</td>
                  <ShareCustodyCells share={share} />
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
