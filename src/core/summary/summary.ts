import { type Directory, type Entity, entityById } from './directory';
import type { Paragraph, Session, SummaryDocument } from './model';

// By hand rather than Intl.DateTimeFormat, whose first use loads locale data (~15 ms at start-up).
/** The months' English names, January first (the summary's dates and the parser's). */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2021-10-20" → "20 October 2021" (UN style: day, month, year). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** Cuts a text after at most `max` characters, at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The parsed summary with the organizations directory and the lookups every feature needs.
 * Built once at start-up and shared (read-only) by all features.
 */
export class Summary {
  private loaded: { doc: SummaryDocument; directory: Directory; byEntity: Map<string, number[]> } | undefined;
  private readonly source: () => { doc: SummaryDocument; directory: Directory };

  /**
   * The summary and its directory, or a function that makes them when first needed (the shipped summary is
   * unpacked on first use, not while the extension activates).
   */
  constructor(doc: SummaryDocument | (() => { doc: SummaryDocument; directory: Directory }), directory?: Directory) {
    this.source = typeof doc === 'function' ? doc : () => ({ doc, directory: directory! });
  }

  private load(): { doc: SummaryDocument; directory: Directory; byEntity: Map<string, number[]> } {
    if (this.loaded) return this.loaded;
    const { doc, directory } = this.source();
    const byEntity = new Map<string, number[]>();
    for (const p of doc.paragraphs) {
      for (const m of p.mentions) {
        const list = byEntity.get(m.id) ?? [];
        if (!list.includes(p.number)) list.push(p.number);
        byEntity.set(m.id, list);
      }
    }
    return (this.loaded = { doc, directory, byEntity });
  }

  get doc(): SummaryDocument {
    return this.load().doc;
  }

  get directory(): Directory {
    return this.load().directory;
  }

  private get byEntity(): Map<string, number[]> {
    return this.load().byEntity;
  }

  get count(): number {
    return this.doc.paragraphs.length;
  }

  has(n: number): boolean {
    return Number.isInteger(n) && n >= 1 && n <= this.count;
  }

  paragraph(n: number): Paragraph | undefined {
    return this.has(n) ? this.doc.paragraphs[n - 1] : undefined;
  }

  session(p: Paragraph): Session | undefined {
    return p.session === null ? undefined : this.doc.sessions[p.session];
  }

  /** "Thematic session 2 · 20 October 2021", "Section I. Background", … */
  placeOf(p: Paragraph): string {
    const s = this.session(p);
    if (s) return `${s.title} · ${longDate(s.date)}`;
    const sec = this.doc.sections.find((x) => x.number === p.section);
    return sec ? `${sec.numeral}. ${sec.title}` : 'Introduction';
  }

  challengeText(p: Paragraph): string | undefined {
    const s = this.session(p);
    return s && s.challenge !== null ? this.doc.challenges[s.challenge].text : undefined;
  }

  entity(id: string): Entity | undefined {
    return entityById(this.directory, id);
  }

  /** Paragraph numbers that name an organization or Member State, in order. */
  paragraphsMentioning(id: string): number[] {
    return this.byEntity.get(id) ?? [];
  }

  /** Distinct entity ids a paragraph names, in order of first mention. */
  entitiesIn(p: Paragraph): string[] {
    return [...new Set(p.mentions.map((m) => m.id))];
  }

  /** A short label for a paragraph: its first key phrase, or its opening words. */
  headline(p: Paragraph, max = 60): string {
    const first = p.keyPhrases[0];
    const source = first && first.start < 200 ? first.text : p.text;
    return truncate(source, max);
  }
}
