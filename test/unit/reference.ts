// The implementations this branch replaced with linear-time ones, kept word for word as they were (only
// renamed), so that property tests can check the new ones give the same answers on small inputs, where the
// old ones are quick. Not used by the extension.
import { FIXABLE_IN_BULK, type Problem, type TextEdit } from '../../src/core/citations/diagnostics';
import { formatCitation } from '../../src/core/citations/format';
import type { Citation, CitationItem } from '../../src/core/citations/grammar';
import type { ClosestPassage, Quotation } from '../../src/core/citations/quotes';
import { type Range, sentences } from '../../src/core/summary/sentences';
import type { Summary } from '../../src/core/summary/summary';

// findQuotations (src/core/citations/quotes.ts): quadratic on unclosed “ (each scanned to the paragraph's end).
const QUOTE = /"([^"\n]*(?:\n(?![ \t>]*\n)[^"\n]*)*)"|“([^”\n]*(?:\n(?![ \t>]*\n)[^”\n]*)*)”/g;
const MAX_QUOTATION = 2000;

export function referenceFindQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
    const inner = m[1] ?? m[2];
    if (inner.length > MAX_QUOTATION) {
      QUOTE.lastIndex = m.index + 1;
      continue;
    }
    if (!/\p{L}/u.test(inner)) continue;
    out.push({ text: inner, start: m.index + 1, end: m.index + 1 + inner.length });
  }
  return out;
}

// quotationMatches' split (quadratic on a quotation of `[` with no `]`).
export function referenceSegments(quotation: string): string[] {
  return quotation.split(/\.\.\.|…|\[[^\]]*\]/);
}

// closestPassage: every window size tried in turn, O(W·S). (normalizeWords: with Unicode properties only.)
export function referenceNormalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

function wordsWithOffsets(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    out.push({ word: referenceNormalizeWords(m[0]).replace(/\s+/g, ''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function referenceClosestPassage(quotation: string, source: string): ClosestPassage | undefined {
  const quoteWords = wordsWithOffsets(quotation).map((w) => w.word);
  const words = wordsWithOffsets(source);
  if (quoteWords.length === 0 || words.length === 0) return undefined;
  const want = new Map<string, number>();
  for (const w of quoteWords) want.set(w, (want.get(w) ?? 0) + 1);
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

// The cited paragraphs of a citation's items (grammar.ts `expand`): a set of every number added.
export function referenceExpand(items: CitationItem[]): number[] {
  const MAX_EXPANSION = 500;
  if (items.length === 1) {
    const a = items[0].from.value;
    const b = items[0].to ? items[0].to.value : a;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo > MAX_EXPANSION) return [lo, hi];
    const out: number[] = [];
    for (let n = lo; n <= hi; n++) out.push(n);
    return out;
  }
  const set = new Set<number>();
  for (const item of items) {
    const a = item.from.value;
    const b = item.to ? item.to.value : a;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo > MAX_EXPANSION) {
      set.add(lo);
      set.add(hi);
    } else for (let n = lo; n <= hi; n++) set.add(n);
  }
  return [...set].sort((x, y) => x - y);
}

// fixAllEdits (diagnostics.ts): every fix compared with every edit taken, quadratic.
export function referenceFixAllEdits(problems: readonly Problem[]): { edits: TextEdit[]; fixed: number } {
  const chosen = problems
    .filter((p) => FIXABLE_IN_BULK.has(p.code) && p.fixes.length > 0)
    .map((p) => p.fixes[0].edits)
    .sort((a, b) => Math.min(...a.map((e) => e.start)) - Math.min(...b.map((e) => e.start)));
  const edits: TextEdit[] = [];
  let fixed = 0;
  for (const fix of chosen) {
    if (fix.some((e) => edits.some((o) => e.start < o.end && o.start < e.end))) continue;
    edits.push(...fix);
    fixed++;
  }
  return { edits: edits.sort((a, b) => a.start - b.start), fixed };
}

// The quotation check (diagnostics.ts `checkQuotations` and `judgeQuotation`): every citation near each
// quotation read again for each quotation, every window size tried; built on the reference functions above.
export function referenceMisquotations(text: string, citations: Citation[], summary: Summary): Problem[] {
  const MAX_QUOTE_DISTANCE = 1000;
  if (citations.length === 0) return [];
  const quotations = referenceFindQuotations(text);
  if (quotations.length === 0) return [];
  const problems: Problem[] = [];
  const spans = sentences(text);
  let si = 0;
  for (const q of quotations) {
    while (si < spans.length && spans[si].end < q.end) si++;
    const sentence = spans[si] ?? { start: 0, end: text.length };
    const from = Math.max(sentence.start, q.start - MAX_QUOTE_DISTANCE);
    const to = Math.min(sentence.end, q.end + MAX_QUOTE_DISTANCE);
    const cited = new Set<number>();
    for (const c of citations) {
      if (c.end > from && c.start < to) for (const n of c.paragraphs) if (summary.has(n)) cited.add(n);
    }
    if (cited.size === 0) continue;
    const valid = [...cited].sort((a, b) => a - b);
    const matches = (source: string) => {
      const haystack = ` ${referenceNormalizeWords(source)} `;
      const segments = referenceSegments(q.text)
        .map((s) => referenceNormalizeWords(s))
        .filter((s) => s.length > 0);
      let at = 0;
      for (const seg of segments) {
        const found = haystack.indexOf(` ${seg} `, at);
        if (found < 0) return false;
        at = found + seg.length + 1;
      }
      return true;
    };
    if (valid.some((n) => matches(summary.paragraph(n)!.text))) continue;
    let best: { n: number; passage: ClosestPassage } | undefined;
    for (const n of valid) {
      const passage = referenceClosestPassage(q.text, summary.paragraph(n)!.text);
      if (passage && (!best || passage.score > best.passage.score)) best = { n, passage };
    }
    const where = formatCitation(valid);
    const closest = best && best.passage.score >= 0.3 ? best : undefined;
    problems.push({
      start: q.start,
      end: q.end,
      severity: 'warning',
      code: 'misquotation',
      message: closest
        ? `These words are not in ${where}. Closest passage (para. ${closest.n}): “${closest.passage.text}”`
        : `These words are not in ${where}.`,
      fixes: closest
        ? [
            {
              title: `Replace with the words of para. ${closest.n}`,
              edits: [{ start: q.start, end: q.end, newText: closest.passage.text }],
            },
          ]
        : [],
    });
  }
  return problems;
}

// sentences (src/core/summary/sentences.ts): a regular expression run from each full stop and line break, and
// another on the last characters of each sentence end, to tell abbreviations.
const ABBREVIATIONS =
  /(?:\b(?:H\.E|e\.g|i\.e|etc|No|Nos|Mr|Mrs|Ms|Dr|St|[Pp]aras?|[Pp]ar|[Pp]árrs?|[Aa]rts?|[Cc]f|[Vv]ol|op|p|pp|U\.S|U\.N)\.|\b[A-Z]\.)$/;
const isSpace = (c: number) => /\s/.test(String.fromCharCode(c));

export function referenceSentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  // A sentence also ends at a blank line and before a Markdown list item or heading on the next line.
  // The space after a full stop never spans a blank line: a blank line ends a sentence even after an
  // abbreviation ("para.⏎⏎24" is two sentences, as the draft's paragraphs are).
  const re =
    /([.!?]["”’)]*)(?=[ \t\r\n])([ \t]*(?:\r?\n(?![ \t]*\r?\n)[ \t]*)?)(?=["“‘(]?[\p{Lu}\d])|\n\s*\n|\n(?=[ \t]*(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) {
      const end = m.index + m[1].length;
      if (ABBREVIATIONS.test(text.slice(Math.max(start, end - 8), end))) continue;
      push(end);
      start = end;
    } else {
      push(m.index);
      start = m.index + m[0].length;
    }
  }
  push(text.length);
  return out;
}
