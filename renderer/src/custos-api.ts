/**
 * Typed access to `window.custos`, the API the preload exposes (Electron) or the test binds
 * (Playwright). Imports types only from the contract file. Spec: docs/architecture.md, "Import
 * rules" (renderer: types only from main/app/app-api.ts) and "Processes".
 */
import type { AppApi } from '../../main/app/app-api.ts';

declare global {
  interface Window {
    readonly custos: AppApi;
  }
}

export function custosApi(): AppApi {
  return window.custos;
}
