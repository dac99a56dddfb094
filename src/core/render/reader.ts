import * as l10n from '@vscode/l10n';
import { type Paragraph, walkDocument } from '../summary/model';
import { longDate, type Summary } from '../summary/summary';

/** Where a paragraph's text stands in the reader: one reader line per line of the text. */
interface ReaderLine {
  paragraph: number;
  /** offsets[col] = offset in the paragraph text of the character at that column, -1 for what the reader adds. */
  offsets: number[];
}

export interface Position {
  line: number;
  character: number;
}

/**
 * What a stretch of the reader is, for the editor to style it (the reader's text itself has no markup):
 * the document's title, a section or session heading, a paragraph's number, a key phrase (bold in the
 * summary), an emphasised title of a document, a footnote mark, the challenge a session discussed, and
 * the lines the reader adds about the document (its session, symbol, date; that it is read-only).
 */
export type ReaderStyle =
  'title' | 'heading' | 'paragraphNumber' | 'keyPhrase' | 'emphasis' | 'footnoteMark' | 'challenge' | 'meta';

export const READER_STYLES: readonly ReaderStyle[] = [
  'title',
  'heading',
  'paragraphNumber',
  'keyPhrase',
  'emphasis',
  'footnoteMark',
  'challenge',
  'meta',
];

/** A styled stretch of one reader line: characters `start` (inclusive) to `end` (exclusive). */
export interface ReaderSpan {
  style: ReaderStyle;
  line: number;
  start: number;
  end: number;
}

/** A web address in the reader (a link in a paragraph, a footnote's source). */
export interface ReaderLink {
  line: number;
  start: number;
  end: number;
  url: string;
}

/** A part of the document as the reader lays it out: lines `start` to `end` (inclusive), with its parts. */
export interface ReaderOutlineEntry {
  kind: 'section' | 'session' | 'paragraph' | 'footnotes';
  /** How the part names itself: `I. Background`, `(c) Thematic session 2`, `¶ 24`. */
  name: string;
  /** What it is about: a paragraph's headline, a session's date. */
  detail: string;
  /** The paragraph's number, for a paragraph. */
  paragraph?: number;
  start: number;
  end: number;
  /** The line of its heading (or the paragraph's first line) and where the name stands on it. */
  nameLine: number;
  nameStart: number;
  nameEnd: number;
  children: ReaderOutlineEntry[];
}

/** Footnote marks as the printed summary sets them: superscript digits; `*` and `**` as they are. */
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

export function footnoteMark(id: string): string {
  return /^\d+$/.test(id) ? [...id].map((d) => SUPERSCRIPT[d]).join('') : id;
}

/** How a list item of a paragraph (para. 4) starts in the reader. */
const LIST_ITEM = '    • ';

/**
 * The summary as clean, read-only text — no markup characters: paragraph numbers, headings, key phrases
 * and footnote marks are styled by the editor from `spans` — and the map between reader positions and
 * paragraph text offsets (used to reveal paragraphs, anchor notes, copy quotations and find references).
 */
export class ReaderLayout {
  readonly text: string;
  readonly spans: readonly ReaderSpan[];
  readonly links: readonly ReaderLink[];
  readonly outline: readonly ReaderOutlineEntry[];
  private readonly lines = new Map<number, ReaderLine>();
  private readonly ranges = new Map<number, { start: number; end: number }>();

  constructor(summary: Summary) {
    const out: string[] = [];
    const spans: ReaderSpan[] = [];
    const links: ReaderLink[] = [];
    const outline: ReaderOutlineEntry[] = [];
    /** Adds a line made of parts, each styled or not; returns the line's number. */
    const push = (...parts: (string | [string, ReaderStyle | undefined] | undefined)[]): number => {
      const line = out.length;
      let s = '';
      for (const part of parts) {
        if (part === undefined) continue;
        const [text, style] = typeof part === 'string' ? [part, undefined] : part;
        if (style && text) spans.push({ style, line, start: s.length, end: s.length + text.length });
        s += text;
      }
      out.push(s);
      return line;
    };
    const marks = (ids: string[]): [string, ReaderStyle][] => ids.map((id) => [footnoteMark(id), 'footnoteMark']);
    const { doc } = summary;
    const m = doc.metadata;
    push([m.title, 'title'], ...marks(m.titleFootnotes));
    push();
    push([`${m.body} · ${m.session.name} · ${m.session.place}, ${m.session.dates}`, 'meta']);
    push([m.agendaItem.label, 'meta'], ...marks(m.agendaItem.footnotes), [`: ${m.agendaItem.title}`, 'meta']);
    push([`${m.dateText}${m.language ? ` · ${m.language}` : ''}`, 'meta']);
    push();
    push([
      l10n.t(
        'Read-only. Thematic discussions chaired by {0} {1} ({2}), {3}.',
        m.chair.title,
        m.chair.name,
        m.chair.country,
        m.meeting.text,
      ),
      'meta',
    ]);
    push();

    let section: ReaderOutlineEntry | undefined;
    let session: ReaderOutlineEntry | undefined;
    const heading = (kind: 'section' | 'session', name: string, detail: string, rest = ''): ReaderOutlineEntry => {
      const line = push([name + rest, 'heading']);
      push();
      return { kind, name, detail, start: line, end: line, nameLine: line, nameStart: 0, nameEnd: name.length, children: [] };
    };
    walkDocument(doc, {
      section: (s) => {
        session = undefined;
        section = heading(
          'section',
          `${s.numeral}. ${s.title}`,
          `paras. ${s.paragraphs[0]}–${s.paragraphs[s.paragraphs.length - 1]}`,
        );
        outline.push(section);
      },
      session: (s, challenge) => {
        session = heading('session', `(${s.letter}) ${s.title}`, longDate(s.date), ` · ${longDate(s.date)}`);
        (section?.children ?? outline).push(session);
        if (challenge) {
          push(['2019 Ministerial Declaration challenge: ', 'challenge'], [`“${challenge.text}”`, 'emphasis']);
          push();
        }
      },
      paragraph: (p) => {
        const start = out.length;
        this.renderParagraph(p, out, spans, links);
        const end = out.length - 1;
        this.ranges.set(p.number, { start, end });
        const entry: ReaderOutlineEntry = {
          kind: 'paragraph',
          name: `¶ ${p.number}`,
          detail: summary.headline(p, 80),
          paragraph: p.number,
          start,
          end,
          nameLine: start,
          nameStart: 0,
          nameEnd: `${p.number}.`.length,
          children: [],
        };
        (session?.children ?? section?.children ?? outline).push(entry);
        for (const parent of [session, section]) if (parent) parent.end = end;
        push();
      },
    });
    const footnotes = l10n.t('Footnotes');
    const notesLine = push([footnotes, 'heading']);
    push();
    for (const f of doc.footnotes) {
      const mark = footnoteMark(f.id);
      const line = push([mark, 'footnoteMark'], ` ${f.text}`);
      // The footnote's address, as printed (`www.unodc.org/…`), is a link to it.
      const shown = f.url ? f.text.replace(/\.$/, '') : '';
      const at = shown ? out[line].indexOf(shown, mark.length) : -1;
      if (f.url && at >= 0) links.push({ line, start: at, end: at + shown.length, url: f.url });
    }
    outline.push({
      kind: 'footnotes',
      name: footnotes,
      detail: `${doc.footnotes.length}`,
      start: notesLine,
      end: out.length - 1,
      nameLine: notesLine,
      nameStart: 0,
      nameEnd: footnotes.length,
      children: [],
    });
    this.text = `${out.join('\n')}\n`;
    this.spans = spans;
    this.links = links;
    this.outline = outline;
  }

  private renderParagraph(p: Paragraph, out: string[], spans: ReaderSpan[], links: ReaderLink[]): void {
    const marksAt = new Map<number, string>();
    for (const f of p.footnoteRefs) marksAt.set(f.offset, (marksAt.get(f.offset) ?? '') + footnoteMark(f.id));
    let offset = 0;
    p.text.split('\n').forEach((lineText, i) => {
      const line = out.length;
      const prefix = i === 0 ? `${p.number}. ` : LIST_ITEM;
      if (i === 0) spans.push({ style: 'paragraphNumber', line, start: 0, end: String(p.number).length + 1 });
      const offsets: number[] = new Array<number>(prefix.length).fill(-1);
      let s = prefix;
      // The reader columns of each paragraph offset on this line (and of the line's end): where a styled
      // stretch starting there starts (after a footnote mark) and where one ending there ends (before it).
      const startColumn = new Map<number, number>();
      const endColumn = new Map<number, number>();
      for (let k = 0; k <= lineText.length; k++) {
        const at = offset + k;
        endColumn.set(at, s.length);
        const mark = marksAt.get(at);
        if (mark) {
          spans.push({ style: 'footnoteMark', line, start: s.length, end: s.length + mark.length });
          s += mark;
          for (let j = 0; j < mark.length; j++) offsets.push(-1);
        }
        startColumn.set(at, s.length);
        if (k === lineText.length) break;
        s += lineText[k];
        offsets.push(at);
      }
      const lineEnd = offset + lineText.length;
      /** A styled stretch of the paragraph text, cut to this line. */
      const within = (start: number, end: number): { start: number; end: number } | undefined => {
        const from = Math.max(start, offset);
        const to = Math.min(end, lineEnd);
        if (from >= to) return undefined;
        return { start: startColumn.get(from)!, end: endColumn.get(to)! };
      };
      for (const k of p.keyPhrases) {
        const r = within(k.start, k.end);
        if (r) spans.push({ style: 'keyPhrase', line, ...r });
      }
      for (const it of p.italics) {
        const r = within(it.start, it.end);
        if (r) spans.push({ style: 'emphasis', line, ...r });
      }
      for (const l of p.links) {
        const r = within(l.start, l.end);
        if (r) links.push({ line, ...r, url: l.url });
      }
      this.lines.set(line, { paragraph: p.number, offsets });
      out.push(s);
      offset += lineText.length + 1;
    });
  }

  /** The reader lines of a paragraph (inclusive). */
  rangeOf(n: number): { start: number; end: number } | undefined {
    return this.ranges.get(n);
  }

  /** The paragraph shown on a reader line, if any. */
  paragraphAt(line: number): number | undefined {
    return this.lines.get(line)?.paragraph;
  }

  /** Reader position → paragraph text offset (what the reader adds snaps to the next character). */
  toText(pos: Position): { paragraph: number; offset: number } | undefined {
    const l = this.lines.get(pos.line);
    if (!l) return undefined;
    for (let c = Math.max(0, pos.character); c < l.offsets.length; c++) {
      if (l.offsets[c] >= 0) return { paragraph: l.paragraph, offset: l.offsets[c] };
    }
    // At the end of a line: the offset after its last character.
    for (let c = l.offsets.length - 1; c >= 0; c--) {
      if (l.offsets[c] >= 0) return { paragraph: l.paragraph, offset: l.offsets[c] + 1 };
    }
    return undefined;
  }

  /** Paragraph text offset → reader position. */
  toReader(paragraph: number, offset: number): Position | undefined {
    const range = this.ranges.get(paragraph);
    if (!range) return undefined;
    let best: Position | undefined;
    for (let line = range.start; line <= range.end; line++) {
      const l = this.lines.get(line);
      if (!l) continue;
      for (let c = 0; c < l.offsets.length; c++) {
        if (l.offsets[c] === offset) return { line, character: c };
        if (l.offsets[c] >= 0 && l.offsets[c] < offset) best = { line, character: c + 1 };
      }
    }
    return best ?? { line: range.start, character: 0 };
  }
}
