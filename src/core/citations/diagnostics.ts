import * as l10n from '@vscode/l10n';
import type { Summary } from '../summary/summary';
import { countStartingBefore, type Range, sentences } from '../summary/sentences';
import { type CitationFormat, formatCitation } from './format';
import {
  type Citation,
  type CitationItem,
  citesSeveral,
  findCitations,
  forEachItem,
  type Keyword,
  keywordPlural,
  type NumberToken,
  onlyParagraph,
  scanCitations,
} from './grammar';
import { type InvisibleRun, invisibleName, InvisibleRunCursor, withoutInvisible } from './invisible';
import { type ClosestPassage, findQuotations, needlesIn, passageFinder, type Quotation, quotationNeedles } from './quotes';

export type Severity = 'error' | 'warning' | 'information';

export type ProblemCode =
  | 'no-such-paragraph'
  | 'reversed-range'
  | 'empty-range'
  | 'singular-with-several'
  | 'plural-with-one'
  | 'range-dash'
  | 'misquotation'
  | 'invisible-character'
  | 'too-many-problems';

/**
 * A draft's checks stop after this many problems (unless told otherwise: `CheckOptions.maxProblems`), with a
 * last problem saying where (code `too-many-problems`). VS Code's extension host keeps 1,000 problems per
 * file and drops the rest (`_maxDiagnosticsPerFile` in ExtHostDiagnostics), so more would be made for
 * nothing: making each problem (message, fixes, edits) is most of the time of a check of such a draft.
 * Fixing them (Fix All included) checks the draft again, and the check then goes further.
 */
export const MAX_PROBLEMS = 1_000;

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Problem {
  start: number;
  end: number;
  severity: Severity;
  code: ProblemCode;
  message: string;
  fixes: Fix[];
}

/** A keyword's plural and singular forms (`para.` ↔ `paras.`). */
export const PLURAL: Record<string, string> = { para: 'paras', paragraph: 'paragraphs', '¶': '¶¶', párr: 'párrs' };
export const SINGULAR: Record<string, string> = Object.fromEntries(Object.entries(PLURAL).map(([s, p]) => [p, s]));

/** Keeps the writer's capitalisation: "Para" → "Paras", "PARA" → "PARAS". */
export function matchCase(model: string, word: string): string {
  if (model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (model[0] === model[0].toUpperCase() && model[0] !== model[0].toLowerCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

function keywordFix(keyword: Keyword, table: Record<string, string>, title: string): Fix | undefined {
  const word = keyword.text.replace(/\.$/, '');
  const to = table[word.toLowerCase()];
  if (!to) return undefined;
  return { title, edits: [{ start: keyword.start, end: keyword.start + word.length, newText: matchCase(word, to) }] };
}

export interface CheckOptions {
  format: CitationFormat;
  /** `findCitations(text)`, when the caller has it already (the editor counts them too). */
  citations?: Citation[];
  /** Where the checks stop (MAX_PROBLEMS when absent). */
  maxProblems?: number;
  /** `sentences(text)`, when the caller has them already. */
  sentences?: readonly Range[];
  /** `findQuotations(text)`, when the caller has them already. */
  quotations?: readonly Quotation[];
}

/** What every check reads: the draft, its citations of the summary (external ones left out), the style. */
interface Draft {
  text: string;
  summary: Summary;
  format: CitationFormat;
  citations: Citation[];
  maxProblems: number;
  sentences: readonly Range[] | undefined;
  quotations: readonly Quotation[] | undefined;
}

/**
 * Checks the citations of the summary in a draft, one check a problem code (`cndSummary.checks.<name>`,
 * checks/levels.ts). References to other documents are left alone.
 */
export function checkDraft(text: string, summary: Summary, options: CheckOptions): Problem[] {
  const all = options.citations ?? findCitations(text);
  // (The same array when nothing is external: a draft of 1 MB may hold 100,000 citations.)
  const citations = all.some((c) => c.external) ? all.filter((c) => !c.external) : all;
  const maxProblems = options.maxProblems ?? MAX_PROBLEMS;
  const draft: Draft = {
    text,
    summary,
    format: options.format,
    citations,
    maxProblems,
    sentences: options.sentences,
    quotations: options.quotations,
  };
  return collect(maxProblems, [
    // The checks of a citation's form, in one pass over the citations.
    checkEachCitation(draft, {
      citation: [checkKeyword],
      item: [checkParagraphExists, checkReversedRange, checkEmptyRange, checkRangeDash],
    }),
    checkMisquotation(draft),
    checkInvisibleCharacters(draft),
  ]);
}

/**
 * What a check found, in document order, and how far it looked: it stops at the first citation (or
 * quotation) it reaches with `maxProblems` problems already found, and `checkedUpTo` is where that one starts
 * (Infinity when it read the whole draft). Every problem before `checkedUpTo` is in `problems`.
 */
interface CheckResult {
  problems: Problem[];
  checkedUpTo: number;
}

/** `n` with a comma between thousands: 10,000. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The checks' problems in document order, up to where every check has looked (and a problem saying so). */
function collect(maxProblems: number, checks: CheckResult[]): Problem[] {
  // Where every check has looked: each has found every problem before its own `checkedUpTo`.
  let checkedUpTo = Infinity;
  for (const check of checks) checkedUpTo = Math.min(checkedUpTo, check.checkedUpTo);
  // One by one: spreading an unbounded array into push() passes it as arguments, and overflows the stack
  // from about 100,000 (a RangeError on 4 MB of '"a para. 1 ').
  const problems: Problem[] = [];
  for (const check of checks) for (const p of check.problems) if (p.start < checkedUpTo) problems.push(p);
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  if (checkedUpTo < Infinity) {
    problems.push({
      start: checkedUpTo,
      end: checkedUpTo,
      severity: 'information',
      code: 'too-many-problems',
      message: l10n.t(
        'The checks stopped here, after {0} problems: the rest of the draft was not checked. Fix the problems above and it will be.',
        thousands(maxProblems),
      ),
      fixes: [],
    });
  }
  return problems;
}

/** A check of one citation as a whole: it adds the problems it finds to `problems`. */
type CitationCheck = (citation: Citation, draft: Draft, problems: Problem[]) => void;

/**
 * A check of one item of a citation (a number, or a range): it adds the problems it finds to `problems`.
 * The item is reused from one item to the next: a check keeps nothing of it.
 */
type ItemCheck = (item: Readonly<CitationItem>, citation: Citation, draft: Draft, problems: Problem[]) => void;

/**
 * Runs the checks of each citation, then of each of its items in order, in one pass, sharing one count of
 * problems: the citation's own problems (its keyword) stand before its items', and a long list may stop in
 * its middle, so that every problem found then stands before the item not checked.
 */
function checkEachCitation(draft: Draft, checks: { citation: CitationCheck[]; item: ItemCheck[] }): CheckResult {
  const problems: Problem[] = [];
  let checkedUpTo = Infinity;
  // One visitor for every citation (not a closure made for each).
  let current: Citation | undefined;
  const visit = (item: Readonly<CitationItem>): boolean | void => {
    if (problems.length >= draft.maxProblems) {
      checkedUpTo = item.from.start;
      return false;
    }
    for (const check of checks.item) check(item, current!, draft, problems);
  };
  for (const c of draft.citations) {
    if (problems.length >= draft.maxProblems) return { problems, checkedUpTo: c.start };
    for (const check of checks.citation) check(c, draft, problems);
    current = c;
    forEachItem(c, visit);
    if (checkedUpTo < Infinity) return { problems, checkedUpTo };
  }
  return { problems, checkedUpTo };
}

/** `keyword`: `para.` before several numbers (`singular-with-several`), `paras.` before one (`plural-with-one`). */
function checkKeyword(c: Citation, draft: Draft, problems: Problem[]): void {
  // Most citations are right: told without making their keyword or their list of paragraphs.
  const plural = keywordPlural(c);
  if (plural === null || plural === citesSeveral(c)) return;
  const kw = c.keyword;
  // (Made when read: read once.)
  const paragraphs = c.paragraphs;
  const kwRange = { start: kw.start, end: kw.end };
  if (kw.plural === false && paragraphs.length > 1) {
    const fix = keywordFix(kw, PLURAL, l10n.t('Use the plural'));
    problems.push({
      ...kwRange,
      severity: 'warning',
      code: 'singular-with-several',
      message: l10n.t(
        '“{0}” cites one paragraph, but {1} are listed: write {2}.',
        kw.text,
        paragraphs.length,
        formatCitation(paragraphs, draft.format),
      ),
      fixes: fix ? [fix] : [],
    });
  } else if (kw.plural === true && paragraphs.length === 1) {
    const fix = keywordFix(kw, SINGULAR, l10n.t('Use the singular'));
    problems.push({
      ...kwRange,
      severity: 'warning',
      code: 'plural-with-one',
      message: l10n.t('“{0}” cites several paragraphs, but only {1} is listed.', kw.text, paragraphs[0]),
      fixes: fix ? [fix] : [],
    });
  }
}

/** `no-such-paragraph`: the item's numbers (both ends of a range) are paragraphs of the summary. */
function checkParagraphExists(item: Readonly<CitationItem>, _c: Citation, draft: Draft, problems: Problem[]): void {
  checkNumber(item.from, draft.summary, problems);
  if (item.to) checkNumber(item.to, draft.summary, problems);
}

function checkNumber(n: NumberToken, summary: Summary, problems: Problem[]): void {
  const max = summary.count;
  if (n.value >= 1 && n.value <= max) return;
  const nearest = Math.min(Math.max(n.value, 1), max);
  const fixes: Fix[] = [];
  const dropped = Math.floor(n.value / 10);
  // "240" for "24": a doubled key is a likely slip; "38" is more likely the last paragraph.
  if (n.value >= 100 && dropped >= 1 && dropped <= max && dropped !== nearest) {
    fixes.push({ title: l10n.t('Change to {0}', dropped), edits: [{ start: n.start, end: n.end, newText: String(dropped) }] });
  }
  fixes.push({
    title: l10n.t('Change to {0} (the nearest paragraph)', nearest),
    edits: [{ start: n.start, end: n.end, newText: String(nearest) }],
  });
  problems.push({
    start: n.start,
    end: n.end,
    severity: 'error',
    code: 'no-such-paragraph',
    message: l10n.t("There is no paragraph {0} in the Chair's summary: it has paragraphs 1 to {1}.", n.value, max),
    fixes,
  });
}

/** `reversed-range`: a range written backwards (paras. 32–30). */
function checkReversedRange(item: Readonly<CitationItem>, _c: Citation, draft: Draft, problems: Problem[]): void {
  if (!item.to || !item.dash || item.to.value >= item.from.value) return;
  const range = { start: item.from.start, end: item.to.end };
  problems.push({
    ...range,
    severity: 'warning',
    code: 'reversed-range',
    message: l10n.t('The range {0} runs backwards.', draft.text.slice(range.start, range.end)),
    fixes: [
      {
        title: l10n.t('Swap to {0}', `${item.to.value}${item.dash.text}${item.from.value}`),
        edits: [
          { start: item.from.start, end: item.from.end, newText: String(item.to.value) },
          { start: item.to.start, end: item.to.end, newText: String(item.from.value) },
        ],
      },
    ],
  });
}

/** `empty-range`: a range of one paragraph (paras. 24–24). */
function checkEmptyRange(item: Readonly<CitationItem>, _c: Citation, draft: Draft, problems: Problem[]): void {
  if (!item.to || !item.dash || item.to.value !== item.from.value) return;
  const range = { start: item.from.start, end: item.to.end };
  problems.push({
    ...range,
    severity: 'warning',
    code: 'empty-range',
    message: l10n.t(
      'The range {0} has one paragraph: cite it as {1}.',
      draft.text.slice(range.start, range.end),
      item.from.value,
    ),
    fixes: [{ title: l10n.t('Change to {0}', item.from.value), edits: [{ ...range, newText: String(item.from.value) }] }],
  });
}

/**
 * `range-dash`: a range written with another dash than the citation style's. Only dash characters are
 * checked, and only in English citations: "paragraphs 13 to 15" is good prose in any style.
 */
function checkRangeDash(item: Readonly<CitationItem>, c: Citation, draft: Draft, problems: Problem[]): void {
  if (!item.to || !item.dash) return;
  const { format } = draft;
  const dash = item.dash.text;
  const wanted = format.rangeDash.trim();
  // (The keyword is made when read: looked at last.)
  if (dash.length !== 1 || dash === wanted || c.keyword.language !== 'en') return;
  const name = wanted === '–' ? l10n.t('an en dash') : wanted === '-' ? l10n.t('a hyphen') : `“${wanted}”`;
  problems.push({
    start: item.dash.start,
    end: item.dash.end,
    severity: 'information',
    code: 'range-dash',
    message: l10n.t(
      'The chosen citation style writes ranges with {0}: {1}.',
      name,
      `${item.from.value}${format.rangeDash}${item.to.value}`,
    ),
    fixes: [
      { title: l10n.t('Use {0}', name), edits: [{ start: item.dash.start, end: item.dash.end, newText: format.rangeDash }] },
    ],
  });
}

/**
 * `invisible-character`: invisible characters inside a citation as the draft shows it (invisible.ts): `para. 1` + U+200D + `2`
 * shows as "para. 12" and is read as ¶ 1. The text without them is scanned for citations (only when it has
 * some); each citation of the summary with invisible characters strictly inside it is a warning, whose fix
 * removes them, so that the citation then reads as it shows. Invisible characters elsewhere (joiners in
 * emoji or in Arabic and Indic scripts, direction marks in right-to-left text) are left alone.
 */
function checkInvisibleCharacters({ text, citations, maxProblems }: Draft): CheckResult {
  const none: CheckResult = { problems: [], checkedUpTo: Infinity };
  const shown = withoutInvisible(text);
  if (shown === text) return none;
  // Where the characters are, read as the citations of the text as it shows are (emoji are full of
  // joiners), and only as far as the checks go: they stop at `maxProblems`.
  const runs = new InvisibleRunCursor(text);
  const problems: Problem[] = [];
  /** How many characters the runs before the current one took out. */
  let removedBefore = 0;
  let read = 0;
  let checkedUpTo = Infinity;
  scanCitations(shown, (c) => {
    if (c.external) return;
    for (let run = runs.peek(); run && run.at <= c.start; run = runs.peek()) {
      removedBefore += run.end - run.start;
      runs.next();
    }
    if (problems.length >= maxProblems) {
      checkedUpTo = c.start + removedBefore;
      return false;
    }
    const inside: InvisibleRun[] = [];
    let removedInside = 0;
    for (let run = runs.peek(); run && run.at < c.end; run = runs.peek()) {
      removedInside += run.end - run.start;
      inside.push(run);
      runs.next();
    }
    if (inside.length === 0) return;
    removedBefore += removedInside;
    // Where the citation stands in the draft, invisible characters included.
    const start = c.start + removedBefore - removedInside;
    const end = c.end + removedBefore;
    // What the grammar reads there now: the citations of the summary that overlap it.
    while (read < citations.length && citations[read].end <= start) read++;
    const readAs: string[] = [];
    for (let k = read; k < citations.length && citations[k].start < end; k++) readAs.push(withoutInvisible(citations[k].text));
    const codes: number[] = [];
    let count = 0;
    for (const run of inside) {
      count += run.end - run.start;
      for (let i = run.start; i < run.end; i++) {
        const code = text.charCodeAt(i);
        if (!codes.includes(code)) codes.push(code);
      }
    }
    const names = codes.slice(0, 3).map(invisibleName).join(', ') + (codes.length > 3 ? ', …' : '');
    const citationText = c.text;
    const reading =
      readAs.length === 0
        ? l10n.t('it is not read as a citation')
        : readAs.length === 1 && readAs[0] === citationText && citations[read].start === start && citations[read].end === end
          ? l10n.t('it reads as it shows here, but not everywhere it may be copied to')
          : l10n.t('it is read as “{0}”', readAs.join(l10n.t('” and “')));
    problems.push({
      start,
      end,
      severity: 'warning',
      code: 'invisible-character',
      message:
        count === 1
          ? l10n.t(
              '“{0}” has an invisible character ({1}) inside: {2}. Remove it so that the citation reads as it shows.',
              citationText,
              names,
              reading,
            )
          : l10n.t(
              '“{0}” has {1} invisible characters ({2}) inside: {3}. Remove them so that the citation reads as it shows.',
              citationText,
              count,
              names,
              reading,
            ),
      fixes: [
        {
          title: count === 1 ? l10n.t('Remove the invisible character') : l10n.t('Remove the {0} invisible characters', count),
          edits: inside.map((run) => ({ start: run.start, end: run.end, newText: '' })),
        },
      ],
    });
  });
  return { problems, checkedUpTo };
}

/** How far from a quotation a citation may stand and still vouch for it (a "sentence" of 100 kB is not one). */
const MAX_QUOTE_DISTANCE = 1000;

/**
 * `misquotation`: a quotation in the same sentence as a citation must be the words of the cited paragraphs. A citation
 * vouches for a quotation when it overlaps the quotation's window: its sentence, cut to MAX_QUOTE_DISTANCE
 * either side. Citations are sorted and do not overlap, so the citations in a window are a run of them,
 * [first, past); both ends only move forward from one quotation to the next (quotations are sorted too), and
 * how often each paragraph is cited in the window is kept up to date as they move: linear time, however
 * many citations stand near each quotation.
 */
function checkMisquotation(draft: Draft): CheckResult {
  const { text, citations, summary, maxProblems, sentences: known } = draft;
  const all: CheckResult = { problems: [], checkedUpTo: Infinity };
  if (citations.length === 0) return all;
  const quotations = draft.quotations ?? findQuotations(text);
  if (quotations.length === 0) return all;
  const problems: Problem[] = [];
  const spans = known ?? sentences(text);
  type Verdict = { message: string; fixes: (q: Quotation) => Fix[] } | null;
  // Verdicts by cited paragraphs, then by quotation: drafts repeat their quotations.
  const verdicts = new Map<string, Map<string, Verdict>>();
  /** Per paragraph of the summary, how many citations in the window cite it. */
  const citedTimes = new Int32Array(summary.count + 1);
  /** The paragraphs that came into the window or left it since `valid` was made (some may be back). */
  const touched: number[] = [];
  /** Per paragraph, whether it is in `valid`. */
  const inValid = new Uint8Array(summary.count + 1);
  const countOne = (n: number, by: 1 | -1) => {
    if (!summary.has(n)) return;
    citedTimes[n] += by;
    if (citedTimes[n] === (by === 1 ? 1 : 0)) touched.push(n);
  };
  const count = (c: Citation, by: 1 | -1) => {
    // Read anew each time (a citation keeps no list): each citation comes in once and leaves once. Most
    // cite one number: no list is made for those.
    const only = onlyParagraph(c);
    if (only !== undefined) countOne(only, by);
    else for (const n of c.paragraphs) countOne(n, by);
  };
  /** The paragraphs of the summary cited in the window, sorted, and the verdicts for them. */
  let valid: number[] = [];
  let verdictsFor: Map<string, Verdict> | undefined;
  /** `valid` as a citation, for the messages (made when first needed). */
  let where: string | undefined;
  // The citations counted: [first, past).
  let first = 0;
  let past = 0;
  let si = 0;
  // The first citation that ends after the window's start (`from`), and the first that starts at or after
  // its end (`to`). Both ends of the window only move forward: `from` is the later of its sentence's start
  // and a point before the quotation, `to` the earlier of its sentence's end and a point after it, and
  // quotations and sentences come in order (the last sentence ends after the last closing mark, so every
  // quotation has one). Citations are sorted, and so are their ends: two pointers that only move forward.
  let lo = 0;
  let hi = 0;
  for (const q of quotations) {
    // (At its opening mark.)
    if (problems.length >= maxProblems) return { problems, checkedUpTo: q.start - 1 };
    while (si < spans.length && spans[si].end < q.end) si++;
    const sentence = spans[si] ?? { start: 0, end: text.length };
    const from = Math.max(sentence.start, q.start - MAX_QUOTE_DISTANCE);
    const to = Math.min(sentence.end, q.end + MAX_QUOTE_DISTANCE);
    // The window's citations: those that end after `from` and start before `to`, [lo, max(lo, hi)).
    while (lo < citations.length && citations[lo].end <= from) lo++;
    while (hi < citations.length && citations[hi].start < to) hi++;
    const windowEnd = Math.max(lo, hi);
    if (lo >= past || windowEnd <= first) {
      while (first < past) count(citations[first++], -1);
      first = past = lo;
    }
    while (first < lo) count(citations[first++], -1);
    while (first > lo) count(citations[--first], 1);
    while (past < windowEnd) count(citations[past++], 1);
    while (past > windowEnd) count(citations[--past], -1);
    // The window moves from sentence to sentence: made again only when the paragraphs it cites changed.
    let changed = false;
    for (const n of touched) if (citedTimes[n] > 0 !== (inValid[n] === 1)) changed = true;
    touched.length = 0;
    if (changed) {
      valid = [];
      inValid.fill(0);
      for (let n = 1; n < citedTimes.length; n++)
        if (citedTimes[n] > 0) {
          valid.push(n);
          inValid[n] = 1;
        }
      where = undefined;
      const key = valid.join(',');
      verdictsFor = verdicts.get(key);
      if (!verdictsFor) verdicts.set(key, (verdictsFor = new Map<string, Verdict>()));
    }
    if (valid.length === 0 || !verdictsFor) continue;
    let verdict = verdictsFor.get(q.text);
    if (verdict === undefined) {
      where ??= formatCitation(valid);
      verdict = judgeQuotation(q.text, valid, where, summary);
      verdictsFor.set(q.text, verdict);
    }
    if (verdict)
      problems.push({
        start: q.start,
        end: q.end,
        severity: 'warning',
        code: 'misquotation',
        message: verdict.message,
        fixes: verdict.fixes(q),
      });
  }
  return { problems, checkedUpTo: Infinity };
}

/** A passage that shares less of the quotation's words than this is not offered as its source. */
const MIN_CLOSEST_SCORE = 0.3;

/** The verdict on a quotation next to citations of the paragraphs `valid` (`where`: them as a citation). */
function judgeQuotation(
  words: string,
  valid: number[],
  where: string,
  summary: Summary,
): { message: string; fixes: (q: Quotation) => Fix[] } | null {
  // The quotation is read once, whatever the number of paragraphs it is compared with.
  const needles = quotationNeedles(words);
  if (valid.some((n) => needlesIn(needles, summary.paragraph(n)!.text))) return null;
  // The closest passage: the best score, in the first paragraph (by number) that has it, if it is 0.3 or
  // more. Paragraphs are tried from the most promising (the upper bound of their score) and those that cannot
  // do better than the best found so far (or reach 0.3) are not searched: the answer is the same as trying all.
  const finder = passageFinder(words);
  const candidates: { n: number; source: string; bound: number }[] = [];
  for (const n of valid) {
    const source = summary.paragraph(n)!.text;
    const bound = finder.bound(source);
    if (bound >= MIN_CLOSEST_SCORE) candidates.push({ n, source, bound });
  }
  candidates.sort((a, b) => b.bound - a.bound || a.n - b.n);
  let best: { n: number; passage: ClosestPassage } | undefined;
  for (const c of candidates) {
    if (best && (c.bound < best.passage.score || (c.bound === best.passage.score && c.n > best.n))) continue;
    const passage = finder.closest(c.source);
    if (!passage) continue;
    if (!best || passage.score > best.passage.score || (passage.score === best.passage.score && c.n < best.n))
      best = { n: c.n, passage };
  }
  const closest = best && best.passage.score >= MIN_CLOSEST_SCORE ? best : undefined;
  if (!closest) return { message: l10n.t('These words are not in {0}.', where), fixes: () => [] };
  return {
    message: l10n.t(
      'These words are not in {0}. Closest passage ({1}): “{2}”',
      where,
      `para. ${closest.n}`,
      closest.passage.text,
    ),
    fixes: (q) => [
      {
        title: l10n.t('Replace with the words of {0}', `para. ${closest.n}`),
        edits: [{ start: q.start, end: q.end, newText: closest.passage.text }],
      },
    ],
  };
}

/**
 * Problems of style whose fix is mechanical and certain: a range dash, `para.`/`paras.` for the count, a
 * one-paragraph range. The others need the drafter's judgement (which paragraph was meant, which order,
 * which words) and are never fixed in bulk.
 */
export const FIXABLE_IN_BULK: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'range-dash',
  'singular-with-several',
  'plural-with-one',
  'empty-range',
]);

/**
 * The edits that fix every problem of `FIXABLE_IN_BULK` at once (each problem's first fix), in document
 * order; a fix that would touch text another fix already changes is left for the next round.
 */
export function fixAllEdits(problems: readonly { code: string; fixes: readonly Fix[] }[]): {
  edits: TextEdit[];
  fixed: number;
} {
  const chosen = problems
    .filter((p) => FIXABLE_IN_BULK.has(p.code as ProblemCode) && p.fixes.length > 0)
    .map((p) => {
      const edits = p.fixes[0].edits;
      let first = Infinity;
      for (const e of edits) first = Math.min(first, e.start);
      return { edits, first };
    })
    .sort((a, b) => a.first - b.first);
  const edits: TextEdit[] = [];
  /**
   * The edits taken so far, sorted by start then end. They do not overlap one another, so their ends are
   * sorted too: an edit overlaps one of them exactly when it overlaps the last that starts before it ends
   * (a binary search, where comparing with every edit taken was quadratic in the number of problems).
   */
  const taken: TextEdit[] = [];
  const lastStartingBefore = (offset: number): number => countStartingBefore(taken, offset) - 1;
  const overlapsTaken = (e: TextEdit): boolean => {
    const i = lastStartingBefore(e.end);
    return i >= 0 && taken[i].end > e.start;
  };
  const take = (e: TextEdit): void => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < e.start || (taken[mid].start === e.start && taken[mid].end <= e.end)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === taken.length) taken.push(e);
    else taken.splice(lo, 0, e);
  };
  let fixed = 0;
  for (const fix of chosen) {
    if (fix.edits.some(overlapsTaken)) continue;
    for (const e of fix.edits) {
      edits.push(e);
      take(e);
    }
    fixed++;
  }
  return { edits: edits.sort((a, b) => a.start - b.start), fixed };
}
