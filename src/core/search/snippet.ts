import { processTerm } from './terms';

export interface Snippet {
  /** A window of the text around the first match, with "…" where it was cut. */
  text: string;
  /** [start, end) ranges of matched words in `text`. */
  highlights: [number, number][];
  /** Offset of the first match in the original text, if anything matched. */
  firstMatch?: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Word {
  start: number;
  end: number;
  /** The word as the index knows it (processed), or null for stop words. */
  term: string | null;
}

/** The words of a text with their index terms; computed once per document and cached by the engine. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, term: processTerm(m[0]) });
  return out;
}

/**
 * Cuts a snippet of about `width` characters around the first matched term (`terms` are index
 * terms as MiniSearch reports them) or phrase, and marks every match inside it.
 */
export function makeSnippet(text: string, terms: string[], phrases: string[], width = 180, words?: Word[]): Snippet {
  // Same length as the text, so cached word offsets stay valid.
  const flat = text.includes('\n') || text.includes('\t') ? text.replace(/\s/g, ' ') : text;
  const wanted = new Set(terms);
  const marks: [number, number][] = [];
  if (wanted.size > 0) {
    for (const w of words ?? wordsOf(flat)) {
      if (w.term && wanted.has(w.term)) marks.push([w.start, w.end]);
    }
  }
  for (const p of phrases) {
    const phraseWords = p
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map(escapeRegExp);
    if (phraseWords.length === 0) continue;
    const re = new RegExp(phraseWords.join('[^\\p{L}\\p{N}]+'), 'giu');
    for (const m of flat.matchAll(re)) marks.push([m.index, m.index + m[0].length]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  const firstMatch = marks[0]?.[0];
  const found = firstMatch === undefined ? {} : { firstMatch };
  if (flat.length <= width) return { text: flat, highlights: marks, ...found };
  const first = marks[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${flat.slice(start, end)}${suffix}`,
    highlights: marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
    ...found,
  };
}
