/**
 * The station's own file dialog (Electron's native dialog), behind AppApi.choose: the officer picks
 * a folder, a file to read or a file to write; only the path picked goes to the router, which gives
 * the renderer a token for it (chosen-paths.ts). Main does not know the screen's language, so the
 * titles are bilingual. Spec: docs/architecture.md, "Processes"; main/app/app-api.ts.
 */
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { ChooseKind } from '../app/app-api.ts';

const TITLES: Readonly<Record<ChooseKind, string>> = {
  'data-dir': 'Station data directory / Répertoire de données du poste',
  'audit-source': 'Data directory or bundle to verify / Répertoire ou paquet à vérifier',
  'key-file': 'Your key file / Votre fichier de clé',
  'share-file': 'Share file / Fichier de part',
  'psbt-file': 'PSBT from the coordinator / PSBT du coordinateur',
  'eth-request-file': 'Ethereum transfer request from the coordinator / Demande de transfert Ethereum du coordinateur',
  'transaction-file': 'Signed transaction file / Fichier de transaction signée',
  'balances-file': 'Balances file / Fichier des soldes',
  'public-key-file': 'Public key card / Carte de clé publique',
  'checkpoint-file': 'Checkpoint kept by a witness / Point de contrôle conservé par un témoin',
  'evidence-file': 'Evidence file (video, photo, scan) / Fichier de preuve (vidéo, photo, numérisation)',
  'challenge-file': 'Challenge to sign, from the auditor / Défi à signer, remis par l’auditeur',
  folder: 'Folder / Dossier',
  'save-file': 'File to write / Fichier à écrire',
};

const FILTERS: Partial<Record<ChooseKind, { name: string; extensions: string[] }[]>> = {
  'key-file': [{ name: 'Custos key', extensions: ['key'] }],
  'share-file': [{ name: 'Custos share', extensions: ['cshare'] }],
  'psbt-file': [{ name: 'PSBT', extensions: ['psbt'] }],
  'eth-request-file': [{ name: 'Ethereum transfer request', extensions: ['json'] }],
  'public-key-file': [{ name: 'Public key card', extensions: ['json'] }],
};

/** The dialog options of a choice (exported for the unit test). */
function dialogOptions(kind: ChooseKind): OpenDialogOptions {
  const folder = kind === 'data-dir' || kind === 'folder';
  const either = kind === 'audit-source';
  return {
    title: TITLES[kind],
    properties: folder ? ['openDirectory', 'createDirectory'] : either ? ['openFile', 'openDirectory'] : ['openFile'],
    ...(FILTERS[kind] ? { filters: FILTERS[kind] } : {}),
  };
}

export function stationDialog(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | undefined) {
  return async (kind: ChooseKind): Promise<string | null> => {
    const parent = window();
    if (kind === 'save-file') {
      const saved = parent ? await dialog.showSaveDialog(parent, { title: TITLES[kind] }) : await dialog.showSaveDialog({ title: TITLES[kind] });
      return saved.canceled || !saved.filePath ? null : saved.filePath;
    }
    const opened = parent ? await dialog.showOpenDialog(parent, dialogOptions(kind)) : await dialog.showOpenDialog(dialogOptions(kind));
    return opened.canceled || opened.filePaths.length !== 1 ? null : opened.filePaths[0]!;
  };
}
