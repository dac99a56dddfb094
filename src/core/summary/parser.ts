import { MONTH_NAMES } from './summary';
import { type Directory, MentionFinder } from './directory';
import { type InlineText, parseInline, stripEmphasis } from './inline';
import type { Challenge, Footnote, KeyPhrase, Link, Metadata, Paragraph, Section, Session, Span, SummaryDocument } from './model';

/** A problem in the source text, with the 1-based line it was found on. */
export class ParseError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`Chair's summary, line ${line}: ${detail}`);
    this.name = 'ParseError';
  }
}

const MONTHS = MONTH_NAMES;
const MONTH = `(${MONTHS.join('|')})`;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function isoDate(day: string | number, month: string, year: string | number): string {
  const m = MONTHS.indexOf(month) + 1;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Line {
  text: string;
  /** 1-based. */
  no: number;
}

interface OpenParagraph {
  number: number;
  line: number;
  lead: string;
  items: string[];
  section: number | null;
  subsection: string | null;
  session: number | null;
  /** The last block ended at a page break (`---` and footnotes). */
  afterBreak: boolean;
}

/** A footnote at a page break: `\* text`, `\*\* text` or `<sup>2</sup> text`. */
const FOOTNOTE_DEF = /^(?:((?:\\\*)+)|<sup>(\w{1,4})<\/sup>)\s+(.+)$/;
/** The line of paragraph 1, where the front matter ends. */
const FIRST_PARAGRAPH = /^1\.\s+\S/;
/** A page break: footnotes follow it. */
const PAGE_BREAK = /^-{3,}$/;
/** The marks of a Markdown heading. */
const HASH_MARKS = /^#{1,6}\s+/;
const NUMBERED = /^(\d{1,4})\.\s+(.*)$/;
const LIST_ITEM = /^[-•]\s+(.*)$/;
const SECTION = new RegExp(`^(${ROMAN.join('|')})\\.\\s+(\\S.*)$`);
const SUBSECTION = /^\(([a-z])\)\s+(\S.*)$/;
const CHALLENGE = /Challenge:\s*[“"](.+?)[”"]\s*$/;
/** The document's date: `20 December 2021`. */
const DOCUMENT_DATE = new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})$`);
/** `English only`. */
const LANGUAGE_NOTE = /^[A-Z][a-z]+ only$/;
/** The session's place and dates: `Vienna, 14–18 March 2022`. */
const PLACE_AND_DATES = new RegExp(`^([A-Z][\\p{L} ]+), (\\d{1,2}[–-]\\d{1,2} ${MONTH} \\d{4})$`, 'u');
const AGENDA_ITEM = /^Item (\d+) of the (?:provisional )?agenda/;
/** The dates of the thematic discussions, in the title: `(19–21 October 2021)`. */
const MEETING_DATES = new RegExp(`\\((\\d{1,2})[–-](\\d{1,2}) ${MONTH} (\\d{4})\\)`);
/** How a session's paragraphs date it: `On 20 October`, `On 20 October 2021`. */
const SESSION_DATE = new RegExp(`^On (\\d{1,2}) ${MONTH}(?: (\\d{4}))?`);
/** Paragraph 1 names the Chair: `chaired by H.E. Ambassador … (Country), Chair of …`. */
const CHAIR = /chaired by (H\.E\. Ambassador|Ambassador|H\.E\.) ([^(]+?) \(([^)]+)\),\s*(Chair of [^.]+)/;

/** Splits a front-matter line on its unescaped `**` markers (`\*\*` is a footnote mark). */
function boldSegments(line: string): string[] {
  return line
    .replace(/\\\*/g, '\uE000')
    .split(/\*\*+/)
    .map((s) => s.replace(/\uE000/g, '\\*').trim())
    .filter((s) => s.length > 0);
}

function plainOf(raw: string): string {
  return parseInline(raw).text.trim();
}

function isTerminated(plain: string): boolean {
  return /[.!?:;”"’)]$/.test(plain.trimEnd());
}

/**
 * The text of a line marked as a heading (`## …`, `**…**`, or starting `(a) `), without its marks; undefined
 * for a line that is not marked as one.
 */
function headingText(text: string): string | undefined {
  const unhashed = text.replace(HASH_MARKS, '');
  if (unhashed === text && !text.startsWith('**') && !SUBSECTION.test(text)) return undefined;
  return stripEmphasis(unhashed);
}

export interface ParseOptions {
  /** When given, mentions of its organizations and Member States are found in every paragraph. */
  directory?: Directory;
}

/**
 * Parses the PDF conversion of the Chair's summary into a typed model. It re-joins paragraphs cut
 * by page breaks, collects the footnotes printed at those breaks, normalises the inconsistently
 * marked-up headings and checks the numbering. Anything it does not understand raises a
 * ParseError naming the line, never a silently wrong model.
 */
export function parseSummary(source: string, options: ParseOptions = {}): SummaryDocument {
  const lines = sourceLines(source);
  const firstParagraph = lines.findIndex((l) => FIRST_PARAGRAPH.test(l.text));
  if (firstParagraph < 0) throw new ParseError(1, 'no numbered paragraph found (expected a line starting "1. ")');

  const footnotes: Footnote[] = [];
  const frontMatter = new FrontMatterReader(footnotes);
  for (const line of lines.slice(0, firstParagraph)) frontMatter.read(line);
  const front = frontMatter.result(lines[firstParagraph - 1]?.no ?? 1);

  const body = new BodyReader(footnotes);
  for (const line of lines.slice(firstParagraph)) body.read(line);
  const { sections, sessions, challenges } = body;
  const finder = options.directory ? new MentionFinder(options.directory) : undefined;
  const paragraphs = body.finish().map((o) => buildParagraph(o, finder));

  listParagraphsUnderHeadings(paragraphs, body);
  listParagraphsCitingFootnotes(paragraphs, front, footnotes);
  dateSessions(sessions, paragraphs, front.meeting);
  if (sections.length === 0) throw new ParseError(lines.length, 'no numbered section heading ("I. …") found');
  const metadata: Metadata = { ...front, chair: chairOf(paragraphs[0]) };
  return { metadata, sections, sessions, challenges, paragraphs, footnotes };
}

/** The source's lines, trimmed and numbered from 1 (a byte-order mark dropped; any line ending). */
function sourceLines(source: string): Line[] {
  if (source.trim().length === 0) throw new ParseError(1, 'the file is empty');
  return source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ text: text.trim(), no: i + 1 }));
}

/**
 * Reads the body, from paragraph 1 on, one line at a time. `read` tries, in this order: a page break, a footnote
 * after one, a section heading, a sub-section heading, a numbered paragraph, a list item, the rest of the open
 * paragraph. A line that is none of these is an error naming it.
 */
class BodyReader {
  readonly sections: Section[] = [];
  readonly sessions: Session[] = [];
  readonly challenges: Challenge[] = [];
  private readonly paragraphs: OpenParagraph[] = [];
  /** Each paragraph number's line, to name it when the number comes again. */
  private readonly firstLineOf = new Map<number, number>();
  private open: OpenParagraph | undefined;
  private section: Section | undefined;
  private session: Session | undefined;
  /** After a page break, until a line that is not a footnote. */
  private inFootnotes = false;
  private expected = 1;

  constructor(private readonly footnotes: Footnote[]) {}

  read(line: Line): void {
    if (line.text === '') return;
    if (this.pageBreak(line) || this.footnoteAtPageBreak(line)) return;
    const heading = headingText(line.text);
    if (heading !== undefined && (this.sectionHeading(heading, line) || this.subsectionHeading(heading, line))) return;
    if (this.numberedParagraph(line) || this.listItem(line) || this.continuedParagraph(line)) return;
    const shown = line.text.length > 60 ? `${line.text.slice(0, 60)}…` : line.text;
    throw new ParseError(line.no, `unexpected text outside a numbered paragraph: "${shown}"`);
  }

  /** The paragraphs read, in order. */
  finish(): OpenParagraph[] {
    this.closeParagraph();
    return this.paragraphs;
  }

  private closeParagraph(): void {
    if (this.open) this.paragraphs.push(this.open);
    this.open = undefined;
  }

  /** `---`: a page break; footnotes may follow. */
  private pageBreak({ text }: Line): boolean {
    if (!PAGE_BREAK.test(text)) return false;
    this.inFootnotes = true;
    if (this.open) this.open.afterBreak = true;
    return true;
  }

  /** A footnote printed at a page break (`\* …`, `<sup>2</sup> …`). */
  private footnoteAtPageBreak({ text, no }: Line): boolean {
    if (!this.inFootnotes) return false;
    const footnoteMatch = FOOTNOTE_DEF.exec(text);
    if (!footnoteMatch) {
      this.inFootnotes = false;
      return false;
    }
    addFootnote(this.footnotes, footnoteMatch, no);
    return true;
  }

  /** `I. Background` as a heading: the next numbered section. */
  private sectionHeading(heading: string, { no }: Line): boolean {
    const sectionMatch = SECTION.exec(heading);
    if (!sectionMatch) return false;
    this.closeParagraph();
    const [, numeral, title] = sectionMatch;
    const number = ROMAN.indexOf(numeral) + 1;
    if (number !== this.sections.length + 1) {
      throw new ParseError(no, `section ${numeral} is out of order (expected section ${ROMAN[this.sections.length]})`);
    }
    this.section = { number, numeral, title: title.trim(), paragraphs: [], line: no };
    this.sections.push(this.section);
    this.session = undefined;
    return true;
  }

  /** `(a) Opening session` or `(b) … Challenge: "…"` as a heading: the next session of the current section. */
  private subsectionHeading(heading: string, { no }: Line): boolean {
    const subsectionMatch = SUBSECTION.exec(heading);
    if (!subsectionMatch) return false;
    this.closeParagraph();
    const [, letter, rawTitle] = subsectionMatch;
    if (!this.section) throw new ParseError(no, `sub-section (${letter}) stands outside any numbered section`);
    const expectedLetter = String.fromCharCode('a'.charCodeAt(0) + this.sessions.length);
    if (letter !== expectedLetter) {
      throw new ParseError(no, `sub-section (${letter}) is out of order (expected (${expectedLetter}))`);
    }
    const title = rawTitle.trim();
    const challengeMatch = CHALLENGE.exec(title);
    const opening = !challengeMatch && /opening/i.test(title);
    if (!challengeMatch && !opening) {
      throw new ParseError(
        no,
        `sub-section (${letter}) is neither the opening session nor a Ministerial Declaration challenge: "${title}"`,
      );
    }
    let challengeIndex: number | null = null;
    if (challengeMatch) {
      challengeIndex = this.challenges.length;
      this.challenges.push({
        number: this.challenges.length + 1,
        text: challengeMatch[1].trim().replace(/\.$/, ''),
        paragraphs: [],
      });
    }
    const ordinal = opening ? 0 : this.sessions.filter((s) => s.kind === 'thematic').length + 1;
    this.session = {
      letter,
      ordinal,
      kind: opening ? 'opening' : 'thematic',
      title: opening ? 'Opening session' : `Thematic session ${ordinal}`,
      heading: title,
      date: '',
      challenge: challengeIndex,
      paragraphs: [],
      line: no,
    };
    this.sessions.push(this.session);
    return true;
  }

  /** `12. …`: the next paragraph, numbered one more than the last. */
  private numberedParagraph({ text, no }: Line): boolean {
    const numberedMatch = NUMBERED.exec(text);
    if (!numberedMatch) return false;
    const n = Number(numberedMatch[1]);
    if (n !== this.expected) throw this.misnumbered(n, no);
    this.closeParagraph();
    this.firstLineOf.set(n, no);
    this.open = {
      number: n,
      line: no,
      lead: numberedMatch[2],
      items: [],
      section: this.section ? this.section.number : null,
      subsection: this.session ? this.session.letter : null,
      session: this.session ? this.sessions.length - 1 : null,
      afterBreak: false,
    };
    this.expected = n + 1;
    return true;
  }

  /** Why paragraph `n` cannot come here: numbered twice, paragraphs missing before it, or out of order. */
  private misnumbered(n: number, no: number): ParseError {
    const expected = this.expected;
    if (this.firstLineOf.has(n)) {
      return new ParseError(no, `paragraph ${n} is numbered a second time (first at line ${this.firstLineOf.get(n)})`);
    }
    if (n > expected) {
      const missing = expected === n - 1 ? `paragraph ${expected} is missing` : `paragraphs ${expected}–${n - 1} are missing`;
      return new ParseError(no, `paragraph ${n} follows paragraph ${expected - 1}: ${missing}`);
    }
    return new ParseError(no, `paragraph ${n} is out of order (expected ${expected})`);
  }

  /** `- …` or `• …`: an item of the open paragraph's list. */
  private listItem({ text, no }: Line): boolean {
    const listItemMatch = LIST_ITEM.exec(text);
    if (!listItemMatch) return false;
    if (!this.open) throw new ParseError(no, 'list item outside any numbered paragraph');
    this.open.items.push(listItemMatch[1]);
    return true;
  }

  /**
   * Plain text that goes on with the open paragraph (before any list): its sentence is unfinished, or a page
   * break cut it and the text goes on in lower case.
   */
  private continuedParagraph({ text }: Line): boolean {
    const open = this.open;
    if (!open || open.items.length > 0) return false;
    const cutByPageBreak = open.afterBreak && /^[a-z]/.test(text);
    if (isTerminated(plainOf(open.lead)) && !cutByPageBreak) return false;
    open.lead = `${open.lead.trimEnd()} ${text}`;
    open.afterBreak = false;
    return true;
  }
}

/** Lists each paragraph under its section, its session and the session's challenge. */
function listParagraphsUnderHeadings(
  paragraphs: Paragraph[],
  { sections, sessions, challenges }: Pick<BodyReader, 'sections' | 'sessions' | 'challenges'>,
): void {
  for (const p of paragraphs) {
    if (p.section !== null) sections[p.section - 1].paragraphs.push(p.number);
    if (p.session !== null) {
      const s = sessions[p.session];
      s.paragraphs.push(p.number);
      if (s.challenge !== null) challenges[s.challenge].paragraphs.push(p.number);
    }
  }
}

/** Lists the paragraphs that cite each footnote (0 for the front matter, first); a reference to no footnote is an error. */
function listParagraphsCitingFootnotes(paragraphs: Paragraph[], front: FrontMatter, footnotes: Footnote[]): void {
  for (const p of paragraphs) {
    for (const ref of p.footnoteRefs) {
      const f = footnotes.find((x) => x.id === ref.id);
      if (!f) throw new ParseError(p.line, `paragraph ${p.number} refers to footnote ${ref.id}, which is not in the text`);
      if (!f.citedBy.includes(p.number)) f.citedBy.push(p.number);
    }
  }
  for (const id of [...front.agendaItem.footnotes, ...front.titleFootnotes]) {
    const f = footnotes.find((x) => x.id === id);
    if (!f) throw new ParseError(1, `the front matter refers to footnote ${id}, which is not in the text`);
    if (!f.citedBy.includes(0)) f.citedBy.unshift(0);
  }
}

/** Dates each session by its paragraphs; a session without paragraphs is an error. */
function dateSessions(sessions: Session[], paragraphs: Paragraph[], meeting: FrontMatter['meeting']): void {
  for (const s of sessions) {
    if (s.paragraphs.length === 0) throw new ParseError(s.line, `sub-section (${s.letter}) has no paragraphs`);
    s.date = sessionDate(s, paragraphs, meeting);
  }
}

/** The Chair, as paragraph 1 names them. */
function chairOf(p1: Paragraph): Metadata['chair'] {
  const chairMatch = CHAIR.exec(p1.text);
  if (!chairMatch) throw new ParseError(p1.line, 'paragraph 1 does not name the Chair ("chaired by … (Country), Chair of …")');
  const [, title, name, country, role] = chairMatch;
  return { title, name: name.trim(), country: country.trim(), role: role.trim() };
}

function addFootnote(footnotes: Footnote[], m: RegExpExecArray, line: number): void {
  const id = m[1] ? m[1].replace(/\\/g, '') : m[2];
  const inline = parseInline(m[3]);
  const text = inline.text.trim();
  const url = inline.links[0]?.url;
  if (footnotes.some((f) => f.id === id)) throw new ParseError(line, `footnote ${id} is defined twice`);
  footnotes.push({ id, text, ...(url ? { url } : {}), citedBy: [], line });
}

type FrontMatter = Omit<Metadata, 'chair'>;

/**
 * Reads the front matter (the lines before paragraph 1), one line at a time. `read` tries, in this order: the
 * document's date, the language note, a footnote, the session's place and dates, the agenda item, bold headings.
 * A line that is none of these is an error naming it. `result` then requires what the front matter must give.
 */
class FrontMatterReader {
  private dateText: string | undefined;
  private date: string | undefined;
  private language: string | undefined;
  private body: string | undefined;
  private sessionName: string | undefined;
  private place: string | undefined;
  private sessionDates: string | undefined;
  private agenda: Metadata['agendaItem'] | undefined;
  private title: string | undefined;
  private titleFootnotes: string[] = [];

  constructor(private readonly footnotes: Footnote[]) {}

  read(line: Line): void {
    if (line.text === '' || PAGE_BREAK.test(line.text)) return;
    if (this.documentDate(line) || this.languageNote(line) || this.footnote(line)) return;
    if (this.placeAndDates(line) || this.agendaItem(line) || this.boldHeadings(line)) return;
    throw new ParseError(line.no, `unexpected line in the front matter: "${line.text.slice(0, 60)}"`);
  }

  /** `20 December 2021`. */
  private documentDate({ text }: Line): boolean {
    const documentDateMatch = DOCUMENT_DATE.exec(text);
    if (!documentDateMatch) return false;
    const [, day, month, year] = documentDateMatch;
    this.dateText = text;
    this.date = isoDate(day, month, year);
    return true;
  }

  /** `English only`. */
  private languageNote({ text }: Line): boolean {
    if (!LANGUAGE_NOTE.test(text)) return false;
    this.language = text;
    return true;
  }

  /** `\* …`: a footnote of the front matter. */
  private footnote({ text, no }: Line): boolean {
    const footnoteMatch = FOOTNOTE_DEF.exec(text);
    if (!footnoteMatch) return false;
    addFootnote(this.footnotes, footnoteMatch, no);
    return true;
  }

  /** `Vienna, 14–18 March 2022`: where and when the session meets. */
  private placeAndDates({ text }: Line): boolean {
    const placeAndDatesMatch = PLACE_AND_DATES.exec(text);
    if (!placeAndDatesMatch) return false;
    this.place = placeAndDatesMatch[1];
    this.sessionDates = placeAndDatesMatch[2].replace('-', '–');
    return true;
  }

  /** `Item 6 of the provisional agenda\*`: its title is the next bold heading. */
  private agendaItem({ text }: Line): boolean {
    const agendaItemMatch = AGENDA_ITEM.exec(text);
    if (!agendaItemMatch) return false;
    const inline = parseInline(text);
    this.agenda = {
      number: Number(agendaItemMatch[1]),
      label: inline.text.trim(),
      title: '',
      footnotes: inline.footnoteRefs.map((r) => r.id),
    };
    return true;
  }

  /** `**…**` segments: the body, the session's name, the document's title, the agenda item's title. */
  private boldHeadings({ text, no }: Line): boolean {
    const segments = boldSegments(text);
    if (segments.length === 0 || !text.startsWith('**')) return false;
    for (const segment of segments) {
      const plain = parseInline(segment);
      if (/Commission on Narcotic Drugs$/.test(plain.text)) this.body = plain.text;
      else if (/^[A-Z][a-z-]+ session$/.test(plain.text)) this.sessionName = plain.text;
      else if (/summary/i.test(plain.text)) {
        this.title = plain.text.trim();
        this.titleFootnotes = plain.footnoteRefs.map((r) => r.id);
      } else if (this.agenda && !this.agenda.title) this.agenda.title = plain.text.trim();
      else throw new ParseError(no, `unexpected heading in the front matter: "${plain.text.slice(0, 60)}"`);
    }
    return true;
  }

  /** The front matter read, `last` being the line number of its last line (for messages). */
  result(last: number): FrontMatter {
    const need = <T>(v: T | undefined, what: string): T => {
      if (v === undefined) throw new ParseError(1, `the front matter (lines 1–${last}) has no ${what}`);
      return v;
    };
    const title = need(this.title, 'document title (a bold line containing "summary")');
    const meetingDatesMatch = MEETING_DATES.exec(title);
    if (!meetingDatesMatch) throw new ParseError(1, 'the title does not give the meeting dates, e.g. "(19–21 October 2021)"');
    const [, startDay, endDay, month, year] = meetingDatesMatch;
    const agendaItem = need(this.agenda, 'agenda item ("Item N of the provisional agenda")');
    if (!agendaItem.title) throw new ParseError(1, 'the agenda item has no title');
    return {
      title,
      titleFootnotes: this.titleFootnotes,
      body: need(this.body, 'body ("Commission on Narcotic Drugs")'),
      session: {
        name: need(this.sessionName, 'session ("Sixty-fifth session")'),
        place: need(this.place, 'place and dates of the session ("Vienna, 14–18 March 2022")'),
        dates: need(this.sessionDates, 'session dates'),
      },
      agendaItem,
      date: need(this.date, 'document date ("20 December 2021")'),
      dateText: need(this.dateText, 'document date'),
      language: this.language ?? '',
      meeting: {
        start: isoDate(startDay, month, year),
        end: isoDate(endDay, month, year),
        text: `${startDay}–${endDay} ${month} ${year}`,
      },
    };
  }
}

function sessionDate(s: Session, paragraphs: Paragraph[], meeting: FrontMatter['meeting']): string {
  const year = meeting.start.slice(0, 4);
  for (const n of s.paragraphs) {
    const sessionDateMatch = SESSION_DATE.exec(paragraphs[n - 1].text);
    if (sessionDateMatch) return isoDate(sessionDateMatch[1], sessionDateMatch[2], sessionDateMatch[3] ?? year);
  }
  if (s.kind === 'opening') return meeting.start;
  throw new ParseError(s.line, `no date found for sub-section (${s.letter}): its paragraphs never say "On <day> <month>"`);
}

function shift<T extends Span>(spans: T[], by: number): T[] {
  return spans.map((s) => ({ ...s, start: s.start + by, end: s.end + by }));
}

function buildParagraph(o: OpenParagraph, finder: MentionFinder | undefined): Paragraph {
  const parts: InlineText[] = [parseInline(o.lead.trim()), ...o.items.map((i) => parseInline(i.trim()))];
  let text = '';
  const keyPhrases: KeyPhrase[] = [];
  const italics: Span[] = [];
  const links: Link[] = [];
  const footnoteRefs: Paragraph['footnoteRefs'] = [];
  parts.forEach((part, i) => {
    if (i > 0) text += '\n';
    const at = text.length;
    text += part.text;
    keyPhrases.push(...shift(part.bold, at));
    italics.push(...shift(part.italics, at));
    links.push(...shift(part.links, at));
    footnoteRefs.push(...part.footnoteRefs.map((r) => ({ ...r, offset: r.offset + at })));
  });
  return {
    number: o.number,
    text,
    ...(o.items.length > 0 ? { items: parts.slice(1).map((p) => p.text) } : {}),
    keyPhrases,
    italics,
    links,
    footnoteRefs,
    mentions: finder ? finder.find(text) : [],
    section: o.section,
    subsection: o.subsection,
    session: o.session,
    line: o.line,
  };
}
