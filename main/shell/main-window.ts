/**
 * The one Custos window: its options (secure web preferences from window-security.ts) and its
 * loading from the app:// origin. Shown once the first paint is ready. Spec: docs/architecture.md,
 * "Processes" (sandboxed renderer, contextIsolation, preload as the only bridge).
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from '../app/app-protocol.ts';
import { secureWebPreferences } from './window-security.ts';

export function mainWindowOptions(preloadPath: string, isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Custos',
    width: 1100,
    height: 760,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, isPackaged),
  };
}

/** Opens the window and loads the renderer; onLoadFailure runs if the renderer cannot load. */
export function openMainWindow(preloadPath: string, isPackaged: boolean, onLoadFailure: (error: unknown) => void): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, isPackaged));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch(onLoadFailure);
  return window;
}
