/**
 * The stemmer of the index, the queries and the support model. It has a module of its own so that the
 * benchmark can build the extension with another stemmer in its place (esbuild.js --bench; `npm run bench
 * stemmers` compares them).
 */

function stripSuffix(w: string, suffix: string, minStem: number): string | undefined {
  return w.endsWith(suffix) && w.length - suffix.length >= minStem ? w.slice(0, -suffix.length) : undefined;
}

/**
 * A light English stemmer: plural and verb endings so that "confiscating", "confiscated",
 * "confiscation" and "confiscate" meet at "confiscat". Deliberately conservative (it never
 * leaves a stem shorter than four letters).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ion', 'ment', 'ly']) {
    const s = stripSuffix(w, suffix, 4);
    if (s !== undefined) {
      w = s;
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
