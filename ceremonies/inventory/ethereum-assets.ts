/**
 * How the inventory names what an Ethereum account holds (docs/cli.md, "custos replay"): ether on
 * mainnet is `ethereum`, as a Bitcoin chain names its coin; ether on a test network is
 * `ethereum:<network>`; a listed ERC-20 token is `erc20:<chainId>:<contract>` (EIP-155 chain id,
 * EIP-55 contract), so two tokens with one symbol never mix. And the station's token list
 * (procedure token-list): what one adoption records, read back exactly.
 */
import type { JsonValue } from '../record/entry-payload.ts';

/** A token the station knows, as its token-list ceremony recorded it. */
export interface TokenView {
  chainId: string;
  contract: string;
  symbol: string;
  decimals: number;
}

export function etherAsset(network: string): string {
  return network === 'mainnet' ? 'ethereum' : `ethereum:${network}`;
}

export function tokenAsset(chainId: string, contract: string): string {
  return `erc20:${chainId}:${contract}`;
}

/** The asset a reviewed Ethereum transfer moves, from what its import step recorded. */
export function assetOfReview(body: { [key: string]: JsonValue }): string {
  const asset = body.asset;
  if (asset && typeof asset === 'object' && !Array.isArray(asset) && asset.kind === 'erc20') return tokenAsset(String(body.chainId), String(asset.contract));
  return etherAsset(String(body.network));
}

const TOKEN_KEYS = ['chainId', 'contract', 'decimals', 'symbol'];

/** A recorded token list, if it is exactly a list of {chainId, contract, symbol, decimals}; null otherwise. */
export function readTokenList(value: JsonValue | undefined): TokenView[] | null {
  if (!Array.isArray(value)) return null;
  const tokens: TokenView[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return null;
    const keys = Object.keys(item).sort();
    if (keys.length !== TOKEN_KEYS.length || keys.some((k, i) => k !== TOKEN_KEYS[i])) return null;
    const { chainId, contract, symbol, decimals } = item;
    if (typeof chainId !== 'string' || typeof contract !== 'string' || typeof symbol !== 'string' || typeof decimals !== 'number') return null;
    tokens.push({ chainId, contract, symbol, decimals });
  }
  return tokens;
}
