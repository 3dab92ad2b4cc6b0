/**
 * The incidents a ceremony opens for the bags it finds broken or missing (issue 19, "Seal outcomes";
 * ADR 0030): one `seal-incident` step per such share, named `SEAL-<ceremony>-<share>`, signed by the
 * officer and every witness present, before the ceremony goes on (backup-drill@2, reshare@1,
 * proof-of-control@1, change-holder@2, restitution@3, compromise-rotation@3).
 */
import type { CeremonyRun } from './ceremony-run.ts';
import type { Present } from './participant-keys.ts';
import type { ProvenShare } from './share-presentation.ts';

/** Opens the incident of each share presented with its bag broken or missing; returns their names. */
export async function openSealIncidents(
  run: CeremonyRun,
  wallet: string,
  proven: readonly ProvenShare[],
  officer: Present,
  witnesses: readonly Present[],
): Promise<string[]> {
  const opened: string[] = [];
  for (const share of proven.filter((s) => s.bag.state === 'broken' || s.bag.state === 'missing')) {
    const incident = `SEAL-${run.id}-${share.index}`;
    opened.push(incident);
    await run.step('seal-incident', { incident, wallet, index: share.index, bag: share.bag }, [
      { signer: officer, role: 'officer' },
      ...witnesses.map((w) => ({ signer: w, role: 'witness' as const })),
    ]);
  }
  return opened;
}
