/**
 * Judging one citation: what the sentence claims (the words around the citation, without the citation and
 * the phrases that frame it), how well the cited paragraphs carry it, and which paragraph carries it better.
 * The checks, the hover card and the completion all ask this one function, so they never disagree.
 */
import type { Citation } from '../citations/grammar';
import type { Range } from '../summary/sentences';
import { Analyser, type Analysis, isWordCode } from './analysis';
import { KEPT_LIMITS } from './kept';
import type { ParagraphSupport, SupportModel } from './model';

/** How a sentence's claim is carried by the cited paragraphs. */
export type Strength = 'strong' | 'partial' | 'weak' | 'unknown';

export interface Verdict {
  /** The cited paragraphs that exist. */
  cited: number[];
  /** The claim: the text the citation vouches for (offsets into the draft). */
  claim: Range;
  /** Whether the previous sentence of the same paragraph of the draft was read with it (a short claim). */
  withContext: boolean;
  /** The claim alone says too little to judge (read with the sentence before it when there is one). */
  short: boolean;
  analysis: Analysis;
  /** The known weight of the claim's words: below `MIN_CONTENT` there is too little to judge. */
  content: number;
  support: ParagraphSupport & { paragraphs: number[] };
  /** The best paragraphs for the claim, best first (at most 5). */
  ranked: ParagraphSupport[];
  strength: Strength;
  /** Paragraphs that carry the claim clearly better than the cited ones (a `citation-support` problem), best first. */
  better: number[];
}

/**
 * The thresholds, set on the labelled development set (test/fixtures/support/dev.json) and checked on the
 * held-out one; see test/fixtures/support/README.md. Precision first: a warning on a right citation costs
 * the drafter's trust, a missed one costs no more than today.
 */
export const THRESHOLDS = {
  /** Below this known weight a claim says too little to judge ("as noted in para. 24."). */
  minContent: 4,
  /** The best paragraph must carry at least this share of the claim for another one to be called better. */
  minBestCoverage: 0.3,
  /** …and the cited ones at most this fraction of its score. */
  maxCitedRatio: 0.45,
  /** …and it must lead them by at least this much score. */
  minLead: 4,
  /** The other route to "better": the claim's most telling word missing from the cited paragraphs, with this lead. */
  topicCoverage: 0.4,
  topicLead: 1.25,
  /** …or, whatever leads, when that word weighs this share of the claim and a paragraph that has it scores this close. */
  topicShare: 0.2,
  topicRival: 0.75,
  /** …and that paragraph carries at least this share of the claim: one shared word is not a topic. */
  rivalCoverage: 0.45,
  /** In that share, each word of the claim that the summary never uses weighs this much (as for restatements). */
  unknownWeight: 2,
  /** A cited set with this share of the claim is "strong"; below `weak`, "weak". */
  strong: 0.5,
  weak: 0.2,
};

/**
 * The claim a citation vouches for, within its sentence: the clause before it, or after it when it leads.
 * Written into `into` when given (a loop over a sentence of 100,000 citations makes no object for each).
 */
export function claimRange(sentence: Range, cites: readonly Citation[], i: number, into?: Range): Range {
  if (cites.length <= 1) return sentence;
  const c = cites[i];
  const leftStart = i === 0 ? sentence.start : cites[i - 1].end;
  // "X (para. 24) and Y (para. 27)": the words before each citation. "As noted in para. 24, X": after it.
  const before = c.start - leftStart >= 25;
  const start = before ? leftStart : c.end;
  const end = before ? c.start : i === cites.length - 1 ? sentence.end : cites[i + 1].start;
  if (!into) return { start, end };
  into.start = start;
  into.end = end;
  return into;
}

/** The draft's text of a range with every citation blanked and the framing phrases removed (offsets kept). */
export function claimText(text: string, range: Range, citations: readonly Citation[]): string {
  let s = '';
  let at = range.start;
  for (let i = firstEndingAfter(citations, range.start); i < citations.length && citations[i].start < range.end; i++) {
    const a = Math.max(citations[i].start, range.start);
    const b = Math.min(citations[i].end, range.end);
    s += text.slice(at, a) + ' '.repeat(b - a);
    at = b;
  }
  return Analyser.unframe(s + text.slice(at, range.end));
}

/**
 * The first of `citations` that ends after `offset`. They are in order and do not overlap (as findCitations
 * gives them), so those in a range are a run of them, found by binary search: a sentence may hold thousands,
 * and each of its citations asks. `near`: an index the answer is probably close to (the citation whose claim
 * is asked about: a claim lies next to it), looked at first; a binary search over 100,000 citations reads 17
 * of them, scattered in memory, for each claim.
 */
export function firstEndingAfter(citations: readonly Citation[], offset: number, near?: number): number {
  let lo = 0;
  let hi = citations.length;
  if (near !== undefined) {
    const k = Math.max(0, Math.min(near, hi));
    for (let step = 0; step < 3; step++) {
      if (k + step <= hi && isFirstEndingAfter(citations, offset, k + step)) return k + step;
      if (k - step - 1 >= 0 && isFirstEndingAfter(citations, offset, k - step - 1)) return k - step - 1;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (citations[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `k` is the answer of firstEndingAfter: citations[k - 1] ends at or before `offset`, citations[k] after it. */
function isFirstEndingAfter(citations: readonly Citation[], offset: number, k: number): boolean {
  return (k === 0 || citations[k - 1].end <= offset) && (k === citations.length || citations[k].end > offset);
}

/**
 * Whether `claimText(text, range, citations)` has a word character (a letter, digit or mark, as the analyser
 * reads them), without making it. A claim without one has nothing to judge: no word, figure, body or session.
 */
export function claimHasWords(text: string, range: Range, citations: readonly Citation[], near?: number): boolean {
  let at = range.start;
  for (let i = firstEndingAfter(citations, range.start, near); i < citations.length && citations[i].start < range.end; i++) {
    if (hasWordCode(text, at, citations[i].start)) return true;
    at = Math.max(at, Math.min(citations[i].end, range.end));
  }
  return hasWordCode(text, at, range.end);
}

/** Whether [from, to) of `text` has a word character (see isWordCode). */
function hasWordCode(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordCode(text.charCodeAt(i))) return true;
  return false;
}

export interface JudgeInput {
  text: string;
  /** The sentence holding the citation. */
  sentence: Range;
  /** The previous sentence of the same paragraph of the draft, if any (context for a short claim). */
  previous?: Range;
  /** The citations of the summary in the sentence, in order. */
  cites: readonly Citation[];
  /** Which of them to judge. */
  index: number;
  /** Citations to blank out of the text (all in the sentence and the previous one). */
  blank: readonly Citation[];
}

/**
 * Whether the claim's most telling feature (the word, pair or concept that weighs most in it among those the
 * summary has) is in paragraph `best` and in none of the cited paragraphs.
 */
function topicMissing(model: SupportModel, a: Analysis, best: number, cited: readonly number[]): boolean {
  const top = model.topFeature(a);
  if (top === undefined) return false;
  return model.has(best, top) && !cited.some((n) => model.has(n, top));
}

/**
 * The longest claim judged, in characters (as long as the sentence of a kept citation may be): the summary's
 * paragraphs are a few hundred words, and a "sentence" of many thousands of characters (a draft without full
 * stops, a table pasted as one line) is not a claim one of them could carry. Judging one would read it all for
 * nothing, for each of its citations.
 */
export const MAX_CLAIM = KEPT_LIMITS.sentence;

export function judgeCitation(model: SupportModel, input: JudgeInput): Verdict | undefined {
  const c = input.cites[input.index];
  const claim = claimRange(input.sentence, input.cites, input.index);
  if (claim.end - claim.start > MAX_CLAIM) return undefined;
  const cited = c.paragraphs.filter((n) => model.summary.has(n));
  if (cited.length === 0) return undefined;
  let analysis = model.analyser.analyse(claimText(input.text, claim, input.blank));
  let scored = model.scores(analysis);
  let withContext = false;
  let range = claim;
  const short = scored.total < THRESHOLDS.minContent;
  if (short && input.previous && input.cites.length === 1) {
    // "This was noted in para. 27." — the claim is the sentence before.
    range = { start: input.previous.start, end: claim.end };
    analysis = model.analyser.analyse(claimText(input.text, range, input.blank));
    scored = model.scores(analysis);
    withContext = true;
  }
  const ranked = model.best(scored, 5);
  const support = model.supportOf(analysis, cited, scored);
  const content = scored.total;
  const best = ranked[0];
  let strength: Strength;
  if (content < THRESHOLDS.minContent || !best) strength = 'unknown';
  else if (support.coverage >= THRESHOLDS.strong || cited.includes(best.paragraph)) strength = 'strong';
  else if (support.coverage >= THRESHOLDS.weak) strength = 'partial';
  else strength = 'weak';
  const better: number[] = [];
  // The share of the claim the summary knows, counting each word it never uses (what the claim says beyond
  // the summary): a paragraph that has the claim's one known word does not carry a claim of unknown ones.
  const honest = content / (content + THRESHOLDS.unknownWeight * analysis.unknown || 1);
  if (strength !== 'unknown' && best && !cited.includes(best.paragraph)) {
    const clearlyBetter = (r: ParagraphSupport) =>
      r.coverage >= THRESHOLDS.minBestCoverage &&
      support.score <= THRESHOLDS.maxCitedRatio * r.score &&
      r.score - support.score >= THRESHOLDS.minLead;
    if (clearlyBetter(best)) {
      for (const r of ranked)
        if (!cited.includes(r.paragraph) && r.score >= 0.8 * best.score && clearlyBetter(r)) better.push(r.paragraph);
    } else if (
      best.coverage * honest >= THRESHOLDS.topicCoverage &&
      best.score >= THRESHOLDS.topicLead * support.score &&
      topicMissing(model, analysis, best.paragraph, cited)
    ) {
      // Not a clear lead overall, but the sentence's most telling word is in the best paragraph and in none cited.
      better.push(best.paragraph);
    }
  }
  if (better.length === 0 && strength !== 'unknown') {
    // The claim's most telling word, missing from every cited paragraph, where another paragraph has it and
    // carries the claim about as well: the citation leaves out what the sentence is mainly about.
    const top = model.topFeature(analysis);
    if (top !== undefined && !cited.some((n) => model.has(n, top)) && model.weightShare(analysis, top) >= THRESHOLDS.topicShare) {
      const q = ranked.find((r) => !cited.includes(r.paragraph) && model.has(r.paragraph, top));
      if (q && q.coverage * honest >= THRESHOLDS.rivalCoverage && q.score >= THRESHOLDS.topicRival * support.score)
        better.push(q.paragraph);
    }
  }
  return { cited, claim: range, withContext, short, analysis, content, support, ranked, strength, better };
}
