import type { Note } from './model';

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/** Where a note stands in the summary as it is now. */
export interface Anchor {
  paragraph: number;
  /** Offsets into the paragraph's text (start = end = 0 for a whole-paragraph note). */
  start: number;
  end: number;
  status: AnchorStatus;
  /** 1 for an exact or moved match, the similarity for a fuzzy one, 0 when orphaned. */
  score: number;
}

export interface AnchorText {
  number: number;
  text: string;
}

/** A fuzzy match must be at least this similar to the quoted passage. */
export const MIN_FUZZY_SCORE = 0.75;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Edit distance, two rows (the passages are short). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

/** The paragraphs to look in: the note's own first, then outwards. */
function byDistance(paragraphs: AnchorText[], from: number): AnchorText[] {
  return [...paragraphs].sort((a, b) => Math.abs(a.number - from) - Math.abs(b.number - from) || a.number - b.number);
}

/**
 * Places a note in the summary as it is now: by position when the quoted words are still there, else by
 * quote (the occurrence whose surrounding words match best, nearest paragraph first), else by the most
 * similar passage above MIN_FUZZY_SCORE. A note that cannot be placed is orphaned, never dropped.
 */
export function anchorNote(note: Note, paragraphs: AnchorText[]): Anchor {
  const { paragraph, scope, selector } = note.target;
  const [quote, position] = selector;
  const own = paragraphs.find((p) => p.number === paragraph);
  if (scope === 'paragraph') {
    if (own && own.text.startsWith(quote.exact)) return { paragraph, start: 0, end: 0, status: 'exact', score: 1 };
    const moved = quote.exact ? byDistance(paragraphs, paragraph).find((p) => p.text.startsWith(quote.exact)) : undefined;
    if (moved) return { paragraph: moved.number, start: 0, end: 0, status: 'moved', score: 1 };
    if (own) {
      const score = similarity(own.text.slice(0, quote.exact.length), quote.exact);
      return { paragraph, start: 0, end: 0, status: score === 1 ? 'exact' : 'fuzzy', score };
    }
    return { paragraph, start: 0, end: 0, status: 'orphaned', score: 0 };
  }
  if (own && own.text.slice(position.start, position.end) === quote.exact) {
    return { paragraph, start: position.start, end: position.end, status: 'exact', score: 1 };
  }
  // By quote: every occurrence, scored by its context.
  let best: { p: AnchorText; at: number; score: number } | undefined;
  if (quote.exact.length > 0) {
    for (const p of byDistance(paragraphs, paragraph)) {
      for (let at = p.text.indexOf(quote.exact); at >= 0; at = p.text.indexOf(quote.exact, at + 1)) {
        const context =
          commonSuffix(p.text.slice(0, at), quote.prefix) + commonPrefix(p.text.slice(at + quote.exact.length), quote.suffix);
        const nearness = p.number === paragraph ? 1 - Math.min(1, Math.abs(at - position.start) / 1000) : 0;
        const score = context + nearness;
        if (!best || score > best.score) best = { p, at, score };
      }
    }
  }
  if (best) return { paragraph: best.p.number, start: best.at, end: best.at + quote.exact.length, status: 'moved', score: 1 };
  // By similarity: the window of the quote's length that differs least, in the note's paragraph and its neighbours.
  let fuzzy: { p: AnchorText; start: number; end: number; score: number } | undefined;
  const len = quote.exact.length;
  for (const p of byDistance(paragraphs, paragraph).slice(0, 3)) {
    const starts = wordStarts(p.text);
    for (const s of starts) {
      for (const size of [len, Math.round(len * 0.9), Math.round(len * 1.1)]) {
        const end = Math.min(p.text.length, s + size);
        const score = similarity(p.text.slice(s, end), quote.exact);
        if (!fuzzy || score > fuzzy.score) fuzzy = { p, start: s, end, score };
      }
    }
  }
  if (fuzzy && fuzzy.score >= MIN_FUZZY_SCORE) {
    return { paragraph: fuzzy.p.number, start: fuzzy.start, end: fuzzy.end, status: 'fuzzy', score: fuzzy.score };
  }
  return { paragraph, start: position.start, end: position.end, status: 'orphaned', score: 0 };
}

function wordStarts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push(m.index);
  return out;
}
