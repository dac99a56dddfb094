/**
 * Checking a draft as it is typed: every check, each at its level, re-done only where the text changed.
 *
 * A draft is cut into blocks at blank lines, where no check reads across them (blocks.ts: a citation may
 * go on after a blank line, and a blank line there is no cut), and each block's problems are remembered by
 * the block's text. After a keystroke only the block that changed
 * is checked again; the others are found by their text (one hash of each block: linear in the draft, but
 * much cheaper than reading it) and their problems moved to their new offsets.
 */
import * as l10n from '@vscode/l10n';
import { checkDraft, type Problem, type ProblemCode, type TextEdit } from '../citations/diagnostics';
import type { CitationFormat } from '../citations/format';
import { formatNumbers } from '../citations/format';
import { type Citation, findCitations } from '../citations/grammar';
import { findQuotations } from '../citations/quotes';
import { countStartingBefore, sentences } from '../summary/sentences';
import type { Summary } from '../summary/summary';
import { checkSupport, type KeepRequest, SentenceCache, type SupportCheck } from '../support/checks';
import { claimText } from '../support/judge';
import type { SupportModel } from '../support/model';
import { blocksIn, blocksOf, SEAM_REACH } from './blocks';
import type { CheckName, Levels, Severity } from './levels';

export { blocksOf };

export interface DraftFix {
  title: string;
  edits: TextEdit[];
  /** "Keep this citation": recorded in the workspace instead of an edit. */
  keep?: KeepRequest;
}

export interface DraftProblem {
  start: number;
  end: number;
  /** The check that found it; `too-many-problems` is the notice where checking stopped (not a check). */
  check: CheckName | 'too-many-problems';
  /** The finer code of the problem where a check has several ("singular-with-several" of `keyword`). */
  code: string;
  severity: Severity;
  message: string;
  fixes: DraftFix[];
  /** The paragraphs a fix would cite (for `cnd-summary check --json`). */
  suggestions: number[];
}

export interface DraftCheckOptions {
  format: CitationFormat;
  levels: Levels;
  /** Whether the workspace keeps this citation of this sentence as it is (see `KeptCitations`). */
  isKept?: (sentence: string, paragraphs: readonly number[]) => boolean;
  /** Changes whenever `isKept` would answer differently (the kept-citations file was changed). */
  keptVersion?: number;
  /** Where the citation checks of one text (or block) stop: MAX_PROBLEMS (what VS Code shows) when absent. */
  maxProblems?: number;
}

export interface DraftCheck {
  problems: DraftProblem[];
  /** Citations of the summary in the draft (not counting references to other documents). */
  citations: number;
}

const CHECK_OF: Record<ProblemCode, CheckName | 'too-many-problems'> = {
  'no-such-paragraph': 'no-such-paragraph',
  'reversed-range': 'reversed-range',
  'empty-range': 'empty-range',
  'singular-with-several': 'keyword',
  'plural-with-one': 'keyword',
  'range-dash': 'range-dash',
  misquotation: 'misquotation',
  'invisible-character': 'invisible-character',
  'too-many-problems': 'too-many-problems',
};

const SUPPORT_CHECKS: readonly SupportCheck[] = ['citation-support', 'attribution', 'figure', 'uncited-restatement'];

interface BlockResult {
  problems: DraftProblem[];
  citations: number;
}

/**
 * One per open draft: `check` gives every problem of the text, reading again only the blocks whose text is
 * new since the last call (or all of them when the options changed).
 */
/** One change to a text: `text` replaced `[start, end)` of the text as it was. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** A block of the last check: where it was, its text, what was found in it (problems at absolute offsets). */
interface CheckedBlock {
  start: number;
  end: number;
  text: string;
  result: BlockResult;
  problems: DraftProblem[];
}

export class DraftCheckSession {
  private cache = new Map<string, BlockResult>();
  private optionsKey = '';
  /** Sentences' results, by text (see `SentenceCache`). */
  private sentences = new SentenceCache();
  /** The last check's blocks, in order, and the length of its text (for `check` with a change). */
  private blocks: CheckedBlock[] = [];
  private length = -1;
  /** How many blocks the last `check` read (the others came from the cache). */
  lastChecked = 0;

  constructor(
    private readonly summary: Summary,
    /** The support model, built when first needed (it reads the summary once: a few milliseconds). */
    private readonly model: () => SupportModel,
  ) {}

  /**
   * Every problem of `text`. With `change` (the one edit since the last call, as the editor reports it), only
   * the blocks around the edit are cut out and read again: the blocks before it are kept as they were, the
   * blocks after it moved by the length the edit added — nothing else of the text is read, not even hashed.
   */
  check(text: string, options: DraftCheckOptions, change?: TextChange): DraftCheck {
    const key = `${JSON.stringify(options.levels)}|${options.format.style}|${options.format.rangeDash}|${options.keptVersion ?? 0}`;
    if (key !== this.optionsKey) {
      this.cache = new Map();
      this.sentences = new SentenceCache();
      this.optionsKey = key;
      this.blocks = [];
    }
    this.lastChecked = 0;
    const delta = change ? change.text.length - (change.end - change.start) : 0;
    const usable = change && this.blocks.length > 0 && this.length + delta === text.length && change.end <= this.length;
    const blocks = usable ? this.around(text, options, change, delta) : this.all(text, options);
    this.blocks = blocks;
    this.length = text.length;
    const problems: DraftProblem[] = [];
    let citations = 0;
    for (const b of blocks) {
      citations += b.result.citations;
      for (const p of b.problems) problems.push(p);
    }
    return { problems, citations };
  }

  private read(
    text: string,
    start: number,
    end: number,
    options: DraftCheckOptions,
    next: Map<string, BlockResult>,
  ): CheckedBlock {
    const blockText = text.slice(start, end);
    let result = next.get(blockText) ?? this.cache.get(blockText);
    if (!result) {
      result = checkBlock(this.summary, this.model, blockText, options, this.sentences);
      this.lastChecked++;
    }
    next.set(blockText, result);
    return {
      start,
      end,
      text: blockText,
      result,
      problems: start === 0 ? result.problems : result.problems.map((p) => shift(p, start)),
    };
  }

  private all(text: string, options: DraftCheckOptions): CheckedBlock[] {
    const next = new Map<string, BlockResult>();
    const blocks = blocksOf(text).map((b) => this.read(text, b.start, b.end, options, next));
    this.cache = next;
    return blocks;
  }

  /**
   * The blocks after one change: those before and after it kept (moved); those it touches, one more on each
   * side, and every one within SEAM_REACH characters of it read again (cut again, and found by their text).
   */
  private around(text: string, options: DraftCheckOptions, change: TextChange, delta: number): CheckedBlock[] {
    const old = this.blocks;
    // The blocks the change touches, widened by one on each side: a blank line typed or removed at a block's
    // edge joins or splits blocks. And widened to SEAM_REACH characters (and one more) either side: whether a
    // blank line cuts reads that far around it (blocks.ts), so the edges of what is cut again are cuts the
    // change cannot have altered.
    let first = old.findIndex((b) => b.end >= change.start);
    if (first < 0) first = old.length - 1;
    let last = first;
    while (last + 1 < old.length && old[last + 1].start <= change.end) last++;
    first = Math.max(0, first - 1);
    last = Math.min(old.length - 1, last + 1);
    while (first > 0 && old[first].start + SEAM_REACH >= change.start) first--;
    while (last + 1 < old.length && old[last].end - SEAM_REACH <= change.end) last++;
    const from = old[first].start;
    const to = old[last].end + delta;
    const next = new Map<string, BlockResult>();
    for (const b of old) next.set(b.text, b.result);
    const middle = blocksIn(text, from, to).map((b) => this.read(text, b.start, b.end, options, next));
    const after = old
      .slice(last + 1)
      .map((b) =>
        delta === 0 ? b : { ...b, start: b.start + delta, end: b.end + delta, problems: b.problems.map((p) => shift(p, delta)) },
      );
    const blocks = [...old.slice(0, first), ...middle, ...after];
    // Only the results of the blocks the text now has are kept for the next check.
    this.cache = new Map(blocks.map((b) => [b.text, b.result]));
    return blocks;
  }
}

function shift(p: DraftProblem, by: number): DraftProblem {
  return new LazyProblem(
    p.start + by,
    p.end + by,
    p.check,
    p.code,
    p.severity,
    p.message,
    () => p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
    () => p.suggestions,
  );
}

/**
 * A problem whose fixes (and the suggestions read from them) are worked out when first read: the editor
 * asks for them only when the light bulb opens, and a draft may have thousands of problems. (A class, so
 * that making one costs no more than an object literal: a draft's problems are made again, moved to their
 * new offsets, after every keystroke.)
 */
class LazyProblem implements DraftProblem {
  private fixesMade: DraftFix[] | undefined;
  private suggestionsMade: number[] | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly check: CheckName | 'too-many-problems',
    readonly code: string,
    readonly severity: Severity,
    readonly message: string,
    private readonly makeFixes: () => DraftFix[],
    private readonly makeSuggestions?: () => number[],
  ) {}

  get fixes(): DraftFix[] {
    return (this.fixesMade ??= this.makeFixes());
  }

  get suggestions(): number[] {
    return (this.suggestionsMade ??= this.makeSuggestions ? this.makeSuggestions() : suggestionsOf(this.fixes));
  }

  /** The problem as plain data, fixes and suggestions included (`JSON.stringify`, tests). */
  toJSON(): Omit<DraftProblem, never> {
    const { start, end, check, code, severity, message, fixes, suggestions } = this;
    return { start, end, check, code, severity, message, fixes, suggestions };
  }
}

function withFixes(
  base: Omit<DraftProblem, 'fixes' | 'suggestions'>,
  make: () => DraftFix[],
  suggest?: () => number[],
): DraftProblem {
  return new LazyProblem(base.start, base.end, base.check, base.code, base.severity, base.message, make, suggest);
}

/** A problem as plain data (a `LazyProblem` works its fixes out; others are copied). */
export function plainProblem(p: DraftProblem): DraftProblem {
  const { start, end, check, code, severity, message, fixes, suggestions } = p;
  return { start, end, check, code, severity, message, fixes, suggestions };
}

/** Every problem of a text, each at its level (no cache): the command line's check, and each block of a session. */
export function checkText(
  summary: Summary,
  model: () => SupportModel,
  text: string,
  options: DraftCheckOptions,
  cache = new SentenceCache(),
): DraftCheck {
  return checkBlock(summary, model, text, options, cache);
}

function checkBlock(
  summary: Summary,
  model: () => SupportModel,
  text: string,
  options: DraftCheckOptions,
  cache: SentenceCache,
): BlockResult {
  const { levels } = options;
  const all = findCitations(text);
  // Citations of the summary (counted, not copied: a draft may hold 100,000 citations).
  let cited = 0;
  for (const c of all) if (!c.external) cited++;
  const problems: DraftProblem[] = [];
  const needsSentences = SUPPORT_CHECKS.some((c) => levels[c] !== 'off') || levels['no-such-paragraph'] !== 'off';
  const spans = needsSentences ? sentences(text) : [];
  // Read by the misquotation check and the restatement check.
  const quotations = cited > 0 || levels['uncited-restatement'] !== 'off' ? findQuotations(text) : [];
  const limit = options.maxProblems === undefined ? {} : { maxProblems: options.maxProblems };
  const known = needsSentences ? { sentences: spans } : {};
  // Where the citation checks stopped (too many problems): the support checks stop there too, as the notice says.
  let stop = Infinity;
  for (const p of checkDraft(text, summary, { format: options.format, citations: all, quotations, ...limit, ...known })) {
    if (p.code === 'too-many-problems') stop = Math.min(stop, p.start);
    const check = CHECK_OF[p.code] ?? (p.code as CheckName);
    // The notice where checking stopped is always shown, as information.
    const level = check === 'too-many-problems' ? 'information' : levels[check];
    if (level === undefined || level === 'off') continue;
    problems.push(
      withFixes({ start: p.start, end: p.end, check, code: p.code, severity: level, message: p.message }, () =>
        p.code === 'no-such-paragraph' ? relatedFixes(model(), text, p, all, spans) : p.fixes,
      ),
    );
  }
  // The misquotations shown (in document order, not overlapping): the support checks leave to them the claims
  // with no word outside them, and a figure inside one gets no second warning.
  const quoted = problems.filter((p) => p.check === 'misquotation');
  const enabled = new Set(SUPPORT_CHECKS.filter((c) => levels[c] !== 'off'));
  if (enabled.size > 0 && (cited > 0 || enabled.has('uncited-restatement'))) {
    const found = checkSupport(
      model(),
      text,
      stop === Infinity ? all : all.slice(0, countStartingBefore(all, stop)),
      stop === Infinity ? spans : spans.slice(0, countStartingBefore(spans, stop)),
      {
        format: options.format,
        enabled,
        quotations,
        misquoted: quoted,
        ...(options.isKept ? { isKept: options.isKept } : {}),
      },
      cache,
    );
    // A misquotation already says the words are not the paragraph's: no second warning on a figure inside it.
    // The quotation that may hold a problem is the last one that starts at or before it, found by a pointer
    // that moves forward.
    let q = -1;
    for (const p of found) {
      if (p.start >= stop) break;
      while (q + 1 < quoted.length && quoted[q + 1].start <= p.start) q++;
      if (q >= 0 && p.end <= quoted[q].end) continue;
      const suggestions = p.suggestions;
      problems.push(
        withFixes(
          {
            start: p.start,
            end: p.end,
            check: p.check,
            code: p.check,
            severity: levels[p.check] as Severity,
            message: p.message,
          },
          p.fixes,
          () => suggestions,
        ),
      );
    }
  }
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return { problems, citations: cited };
}

/** The numbers a fix would write (from "Change to 27" and "Cite para. 27 instead" alike). */
function suggestionsOf(fixes: readonly DraftFix[]): number[] {
  const out = new Set<number>();
  for (const f of fixes) {
    for (const e of f.edits) for (const m of e.newText.matchAll(/\d+/g)) out.add(Number(m[0]));
    if (out.size > 0) break;
  }
  return [...out];
}

/**
 * For "para. 40": the paragraphs related to the sentence first (what the drafter probably meant), then the
 * slips of the keyboard the old fix offered ("240" for "24", the nearest paragraph).
 */
function relatedFixes(
  model: SupportModel,
  text: string,
  p: Problem,
  all: readonly Citation[],
  spans: readonly { start: number; end: number }[],
): DraftFix[] {
  const sentence = spans.find((s) => p.start >= s.start && p.start < s.end) ?? { start: 0, end: text.length };
  const analysis = model.analyser.analyse(claimText(text, sentence, all));
  const related = model
    .rank(analysis, 3)
    .filter((r, _i, list) => r.coverage >= 0.2 && r.score >= 0.5 * list[0].score)
    .slice(0, 3);
  const fixes: DraftFix[] = related.map((r) => {
    const words = model.matchedWords(analysis, r.paragraph, 3);
    return {
      title: words.length
        ? l10n.t('Change to {0} (about {1})', formatNumbers([r.paragraph]), words.map((w) => `“${w}”`).join(', '))
        : l10n.t('Change to {0} (about this sentence)', formatNumbers([r.paragraph])),
      edits: [{ start: p.start, end: p.end, newText: String(r.paragraph) }],
    };
  });
  const numbers = new Set(related.map((r) => r.paragraph));
  for (const f of p.fixes) {
    const n = Number(f.edits[0]?.newText);
    if (!numbers.has(n)) fixes.push(f);
  }
  return fixes;
}
