import { type Paragraph, walkDocument } from './model';
import { longDate, type Summary } from './summary';

/** Where a paragraph's text stands in the reader: one reader line per line of the text. */
interface ReaderLine {
  paragraph: number;
  /** offsets[col] = offset in the paragraph text of the character at that column, -1 for markup. */
  offsets: number[];
}

export interface Position {
  line: number;
  character: number;
}

/**
 * The summary as clean, read-only Markdown with visible paragraph numbers, and the map between
 * reader positions and paragraph text offsets (used to reveal paragraphs and anchor notes).
 */
export class ReaderLayout {
  readonly text: string;
  private readonly lines = new Map<number, ReaderLine>();
  private readonly ranges = new Map<number, { start: number; end: number }>();

  constructor(summary: Summary) {
    const out: string[] = [];
    const push = (s = '') => out.push(s);
    const { doc } = summary;
    const m = doc.metadata;
    push(`# ${m.title}${m.titleFootnotes.map((f) => `[^${f}]`).join('')}`);
    push();
    push(`${m.body}, ${m.session.name} · ${m.session.place}, ${m.session.dates}  `);
    push(`${m.agendaItem.label}${m.agendaItem.footnotes.map((f) => `[^${f}]`).join('')}: ${m.agendaItem.title}  `);
    push(`${m.dateText}${m.language ? ` · ${m.language}` : ''}`);
    push();
    push(
      `> Read-only. Thematic discussions chaired by ${m.chair.title} ${m.chair.name} (${m.chair.country}), ${m.meeting.text}.`,
    );
    push();

    walkDocument(doc, {
      section: (s) => {
        push(`## ${s.numeral}. ${s.title}`);
        push();
      },
      session: (s, challenge) => {
        push(`### (${s.letter}) ${s.title} · ${longDate(s.date)}`);
        push();
        if (challenge) {
          push(`> **2019 Ministerial Declaration challenge:** “${challenge.text}”`);
          push();
        }
      },
      paragraph: (p) => {
        const start = out.length;
        this.renderParagraph(p, out);
        this.ranges.set(p.number, { start, end: out.length - 1 });
        push();
      },
    });
    push('---');
    push();
    for (const f of doc.footnotes) {
      push(`[^${f.id}]: ${f.url ? `[${escapeMd(f.text.replace(/\.$/, ''))}](${f.url}).` : escapeMd(f.text)}`);
    }
    this.text = `${out.join('\n')}\n`;
  }

  private renderParagraph(p: Paragraph, out: string[]): void {
    const textLines = p.text.split('\n');
    // The Markdown inserted before the character at each offset: closing marks, then opening ones.
    const closeAt = new Map<number, string>();
    const openAt = new Map<number, string>();
    const put = (map: Map<number, string>, at: number, markup: string) => map.set(at, (map.get(at) ?? '') + markup);
    for (const kp of p.keyPhrases) put(closeAt, kp.end, '**');
    for (const it of p.italics) put(closeAt, it.end, '*');
    for (const l of p.links) put(closeAt, l.end, `](${l.url})`);
    for (const f of p.footnoteRefs) put(closeAt, f.offset, `[^${f.id}]`);
    for (const l of p.links) put(openAt, l.start, '[');
    for (const it of p.italics) put(openAt, it.start, '*');
    for (const kp of p.keyPhrases) put(openAt, kp.start, '**');
    let offset = 0;
    textLines.forEach((lineText, i) => {
      const prefix = i === 0 ? `**${p.number}.** ` : '   - ';
      const offsets: number[] = new Array<number>(prefix.length).fill(-1);
      let s = prefix;
      const add = (markup: string) => {
        s += markup;
        for (let k = 0; k < markup.length; k++) offsets.push(-1);
      };
      for (let k = 0; k <= lineText.length; k++) {
        const at = offset + k;
        const close = closeAt.get(at);
        if (close) add(close);
        if (k === lineText.length) break;
        const open = openAt.get(at);
        if (open) add(open);
        const c = lineText[k];
        if (ESCAPED.has(c)) add('\\');
        s += c;
        offsets.push(at);
      }
      this.lines.set(out.length, { paragraph: p.number, offsets });
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

  /** Reader position → paragraph text offset (markup snaps to the next character). */
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

/** Characters Markdown would read as markup: escaped with a backslash in the reader. */
const ESCAPED = new Set(['*', '_', '<', '>', '[', ']', '\\', '`']);

function escapeMd(s: string): string {
  let out = '';
  for (const c of s) out += ESCAPED.has(c) ? `\\${c}` : c;
  return out;
}
