/** Quotations in drafts and how closely they match the summary's words. */

export interface Quotation {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Range of the words (inside the marks). */
  start: number;
  end: number;
}

/**
 * A quotation may wrap onto following lines (drafts are often hard-wrapped) but not cross a blank line.
 * Each alternative is one run of non-quote characters per line: no backtracking between them.
 */
const QUOTE = /"([^"\n]*(?:\n(?![ \t>]*\n)[^"\n]*)*)"|“([^”\n]*(?:\n(?![ \t>]*\n)[^”\n]*)*)”/g;
const MAX_QUOTATION = 2000;

export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
    const inner = m[1] ?? m[2];
    if (inner.length > MAX_QUOTATION) {
      // Not a quotation (a stray mark): try again from the next character, as an opening mark there.
      QUOTE.lastIndex = m.index + 1;
      continue;
    }
    if (!/\p{L}/u.test(inner)) continue;
    out.push({ text: inner, start: m.index + 1, end: m.index + 1 + inner.length });
  }
  return out;
}

/** Lower case, typographic quotes and dashes unified, every run of non-word characters one space. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

const sourceCache = new Map<string, string>();

/** The summary's paragraphs are normalised once and kept (a few dozen strings). */
function normalizedSource(source: string): string {
  let n = sourceCache.get(source);
  if (n === undefined) {
    n = ` ${normalizeWords(source)} `;
    if (sourceCache.size < 256) sourceCache.set(source, n);
  }
  return n;
}

/**
 * True when the quotation's words stand in `source`, in order. An ellipsis (… or ...) in the
 * quotation skips words; text in square brackets is an editorial insertion and is skipped too.
 */
export function quotationMatches(quotation: string, source: string): boolean {
  const haystack = normalizedSource(source);
  const segments = quotation
    .split(/\.\.\.|…|\[[^\]]*\]/)
    .map((s) => normalizeWords(s))
    .filter((s) => s.length > 0);
  if (segments.length === 0) return true;
  let from = 0;
  for (const seg of segments) {
    const at = haystack.indexOf(` ${seg} `, from);
    if (at < 0) return false;
    from = at + seg.length + 1;
  }
  return true;
}

interface WordSpan {
  word: string;
  start: number;
  end: number;
}

function wordsWithOffsets(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    out.push({ word: normalizeWords(m[0]).replace(/\s+/g, ''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface ClosestPassage {
  /** The passage of the source, exact words. */
  text: string;
  start: number;
  end: number;
  /** Share of the quotation's words found in the passage, 0–1. */
  score: number;
}

/**
 * The passage of `source` closest to a (mis)quotation: the window of about as many words as the
 * quotation that shares the most words with it, trimmed to the first and last shared word.
 */
export function closestPassage(quotation: string, source: string): ClosestPassage | undefined {
  const quoteWords = wordsWithOffsets(quotation).map((w) => w.word);
  const words = wordsWithOffsets(source);
  if (quoteWords.length === 0 || words.length === 0) return undefined;
  const want = new Map<string, number>();
  for (const w of quoteWords) want.set(w, (want.get(w) ?? 0) + 1);
  // Windows as long as the quotation and a little longer (a misquotation often drops words).
  let best = { at: 0, size: 1, shared: -1 };
  const longest = Math.min(words.length, quoteWords.length + Math.max(2, Math.ceil(quoteWords.length / 4)));
  for (let size = Math.min(quoteWords.length, words.length); size <= longest; size++) {
    const have = new Map<string, number>();
    let shared = 0;
    const add = (w: string, d: 1 | -1) => {
      const before = Math.min(have.get(w) ?? 0, want.get(w) ?? 0);
      have.set(w, (have.get(w) ?? 0) + d);
      shared += Math.min(have.get(w) ?? 0, want.get(w) ?? 0) - before;
    };
    for (let i = 0; i < size; i++) add(words[i].word, 1);
    if (shared > best.shared) best = { at: 0, size, shared };
    for (let i = size; i < words.length; i++) {
      add(words[i].word, 1);
      add(words[i - size].word, -1);
      if (shared > best.shared) best = { at: i - size + 1, size, shared };
    }
  }
  let first = best.at;
  let last = best.at + best.size - 1;
  while (first < last && !want.has(words[first].word)) first++;
  while (last > first && !want.has(words[last].word)) last--;
  const start = words[first].start;
  const end = words[last].end;
  return { text: source.slice(start, end), start, end, score: best.shared / quoteWords.length };
}
