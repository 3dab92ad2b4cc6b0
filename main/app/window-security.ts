/**
 * Hardening of every web contents and the web preferences of the main window. Spec: DESIGN.md
 * "Processes" (renderer sandboxed, contextIsolation, talks only to the preload API) and Electron's
 * security checklist: no navigation, no new windows, no <webview>, nothing opened externally.
 */
import type { WebContents, WebPreferences } from 'electron';

/** The web preferences of every Custos window. devTools only in an unpackaged (development) run. */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !isPackaged,
  };
}

/** The subset of WebContents this module touches (lets unit tests pass a fake). */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Denies every navigation away from the loaded page, every redirect, every window.open / target
 * link, and every <webview> attachment. The initial loadURL from main is not a navigation event.
 */
export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
