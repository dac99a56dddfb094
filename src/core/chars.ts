/**
 * What kind of character a UTF-16 code unit is, as the scanners ask it: a letter (`\p{L}`), a digit or other
 * number (`\p{N}`), a combining mark (`\p{M}`). ASCII is answered by comparisons; any other code unit by its
 * Unicode properties, looked up once per code unit and remembered in a table of 64 KB (a draft in another
 * script asks about the same few hundred characters a million times; each answer by a regular expression
 * made a string of one character). A surrogate alone is none of them, as the expressions it replaces read it;
 * `hasLetter` reads a range, surrogate pairs included.
 */

const LETTER = 1;
const NUMBER = 2;
const MARK = 4;
/** Set once the code unit's properties have been looked up. */
const KNOWN = 8;

const PROPERTIES = new Uint8Array(0x10000);
const IS_LETTER = /\p{L}/u;
const IS_NUMBER = /\p{N}/u;
const IS_MARK = /\p{M}/u;

function properties(c: number): number {
  let p = PROPERTIES[c];
  if (p === 0) {
    const s = String.fromCharCode(c);
    p = KNOWN | (IS_LETTER.test(s) ? LETTER : 0) | (IS_NUMBER.test(s) ? NUMBER : 0) | (IS_MARK.test(s) ? MARK : 0);
    PROPERTIES[c] = p;
  }
  return p;
}

/** Whether code unit `c` is an ASCII letter or digit, `[A-Za-z0-9]`. */
export function isAsciiLetterOrDigitCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Whether code unit `c` (a `charCodeAt`; NaN past the end) is a letter, `\p{L}`. */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c === c && (properties(c) & LETTER) !== 0;
}

/** Whether code unit `c` is a letter or a number, `[\p{L}\p{N}]`. */
export function isLetterOrNumberCode(c: number): boolean {
  if (c < 128) return isAsciiLetterOrDigitCode(c);
  return c === c && (properties(c) & (LETTER | NUMBER)) !== 0;
}

/** Whether code unit `c` is a letter, a number or a mark, `[\p{L}\p{N}\p{M}]`. */
export function isLetterNumberOrMarkCode(c: number): boolean {
  if (c < 128) return isAsciiLetterOrDigitCode(c);
  return c === c && (properties(c) & (LETTER | NUMBER | MARK)) !== 0;
}

/** Whether [from, to) of `text` holds a letter (`\p{L}`), of any plane: a surrogate pair is read as one character. */
export function hasLetter(text: string, from: number, to: number): boolean {
  let pairs = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isLetterCode(c)) return true;
    if (c >= 0xd800 && c <= 0xdfff) pairs = true;
  }
  return pairs && IS_LETTER.test(text.slice(from, to));
}
