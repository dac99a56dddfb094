/**
 * Does the paragraph say that? The support model and the checks built on it: which paragraphs of the summary
 * support a sentence of a draft, and whether the paragraphs a sentence cites are among them.
 */
import type { Summary } from '../summary/summary';
import { Analyser, type OtherBodies } from './analysis';
import type { Lexicon } from './lexicon';
import { SupportModel } from './model';

export { Analyser, type Analysis, type NamedBody, type OtherBodies, scanWords } from './analysis';
export { type Figure, findFigures, sameFigure } from './figures';
export { type Lexicon, loadLexicon } from './lexicon';
export { type Match, type ParagraphSupport, SupportModel } from './model';

/** The model for a summary: reads its 37 paragraphs once (a few milliseconds; build it when first needed). */
export function createSupportModel(summary: Summary, otherBodies: OtherBodies, lexicon: Lexicon): SupportModel {
  const days = summary.doc.sessions.map((s) => Number(s.date.slice(8, 10)));
  return new SupportModel(summary, new Analyser(summary.directory, otherBodies, days, lexicon));
}
