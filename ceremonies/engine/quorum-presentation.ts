/**
 * A quorum's presentation inside an open ceremony (issue 19, "Seal outcomes"; ADR 0030): each proven
 * share is presented (a `present-share` step signed by its holder and a witness), then the incident
 * of each bag found broken or missing is opened (`seal-incident`, signed by the officer and every
 * witness) before the ceremony goes on. Where the ceremony rebuilds the wallet in front of its
 * witnesses (backup-drill, reshare, proof-of-control), the `reconstruct` step follows, once the
 * station is checked offline.
 */
import type { WalletInfo } from '../../crypto/protocol.ts';
import type { WalletView } from '../inventory/wallets.ts';
import type { Body, CeremonyRun } from './ceremony-run.ts';
import type { Present } from './participant-keys.ts';
import { openSealIncidents } from './seal-incidents.ts';
import { presentShareSteps, rebuildWallet, type ProvenShare } from './share-presentation.ts';
import type { Station } from './station.ts';

/** Who signs the presentation: the officer, and the witnesses (the first co-signs each share). */
export interface Attesting {
  officer: Present;
  witnesses: readonly Present[];
}

/** Presents each proven share and opens the incident of each bag found broken or missing; returns the incidents' names. */
export async function presentQuorum(run: CeremonyRun, wallet: string, proven: ProvenShare[], by: Attesting): Promise<string[]> {
  await presentShareSteps(run, proven, by.witnesses[0]!);
  return openSealIncidents(run, wallet, proven, by.officer, by.witnesses);
}

/** Presents the quorum, then rebuilds the wallet in the core and records `reconstruct` ({shares, fingerprint, ...extra}). */
export async function presentAndRebuild(
  run: CeremonyRun,
  station: Station,
  wallet: WalletView,
  proven: ProvenShare[],
  by: Attesting,
  extra: Body = {},
): Promise<{ rebuilt: WalletInfo; sealIncidents: string[] }> {
  const sealIncidents = await presentQuorum(run, wallet.id, proven, by);
  run.checkOffline();
  const rebuilt = await rebuildWallet(station, run.id, wallet, proven);
  await run.step('reconstruct', { shares: proven.map((s) => s.index), fingerprint: rebuilt.fingerprint, ...extra }, [
    { signer: by.officer, role: 'officer' },
    { signer: by.witnesses[0]!, role: 'witness' },
  ]);
  return { rebuilt, sealIncidents };
}
