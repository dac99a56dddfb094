/**
 * Imported first by extension.ts, so that the bundle evaluates this before anything else: the time the
 * extension's code started loading, for the activation time the extension reports. `apiReady` is set
 * by src/vscodeApiClock.ts, imported second: the time VS Code took to create this extension's `vscode`
 * API object (its first `require('vscode')`), which is VS Code's cost rather than ours.
 */
const now = (): number => globalThis.performance.now();

export const activationClock = { loaded: now(), apiReady: Number.NaN, now };

/**
 * Activation time in milliseconds: evaluating the bundle's code and `activate()` by phase; `ownMs` is
 * their sum. Not ours: `apiMs`, VS Code creating the `vscode` API object on the first `require('vscode')`,
 * and `hostMs`, what VS Code did between evaluating the bundle and calling `activate()`.
 */
export interface ActivationTimes {
  apiMs: number;
  evaluateMs: number;
  hostMs: number;
  activateMs: number;
  ownMs: number;
  phases: Record<string, number>;
}

/** Times `activate()` phase by phase; `evaluated` is when the bundle's last module finished evaluating. */
export function activationTimer(evaluated: number): { phase(name: string): void; finish(): ActivationTimes } {
  const start = now();
  const phases: Record<string, number> = {};
  let lap = start;
  return {
    phase(name) {
      const t = now();
      phases[name] = t - lap;
      lap = t;
    },
    finish() {
      const end = now();
      const evaluateMs = evaluated - activationClock.apiReady;
      return {
        apiMs: activationClock.apiReady - activationClock.loaded,
        evaluateMs,
        hostMs: start - evaluated,
        activateMs: end - start,
        ownMs: evaluateMs + end - start,
        phases,
      };
    },
  };
}
