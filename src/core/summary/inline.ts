import type { FootnoteRef, KeyPhrase, Link, Span } from './model';

/** The plain text of one line of the converted PDF, with the spans its Markdown marked. */
export interface InlineText {
  text: string;
  bold: KeyPhrase[];
  italics: Span[];
  links: Link[];
  footnoteRefs: FootnoteRef[];
}

const SUP = /^<sup>([^<]{1,4})<\/sup>/;
const LINK = /^\[([^\]\n]*)\]\(([^)\s]*)\)/;

/**
 * Strips the inline Markdown the PDF conversion produced (`**bold**`, `*italic*`, `\*` escapes,
 * `<sup>n</sup>` footnote marks, `[text](url)` links) and records where each span falls in the
 * resulting plain text. Escaped asterisks at the very end of a line (`\*`, `\*\*`) are footnote
 * marks, as in the front matter of the summary.
 */
export function parseInline(source: string): InlineText {
  let text = '';
  const bold: KeyPhrase[] = [];
  const italics: Span[] = [];
  const links: Link[] = [];
  const footnoteRefs: FootnoteRef[] = [];
  let boldStart = -1;
  let italicStart = -1;

  const trailing = /((?:\\\*)+)\s*$/.exec(source);
  let body = source;
  if (trailing && trailing.index > 0) {
    body = source.slice(0, trailing.index);
  }

  for (let i = 0; i < body.length;) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      // `\\_` in the conversion stands for a plain underscore.
      let j = i;
      while (body[j] === '\\') j++;
      text += body[j] ?? '';
      i = j + 1;
      continue;
    }
    if (c === '*' && body[i + 1] === '*') {
      if (boldStart < 0) {
        boldStart = text.length;
      } else {
        if (text.length > boldStart) {
          bold.push({ start: boldStart, end: text.length, text: text.slice(boldStart, text.length) });
        }
        boldStart = -1;
      }
      i += 2;
      continue;
    }
    if (c === '*') {
      if (italicStart < 0) {
        italicStart = text.length;
      } else {
        if (text.length > italicStart) italics.push({ start: italicStart, end: text.length });
        italicStart = -1;
      }
      i += 1;
      continue;
    }
    if (c === '<') {
      const m = SUP.exec(body.slice(i, i + 20));
      if (m) {
        footnoteRefs.push({ id: m[1].trim(), offset: text.length });
        i += m[0].length;
        continue;
      }
    }
    if (c === '[') {
      const m = LINK.exec(body.slice(i, i + 600));
      if (m) {
        const start = text.length;
        const inner = parseInline(m[1]).text;
        text += inner;
        links.push({ start, end: text.length, text: inner, url: m[2] });
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  if (trailing && trailing.index > 0) {
    const stars = trailing[1].replace(/\\/g, '');
    footnoteRefs.push({ id: stars, offset: text.trimEnd().length });
  }
  return { text, bold: trimSpans(bold, text), italics, links, footnoteRefs };
}

/** Bold spans sometimes include the space or punctuation next to them; key phrases should not. */
function trimSpans(spans: KeyPhrase[], text: string): KeyPhrase[] {
  const out: KeyPhrase[] = [];
  for (const s of spans) {
    let { start, end } = s;
    while (start < end && /[\s“”"]/.test(text[start])) start++;
    while (end > start && /[\s“”",:;]/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  }
  return out;
}

/** Removes every `**` and `*` emphasis marker and unescapes, for headings. */
export function stripEmphasis(source: string): string {
  return parseInline(source).text.replace(/\s+/g, ' ').trim();
}
