/**
 * What the record says a wallet holds and moved: holdings per chain (Bitcoin chains in coins with 8
 * decimals beside their base units; other chains in the base units recorded) with the
 * reconciliation they stand at, and the transfers (sweeps to a replacement, restitutions to the
 * client). Spec: docs/desktop-app.md, "The screens" (Inventory); docs/compliance.md, R8 (amounts in
 * base units, exact).
 */
import type { WalletSummary } from '../../../main/app/app-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { INVENTORY_TEXT } from './inventory-messages.ts';
import { formatAmount, formatDate, shortHex } from '../../../common/i18n/locale-format.ts';

function Amount({ chain, baseUnits }: { readonly chain: string; readonly baseUnits: string }) {
  const text = useText(INVENTORY_TEXT);
  const amount = formatAmount(chain, baseUnits, useLocale());
  if (amount.unit === null) {
    return (
      <span className="amount">
        <span className="amount__main">{amount.main}</span> <span className="amount__unit">{text.baseUnitsOf(chain)}</span>
      </span>
    );
  }
  return (
    <span className="amount">
      <span className="amount__main">{amount.main}</span> <span className="amount__unit">{amount.unit}</span>
    </span>
  );
}

export function HoldingsTable({ wallet }: { readonly wallet: WalletSummary }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  const chains = Object.keys(wallet.holdings).sort();
  const headingId = `holdings-heading-${wallet.id}`;
  return (
    <div className="wallet-card__holdings">
      <h6 id={headingId}>{text.holdings}</h6>
      {chains.length === 0 ? (
        <p className="muted" data-testid={`holdings-${wallet.id}`}>
          {text.noHoldings}
        </p>
      ) : (
        <table className="data-table" aria-labelledby={headingId} data-testid={`holdings-${wallet.id}`}>
          <thead>
            <tr>
              <th scope="col">{text.chain}</th>
              <th scope="col" className="num">
                {text.amount}
              </th>
              <th scope="col" className="num">
                {text.baseUnits}
              </th>
              <th scope="col">{text.reconciled}</th>
            </tr>
          </thead>
          <tbody>
            {chains.map((chain) => {
              const holding = wallet.holdings[chain]!;
              return (
                <tr key={chain} data-testid={`holding-${wallet.id}-${chain}`}>
                  <th scope="row">{chain}</th>
                  <td className="num">
                    <Amount chain={chain} baseUnits={holding.recorded} />
                  </td>
                  <td className="num">{formatAmount(chain, holding.recorded, locale).baseUnits}</td>
                  <td>{holding.asOf === null ? <span className="muted">{text.notReconciled}</span> : formatDate(holding.asOf, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function TransferTable({ wallet }: { readonly wallet: WalletSummary }) {
  const text = useText(INVENTORY_TEXT);
  const locale = useLocale();
  if (wallet.transfers.length === 0) return null;
  const headingId = `transfers-heading-${wallet.id}`;
  return (
    <div className="wallet-card__transfers">
      <h6 id={headingId}>{text.transfers}</h6>
      <table className="data-table" aria-labelledby={headingId} data-testid={`transfers-${wallet.id}`}>
        <thead>
          <tr>
            <th scope="col">{text.transaction}</th>
            <th scope="col">{text.destination}</th>
            <th scope="col" className="num">
              {text.amount}
            </th>
            <th scope="col" className="num">
              {text.fee}
            </th>
            <th scope="col">{text.state}</th>
            <th scope="col">{text.signedAt}</th>
            <th scope="col">{text.confirmedAt}</th>
          </tr>
        </thead>
        <tbody>
          {wallet.transfers.map((t) => (
            <tr key={t.txid} data-testid={`transfer-${t.txid}`}>
              <th scope="row">
                {text.transferKind(t.kind)}
                <br />
                <code title={t.txid}>{shortHex(t.txid, 16)}</code>
              </th>
              <td>
                <code className="wrap">{t.to}</code>
              </td>
              <td className="num">
                <Amount chain={t.chain} baseUnits={t.amount} />
              </td>
              <td className="num">
                <Amount chain={t.chain} baseUnits={t.fee} />
              </td>
              <td>{text.transferState(t.state)}</td>
              <td>{formatDate(t.signedAt, locale)}</td>
              <td>{t.confirmedAt === null ? '—' : formatDate(t.confirmedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each account's path, first receive address and xpub: what an officer compares with the watch-only wallet (docs/recovery.md). */
export function AccountsTable({ wallet }: { readonly wallet: WalletSummary }) {
  const text = useText(INVENTORY_TEXT);
  const headingId = `accounts-heading-${wallet.id}`;
  if (wallet.accounts.length === 0) return null;
  return (
    <div className="wallet-card__accounts">
      <h6 id={headingId}>{text.accounts}</h6>
      <p className="hint">{text.accountsHint}</p>
      <table className="data-table accounts-table" aria-labelledby={headingId} data-testid={`accounts-${wallet.id}`}>
        <thead>
          <tr>
            <th scope="col">{text.chain}</th>
            <th scope="col">{text.derivationPath}</th>
            <th scope="col">{text.firstAddress}</th>
            <th scope="col">{text.accountXpub}</th>
          </tr>
        </thead>
        <tbody>
          {wallet.accounts.map((a) => (
            <tr key={`${a.chain}-${a.path}`} data-testid={`account-${wallet.id}-${a.chain}`}>
              <td>{a.chain}</td>
              <td>
                <code>{a.path}</code>
              </td>
              <td>
                <code data-testid={`first-address-${wallet.id}-${a.chain}`}>{a.addresses[0] ?? '—'}</code>
              </td>
              <td>
                <code data-testid={`xpub-${wallet.id}-${a.chain}`}>{a.xpub}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
