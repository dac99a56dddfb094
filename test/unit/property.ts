// Settings shared by every fast-check property: one seed per run of the unit tests, printed at the start so a
// failure in CI can be replayed, and taken from CND_FC_SEED when set (`CND_FC_SEED=123 npm run test:unit`).
// fast-check also prints the seed and the shrunk path of a failing case in its error message.
import fc from 'fast-check';

function chosenSeed(): number {
  const fromEnv = typeof process !== 'undefined' ? process.env.CND_FC_SEED : undefined;
  if (fromEnv !== undefined && fromEnv !== '') {
    const n = Number(fromEnv);
    if (!Number.isInteger(n)) throw new Error(`CND_FC_SEED must be an integer, got "${fromEnv}"`);
    return n;
  }
  return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
}

/** The seed of this run: replay a failure with `CND_FC_SEED=<seed>`. */
export const propertySeed = chosenSeed();
console.log(`[fast-check] seed ${propertySeed} (replay with CND_FC_SEED=${propertySeed})`);

/** Parameters for `fc.assert`: this run's seed and the given number of runs. */
export function propertyParams<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { ...extra, seed: propertySeed, numRuns };
}
