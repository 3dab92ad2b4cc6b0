/**
 * `custos replay <data-dir|bundle> [--json]` (docs/cli.md): the projection the app shows, computed
 * from the record alone: wallets (with quorum health and drills), participants and ceremonies.
 */
import { openSource } from '../../ceremonies/audit/journal-source.ts';
import { replayJournal } from '../../ceremonies/audit/replay.ts';
import { EXIT, parse, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';

export const REPLAY_HELP = `Usage: custos replay <data-dir|bundle> [--json]

Replays the record and prints what it says the station holds: its wallets (class, owner, state,
quorum, shares, whether a quorum of proven shares exists and whether a drill is overdue), its
participants (roles, enrolment, revocation) and its ceremonies. Signatures are not checked here:
run "custos verify" for that.

Options:
  --json       print the projection as JSON
  -h, --help   this help

Exit status: 0 printed, 1 the record cannot be replayed, 2 usage error or unreadable input.
`;

export async function replayCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, 1);
  if (values.help) {
    io.out(localHelp(io.locale, 'replay', REPLAY_HELP));
    return EXIT.ok;
  }
  const projection = replayJournal(openSource(positionals[0]!));
  if (values.json) {
    io.out(`${JSON.stringify(projection, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(`Station ${projection.station ?? 'not declared'}: ${projection.entries} entries\n\nWallets\n`);
  for (const w of projection.wallets) {
    const health = walletHealthText(w);
    io.out(
      `  ${w.id.padEnd(20)} ${w.class.padEnd(7)} ${(w.ownerRef ?? '').padEnd(20)} ${w.state.padEnd(12)} ${w.threshold}-of-${w.shareCount}  ${w.fingerprint ?? ''}  ${health}\n`,
    );
  }
  io.out('\nParticipants\n');
  for (const p of projection.participants) {
    io.out(`  ${p.name.padEnd(24)} ${p.roles.join(', ').padEnd(20)} ${p.state.padEnd(8)} ${p.keyid.slice(0, 16)}\n`);
  }
  io.out('\nCeremonies\n');
  for (const c of projection.ceremonies) {
    io.out(`  ${c.id.padEnd(28)} ${c.procedureId.padEnd(24)} ${c.state.padEnd(8)} entries ${c.openedAt}–${c.endedAt ?? '…'}\n`);
  }
  if (projection.problems) io.out(`\n${projection.problems} entries could not be replayed: run "custos verify".\n`);
  return EXIT.ok;
}

/**
 * A wallet's quorum health in words. The alarm "no quorum!" is for a wallet whose keys still guard
 * something (active, distributed, compromised and awaiting its sweep); a retired wallet's shares wait
 * for their destruction, and a destroyed or aborted wallet has nothing left to prove.
 */
export function walletHealthText(w: { state: string; provenShares: number; threshold: number; quorumProven: boolean; drillOverdue: boolean }): string {
  if (w.state === 'destroyed') return 'shares destroyed';
  if (w.state === 'aborted') return 'never completed';
  const guarded = w.state === 'active' || w.state === 'distributed' || w.state === 'compromised';
  const alarm = guarded && !w.quorumProven ? ' (no quorum!)' : '';
  return `${w.provenShares}/${w.threshold} proven${alarm}${guarded && w.drillOverdue ? ', drill overdue' : ''}`;
}
