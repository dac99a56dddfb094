/**
 * Imported first by extension.ts, so that the bundle evaluates this before anything else: the time the
 * extension's code started loading, for the activation time the extension reports. `apiReady` is set
 * by src/vscodeApiClock.ts, imported second: the time VS Code took to create this extension's `vscode`
 * API object (its first `require('vscode')`), which is VS Code's cost rather than ours.
 */
const now = (): number => globalThis.performance.now();

export const activationClock = { loaded: now(), apiReady: Number.NaN, now };
