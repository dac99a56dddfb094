/**
 * Imported first by extension.ts, so that the bundle evaluates this before anything else: the time the
 * extension's code started loading, for the activation time the extension reports.
 */
const now = (): number => globalThis.performance.now();

export const activationClock = { loaded: now(), now };
