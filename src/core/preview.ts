/**
 * A markdown-it plugin for the built-in Markdown preview: citations of the summary in a draft become links
 * to the paragraph, with the paragraph's opening words as the tooltip. References to other documents,
 * citations of paragraphs that do not exist, text inside links and code stay as they are.
 *
 * Pure: markdown-it is only a type here; VS Code passes its own instance to `extendMarkdownIt`.
 * Escaping is markdown-it's: the tooltip goes into a token attribute, which the renderer escapes.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { type Citation, findCitations } from './citations/grammar';
import { type Summary, truncate } from './summary';

export interface PreviewLinks {
  /** The link that opens paragraph `n` (the extension's URI handler). */
  href(n: number): string;
}

export const CITATION_CLASS = 'cnd-citation';
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
      for (const block of state.tokens) {
        if (block.type === 'inline' && block.children) block.children = linkCitations(state, block.children, summary, links);
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

function linkCitations(state: StateCore, children: Token[], summary: Summary, links: PreviewLinks): Token[] {
  const out: Token[] = [];
  let insideLink = 0;
  for (const token of children) {
    if (token.type === 'link_open') insideLink++;
    if (token.type === 'link_close') insideLink--;
    if (token.type !== 'text' || insideLink > 0 || !/[pP¶]/.test(token.content)) {
      out.push(token);
      continue;
    }
    const citations = findCitations(token.content).filter((c) => !c.external && c.paragraphs.some((n) => summary.has(n)));
    if (citations.length === 0) {
      out.push(token);
      continue;
    }
    let at = 0;
    const text = token.content;
    const pushText = (s: string) => {
      if (!s) return;
      const t = new state.Token('text', '', 0);
      t.content = s;
      out.push(t);
    };
    for (const c of citations) {
      for (const span of linkSpans(c)) {
        if (!summary.has(span.from)) continue;
        pushText(text.slice(at, span.start));
        const open = new state.Token('link_open', 'a', 1);
        open.attrSet('href', links.href(span.from));
        open.attrSet('title', previewTooltip(summary, span.from, Math.min(span.to, summary.count)));
        open.attrSet('class', CITATION_CLASS);
        out.push(open);
        pushText(text.slice(span.start, span.end));
        out.push(new state.Token('link_close', 'a', -1));
        at = span.end;
      }
    }
    pushText(text.slice(at));
  }
  return out;
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
