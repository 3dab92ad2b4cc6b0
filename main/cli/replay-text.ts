/**
 * `custos replay`'s report for people, in English or French (docs/cli.md, "custos replay"; issue 17,
 * "Plain-language outputs"): headed tables of what the record says the station holds. Wallets with
 * their quorum health and drill dates; their accounts with the first receive address and the account
 * xpub an officer compares with the watch-only wallet (docs/recovery.md); recorded holdings in coins
 * with their base units; participants by name and role; ceremonies by their procedure's title.
 * Dates and numbers in the reader's language; no raw JSON. `--json` is the machine contract.
 */
import type { Projection, WalletReport } from '../../ceremonies/audit/replay.ts';
import { PINNED_PROCEDURES, authorizedProcedure } from '../../ceremonies/procedures/released.ts';
import { defineCatalogue, pick } from '../../common/i18n/catalogue.ts';
import { formatAmount, formatDate, formatDay, formatInteger } from '../../common/i18n/locale-format.ts';
import type { Locale } from '../../common/i18n/locale.ts';
import { ROLE_TEXT } from '../../common/i18n/role-words.ts';
import { textTable } from './text-table.ts';

const named =
  (names: Readonly<Record<string, string>>) =>
  (key: string): string =>
    names[key] ?? key;

const REPLAY_TEXT = defineCatalogue({
  en: {
    station: (id: string, entries: string, at: string) => `Station ${id}: ${entries} entries, as of ${at}`,
    notDeclared: 'not declared',
    wallets: 'Wallets',
    accounts: 'Accounts (compare with the watch-only wallet)',
    holdings: 'Holdings recorded',
    participants: 'Participants',
    ceremonies: 'Ceremonies',
    none: '  none\n',
    wallet: 'Wallet',
    label: 'Label',
    class: 'Class',
    classNamed: named({ client: 'client', house: 'house' }),
    owner: 'Client ref.',
    state: 'State',
    walletState: named({
      active: 'active',
      distributed: 'distributed',
      generated: 'generated',
      compromised: 'compromised',
      retired: 'retired',
      destroyed: 'destroyed',
      aborted: 'aborted',
    }),
    quorum: 'Quorum',
    quorumOf: (m: string, n: string) => `${m} of ${n}`,
    proven: 'Proven shares',
    provenOf: (proven: string, m: string) => `${proven} (${m} needed)`,
    noQuorum: 'NO QUORUM',
    sharesDestroyed: 'shares destroyed',
    neverCompleted: 'never completed',
    lastDrill: 'Last drill',
    noDrill: 'none yet',
    nextDrill: 'Next drill',
    overdue: (date: string) => `${date} OVERDUE`,
    notDue: '—',
    overdueShares: 'Shares overdue for proof (to present at the next drill)',
    sharesAtRisk: 'Shares at risk (seal found broken or missing, not yet re-bagged)',
    reportsOwed: 'Reports owed to the authority (major incidents)',
    report: 'Report',
    due: 'Due',
    timeLeft: 'Time left',
    reportState: named({ open: 'due', missed: 'MISSED', waiting: 'waits for the previous report', made: 'made', 'made-late': 'made late' }),
    reportName: named({ initial: 'initial notification', intermediate: 'intermediate report', final: 'final report' }),
    left: (days: number, hours: number, minutes: number, past: boolean) =>
      `${past ? 'overdue by ' : ''}${days > 0 ? `${days} d ${hours} h` : `${hours} h ${minutes} min`}`,
    incidentWord: 'Incident',
    formerSets: 'Former share sets (a reshare retired them, or its new set was left void; a share still held must be destroyed)',
    set: 'Set',
    outcome: 'Outcome',
    setOutcome: named({ retired: 'retired', void: 'void (reshare aborted)' }),
    stillHeld: 'Shares still held',
    share: 'Share',
    holder: 'Holder',
    dueSince: 'Due since',
    chain: 'Chain',
    path: 'Path',
    firstAddress: 'First receive address',
    xpub: 'Account key (xpub)',
    recorded: 'Recorded',
    baseUnits: (units: string, chain: string) => (chain === 'bitcoin' || chain === 'testnet' || chain === 'regtest' ? `${units} sat` : `${units} base units`),
    asOf: 'As of',
    name: 'Name',
    roles: 'Roles',
    participantState: named({ active: 'active', revoked: 'revoked' }),
    keyId: 'Key id',
    ceremony: 'Ceremony',
    procedure: 'Procedure',
    ceremonyState: named({ open: 'open', closed: 'closed', aborted: 'aborted' }),
    entries: 'Entries',
    openNow: (id: string) => `Ceremony ${id} is still open.`,
    problems: (n: string) => `${n} entries could not be replayed: run "custos verify".`,
  },
  fr: {
    station: (id: string, entries: string, at: string) => `Poste ${id} : ${entries} entrées, au ${at}`,
    notDeclared: 'non déclaré',
    wallets: 'Portefeuilles',
    accounts: 'Comptes (à comparer avec le portefeuille en lecture seule)',
    holdings: 'Avoirs enregistrés',
    participants: 'Participants',
    ceremonies: 'Cérémonies',
    none: '  aucun\n',
    wallet: 'Portefeuille',
    label: 'Libellé',
    class: 'Catégorie',
    classNamed: named({ client: 'client', house: 'compte propre' }),
    owner: 'Réf. client',
    state: 'État',
    walletState: named({
      active: 'actif',
      distributed: 'distribué',
      generated: 'généré',
      compromised: 'compromis',
      retired: 'retiré',
      destroyed: 'détruit',
      aborted: 'abandonné',
    }),
    quorum: 'Quorum',
    quorumOf: (m: string, n: string) => `${m} sur ${n}`,
    proven: 'Parts prouvées',
    provenOf: (proven: string, m: string) => `${proven} (il en faut ${m})`,
    noQuorum: 'PAS DE QUORUM',
    sharesDestroyed: 'parts détruites',
    neverCompleted: 'jamais achevé',
    lastDrill: 'Dernier exercice',
    noDrill: 'aucun encore',
    nextDrill: 'Prochain exercice',
    overdue: (date: string) => `${date} EN RETARD`,
    notDue: '—',
    overdueShares: 'Parts en retard de preuve (à présenter au prochain exercice)',
    sharesAtRisk: 'Parts à risque (scellé trouvé rompu ou absent, pas encore remises sous scellé)',
    reportsOwed: 'Déclarations dues à l’autorité (incidents majeurs)',
    report: 'Déclaration',
    due: 'Échéance',
    timeLeft: 'Temps restant',
    reportState: named({ open: 'à faire', missed: 'MANQUÉE', waiting: 'attend la précédente', made: 'faite', 'made-late': 'faite en retard' }),
    reportName: named({ initial: 'notification initiale', intermediate: 'rapport intermédiaire', final: 'rapport final' }),
    left: (days: number, hours: number, minutes: number, past: boolean) =>
      `${past ? 'dépassée de ' : ''}${days > 0 ? `${days} j ${hours} h` : `${hours} h ${minutes} min`}`,
    incidentWord: 'Incident',
    formerSets: 'Anciens jeux de parts (retirés par un repartage, ou nouveau jeu resté nul ; une part encore détenue doit être détruite)',
    set: 'Jeu',
    outcome: 'Issue',
    setOutcome: named({ retired: 'retiré', void: 'nul (repartage interrompu)' }),
    stillHeld: 'Parts encore détenues',
    share: 'Part',
    holder: 'Détenteur',
    dueSince: 'Due depuis le',
    chain: 'Chaîne',
    path: 'Chemin',
    firstAddress: 'Première adresse de réception',
    xpub: 'Clé du compte (xpub)',
    recorded: 'Enregistré',
    baseUnits: (units: string, chain: string) =>
      chain === 'bitcoin' || chain === 'testnet' || chain === 'regtest' ? `${units} sat` : `${units} unités de base`,
    asOf: 'Au',
    name: 'Nom',
    roles: 'Rôles',
    participantState: named({ active: 'actif', revoked: 'révoqué' }),
    keyId: 'Identifiant de clé',
    ceremony: 'Cérémonie',
    procedure: 'Procédure',
    ceremonyState: named({ open: 'ouverte', closed: 'clôturée', aborted: 'interrompue' }),
    entries: 'Entrées',
    openNow: (id: string) => `La cérémonie ${id} est toujours ouverte.`,
    problems: (n: string) => `${n} entrées n’ont pas pu être rejouées : lancez « custos verify ».`,
  },
});

type ReplayText = ReturnType<typeof pick<(typeof REPLAY_TEXT)['en']>>;

/** The title of a released procedure (`create-wallet@1`, retired versions too) in the reader's language, or the reference. */
function procedureTitle(reference: string, locale: Locale): string {
  const hash = Object.hasOwn(PINNED_PROCEDURES, reference) ? PINNED_PROCEDURES[reference] : undefined;
  const found = hash === undefined ? undefined : authorizedProcedure(hash);
  return found ? found.title[locale] : reference;
}

/** Where a wallet's quorum stands, in words: an alarm only where its keys still guard coins. */
function provenText(w: WalletReport, t: ReplayText, locale: Locale): string {
  if (w.state === 'destroyed') return t.sharesDestroyed;
  if (w.state === 'aborted') return t.neverCompleted;
  const guarded = w.state === 'active' || w.state === 'distributed' || w.state === 'compromised';
  const count = t.provenOf(formatInteger(w.provenShares, locale), formatInteger(w.threshold, locale));
  return guarded && !w.quorumProven ? `${count} — ${t.noQuorum}` : count;
}

function nextDrillText(w: WalletReport, t: ReplayText, locale: Locale): string {
  if (w.state !== 'active') return t.notDue;
  const day = formatDay(w.nextDrill, locale);
  return w.drillOverdue ? t.overdue(day) : day;
}

/** The projection as headed tables, each line ending in a newline. */
export function replayText(projection: Projection, locale: Locale): string {
  const t = pick(REPLAY_TEXT, locale);
  const n = (value: number) => formatInteger(value, locale);
  /** A titled table, or "none" under its title when it has no row. */
  const section = (title: string, headers: readonly string[], rows: readonly (readonly string[])[]) =>
    `\n${title}\n${rows.length === 0 ? t.none : textTable(headers, rows)}`;
  const wallets = projection.wallets;
  const roleWords = pick(ROLE_TEXT, locale) as Readonly<Record<string, string>>;
  let out = `${t.station(projection.station ?? t.notDeclared, n(projection.entries), formatDay(projection.at, locale))}\n`;
  out += section(
    t.wallets,
    [t.wallet, t.label, t.class, t.owner, t.state, t.quorum, t.proven, t.lastDrill, t.nextDrill],
    wallets.map((w) => [
      w.id,
      w.label,
      t.classNamed(w.class),
      w.ownerRef ?? '—',
      t.walletState(w.state),
      t.quorumOf(n(w.threshold), n(w.shareCount)),
      provenText(w, t, locale),
      w.lastDrill ? formatDay(w.lastDrill, locale) : t.noDrill,
      nextDrillText(w, t, locale),
    ]),
  );
  const names = new Map(projection.participants.map((p) => [p.keyid, p.name]));
  out += section(
    t.sharesAtRisk,
    [t.wallet, t.share, t.holder],
    wallets.flatMap((w) =>
      w.shares
        .filter((s) => s.atRisk)
        .map((s) => [w.id, t.quorumOf(n(s.index), n(w.shareCount)), s.holder === null ? '—' : (names.get(s.holder) ?? s.holder.slice(0, 16))]),
    ),
  );
  // The regulatory clock: each report a major incident still owes (due, missed, or waiting), with the time left.
  out += section(
    t.reportsOwed,
    [t.incidentWord, t.report, t.due, t.timeLeft, t.state],
    projection.incidents.flatMap((i) =>
      i.deadlines
        .filter((d) => d.state === 'open' || d.state === 'missed' || d.state === 'waiting')
        .map((d) => {
          const ms = d.due === null ? 0 : Date.parse(d.due) - Date.parse(projection.at);
          const minutes = Math.floor(Math.abs(ms) / 60_000);
          return [
            i.id,
            t.reportName(d.report),
            d.due === null ? '—' : formatDate(d.due, locale),
            d.due === null ? '—' : t.left(Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60, ms < 0),
            t.reportState(d.state),
          ];
        }),
    ),
  );
  out += section(
    t.formerSets,
    [t.wallet, t.set, t.outcome, t.quorum, t.ceremony, t.stillHeld],
    wallets.flatMap((w) =>
      w.formerSets.map((f) => {
        const held = f.shares.filter((s) => s.state === 'held').map((s) => n(s.index));
        return [w.id, f.setId, t.setOutcome(f.outcome), t.quorumOf(n(f.threshold), n(f.shareCount)), f.ceremony, held.join(', ') || '—'];
      }),
    ),
  );
  out += section(
    t.overdueShares,
    [t.wallet, t.share, t.holder, t.dueSince],
    wallets.flatMap((w) =>
      w.shares
        .filter((s) => s.overdue)
        .map((s) => [
          w.id,
          t.quorumOf(n(s.index), n(w.shareCount)),
          s.holder === null ? '—' : (names.get(s.holder) ?? s.holder.slice(0, 16)),
          formatDay(s.due!, locale),
        ]),
    ),
  );
  out += section(
    t.accounts,
    [t.wallet, t.chain, t.path, t.firstAddress, t.xpub],
    wallets.flatMap((w) => w.accounts.map((a) => [w.id, a.chain, a.path, a.addresses[0] ?? '—', a.xpub])),
  );
  out += section(
    t.holdings,
    [t.wallet, t.chain, t.recorded, t.asOf],
    wallets.flatMap((w) =>
      Object.entries(w.holdings).map(([chain, h]) => {
        const amount = formatAmount(chain, h.recorded, locale);
        const shown = amount.unit === null ? t.baseUnits(amount.main, chain) : `${amount.main} ${amount.unit} (${t.baseUnits(amount.baseUnits, chain)})`;
        return [w.id, chain, shown, h.asOf ? formatDay(h.asOf, locale) : '—'];
      }),
    ),
  );
  out += section(
    t.participants,
    [t.name, t.roles, t.state, t.keyId],
    projection.participants.map((p) => [p.name, p.roles.map((r) => roleWords[r] ?? r).join(', '), t.participantState(p.state), `${p.keyid.slice(0, 16)}…`]),
  );
  out += section(
    t.ceremonies,
    [t.ceremony, t.procedure, t.state, t.entries],
    projection.ceremonies.map((c) => [
      c.id,
      procedureTitle(c.procedureId, locale),
      t.ceremonyState(c.state),
      `${n(c.openedAt)}–${c.endedAt === null ? '…' : n(c.endedAt)}`,
    ]),
  );
  if (projection.openCeremony) out += `\n${t.openNow(projection.openCeremony.id)}\n`;
  if (projection.problems) out += `\n${t.problems(n(projection.problems))}\n`;
  return out;
}
