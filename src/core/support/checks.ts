/**
 * The support checks of a draft, one function each:
 * - `citation-support`: the cited paragraphs do not discuss what the sentence says, while another clearly does;
 * - `attribution`: the sentence says a body made the point, and no cited paragraph names that body;
 * - `figure`: a figure, date or session in the sentence that the cited paragraphs give differently or not at all;
 * - `uncited-restatement`: a sentence without a citation that restates one paragraph closely.
 */
import * as l10n from '@vscode/l10n';
import { matchCase, PLURAL, SINGULAR } from '../citations/diagnostics';
import type { CitationFormat } from '../citations/format';
import { formatCitation, formatNumbers } from '../citations/format';
import type { Citation } from '../citations/grammar';
import { longDate, truncate } from '../summary/summary';
import type { Range } from '../summary/sentences';
import type { Analysis, NamedBody } from './analysis';
import { type Figure, sameFigure } from './figures';
import {
  claimHasWords,
  claimRange,
  claimText,
  firstEndingAfter,
  judgeCitation,
  MAX_CLAIM,
  THRESHOLDS,
  type Verdict,
} from './judge';
import type { SupportModel } from './model';

export type SupportCheck = 'citation-support' | 'attribution' | 'figure' | 'uncited-restatement';

export interface SupportEdit {
  start: number;
  end: number;
  newText: string;
}

/** "Keep this citation": a dismissal recorded in the workspace (see `KeptCitations`). */
export interface KeepRequest {
  sentence: string;
  paragraphs: number[];
  check: SupportCheck;
}

export interface SupportFix {
  title: string;
  edits: SupportEdit[];
  /** Instead of edits: record that the drafter keeps this citation as it is. */
  keep?: KeepRequest;
}

/** Fixes are worked out when first asked for (the light bulb): a draft may have thousands of problems. */
export type LazyFixes = () => SupportFix[];

export interface SupportProblem {
  start: number;
  end: number;
  check: SupportCheck;
  message: string;
  fixes: LazyFixes;
  /** The paragraphs a fix would cite. */
  suggestions: number[];
}

/** The text of a sentence as a kept citation records it: whitespace collapsed. */
export function keptSentence(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface SupportCheckOptions {
  format: CitationFormat;
  enabled: ReadonlySet<SupportCheck>;
  /**
   * The quotations of the text (findQuotations), in order: a sentence inside a quotation whose closing mark is
   * in a sentence with a citation is cited by it (“A. B.” (para. 5)), and gets no restatement hint.
   */
  quotations?: readonly Range[];
  /**
   * The quotations the misquotation check found wrong, in order (inside their marks). A citation whose claim has
   * no word outside them is not judged: the misquotation already says that the paragraph does not say those
   * words, and gives the closest passage.
   */
  misquoted?: readonly Range[];
  /** Whether the drafter kept this citation of this sentence (the workspace's kept citations). */
  isKept?: (sentence: string, paragraphs: readonly number[]) => boolean;
}

export interface SentenceCitations {
  sentence: Range;
  previous?: Range;
  /** The citations of the summary (not external) in the sentence, in order. */
  cites: Citation[];
  /** Citations of other documents in the sentence. */
  external: number;
}

/**
 * Edits that make a citation cite `numbers`, in the draft's own style: its keyword (made singular or plural
 * as needed), its range dash, its parentheses and suffix untouched.
 */
export function recite(c: Citation, numbers: readonly number[], fallbackDash: CitationFormat['rangeDash']): SupportEdit[] {
  const first = c.numbers[0];
  const last = c.numbers[c.numbers.length - 1];
  const dashItem = c.items.find((i) => i.dash);
  const dashText = dashItem?.dash?.text;
  const dash: CitationFormat['rangeDash'] =
    dashText === '-' || dashText === '–' ? dashText : dashText !== undefined && /to/.test(dashText) ? ' to ' : fallbackDash;
  const edits: SupportEdit[] = [{ start: first.start, end: last.end, newText: formatNumbers(numbers, dash) }];
  const word = c.keyword.text.replace(/\.$/, '');
  const table =
    numbers.length > 1 && c.keyword.plural === false
      ? PLURAL
      : numbers.length === 1 && c.keyword.plural === true
        ? SINGULAR
        : undefined;
  const to = table?.[word.toLowerCase()];
  if (to) edits.unshift({ start: c.keyword.start, end: c.keyword.start + word.length, newText: matchCase(word, to) });
  return edits;
}

function cite(n: readonly number[]): string {
  return formatCitation(n);
}

/** The sentences of each paragraph, lower-cased beside them, and the excerpt shown for a word (cut once). */
const excerpts = new WeakMap<
  SupportModel,
  { sentences: Map<number, { text: string; lower: string }[]>; byWord: Map<string, string> }
>();

/** The sentence of paragraph `n` that holds `word` (its first sentence when none does), cut to a readable length. */
function excerpt(model: SupportModel, n: number, word: string | undefined): string {
  let cache = excerpts.get(model);
  if (!cache) excerpts.set(model, (cache = { sentences: new Map(), byWord: new Map() }));
  const key = `${n}|${word ?? ''}`;
  const known = cache.byWord.get(key);
  if (known !== undefined) return known;
  let list = cache.sentences.get(n);
  if (!list) {
    const text = model.summary.paragraph(n)?.text ?? '';
    list = text.split(/(?<=[.;])\s+/).map((t) => ({ text: truncate(t, 110), lower: t.toLowerCase() }));
    cache.sentences.set(n, list);
  }
  // The word as the sentence wrote it may differ from the paragraph's ("cryptocurrencies", "cryptocurrency"): its stem's start.
  const probe = word?.toLowerCase().slice(0, Math.max(4, Math.min(word.length - 2, 8)));
  const found = ((probe ? list.find((s) => s.lower.includes(probe)) : undefined) ?? list[0])?.text ?? '';
  if (cache.byWord.size < 10_000) cache.byWord.set(key, found);
  return found;
}

function missingWord(model: SupportModel, a: Analysis, better: number, cited: readonly number[]): string | undefined {
  const k = model.strongestMissing(a, better, cited);
  return k < 0 ? undefined : a.text.slice(a.starts[k], a.ends[k]).replace(/\s+/g, ' ');
}

export function citationSupportProblem(
  model: SupportModel,
  text: string,
  c: Citation,
  v: Verdict,
  options: SupportCheckOptions,
): SupportProblem | undefined {
  if (v.better.length === 0) return undefined;
  const better = v.better.slice(0, 2);
  const top = better[0];
  const word = missingWord(model, v.analysis, top, v.cited);
  const quoted = excerpt(model, top, word);
  const cited = cap(cite(v.cited));
  const several = v.cited.length > 1;
  const message = word
    ? several
      ? l10n.t('{0} do not seem to be about “{1}”; {2} is: “{3}”', cited, word, cite([top]), quoted)
      : l10n.t('{0} does not seem to be about “{1}”; {2} is: “{3}”', cited, word, cite([top]), quoted)
    : several
      ? l10n.t('{0} do not seem to be about this; {1} is: “{2}”', cited, cite([top]), quoted)
      : l10n.t('{0} does not seem to be about this; {1} is: “{2}”', cited, cite([top]), quoted);
  const fixes = (): SupportFix[] => [
    { title: l10n.t('Cite {0} instead', cite(better)), edits: recite(c, better, options.format.rangeDash) },
    {
      title: l10n.t('Add {0} to the citation', cite([top])),
      edits: recite(
        c,
        [...new Set([...v.cited, top])].sort((x, y) => x - y),
        options.format.rangeDash,
      ),
    },
    {
      title: l10n.t('Keep this citation ({0})', cite(v.cited)),
      edits: [],
      keep: { sentence: keptSentence(text.slice(v.claim.start, v.claim.end)), paragraphs: v.cited, check: 'citation-support' },
    },
  ];
  return { start: c.start, end: c.end, check: 'citation-support', message, fixes, suggestions: better };
}

/** `to`, with the first letter's case of `model` ("Less than 2 per cent" → "Less than 1 per cent"). */
function sameCase(model: string, to: string): string {
  const first = model.charAt(0);
  return first !== first.toLowerCase() ? cap(to) : to;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether a paragraph names a body or one of its parts or its parent (UNODC and its branches). */
function namesBody(model: SupportModel, n: number, id: string): boolean {
  if (model.names(n, id)) return true;
  const orgs = model.summary.directory.organizations;
  const org = orgs.find((o) => o.id === id);
  if (org?.parentId && model.names(n, org.parentId)) return true;
  return orgs.some((o) => o.parentId === id && model.names(n, o.id));
}

export function attributionProblems(
  model: SupportModel,
  text: string,
  c: Citation,
  v: Verdict,
  claimOffset: number,
  options: SupportCheckOptions,
): readonly SupportProblem[] {
  // Most claims name no body: nothing to attribute (and nothing made for them).
  if (v.analysis.bodies.length === 0) return NO_PROBLEMS;
  const out: SupportProblem[] = [];
  const seen = new Set<string>();
  // A paragraph that says who took part (it names two bodies or more) is about who: a body the sentence
  // adds to it is a claim about it even without a verb of saying ("nominated together with the INCB").
  const aboutWho = v.cited.some((n) => bodiesNamed(model, n) >= 2);
  for (const b of v.analysis.bodies) {
    if ((!b.attributed && !(aboutWho && b.id !== 'cnd')) || seen.has(b.id)) continue;
    seen.add(b.id);
    if (v.cited.some((n) => namesBody(model, n, b.id))) continue;
    const where = b.id.startsWith('other:') ? [] : model.summary.paragraphsMentioning(b.id);
    const support = where.length ? bestOf(model, v, where) : [];
    const message = where.length
      ? l10n.t('{0} is not named in {1}; the summary names it in {2}.', b.name, cite(v.cited), cite(where))
      : l10n.t('{0} is not named in {1}, nor anywhere in the summary.', b.name, cite(v.cited));
    const fixes = (): SupportFix[] => [
      ...(support.length
        ? [{ title: l10n.t('Cite {0} instead', cite(support)), edits: recite(c, support, options.format.rangeDash) }]
        : []),
      {
        title: l10n.t('Keep this citation ({0})', cite(v.cited)),
        edits: [],
        keep: { sentence: keptSentence(text.slice(v.claim.start, v.claim.end)), paragraphs: v.cited, check: 'attribution' },
      },
    ];
    out.push({
      start: claimOffset + b.start,
      end: claimOffset + b.end,
      check: 'attribution',
      message,
      fixes,
      suggestions: support,
    });
  }
  return out;
}

/**
 * How many distinct bodies a paragraph names besides the Commission and UNODC (which present every session):
 * two or more make it a paragraph about who took part.
 */
function bodiesNamed(model: SupportModel, n: number): number {
  const p = model.summary.paragraph(n);
  if (!p) return 0;
  const orgs = model.summary.directory.organizations;
  const unodc = (id: string) => id === 'unodc' || orgs.find((o) => o.id === id)?.parentId === 'unodc';
  return model.summary.entitiesIn(p).filter((id) => id !== 'cnd' && !unodc(id)).length;
}

/** Of some paragraphs, those that carry the claim at all, best first (at most 2). */
function bestOf(model: SupportModel, v: Verdict, among: number[]): number[] {
  const ranked = model.rank(v.analysis).filter((r) => among.includes(r.paragraph) && r.coverage >= 0.15);
  return ranked.slice(0, 2).map((r) => r.paragraph);
}

/** The year of the thematic discussions: a sentence may name it as context whatever it cites. */
const DISCUSSIONS_YEAR = 2021;

/** Words in the sentence that make a figure the drafter's own, not the summary's ("in my country", "we seized"). */
const OWN_FIGURE = /\b(?:my|our)\s+(?:country|countries|government|region|nation|authorities|delegation)\b|\b(?:we|our)\b/i;

export function figureProblems(
  model: SupportModel,
  text: string,
  c: Citation,
  v: Verdict,
  claimOffset: number,
  options: SupportCheckOptions,
): readonly SupportProblem[] {
  // Most claims state no figure and name no session: nothing to compare (and nothing made for them).
  if (v.analysis.figures.length === 0 && v.analysis.sessions.length === 0) return NO_PROBLEMS;
  const out: SupportProblem[] = [];
  const claim = text.slice(v.claim.start, v.claim.end);
  const own = OWN_FIGURE.test(claim);
  const allCited = v.cited.flatMap((n) => (model.profile(n)?.figures ?? []).map((f) => ({ n, f })));
  const citedFigures = allCited.filter((x) => !x.f.name);
  const keep = (): SupportFix => ({
    title: l10n.t('Keep this citation ({0})', cite(v.cited)),
    edits: [],
    keep: { sentence: keptSentence(claim), paragraphs: v.cited, check: 'figure' },
  });
  for (const f of v.analysis.figures) {
    if (f.name) {
      // "the 2020 World Drug Report" where the cited paragraph names the 2021 one.
      const named = allCited.find((x) => x.f.name && x.f.noun === f.noun && f.noun !== undefined);
      if (!named || allCited.some((x) => x.f.name && x.f.noun === f.noun && x.f.value === f.value)) continue;
      out.push({
        start: claimOffset + f.start,
        end: claimOffset + f.end,
        check: 'figure',
        message: l10n.t('{0} gives “{1}”, not “{2}”.', cap(cite([named.n])), named.f.text, f.text),
        fixes: () => [
          {
            title: l10n.t('Write “{0}”', named.f.text),
            edits: [{ start: claimOffset + f.start, end: claimOffset + f.end, newText: named.f.text }],
          },
          keep(),
        ],
        suggestions: [],
      });
      continue;
    }
    if (f.kind === 'date') {
      const problem = dateProblem(model, f, v.cited);
      if (problem) out.push({ ...problem, start: claimOffset + f.start, end: claimOffset + f.end, fixes: () => [keep()] });
      continue;
    }
    if (citedFigures.some((x) => sameFigure(x.f, f))) continue;
    // Counts and ordinals compare only when they count the same thing ("four steps", not "three sessions"
    // and "three challenges"); a deadline only with a deadline ("by 2025" and "by 2030").
    const comparable = (g: Figure) =>
      g.kind === f.kind &&
      ((f.kind !== 'count' && f.kind !== 'ordinal') || (f.noun !== undefined && g.noun === f.noun)) &&
      (f.kind !== 'year' || (f.qualifier === 'deadline') === (g.qualifier === 'deadline'));
    let sameKind = citedFigures.filter((x) => comparable(x.f));
    if (f.kind === 'year' && f.qualifier !== 'deadline') {
      // A year is checked only when it is the sentence's one year and not the year of the discussions
      // themselves ("In 2021, speakers…" is context, not a claim about the paragraph).
      const years = v.analysis.figures.filter((g) => g.kind === 'year' && !g.name);
      if (years.length > 1 || f.value === DISCUSSIONS_YEAR) sameKind = [];
    }
    // Where else the summary gives the figure: for amounts only (years, months and ordinals recur as context).
    // Small counts ("all three sessions") are context, unless the cited paragraph counts the same thing.
    const amount = f.kind === 'percent' || f.kind === 'decimal' || (f.kind === 'count' && f.value >= 10);
    const elsewhere = !amount
      ? []
      : model.summary.doc.paragraphs
          .filter((p) => !v.cited.includes(p.number))
          .filter((p) => (model.profile(p.number)?.figures ?? []).some((g) => !g.name && comparable(g) && sameFigure(g, f)))
          .map((p) => p.number);
    let message: string | undefined;
    let fix: (() => SupportFix) | undefined;
    if (sameKind.length > 0) {
      const given = sameKind[0];
      message = l10n.t('{0} gives “{1}”, not “{2}”.', cap(cite([given.n])), given.f.text, f.text);
      const written = sameCase(f.text, given.f.text);
      fix = () => ({
        title: l10n.t('Write “{0}”', written),
        edits: [{ start: claimOffset + f.start, end: claimOffset + f.end, newText: written }],
      });
    } else if (elsewhere.length > 0) {
      const cited = cap(cite(v.cited));
      const other = cite(elsewhere.slice(0, 2));
      message =
        v.cited.length > 1
          ? elsewhere.length > 1
            ? l10n.t('{0} do not give “{1}”; {2} do.', cited, f.text, other)
            : l10n.t('{0} do not give “{1}”; {2} does.', cited, f.text, other)
          : elsewhere.length > 1
            ? l10n.t('{0} does not give “{1}”; {2} do.', cited, f.text, other)
            : l10n.t('{0} does not give “{1}”; {2} does.', cited, f.text, other);
      fix = () => ({
        title: l10n.t('Cite {0} instead', cite(elsewhere.slice(0, 2))),
        edits: recite(c, elsewhere.slice(0, 2), options.format.rangeDash),
      });
    } else if (!own && amount) {
      message =
        v.cited.length > 1
          ? l10n.t('{0} give no figure “{1}”, and neither does the rest of the summary.', cap(cite(v.cited)), f.text)
          : l10n.t('{0} gives no figure “{1}”, and neither does the rest of the summary.', cap(cite(v.cited)), f.text);
    }
    if (!message) continue;
    const fixes = () => [...(fix ? [fix()] : []), keep()];
    out.push({
      start: claimOffset + f.start,
      end: claimOffset + f.end,
      check: 'figure',
      message,
      fixes,
      suggestions: sameKind.length > 0 ? [] : elsewhere.slice(0, 2),
    });
  }
  // "In the third thematic session" with a paragraph of the second.
  for (const s of v.analysis.sessions) {
    const inSession = v.cited.filter((n) => model.summary.paragraph(n)?.session !== null);
    if (inSession.length === 0 || inSession.some((n) => model.summary.paragraph(n)!.session === s)) continue;
    if (v.analysis.figures.some((f) => f.kind === 'date')) continue; // reported by date above
    const cited = model.summary.paragraph(inSession[0])!;
    const session = model.summary.doc.sessions[cited.session!];
    const named = model.summary.doc.sessions[s];
    out.push({
      start: v.claim.start,
      end: v.claim.end,
      check: 'figure',
      message: l10n.t(
        '{0} is from {1} ({2}), not {3}.',
        cap(cite([cited.number])),
        session.title.toLowerCase(),
        longDate(session.date),
        named.title.toLowerCase(),
      ),
      fixes: () => [keep()],
      suggestions: [],
    });
  }
  return out;
}

function dateProblem(
  model: SupportModel,
  f: Figure,
  cited: readonly number[],
): Omit<SupportProblem, 'start' | 'end' | 'fixes'> | undefined {
  const sessions = model.summary.doc.sessions;
  const given = cited.flatMap((n) => (model.profile(n)?.figures ?? []).filter((g) => g.kind === 'date').map((g) => ({ n, g })));
  if (given.some((x) => sameFigure(x.g, f))) return undefined;
  // A paragraph that gives dates ("held from 19–21 October"): the sentence's must be one of them.
  if (given.length > 0) {
    return {
      check: 'figure',
      message: l10n.t('{0} gives “{1}”, not “{2}”.', cap(cite([given[0].n])), given[0].g.text, f.text),
      suggestions: [],
    };
  }
  // A paragraph of a session: the sentence's day must be the session's.
  const inSessions = cited.map((n) => model.summary.paragraph(n)!).filter((p) => p.session !== null);
  if (inSessions.length === 0) return undefined;
  const dayOf = (i: number) => Number(sessions[i].date.slice(8, 10));
  if (inSessions.some((p) => dayOf(p.session!) >= f.value && dayOf(p.session!) <= (f.to ?? f.value))) return undefined;
  const session = sessions[inSessions[0].session!];
  return {
    check: 'figure',
    message: l10n.t(
      '{0} reports {1}, held on {2}, not on {3}.',
      cap(cite([inSessions[0].number])),
      session.title.toLowerCase(),
      longDate(session.date),
      f.text,
    ),
    suggestions: [],
  };
}

/**
 * When an uncited sentence is called a restatement of one paragraph: the paragraph carries at least
 * `minCoverage` of what the sentence says (each word the summary never uses counting as `unknownWeight`
 * against it, so that a sentence adding its own claim is not one), at least `minMatched` of weight (several
 * telling words, not two), and leads the next paragraph by `minLeadRatio`. Set on the development set for
 * precision (see test/fixtures/support/README.md).
 */
export const RESTATEMENT = { minCoverage: 0.7, minMatched: 9, minLeadRatio: 1.8, unknownWeight: 2 };

export function uncitedRestatementProblem(
  model: SupportModel,
  text: string,
  s: SentenceCitations,
  options: SupportCheckOptions,
): SupportProblem | undefined {
  // Headings, lines set in emphasis (a draft's title or subtitle), block quotations and quoted words are not
  // the drafter's own sentences: a passage of the summary pasted or quoted in a draft restates it on purpose.
  const first = text.charAt(s.sentence.start);
  const last = text.charAt(s.sentence.end - 1);
  if (first === '#' || first === '*' || first === '_' || first === '“' || first === '"' || first === '>') return undefined;
  if (last === '*' || last === '_' || last === '”' || last === '"') return undefined;
  if (s.sentence.end - s.sentence.start > MAX_CLAIM || inBlockQuote(text, s.sentence.start)) return undefined;
  const claim = claimText(text, s.sentence, []);
  const a = model.analyser.analyse(claim);
  const { score, matched, total } = model.scores(a, true);
  if (total === 0) return undefined;
  let best = 0;
  let second = 0;
  for (let p = 1; p < score.length; p++) {
    if (score[p] > score[best]) {
      second = best;
      best = p;
    } else if (score[p] > score[second]) second = p;
  }
  if (best === 0) return undefined;
  const coverage = matched[best] / (total + RESTATEMENT.unknownWeight * a.unknown);
  if (coverage < RESTATEMENT.minCoverage || matched[best] < RESTATEMENT.minMatched) return undefined;
  if (second !== 0 && score[best] < RESTATEMENT.minLeadRatio * score[second]) return undefined;
  if (options.isKept?.(keptSentence(text.slice(s.sentence.start, s.sentence.end)), [])) return undefined;
  const insertAt = citationSpot(text, s.sentence);
  const citation = formatCitation([best], options.format);
  const inserted = citation.startsWith('(') ? ` ${citation}` : ` (${citation})`;
  return {
    start: s.sentence.start,
    end: s.sentence.end,
    check: 'uncited-restatement',
    message: l10n.t('This restates {0} ({1}). Cite it?', cite([best]), headline(model, best)),
    fixes: () => [
      { title: l10n.t('Cite {0}', cite([best])), edits: [{ start: insertAt, end: insertAt, newText: inserted }] },
      {
        title: l10n.t('Not a restatement: do not suggest a citation here'),
        edits: [],
        keep: {
          sentence: keptSentence(text.slice(s.sentence.start, s.sentence.end)),
          paragraphs: [],
          check: 'uncited-restatement',
        },
      },
    ],
    suggestions: [best],
  };
}

const headlines = new WeakMap<SupportModel, Map<number, string>>();

/** A paragraph's headline (its first key phrase or opening words), cut once. */
function headline(model: SupportModel, n: number): string {
  let byParagraph = headlines.get(model);
  if (!byParagraph) headlines.set(model, (byParagraph = new Map<number, string>()));
  let h = byParagraph.get(n);
  if (h === undefined) byParagraph.set(n, (h = model.summary.headline(model.summary.paragraph(n)!, 80)));
  return h;
}

/** Whether the line holding `offset` is a Markdown block quotation (looks back at most 200 characters: linear). */
function inBlockQuote(text: string, offset: number): boolean {
  let i = offset - 1;
  const stop = Math.max(0, offset - 200);
  while (i >= stop && text.charCodeAt(i) !== 10) i--;
  if (i < stop && i >= 0) return false;
  let j = i + 1;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  return text.charCodeAt(j) === 62;
}

/** Where a citation closing a sentence goes: before its final full stop (and closing quotation marks after it). */
function citationSpot(text: string, sentence: Range): number {
  let end = sentence.end;
  while (end > sentence.start && /[.!?;:]/.test(text[end - 1])) end--;
  return end;
}

/** All support problems of the sentences given (a draft, or the blocks that changed). */
/**
 * What a sentence's checks found, remembered by the sentence's text: drafts repeat sentences (boilerplate,
 * a paragraph pasted twice), and the editor checks the same sentences again after each keystroke. A result
 * holds problems at the offsets of the sentence it was found in (`origin`); it is moved for another
 * occurrence. Sentences read with the sentence before them are not remembered (their result depends on it).
 */
export interface SentenceResult {
  origin: number;
  problems: readonly SupportProblem[];
  /** (Claims) the claim was short; it was read with the sentence before. */
  short?: boolean;
  withContext?: boolean;
}

type CacheKind = 'citing' | 'uncited' | 'claim';

/**
 * A key: a stretch of the draft's text and a few small numbers that say how to read it (offsets in it, a
 * flag). Looked up without making a string of it: a draft may hold 100,000 claims, and making each key,
 * then hashing it, cost more than most lookups save.
 */
export interface TextKey {
  text: string;
  from: number;
  to: number;
  /** The numbers: the first `count` of the array. */
  numbers: readonly number[];
  count: number;
}

/** A remembered key: its numbers, and where its text was copied in the pool of its table. */
interface Entry {
  numbers: number[];
  at: number;
  length: number;
  result: SentenceResult;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const INITIAL_POOL = 4096;

/**
 * Results by key, in buckets by a hash of the key; each key found is checked against the key remembered. The
 * keys' text is copied out of the draft into one pool (a slice would keep the whole draft of that keystroke
 * alive, and an array for each key costs more to make than most lookups).
 */
class KeyedResults {
  private readonly buckets = new Map<number, Entry[]>();
  private pool = new Uint16Array(INITIAL_POOL);
  private used = 0;
  /** The entry `get` found last. */
  private last: Entry | undefined;
  /** The text hashed last, where, and its hash (see textHash). */
  private hashedText = '';
  private hashedFrom = 0;
  private hashedTo = 0;
  private hashed = 0;
  entries = 0;
  /** Characters and numbers of the keys held. */
  chars = 0;

  constructor(private readonly mask: number) {}

  private hash(key: TextKey): number {
    const { numbers, count } = key;
    let h = Math.imul(this.textHash(key) ^ count, FNV_PRIME);
    for (let i = 0; i < count; i++) h = Math.imul(h ^ numbers[i], FNV_PRIME);
    return h & this.mask;
  }

  /**
   * The hash of the key's text. The last one is remembered with the text and range it was read from (strings
   * do not change): `set` usually follows a `get` that missed, with the same key, and a key's text may be a
   * whole sentence.
   */
  private textHash(key: TextKey): number {
    const { text, from, to } = key;
    if (text === this.hashedText && from === this.hashedFrom && to === this.hashedTo) return this.hashed;
    let h = FNV_OFFSET;
    for (let p = from; p < to; p++) h = Math.imul(h ^ text.charCodeAt(p), FNV_PRIME);
    this.hashedText = text;
    this.hashedFrom = from;
    this.hashedTo = to;
    this.hashed = h;
    return h;
  }

  get(key: TextKey): SentenceResult | undefined {
    // The entry found last, tried first: a draft's sentences and claims come in runs of the same text (a list
    // of citations, a repeated line), and comparing one key costs less than hashing it and finding its bucket.
    const last = this.last;
    if (last !== undefined && this.same(last, key)) return last.result;
    const bucket = this.buckets.get(this.hash(key));
    if (bucket)
      for (const e of bucket)
        if (this.same(e, key)) {
          this.last = e;
          return e.result;
        }
    return undefined;
  }

  set(key: TextKey, result: SentenceResult): void {
    const h = this.hash(key);
    let bucket = this.buckets.get(h);
    if (!bucket) this.buckets.set(h, (bucket = []));
    const { text, from } = key;
    const length = key.to - from;
    if (this.used + length > this.pool.length) {
      const grown = new Uint16Array(Math.max(2 * this.pool.length, this.used + length));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const { pool } = this;
    const at = this.used;
    for (let i = 0; i < length; i++) pool[at + i] = text.charCodeAt(from + i);
    this.used += length;
    bucket.push({ numbers: key.numbers.slice(0, key.count), at, length, result });
    this.entries++;
    this.chars += keyLength(key);
  }

  clear(): void {
    this.buckets.clear();
    this.last = undefined;
    this.pool = new Uint16Array(INITIAL_POOL);
    this.used = 0;
    this.entries = 0;
    this.chars = 0;
  }

  private same(e: Entry, key: TextKey): boolean {
    const { text, from, numbers, count } = key;
    if (e.numbers.length !== count || e.length !== key.to - from) return false;
    for (let i = 0; i < count; i++) if (e.numbers[i] !== numbers[i]) return false;
    const { pool } = this;
    for (let i = 0; i < e.length; i++) if (pool[e.at + i] !== text.charCodeAt(from + i)) return false;
    return true;
  }
}

function keyLength(key: TextKey): number {
  return key.to - key.from + key.count;
}

/**
 * The longest key remembered, in characters: a "sentence" longer than this is not prose (a draft without full
 * stops, a table pasted as one line, hostile text), is unlikely to come again, and looking it up and keeping
 * it would read and copy all of it (a megabyte, for a draft that is one such sentence). Its claims, not over
 * MAX_CLAIM, are still remembered one by one.
 */
export const MAX_KEY = 5 * MAX_CLAIM;

/**
 * Remembered results, by text: of citing sentences, of sentences without a citation, and of single claims
 * (see claimKey). Cleared by its owner when the options change. Bounded.
 */
export class SentenceCache {
  private readonly kinds: Record<CacheKind, KeyedResults>;

  /**
   * `limit`: how many results of each kind are remembered (0: none, for tests that compare); `maxChars`: how
   * many characters of keys each kind holds at most. The editor's cache lives as long as the draft is open and
   * a key is a sentence (or a claim and the sentence before it), of any length: without a bound on both, each
   * keystroke in a long sentence would keep another copy of it. `hashBits`: how many bits of the keys' hash
   * pick a bucket (fewer in tests, so that keys share buckets and must be told apart by their text).
   */
  constructor(
    private readonly limit = 20_000,
    private readonly maxChars = 4_000_000,
    hashBits = 30,
  ) {
    const mask = hashBits >= 30 ? 0x3fffffff : (1 << hashBits) - 1;
    this.kinds = { citing: new KeyedResults(mask), uncited: new KeyedResults(mask), claim: new KeyedResults(mask) };
  }

  get(kind: CacheKind, key: TextKey): SentenceResult | undefined {
    const results = this.kinds[kind];
    return results.entries === 0 || keyLength(key) > MAX_KEY ? undefined : results.get(key);
  }

  set(kind: CacheKind, key: TextKey, result: SentenceResult): void {
    const length = keyLength(key);
    if (this.limit === 0 || length > this.maxChars || length > MAX_KEY) return;
    const results = this.kinds[kind];
    if (results.entries >= this.limit || results.chars + length > this.maxChars) results.clear();
    results.set(key, result);
  }

  /** How many characters of keys are held, in all (for tests). */
  get size(): number {
    return this.kinds.citing.chars + this.kinds.uncited.chars + this.kinds.claim.chars;
  }
}

/**
 * The numbers of the claim key being made (see claimKey): one array, written again for each claim (checks are
 * not re-entered, and a claim's key is used before the next one is made).
 */
const KEY_NUMBERS: number[] = [];
const FLAGS: readonly (readonly number[])[] = [[], [0], [1]];

/** The key of a sentence: its text, and a flag when given. */
function sentenceKey(text: string, sentence: Range, flag?: 0 | 1): TextKey {
  const numbers = FLAGS[flag === undefined ? 0 : flag + 1];
  return setKey(SENTENCE_KEY, text, sentence.start, sentence.end, numbers, numbers.length);
}

/**
 * The two keys in use: a sentence's, and a claim's while its sentence's is in use (made for each sentence and
 * claim, and read only until the next one is made: the cache copies what it keeps).
 */
const SENTENCE_KEY: TextKey = { text: '', from: 0, to: 0, numbers: [], count: 0 };
const CLAIM_KEY: TextKey = { text: '', from: 0, to: 0, numbers: [], count: 0 };

function setKey(key: TextKey, text: string, from: number, to: number, numbers: readonly number[], count: number): TextKey {
  key.text = text;
  key.from = from;
  key.to = to;
  key.numbers = numbers;
  key.count = count;
  return key;
}

function moved(p: SupportProblem, by: number): SupportProblem {
  if (by === 0) return p;
  return {
    ...p,
    start: p.start + by,
    end: p.end + by,
    fixes: () => p.fixes().map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
  };
}

/** The problems of one citing sentence, and whether it was read with the sentence before it. */
function citingSentence(
  model: SupportModel,
  text: string,
  s: SentenceCitations,
  options: SupportCheckOptions,
  cache: SentenceCache,
  /** The misquotations that overlap the sentence, in order (see SupportCheckOptions.misquoted). */
  misquoted: readonly Range[],
): { problems: readonly SupportProblem[]; withContext: boolean; short: boolean; tooLong: boolean } {
  // (Made only when a problem is found: most sentences have none.)
  let problems: SupportProblem[] | undefined;
  let withContext = false;
  let short = false;
  // Whether a claim was too long to judge (the sentence is then not remembered: it may be very long).
  let tooLong = false;
  // The sentence before is read with a claim only when the sentence holds one citation.
  const context = s.previous !== undefined && s.cites.length === 1;
  for (let i = 0; i < s.cites.length; i++) {
    // (Read only until the next claim's range is written into it: nothing keeps it.)
    const claim = claimRange(s.sentence, s.cites, i, CLAIM_RANGE);
    if (claim.end - claim.start > MAX_CLAIM) {
      // Too long to judge (see MAX_CLAIM). As a claim that says too little, it may be about the sentence before,
      // which it then covers (no restatement hint there); and its sentence is not remembered.
      if (context) withContext = true;
      short = true;
      tooLong = true;
      continue;
    }
    // A claim with nothing to read ("para. 1 para. 2 …", "(¶ 3) (¶ 4)") and no sentence before to read with
    // it is short and has no problem: told without judging it.
    if (!context && !claimHasWords(text, claim, s.cites, i)) {
      short = true;
      continue;
    }
    // A claim whose words are all misquoted: told by the misquotation check.
    if (misquoted.length > 0 && allQuoted(text, claim, s.cites, i, misquoted)) continue;
    // Remembered by what judging it reads (a sentence may hold thousands of citations, and drafts repeat
    // their claims): the claim, the citation, and the sentence before when it may be read with them. Not the
    // claim of a sentence's one citation with no sentence before to read: the sentence's own result, which
    // checkSupport remembers by the same text, says it all.
    const key = s.cites.length > 1 || context ? claimKey(text, claim, context ? s.previous : undefined, s.cites, i) : undefined;
    const known = key && cache.get('claim', key);
    if (key && known) {
      for (const p of known.problems) (problems ??= []).push(moved(p, key.from - known.origin));
      if (known.withContext) withContext = true;
      if (known.short) short = true;
      continue;
    }
    const found = citationProblems(model, text, s, i, options);
    if (key) cache.set('claim', key, { origin: key.from, ...found });
    for (const p of found.problems) (problems ??= []).push(p);
    if (found.withContext) withContext = true;
    if (found.short) short = true;
  }
  return { problems: problems ?? NO_PROBLEMS, withContext, short, tooLong };
}

interface CitationResult {
  problems: SupportProblem[];
  withContext: boolean;
  short: boolean;
}

/**
 * What judging citation `c` depends on: the text from the start of what it may read (`read`: its claim, after
 * the sentence before when that may be read with it) or the citation to the end of the other, where those
 * and the citation stand in it, and the citations blanked in it. Its `from`: where that text starts. The
 * citation is `cites[near]`.
 */
function claimKey(text: string, claim: Range, previous: Range | undefined, cites: readonly Citation[], near: number): TextKey {
  const c = cites[near];
  const readFrom = previous ?? claim;
  const from = Math.min(readFrom.start, c.start);
  const to = Math.max(claim.end, c.end);
  const n = KEY_NUMBERS;
  let count = 0;
  n[count++] = c.start - from;
  n[count++] = c.end - from;
  n[count++] = previous ? 2 : 1;
  if (previous) {
    n[count++] = previous.start - from;
    n[count++] = previous.end - from;
  }
  n[count++] = claim.start - from;
  n[count++] = claim.end - from;
  for (let k = firstEndingAfter(cites, from, near); k < cites.length && cites[k].start < to; k++) {
    n[count++] = cites[k].start - from;
    n[count++] = cites[k].end - from;
  }
  return setKey(CLAIM_KEY, text, from, to, n, count);
}

/** The problems of citation `i` of the sentence. */
function citationProblems(
  model: SupportModel,
  text: string,
  s: SentenceCitations,
  i: number,
  options: SupportCheckOptions,
): CitationResult {
  const { enabled } = options;
  const none = { problems: [], withContext: false, short: false };
  const c = s.cites[i];
  const v = judgeCitation(model, {
    text,
    sentence: s.sentence,
    previous: s.previous,
    cites: s.cites,
    index: i,
    blank: s.cites,
  });
  if (!v) return none;
  const found = { problems: [] as SupportProblem[], withContext: v.withContext, short: v.short };
  if (options.isKept?.(keptSentence(text.slice(v.claim.start, v.claim.end)), v.cited)) return found;
  const offset = v.claim.start;
  const attribution = enabled.has('attribution') ? attributionProblems(model, text, c, v, offset, options) : [];
  const figures = enabled.has('figure') ? figureProblems(model, text, c, v, offset, options) : [];
  for (const p of attribution) found.problems.push(p);
  for (const p of figures) found.problems.push(p);
  // A misattribution or a wrong figure says enough about a citation: no second warning on the same one.
  if (enabled.has('citation-support') && attribution.length === 0 && figures.length === 0) {
    const p = citationSupportProblem(model, text, c, v, options);
    if (p) found.problems.push(p);
  }
  return found;
}

export function checkSupport(
  model: SupportModel,
  text: string,
  /** The citations of the text (findCitations), in order. */
  citations: readonly Citation[],
  /** Its sentences (`sentences`), in order. */
  spans: readonly Range[],
  options: SupportCheckOptions,
  cache: SentenceCache = new SentenceCache(),
): SupportProblem[] {
  const out: SupportProblem[] = [];
  const { enabled } = options;
  const citing = enabled.has('citation-support') || enabled.has('attribution') || enabled.has('figure');
  // Sentences that a citation in the next sentence covers ("… anonymity. This is recorded in para. 27.").
  const covered = new Set<number>();
  // The sentences without a citation, for the restatement check once every citation has been read.
  const restatements = enabled.has('uncited-restatement');
  const uncited: SentenceCitations[] = [];
  // The quotations that close in a sentence with a citation (of the summary or another document).
  const quotations = options.quotations ?? [];
  const citedQuotations: Range[] = [];
  let q = 0;
  const misquoted = options.misquoted ?? NO_RANGES;
  let m = 0;
  // Each sentence's citations are made into a list only when it is judged, not when its result is remembered.
  const walk = new SentenceWalk(text, citations, spans);
  while (walk.advance()) {
    const { sentence, count, external } = walk;
    if (restatements && (count > 0 || external > 0)) {
      while (q < quotations.length && quotations[q].end < sentence.start) q++;
      for (; q < quotations.length && quotations[q].end < sentence.end; q++) citedQuotations.push(quotations[q]);
    }
    if (count === 0) {
      if (restatements && external === 0) uncited.push(walk.current());
      continue;
    }
    if (!citing) {
      const s = walk.current();
      if (s.previous && s.cites.length === 1 && enabled.has('uncited-restatement')) {
        // (A claim too long to judge covers the sentence before, as when the citation checks are on.)
        const tooLong = s.sentence.end - s.sentence.start > MAX_CLAIM;
        const claim = tooLong ? undefined : model.analyser.analyse(claimText(text, s.sentence, s.cites));
        if (!claim || model.scores(claim).total < THRESHOLDS.minContent) covered.add(s.previous.start);
      }
      continue;
    }
    // The misquotations that overlap the sentence (a quotation may hold several sentences).
    while (m < misquoted.length && misquoted[m].end <= sentence.start) m++;
    let past = m;
    while (past < misquoted.length && misquoted[past].start < sentence.end) past++;
    const inside = m === past ? NO_RANGES : misquoted.slice(m, past);
    // (The last one may go on into the next sentence.)
    if (past > m && misquoted[past - 1].end > sentence.end) m = past - 1;
    else m = past;
    // A sentence with a misquotation is not remembered, nor found among those remembered: which of its words
    // are misquoted depends on the quotation marks and citations around it, not on its text alone.
    // (Whether a sentence before may be read with it is part of the key: see below.)
    const key = inside.length === 0 ? sentenceKey(text, sentence, walk.previous ? 1 : 0) : undefined;
    const known = key && cache.get('citing', key);
    if (known) {
      for (const p of known.problems) out.push(moved(p, sentence.start - known.origin));
      continue;
    }
    const s = walk.current();
    const found = citingSentence(model, text, s, options, cache, inside);
    for (const p of found.problems) out.push(p);
    if (found.withContext) covered.add(s.previous!.start);
    // A short claim is read with the sentence before it when there is one: its result depends on that one's
    // text, and is not remembered by the sentence's. A sentence with no sentence before it to read, or with
    // no short claim, is told by its own text and that flag (unless its claim is too long to judge).
    if (key && !found.tooLong && (!found.short || !s.previous))
      cache.set('citing', key, { origin: s.sentence.start, problems: found.problems });
  }
  let cq = 0;
  for (const s of uncited) {
    if (covered.has(s.sentence.start)) continue;
    while (cq < citedQuotations.length && citedQuotations[cq].end < s.sentence.end) cq++;
    // (A quotation's range is inside its marks: the sentence may start with the opening mark.)
    if (cq < citedQuotations.length && citedQuotations[cq].start - 1 <= s.sentence.start) continue;
    const key = sentenceKey(text, s.sentence, inBlockQuote(text, s.sentence.start) ? 1 : 0);
    const known = cache.get('uncited', key);
    if (known) {
      for (const p of known.problems) out.push(moved(p, s.sentence.start - known.origin));
      continue;
    }
    const p = uncitedRestatementProblem(model, text, s, options);
    cache.set('uncited', key, { origin: s.sentence.start, problems: p ? [p] : [] });
    if (p) out.push(p);
  }
  out.sort((x, y) => x.start - y.start);
  return out;
}

export type { NamedBody };

/** Whether the text between two sentences keeps them in one paragraph of the draft (no blank line, list item or heading). */
function sameBlock(text: string, from: number, to: number): boolean {
  if (to - from >= 200) return false;
  let newline = false;
  for (let i = from; i < to && !newline; i++) newline = text.charCodeAt(i) === 10;
  if (!newline) return true; // the common case: sentences on one line (at most 200 characters looked at)
  const gap = text.slice(from, to);
  return !/\n\s*\n/.test(gap) && !/\n[ \t]*(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t]/.test(gap);
}

/**
 * The sentences of a text with the citations each holds, one at a time (two pointers over sorted lists:
 * linear; each made when read, and dropped once read, not kept for the whole text).
 */
export function* groupBySentence(
  text: string,
  citations: readonly Citation[],
  spans: readonly Range[],
): Generator<SentenceCitations, void, undefined> {
  const walk = new SentenceWalk(text, citations, spans);
  while (walk.advance()) yield walk.current();
}

/**
 * A walk over the sentences of a text and the citations each holds: two pointers over sorted lists, linear.
 * `advance` moves to the next sentence and makes nothing: a sentence's citations are a run of the list, made
 * into a list of their own only when asked for (`current`). A draft may hold a million short sentences, most
 * of them found among the remembered results without their citations being read.
 */
class SentenceWalk {
  /** The current sentence. */
  sentence: Range = { start: 0, end: 0 };
  /** The sentence before, when it may be read with this one (see `advance`). */
  previous: Range | undefined;
  /** How many citations of the summary the current sentence holds, and of other documents. */
  count = 0;
  external = 0;
  /** The current sentence's citations: [first, past) of the list, external ones among them. */
  private first = -1;
  private past = 0;
  private next = 0;
  private prevUncited = false;

  constructor(
    private readonly text: string,
    private readonly citations: readonly Citation[],
    private readonly spans: readonly Range[],
  ) {}

  advance(): boolean {
    if (this.next >= this.spans.length) return false;
    const { citations } = this;
    const prev = this.next > 0 ? this.sentence : undefined;
    const sentence = this.spans[this.next++];
    // The citations in the sentence are a run of the list (those before it that end before it are passed).
    let k = this.past;
    let first = -1;
    let external = 0;
    while (k < citations.length && citations[k].start < sentence.end) {
      const c = citations[k];
      if (c.end > sentence.start) {
        if (first < 0) first = k;
        if (c.external) external++;
      }
      k++;
    }
    this.sentence = sentence;
    this.first = first;
    this.past = k;
    this.external = external;
    this.count = first < 0 ? 0 : k - first - external;
    // The sentence before is context only when it cites nothing itself: "… anonymity. This is recorded in
    // para. 27." (a sentence with its own citations is vouched for by them).
    this.previous = prev && this.prevUncited && sameBlock(this.text, prev.end, sentence.start) ? prev : undefined;
    this.prevUncited = this.count === 0 && external === 0;
    return true;
  }

  /** The current sentence with its citations of the summary: copied in one go when none is external, as most. */
  current(): SentenceCitations {
    const { sentence, previous, external, first, past, citations } = this;
    const cites =
      first < 0
        ? NO_CITATIONS
        : external === 0
          ? citations.slice(first, past)
          : citations.slice(first, past).filter((c) => !c.external);
    return previous ? { sentence, previous, cites, external } : { sentence, cites, external };
  }
}

/** The range of the claim being read in citingSentence (see claimRange). */
const CLAIM_RANGE: Range = { start: 0, end: 0 };

/** No ranges (shared: never added to). */
const NO_RANGES: readonly Range[] = [];

/** Whether every word of the claim of citation `i` is inside one of the quotations `quoted` (in order, not overlapping). */
function allQuoted(text: string, claim: Range, cites: readonly Citation[], i: number, quoted: readonly Range[]): boolean {
  let at = claim.start;
  let any = false;
  for (const r of quoted) {
    if (r.end <= claim.start) continue;
    if (r.start >= claim.end) break;
    if (claimHasWords(text, { start: at, end: Math.max(at, r.start) }, cites, i)) return false;
    any = true;
    at = Math.min(claim.end, r.end);
  }
  return any && !claimHasWords(text, { start: at, end: claim.end }, cites, i);
}

/** No problems (shared: never added to). */
const NO_PROBLEMS: readonly SupportProblem[] = [];

/** The citations of a sentence that has none (shared: never added to). */
const NO_CITATIONS: Citation[] = [];
