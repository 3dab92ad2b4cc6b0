/**
 * What the tests expect of every Custos window's web preferences, written as the settings an
 * auditor reads off Electron's security checklist ("name=value"), independently of the code's own
 * constant (main/shell/window-security.ts HARDENED_WEB_PREFERENCES), so that a change there shows.
 */
export const EXPECTED_HARDENING = [
  'sandbox=true',
  'contextIsolation=true',
  'nodeIntegration=false',
  'nodeIntegrationInWorker=false',
  'nodeIntegrationInSubFrames=false',
  'webSecurity=true',
  'allowRunningInsecureContent=false',
  'webviewTag=false',
  'navigateOnDragDrop=false',
  'spellcheck=false',
];

/** A window's web preferences as "name=value" settings, sorted, to compare with the expected ones. */
export function settingsOf(preferences: unknown): string[] {
  return Object.entries(preferences as Record<string, unknown>)
    .map(([name, value]) => `${name}=${String(value)}`)
    .sort();
}
