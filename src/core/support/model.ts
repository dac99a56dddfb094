/**
 * The support model: how well each paragraph of the summary supports a sentence of a draft.
 *
 * Each paragraph is read once (its words, word pairs, the lexicon's concepts, its key phrases counted
 * twice, the bodies it names, its figures, its session). A sentence is read the same way, without its
 * citations and the phrases that frame them, and each of its features scores in the paragraphs that share
 * it: rarer features score more (inverse document frequency over the 37 paragraphs), repeated ones a little
 * more, long paragraphs a little less (BM25's saturation and length normalisation).
 *
 * Two figures come out of it for a paragraph (or a set of cited paragraphs): `score`, for ranking, and
 * `coverage`, the share of the sentence's own subject (the weight of its features that the summary knows
 * at all) that the paragraph carries. The checks compare coverages; the rankings sort by score.
 */
import type { Summary } from '../summary/summary';
import type { Analyser, Analysis, FeatureKind } from './analysis';

/** Between a paragraph's text and its key phrases: wider than any pair of words or concept may span. */
const KEY_PHRASE_GAP = '\n'.repeat(20);
const K1 = 1.2;
const B = 0.6;

/** How much a kind of feature counts: a word; a pair of words (a phrase shared is strong evidence); a concept (a synonym shared, weaker than the same word); a body named; a figure; a session. */
const KIND_WEIGHT: Record<FeatureKind, number> = { word: 1, pair: 0.9, concept: 0.7, body: 0.8, figure: 1.5, session: 0.6 };

export interface ParagraphSupport {
  paragraph: number;
  score: number;
  /** Share of the sentence's known subject that the paragraph carries, 0–1. */
  coverage: number;
}

export interface Match {
  feature: number;
  kind: FeatureKind;
  /** The sentence's words that carry the feature. */
  surface: string;
  /** What it contributes to the paragraph's score. */
  contribution: number;
}

interface Posting {
  /** Paragraph numbers that have the feature. */
  paragraphs: number[];
  /** The feature's saturated, length-normalised frequency in each of them. */
  weights: number[];
  /** Inverse document frequency × the weight of its kind. */
  weight: number;
}

export class SupportModel {
  readonly count: number;
  /** By feature id (undefined: no paragraph has it). */
  private readonly postings: (Posting | undefined)[] = [];
  private readonly scoreScratch: Float64Array;
  private readonly matchedScratch: Float64Array;
  /** Per paragraph (index = number - 1): its analysis, and each feature's count. */
  private readonly profiles: Analysis[] = [];
  private readonly tfs: Map<number, number>[] = [];
  /** Per paragraph: each feature's saturated, length-normalised frequency (as in its posting). */
  private readonly saturated: Map<number, number>[] = [];

  constructor(
    readonly summary: Summary,
    readonly analyser: Analyser,
  ) {
    const doc = summary.doc;
    this.count = doc.paragraphs.length;
    this.scoreScratch = new Float64Array(this.count + 1);
    this.matchedScratch = new Float64Array(this.count + 1);
    const lengths: number[] = [];
    for (const p of doc.paragraphs) {
      // Key phrases count again (the summary's own emphasis), read after the text with a gap that no pair of
      // words or concept spans.
      const a = analyser.analyse([p.text, ...p.keyPhrases.map((k) => k.text)].join(KEY_PHRASE_GAP));
      const tf = new Map<number, number>();
      let length = 0;
      for (let i = 0; i < a.size; i++) {
        tf.set(a.ids[i], a.counts[i]);
        if (analyser.kindOf(a.ids[i]) === 'word') length += a.counts[i];
      }
      // The parser's mentions are authoritative for the summary (they know "the Commission" is the CND).
      for (const id of summary.entitiesIn(p)) if (!tf.has(analyser.bodyFeature(id))) tf.set(analyser.bodyFeature(id), 1);
      if (p.session !== null) tf.set(analyser.sessionFeature(p.session), 1);
      this.profiles.push(a);
      this.tfs.push(tf);
      lengths.push(length);
    }
    analyser.freeze();
    const avg = lengths.reduce((x, y) => x + y, 0) / Math.max(1, lengths.length);
    const df = new Map<number, number>();
    for (const tf of this.tfs) for (const id of tf.keys()) df.set(id, (df.get(id) ?? 0) + 1);
    const n = this.count;
    this.tfs.forEach((tf, i) => {
      const norm = 1 - B + (B * lengths[i]) / avg;
      for (const [id, count] of tf) {
        let post = this.postings[id];
        if (!post) {
          const d = df.get(id)!;
          const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
          post = { paragraphs: [], weights: [], weight: idf * KIND_WEIGHT[analyser.kindOf(id)] };
          this.postings[id] = post;
        }
        const weight = (count * (K1 + 1)) / (count + K1 * norm);
        post.paragraphs.push(i + 1);
        post.weights.push(weight);
        (this.saturated[i] ??= new Map()).set(id, weight);
      }
    });
  }

  /** The analysis of a paragraph (its features, bodies, figures). */
  profile(n: number): Analysis | undefined {
    return this.profiles[n - 1];
  }

  /** Whether paragraph `n` has feature `id`. */
  has(n: number, id: number): boolean {
    return this.tfs[n - 1]?.has(id) ?? false;
  }

  /** The subject feature (word, pair or concept) of the sentence that weighs most, among those the summary has. */
  topFeature(a: Analysis): number | undefined {
    let top: number | undefined;
    let weight = 0;
    for (let k = 0; k < a.size; k++) {
      const kind = this.analyser.kindOf(a.ids[k]);
      if (kind !== 'word' && kind !== 'pair' && kind !== 'concept') continue;
      const post = this.postings[a.ids[k]];
      if (!post) continue;
      const w = a.weights[k] * post.weight;
      if (w > weight) {
        weight = w;
        top = a.ids[k];
      }
    }
    return top;
  }

  /** The share of the sentence's known weight that one of its features carries. */
  weightShare(a: Analysis, feature: number): number {
    let total = 0;
    let own = 0;
    for (let k = 0; k < a.size; k++) {
      const post = this.postings[a.ids[k]];
      if (!post) continue;
      const w = a.weights[k] * post.weight;
      total += w;
      if (a.ids[k] === feature) own = w;
    }
    return total > 0 ? own / total : 0;
  }

  /** Whether a paragraph names a body (the directory id). */
  names(n: number, id: string): boolean {
    const f = this.analyser.bodyFeature(id);
    return f >= 0 && (this.tfs[n - 1]?.has(f) ?? false);
  }

  /**
   * Every paragraph's support for the sentence, index = paragraph number (0 unused). `subjectOnly`: count
   * only what the sentence says (words, pairs, concepts, figures), not who it names or which session.
   */
  scores(a: Analysis, subjectOnly = false): { score: Float64Array; matched: Float64Array; total: number } {
    // Scratch arrays, reused: read a result before the next call (every caller does; a draft's check makes
    // thousands of calls, and two small arrays each were a good part of its garbage).
    const score = this.scoreScratch.fill(0);
    const matched = this.matchedScratch.fill(0);
    let total = 0;
    for (let k = 0; k < a.size; k++) {
      const post = this.postings[a.ids[k]];
      if (!post) continue;
      if (subjectOnly) {
        const kind = this.analyser.kindOf(a.ids[k]);
        if (kind === 'body' || kind === 'session') continue;
      }
      const w = a.weights[k] * post.weight;
      total += w;
      for (let i = 0; i < post.paragraphs.length; i++) {
        const p = post.paragraphs[i];
        score[p] += w * post.weights[i];
        matched[p] += w;
      }
    }
    return { score, matched, total };
  }

  /** Paragraphs best first (ties: in document order), with their score and coverage. */
  rank(a: Analysis, limit = this.count): ParagraphSupport[] {
    return this.best(this.scores(a), limit);
  }

  /** The best `limit` paragraphs of scores already worked out (a small insertion sort: no object for the others). */
  best(scored: { score: Float64Array; matched: Float64Array; total: number }, limit: number): ParagraphSupport[] {
    const { score, matched, total } = scored;
    const top: number[] = [];
    for (let p = 1; p <= this.count; p++) {
      if (score[p] <= 0) continue;
      if (top.length === limit && score[p] <= score[top[limit - 1]]) continue;
      let i = top.length < limit ? top.length : limit - 1;
      while (i > 0 && score[top[i - 1]] < score[p]) {
        if (i < limit) top[i] = top[i - 1];
        i--;
      }
      top[i] = p;
    }
    return top.map((p) => ({ paragraph: p, score: score[p], coverage: total > 0 ? matched[p] / total : 0 }));
  }

  /** Support of a set of cited paragraphs taken together: each feature counts once, where it counts most. */
  supportOf(
    a: Analysis,
    paragraphs: readonly number[],
    scored?: { score: Float64Array; matched: Float64Array; total: number },
  ): ParagraphSupport & { paragraphs: number[] } {
    if (scored && paragraphs.length === 1 && paragraphs[0] >= 1 && paragraphs[0] <= this.count) {
      const p = paragraphs[0];
      return {
        paragraph: p,
        paragraphs: [p],
        score: scored.score[p],
        coverage: scored.total > 0 ? scored.matched[p] / scored.total : 0,
      };
    }
    let score = 0;
    let matched = 0;
    let total = 0;
    const set = paragraphs.filter((p) => p >= 1 && p <= this.count);
    for (let k = 0; k < a.size; k++) {
      const post = this.postings[a.ids[k]];
      if (!post) continue;
      const w = a.weights[k] * post.weight;
      total += w;
      let best = 0;
      for (let i = 0; i < post.paragraphs.length; i++) {
        if (set.includes(post.paragraphs[i]) && post.weights[i] > best) best = post.weights[i];
      }
      if (best > 0) {
        score += w * best;
        matched += w;
      }
    }
    return { paragraph: set[0] ?? 0, paragraphs: set, score, coverage: total > 0 ? matched / total : 0 };
  }

  /**
   * The sentence's strongest subject feature (word, pair or concept) that paragraph `better` has and none of
   * `cited` has, with at least `min` contribution: its index in the analysis, or -1. No allocation.
   */
  strongestMissing(a: Analysis, better: number, cited: readonly number[], min = 1): number {
    const sat = this.saturated[better - 1];
    if (!sat) return -1;
    let found = -1;
    let strongest = min;
    for (let k = 0; k < a.size; k++) {
      const id = a.ids[k];
      const kind = this.analyser.kindOf(id);
      if (kind !== 'word' && kind !== 'pair' && kind !== 'concept') continue;
      const w = sat.get(id);
      if (w === undefined) continue;
      const contribution = a.weights[k] * this.postings[id]!.weight * w;
      if (contribution < strongest) continue;
      if (cited.some((n) => this.saturated[n - 1]?.has(id))) continue;
      strongest = contribution;
      found = k;
    }
    return found;
  }

  /** The sentence's features found in paragraph `n`, strongest first. */
  matches(a: Analysis, n: number): Match[] {
    const out: Match[] = [];
    const sat = this.saturated[n - 1];
    if (!sat) return out;
    for (let k = 0; k < a.size; k++) {
      const w = sat.get(a.ids[k]);
      if (w === undefined) continue;
      out.push({
        feature: a.ids[k],
        kind: this.analyser.kindOf(a.ids[k]),
        surface: a.text.slice(a.starts[k], a.ends[k]),
        contribution: a.weights[k] * this.postings[a.ids[k]]!.weight * w,
      });
    }
    return out.sort((x, y) => y.contribution - x.contribution);
  }

  /**
   * Words to show for "matched: …": the sentence's words behind word, pair and concept features, strongest
   * first; a pair ("dark web") stands for its two words.
   */
  matchedWords(a: Analysis, n: number, max = 5): string[] {
    const found = this.matches(a, n).filter(
      (m) => (m.kind === 'word' || m.kind === 'pair' || m.kind === 'concept') && m.contribution >= 0.3 && m.surface,
    );
    const pairs = found.filter((m) => m.kind === 'pair').map((m) => m.surface.toLowerCase());
    const out: string[] = [];
    for (const m of found) {
      const s = m.surface.replace(/\s+/g, ' ');
      const lower = s.toLowerCase();
      if (m.kind !== 'pair' && pairs.some((p) => p.includes(lower))) continue;
      if (out.some((x) => x.toLowerCase().includes(lower) || lower.includes(x.toLowerCase()))) continue;
      out.push(s);
      if (out.length >= max) break;
    }
    return out;
  }
}
