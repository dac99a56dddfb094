/**
 * A markdown-it plugin for the built-in Markdown preview: citations of the summary in a draft become links
 * to the paragraph, with the paragraph's opening words as the tooltip. A citation the draft's checks reject
 * (a paragraph that does not exist, a range written backwards) is marked as such (class
 * `cnd-citation-<level>`, styled by media/preview.css), with the check's message first in its tooltip; a
 * number that names no paragraph is not a link. References to other documents, text inside links and code
 * stay as they are.
 *
 * Pure: markdown-it is only a type here; VS Code passes its own instance to `extendMarkdownIt`.
 * Escaping is markdown-it's: the tooltip goes into a token attribute, which the renderer escapes.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Level } from '../checks/levels';
import { checkDraft } from '../citations/diagnostics';
import { DEFAULT_FORMAT } from '../citations/format';
import { type Citation, findCitations } from '../citations/grammar';
import { type Summary, truncate } from '../summary/summary';

/** The checks whose verdict the preview shows: those that say a citation is wrong, not how it is written. */
export type PreviewCheck = 'no-such-paragraph' | 'reversed-range';
export const PREVIEW_CHECKS: readonly PreviewCheck[] = ['no-such-paragraph', 'reversed-range'];

export interface PreviewLinks {
  /** The link that opens paragraph `n` in the reader. */
  href(n: number): string;
  /**
   * The level of each check shown, from the draft's settings (`env` is markdown-it's render environment,
   * where VS Code's preview puts the document); `off` leaves such citations unmarked.
   */
  levels?(env: unknown): Readonly<Record<PreviewCheck, Level>>;
}

export const CITATION_CLASS = 'cnd-citation';
const DEFAULT_LEVELS: Readonly<Record<PreviewCheck, Level>> = { 'no-such-paragraph': 'error', 'reversed-range': 'warning' };
const TOOLTIP_CHARS = 110;

/** The tooltip of a link to paragraph `n` (or to a range starting there). */
export function previewTooltip(summary: Summary, from: number, to = from): string {
  const lines: string[] = [];
  for (let n = from; n <= to && lines.length < 3; n++) {
    const p = summary.paragraph(n);
    if (p) lines.push(`¶ ${n}: ${truncate(p.text, TOOLTIP_CHARS)}`);
  }
  if (to - from + 1 > lines.length) lines.push(`… ${to - from + 1} paragraphs in all`);
  return lines.join('\n');
}

export function citationPreviewPlugin(summary: Summary, links: PreviewLinks): (md: MarkdownIt) => void {
  return (md) => {
    const rule = (state: StateCore) => {
      const levels = links.levels?.(state.env) ?? DEFAULT_LEVELS;
      for (const block of state.tokens) {
        if (block.type === 'inline' && block.children)
          block.children = linkCitations(state, block.children, summary, links, levels);
      }
    };
    // After text_join (markdown-it 13+), so that "paras. 13&ndash;15" or an escaped character is one text token.
    try {
      md.core.ruler.after('text_join', 'cnd_citations', rule);
    } catch {
      md.core.ruler.push('cnd_citations', rule);
    }
  };
}

function linkCitations(
  state: StateCore,
  children: Token[],
  summary: Summary,
  links: PreviewLinks,
  levels: Readonly<Record<PreviewCheck, Level>>,
): Token[] {
  const out: Token[] = [];
  let insideLink = 0;
  for (const token of children) {
    if (token.type === 'link_open') insideLink++;
    if (token.type === 'link_close') insideLink--;
    if (token.type !== 'text' || insideLink > 0 || !/[pP¶]/.test(token.content)) {
      out.push(token);
      continue;
    }
    const text = token.content;
    const citations = findCitations(text).filter((c) => !c.external);
    if (citations.length === 0) {
      out.push(token);
      continue;
    }
    const problems = checkDraft(text, summary, { format: DEFAULT_FORMAT, citations }).filter(
      (p) => (PREVIEW_CHECKS as readonly string[]).includes(p.code) && levels[p.code as PreviewCheck] !== 'off',
    );
    let at = 0;
    const pushText = (s: string) => {
      if (!s) return;
      const t = new state.Token('text', '', 0);
      t.content = s;
      out.push(t);
    };
    for (const c of citations) {
      for (const span of linkSpans(c)) {
        const rejected = problems.filter((p) => p.start >= span.start && p.end <= span.end);
        const exists = summary.has(span.from);
        if (!exists && rejected.length === 0) continue;
        pushText(text.slice(at, span.start));
        const level = worstLevel(rejected.map((p) => levels[p.code as PreviewCheck]));
        const reasons = rejected.map((p) => p.message);
        const opening = exists ? previewTooltip(summary, span.from, Math.min(span.to, summary.count)) : '';
        // A link when there is a paragraph to open; else a marked span, with the reason as its tooltip.
        const tag = exists ? 'a' : 'span';
        const open = new state.Token(`${exists ? 'link' : 'span'}_open`, tag, 1);
        if (exists) open.attrSet('href', links.href(span.from));
        open.attrSet('title', [...reasons, opening].filter(Boolean).join('\n'));
        open.attrSet('class', level ? `${CITATION_CLASS} ${CITATION_CLASS}-${level}` : CITATION_CLASS);
        out.push(open);
        pushText(text.slice(span.start, span.end));
        out.push(new state.Token(`${exists ? 'link' : 'span'}_close`, tag, -1));
        at = span.end;
      }
    }
    pushText(text.slice(at));
  }
  return out;
}

const SEVERITY_ORDER: readonly Level[] = ['error', 'warning', 'information', 'hint'];

function worstLevel(levels: Level[]): Level | undefined {
  return SEVERITY_ORDER.find((l) => levels.includes(l));
}

interface Span {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** What to link in a citation: the keyword goes with its first item (`para. 24`); each further item alone. */
function linkSpans(c: Citation): Span[] {
  return c.items.map((item, i) => {
    const last = item.to ?? item.from;
    const from = Math.min(item.from.value, last.value);
    const to = Math.max(item.from.value, last.value);
    return { start: i === 0 ? c.keyword.start : item.from.start, end: last.end, from, to };
  });
}
