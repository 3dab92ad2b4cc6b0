/**
 * The command line's helps in French (`custos --lang fr --help`, or LANG=fr_FR.UTF-8): the same
 * commands, options and exit statuses as the English helps of each command file, in French words.
 * tests/unit/cli/cli-language.test.ts checks that each names exactly the options of its English twin.
 */

export const HELP_FR = `Utilisation : custos <commande> [options]

Custos : cérémonies de clés hors ligne et conservation à froid pour les conservateurs régulés.

Commandes :
  verify <data-dir|bundle>   vérifier le procès-verbal d’un poste sans faire confiance au poste
  replay <data-dir|bundle>   afficher ce que le procès-verbal dit que le poste détient
  export <data-dir>          écrire un dossier autonome pour les auditeurs
  run <procedure> <data-dir> mener une cérémonie sans écran, depuis un fichier de réponses
  abort <data-dir>           interrompre la cérémonie restée ouverte sur un poste, avec son motif
  checkpoint <data-dir>      les témoins contresignent un point de contrôle du procès-verbal
  key new                    créer la clé de signature d’un participant et sa fiche de clé publique
  report incidents|incident  le registre des incidents, pour une période ou un incident

Toutes les commandes acceptent --lang fr|en (sinon LC_ALL, LC_MESSAGES ou LANG décident).
Lancez « custos <commande> --help » pour les options d’une commande. Documentation : docs/cli.md.
`;

export const FR_HELP: Readonly<Record<string, string>> = {
  verify: `Utilisation : custos verify <data-dir|bundle> [options]

Vérifie le procès-verbal d’un poste sans faire confiance au poste : le cadrage et les octets
canoniques de chaque entrée, chaque signature (libsecp256k1, DER strict, S bas), les deux chaînes de
hachage, les règles de cérémonie de chaque procédure, la liste des participants et les révocations,
les points de contrôle et leurs contreseings de témoins.

Seules les procédures publiées avec Custos donnent un sens à une cérémonie ; les fichiers de
définition qu’un poste garde à côté de son journal ne sont pas pris pour argent comptant.

Options :
  --json               afficher le rapport en JSON
  --checkpoint <file>  un point de contrôle gardé par un témoin : détecte un retour en arrière ou
                       un historique réécrit (à répéter pour chaque témoin)
  --procedures <dir>   accepter aussi les définitions de procédure de <dir> (fichiers <sha256>.json) :
                       chaque cérémonie qui en utilise une est signalée
  --threads <n>        fils de vérification des signatures (par défaut : tous les cœurs)
  --evidence <dir>     vérifie aussi les fichiers de preuve que le registre nomme (vidéo, photos,
                       numérisations) contre ceux de <dir> : chacun présent et inchangé
  -h, --help           cette aide

Code de sortie : 0 valide, 1 invalide ou altéré, 2 erreur d’utilisation ou entrée illisible.
`,
  replay: `Utilisation : custos replay <data-dir|bundle> [--json]

Rejoue le procès-verbal et affiche ce qu’il dit que le poste détient, en tableaux : ses
portefeuilles (catégorie, propriétaire, état, quorum, parts prouvées, dernier et prochain exercice),
leurs comptes (chemin, première adresse de réception et xpub du compte, à comparer avec le
portefeuille en lecture seule), les avoirs enregistrés (en unités et en unités de base), ses
participants (rôles, état) et ses cérémonies. Les signatures ne sont pas vérifiées ici : lancez
« custos verify » pour cela.

Options :
  --json       afficher la projection en JSON
  -h, --help   cette aide

Code de sortie : 0 affiché, 1 le procès-verbal ne peut pas être rejoué, 2 erreur d’utilisation ou
entrée illisible.
`,
  export: `Utilisation : custos export <data-dir> --out <bundle>

Écrit tout le procès-verbal du poste (journal, définitions de procédure, points de contrôle) dans un
seul fichier que « custos verify » accepte sur n’importe quelle machine. Le fichier est écrit en
entier avant d’apparaître.

Options :
  --out <file>  où écrire le dossier
  --json        afficher le résultat en JSON
  -h, --help    cette aide

Code de sortie : 0 écrit, 1 refusé (rien n’a été écrit), 2 erreur d’utilisation ou entrée illisible.
`,
  run: `Utilisation : custos run <procedure> <data-dir> [--answers <file.json>] [options]

Mène une cérémonie sans écran : chaque saisie humaine (fichiers de clé et phrases secrètes des
participants, confirmations, lancers de dés, fichiers, dossiers de sortie, numéros de sacs scellés)
vient du fichier de réponses ou, sur un terminal sans --answers, est demandée au moment où la
cérémonie en a besoin (phrases secrètes masquées). docs/cli.md donne un exemple complet de réponses
pour chaque procédure.

Procédures : station-setup, enrol-participant, revoke-participant, create-wallet, backup-drill,
incident, compromise-rotation, restitution, confirm-transfer, destruction, reconciliation,
change-holder, reshare, proof-of-control, token-list,
watch-only-export

Options :
  --answers <file>         le fichier de réponses (JSON) ; sans lui, sur un terminal, les questions
                           sont posées
  --resume                 poursuivre la cérémonie qu’une exécution interrompue a laissée ouverte,
                           avec les mêmes réponses : ce qui est enregistré est rapproché, pas signé
                           de nouveau (refusé si l’exécution ferait autre chose, par exemple un
                           nouveau portefeuille)
  --drill-online <reason>  mener la cérémonie bien que la machine semble en ligne : enregistré comme
                           un écart
  --system-root <dir>      lire les preuves réseau sous cette racine au lieu de / (bancs de test)
  --json                   afficher le résultat en JSON
  -h, --help               cette aide

Code de sortie : 0 terminé, 1 refusé ou échoué (rien n’a été enregistré, ou la cérémonie a été
interrompue avec son motif), 2 erreur d’utilisation.
`,
  abort: `Utilisation : custos abort <data-dir> --reason "<why>" [--answers <file.json>] [options]

Interrompt la cérémonie ouverte sur le poste : une cérémonie arrêtée avant sa clôture (fenêtre
fermée, coupure de courant, processus tué) ou une rotation en attente de son balayage. Un
responsable et un témoin signent l’interruption avec son motif ; ce qu’elle laisse dans l’inventaire
dépend de la procédure (docs/procedures.md). Le poste accepte ensuite la cérémonie suivante.

Options :
  --reason <text>          pourquoi la cérémonie est interrompue (enregistré ; ou « reason » dans
                           les réponses)
  --ceremony <id>          la cérémonie que vous voulez interrompre (refusé si une autre est ouverte)
  --answers <file>         phrase secrète du poste, participants, responsable, témoin (JSON) ; sans
                           lui, sur un terminal, chacun est demandé
  --drill-online <reason>  interrompre bien que la machine semble en ligne : enregistré comme un écart
  --system-root <dir>      lire les preuves réseau sous cette racine au lieu de / (bancs de test)
  --json                   afficher le résultat en JSON
  -h, --help               cette aide

Code de sortie : 0 interrompue, 1 refusé (rien n’a été enregistré), 2 erreur d’utilisation.
`,
  checkpoint: `Utilisation : custos checkpoint <data-dir> [--answers <file.json>] [options]

Le poste et les témoins présents contresignent un point de contrôle du procès-verbal tel qu’il est ;
chaque témoin l’emporte sur son propre support (witnessCheckpoints). Rien n’est ajouté au
procès-verbal. À utiliser quand verify signale CLOSE_NOT_CHECKPOINTED (le poste s’est arrêté entre la
clôture d’une cérémonie et son point de contrôle), ou quand les témoins veulent un point de contrôle
récent. Une cérémonie encore ouverte est d’abord interrompue.

Options :
  --answers <file>         phrase secrète du poste, participants, témoins, witnessCheckpoints (JSON) ;
                           sans lui, sur un terminal, chacun est demandé
  --drill-online <reason>  contresigner bien que la machine semble en ligne
  --system-root <dir>      lire les preuves réseau sous cette racine au lieu de / (bancs de test)
  --json                   afficher le résultat en JSON
  -h, --help               cette aide

Code de sortie : 0 contresigné et remis, 1 refusé (rien n’a été écrit), 2 erreur d’utilisation.
`,
  key: `Utilisation : custos key new --name <name> --out <folder> [--passphrase-file <file>]

Crée la clé de signature d’un participant, scellée par sa phrase secrète (au moins 12 caractères),
et sa fiche de clé publique. Sans --passphrase-file, la phrase secrète est demandée deux fois sur le
terminal.

Écrit <folder>/<name>.key (à garder sur le support personnel du participant) et
<folder>/<name>.pub.json (à remettre au responsable pour déclarer le participant).

Options :
  --name <name>             le nom du participant tel qu’il figurera au procès-verbal
  --out <folder>            où écrire les deux fichiers
  --passphrase-file <file>  lire la phrase secrète dans ce fichier (exécutions scriptées)
  --json                    afficher le résultat en JSON
  -h, --help                cette aide

Code de sortie : 0 écrit, 1 refusé (rien n’a été écrit), 2 erreur d’utilisation.
`,
  report: `Utilisation :
  custos report incidents <data-dir|bundle> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--json]
  custos report incident <data-dir|bundle> <incident-id> [--json]

Le registre des incidents tiré du procès-verbal : pour une période (incidents enregistrés, clos ou
encore ouverts, avec les totaux), ou un incident avec chacun de ses champs et son historique.

Options :
  --from, --to <YYYY-MM-DD>  la période (incidents)
  --json                     afficher le rapport en JSON
  -h, --help                 cette aide

Code de sortie : 0 affiché, 1 refusé (incident inconnu), 2 erreur d’utilisation ou entrée illisible.
`,
};

/** A command's help in `locale`: its English text as given, or its French twin. */
export function localHelp(locale: 'en' | 'fr', command: string, english: string): string {
  return locale === 'fr' ? (FR_HELP[command] ?? english) : english;
}
