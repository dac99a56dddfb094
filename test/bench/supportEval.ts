/**
 * Measures the support model on a labelled set (test/fixtures/support/*.json, described in its README):
 * related ranking (top-1, top-3, MRR), wrong citations caught, correct citations falsely warned, and the
 * uncited-restatement hint's precision and coverage. Used by the unit test that holds the floors and by
 * `npm run bench`, which prints the figures.
 */
import { findCitations } from '../../src/core/citations/grammar';
import { DEFAULT_FORMAT } from '../../src/core/citations/format';
import type { SearchEngine } from '../../src/core/search/engine';
import { sentences } from '../../src/core/summary/sentences';
import { checkSupport, type SupportCheck, type SupportProblem } from '../../src/core/support/checks';
import { claimText } from '../../src/core/support/judge';
import type { SupportModel } from '../../src/core/support/model';

export interface LabelledItem {
  id: string;
  text: string;
  context?: string;
  cited: number[];
  supports: number[];
  label: 'correct' | 'wrong' | 'uncited' | 'unsupported';
  kind: string;
  expect: string[];
  restates?: boolean;
  why?: string;
  variantOf?: string;
}

export interface Evaluation {
  related: { n: number; top1: number; top3: number; mrr: number; misses: { id: string; got: number[]; want: number[] }[] };
  wrong: { n: number; caught: number; byKind: Record<string, { n: number; caught: number }>; missed: string[] };
  correct: { n: number; warned: number; falseAlarms: { id: string; problems: string[] }[] };
  unsupportedCited: { n: number; expected: number; warnedExpected: number };
  restatement: {
    hints: number;
    right: number;
    restating: number;
    covered: number;
    wrongHints: { id: string; got: number; want: number[] }[];
  };
}

const ALL: ReadonlySet<SupportCheck> = new Set(['citation-support', 'attribution', 'figure', 'uncited-restatement']);
const CITING = new Set(['citation-support', 'attribution', 'figure']);

function draftOf(item: LabelledItem): { text: string; offset: number } {
  const context = item.context ? `${item.context.trim()} ` : '';
  return { text: context + item.text, offset: context.length };
}

export function problemsOf(model: SupportModel, text: string): SupportProblem[] {
  const citations = findCitations(text);
  const spans = sentences(text);
  return checkSupport(model, text, citations, spans, { format: DEFAULT_FORMAT, enabled: ALL });
}

/** The paragraphs ranked for a sentence with its citations removed (what Find Related and completion see). */
export function rankedFor(model: SupportModel, text: string): number[] {
  const citations = findCitations(text);
  const claim = claimText(text, { start: 0, end: text.length }, citations);
  return model.rank(model.analyser.analyse(claim)).map((r) => r.paragraph);
}

export function evaluate(model: SupportModel, items: LabelledItem[]): Evaluation {
  const e: Evaluation = {
    related: { n: 0, top1: 0, top3: 0, mrr: 0, misses: [] },
    wrong: { n: 0, caught: 0, byKind: {}, missed: [] },
    correct: { n: 0, warned: 0, falseAlarms: [] },
    unsupportedCited: { n: 0, expected: 0, warnedExpected: 0 },
    restatement: { hints: 0, right: 0, restating: 0, covered: 0, wrongHints: [] },
  };
  for (const item of items) {
    const { text, offset } = draftOf(item);
    // Problems of the item's own sentence (the context only helps to read it).
    const problems = problemsOf(model, text).filter((p) => p.end > offset);
    const citing = problems.filter((p) => CITING.has(p.check));
    if (item.label !== 'wrong' && item.supports.length > 0) {
      const ranked = rankedFor(model, text);
      const at = ranked.findIndex((n) => item.supports.includes(n));
      e.related.n++;
      if (at === 0) e.related.top1++;
      if (at >= 0 && at < 3) e.related.top3++;
      if (at >= 0) e.related.mrr += 1 / (at + 1);
      if (at !== 0) e.related.misses.push({ id: item.id, got: ranked.slice(0, 3), want: item.supports });
    }
    if (item.label === 'wrong') {
      e.wrong.n++;
      const k = (e.wrong.byKind[item.kind] ??= { n: 0, caught: 0 });
      k.n++;
      if (citing.length > 0) {
        e.wrong.caught++;
        k.caught++;
      } else e.wrong.missed.push(item.id);
    }
    if (item.label === 'correct') {
      e.correct.n++;
      if (citing.length > 0) {
        e.correct.warned++;
        e.correct.falseAlarms.push({ id: item.id, problems: citing.map((p) => `${p.check}: ${p.message}`) });
      }
    }
    if (item.label === 'unsupported' && item.cited.length > 0) {
      e.unsupportedCited.n++;
      if (item.expect.length > 0) {
        e.unsupportedCited.expected++;
        if (citing.length > 0) e.unsupportedCited.warnedExpected++;
      }
    }
    if (item.cited.length === 0) {
      const hint = problems.find((p) => p.check === 'uncited-restatement');
      if (item.restates) e.restatement.restating++;
      if (hint) {
        e.restatement.hints++;
        const got = hint.suggestions[0];
        if (item.supports.includes(got)) {
          e.restatement.right++;
          if (item.restates) e.restatement.covered++;
        } else e.restatement.wrongHints.push({ id: item.id, got, want: item.supports });
      }
    }
  }
  if (e.related.n > 0) e.related.mrr /= e.related.n;
  return e;
}

/** MiniSearch's related ranking (OR over the passage's words, BM25+): top-1, top-3, MRR on the same sentences. */
export function searchRanking(
  engine: SearchEngine,
  items: LabelledItem[],
): { n: number; top1: number; top3: number; mrr: number } {
  let n = 0;
  let top1 = 0;
  let top3 = 0;
  let mrr = 0;
  for (const item of items) {
    if (item.label === 'wrong' || item.supports.length === 0) continue;
    const text = (item.context ? `${item.context} ` : '') + item.text;
    const passage = claimText(text, { start: 0, end: text.length }, findCitations(text));
    const ranked = engine.search(passage, { mode: 'related', limit: 37 }).hits.map((h) => h.number);
    const at = ranked.findIndex((p) => item.supports.includes(p));
    n++;
    if (at === 0) top1++;
    if (at >= 0 && at < 3) top3++;
    if (at >= 0) mrr += 1 / (at + 1);
  }
  return { n, top1, top3, mrr: n ? mrr / n : 0 };
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);

export function report(name: string, e: Evaluation): string[] {
  return [
    `${name}: related top-1 ${pct(e.related.top1, e.related.n)}, top-3 ${pct(e.related.top3, e.related.n)}, MRR ${e.related.mrr.toFixed(3)} (${e.related.n} sentences)`,
    `${name}: wrong citations caught ${pct(e.wrong.caught, e.wrong.n)} (${e.wrong.caught}/${e.wrong.n}); correct citations warned ${pct(e.correct.warned, e.correct.n)} (${e.correct.warned}/${e.correct.n})`,
    `${name}: by kind ${Object.entries(e.wrong.byKind)
      .map(([k, v]) => `${k} ${v.caught}/${v.n}`)
      .join(', ')}`,
    `${name}: unsupported claims with a citation warned ${e.unsupportedCited.warnedExpected}/${e.unsupportedCited.expected} (where the cited paragraph is off topic)`,
    `${name}: uncited-restatement hints ${e.restatement.hints}, precise ${pct(e.restatement.right, e.restatement.hints)}, coverage of close restatements ${pct(e.restatement.covered, e.restatement.restating)}`,
  ];
}
