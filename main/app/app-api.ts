/**
 * The app API contract: what the preload exposes to the renderer as `window.custos`.
 * Spec: DESIGN.md "Processes" (renderer --window.custos--> preload, named functions only) and
 * "Layout" import rules: this is the ONE file the renderer may import from, and types only.
 * The preload object `satisfies AppApi`; the Playwright tests bind the same shape.
 */

/** The functions the renderer may call. Every call crosses a process boundary, hence Promises. */
export interface AppApi {
  /** The application version (package.json "version"), as reported by the main process. */
  version(): Promise<string>;
}
