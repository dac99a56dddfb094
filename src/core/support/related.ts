/**
 * "Which paragraphs support this sentence?": the support model's ranking of the paragraphs for a passage of a
 * draft, with what each matched. Find Related, the completion of paragraph numbers and `cnd-summary related`
 * all ask this, and the checks ask the same model, so the answers never disagree.
 */
import { findCitations } from '../citations/grammar';
import { processTerm } from '../search/terms';
import { sentences } from '../summary/sentences';
import { claimText, THRESHOLDS } from './judge';
import type { SupportModel } from './model';

export interface RelatedParagraph {
  paragraph: number;
  /** The model's score (higher is better; comparable within one passage only). */
  score: number;
  /** Share of what the passage says that the paragraph carries, 0–1. */
  coverage: number;
  /** The passage's words that the paragraph matched, strongest first. */
  matched: string[];
  /** The paragraph's own words for those matches, as search terms (to highlight them in a snippet). */
  terms: string[];
}

export interface RelatedResult {
  paragraphs: RelatedParagraph[];
  /** Why nothing is listed, when nothing is. */
  message?: string;
}

/** The paragraphs related to `passage`, best first: its citations and the phrases that frame them are left out. */
export function relatedParagraphs(model: SupportModel, passage: string, limit = 10): RelatedResult {
  const text = claimText(passage, { start: 0, end: passage.length }, findCitations(passage));
  const analysis = model.analyser.analyse(text);
  const ranked = model.rank(analysis, limit);
  if (ranked.length === 0) {
    return {
      paragraphs: [],
      message: /[\p{L}]/u.test(text)
        ? 'No paragraph of the summary shares the words of this passage.'
        : 'Select a sentence of your draft to find the paragraphs that support it.',
    };
  }
  return {
    paragraphs: ranked.map((r) => {
      const profile = model.profile(r.paragraph)!;
      const terms = new Set<string>();
      for (const m of model.matches(analysis, r.paragraph)) {
        if (m.kind !== 'word' && m.kind !== 'pair' && m.kind !== 'concept') continue;
        // The paragraph's own words for the feature (for a concept, its own synonym).
        for (let k = 0; k < profile.size; k++) {
          if (profile.ids[k] !== m.feature) continue;
          for (const w of profile.text.slice(profile.starts[k], profile.ends[k]).split(/[^\p{L}\p{N}]+/u)) {
            const t = processTerm(w);
            if (t) terms.add(t);
          }
        }
      }
      return {
        paragraph: r.paragraph,
        score: Math.round(r.score * 1000) / 1000,
        coverage: Math.round(r.coverage * 1000) / 1000,
        matched: model.matchedWords(analysis, r.paragraph),
        terms: [...terms],
      };
    }),
  };
}

/**
 * The paragraphs related to the sentence being written, for completion after `para. `: `before` is the
 * draft's paragraph up to the cursor. The sentence under way is read (with the one before it when it says too
 * little yet: "This is confirmed in para. ").
 */
export function relatedToSentenceBefore(model: SupportModel, before: string, limit = 5): RelatedResult {
  const spans = sentences(before);
  const current = spans[spans.length - 1];
  if (!current) return { paragraphs: [] };
  let start = current.start;
  const previous = spans[spans.length - 2];
  if (previous) {
    const own = model.analyser.analyse(claimText(before, current, findCitations(before)));
    if (model.scores(own).total < THRESHOLDS.minContent) start = previous.start;
  }
  const result = relatedParagraphs(model, before.slice(start), limit);
  // Only paragraphs that carry a fair share of the sentence: the rest are listed in order anyway.
  const best = result.paragraphs[0]?.score ?? 0;
  return { paragraphs: result.paragraphs.filter((r) => r.coverage >= 0.15 && r.score >= 0.35 * best) };
}
