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

const MONTHS = [
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

const FOOTNOTE_DEF = /^(?:((?:\\\*)+)|<sup>(\w{1,4})<\/sup>)\s+(.+)$/;
const NUMBERED = /^(\d{1,4})\.\s+(.*)$/;
const LIST_ITEM = /^[-•]\s+(.*)$/;
const SECTION = new RegExp(`^(${ROMAN.join('|')})\\.\\s+(\\S.*)$`);
const SUBSECTION = /^\(([a-z])\)\s+(\S.*)$/;
const CHALLENGE = /Challenge:\s*[“"](.+?)[”"]\s*$/;

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
  if (source.trim().length === 0) throw new ParseError(1, 'the file is empty');
  const lines: Line[] = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ text: text.trim(), no: i + 1 }));

  const firstPara = lines.findIndex((l) => /^1\.\s+\S/.test(l.text));
  if (firstPara < 0) throw new ParseError(1, 'no numbered paragraph found (expected a line starting "1. ")');

  const footnotes: Footnote[] = [];
  const front = parseFrontMatter(lines.slice(0, firstPara), footnotes);

  const sections: Section[] = [];
  const sessions: Session[] = [];
  const challenges: Challenge[] = [];
  const done: OpenParagraph[] = [];
  const firstLineOf = new Map<number, number>();
  let open: OpenParagraph | undefined;
  let section: Section | undefined;
  let session: Session | undefined;
  let inFootnotes = false;
  let expected = 1;
  const closeParagraph = () => {
    if (open) done.push(open);
    open = undefined;
  };

  for (let i = firstPara; i < lines.length; i++) {
    const { text, no } = lines[i];
    if (text === '') continue;
    if (/^-{3,}$/.test(text)) {
      inFootnotes = true;
      if (open) open.afterBreak = true;
      continue;
    }
    if (inFootnotes) {
      const fm = FOOTNOTE_DEF.exec(text);
      if (fm) {
        addFootnote(footnotes, fm, no);
        continue;
      }
      inFootnotes = false;
    }
    const unhashed = text.replace(/^#{1,6}\s+/, '');
    const heading = stripEmphasis(unhashed);
    const looksLikeHeading = unhashed !== text || text.startsWith('**') || SUBSECTION.test(text);

    const sm = looksLikeHeading ? SECTION.exec(heading) : null;
    if (sm) {
      closeParagraph();
      const number = ROMAN.indexOf(sm[1]) + 1;
      if (number !== sections.length + 1) {
        throw new ParseError(no, `section ${sm[1]} is out of order (expected section ${ROMAN[sections.length]})`);
      }
      section = { number, numeral: sm[1], title: sm[2].trim(), paragraphs: [], line: no };
      sections.push(section);
      session = undefined;
      continue;
    }
    const ssm = SUBSECTION.exec(heading);
    if (ssm && looksLikeHeading) {
      closeParagraph();
      if (!section) throw new ParseError(no, `sub-section (${ssm[1]}) stands outside any numbered section`);
      const letter = ssm[1];
      const expectedLetter = String.fromCharCode('a'.charCodeAt(0) + sessions.length);
      if (letter !== expectedLetter) {
        throw new ParseError(no, `sub-section (${letter}) is out of order (expected (${expectedLetter}))`);
      }
      const title = ssm[2].trim();
      const cm = CHALLENGE.exec(title);
      const opening = !cm && /opening/i.test(title);
      if (!cm && !opening) {
        throw new ParseError(
          no,
          `sub-section (${letter}) is neither the opening session nor a Ministerial Declaration challenge: "${title}"`,
        );
      }
      let challengeIndex: number | null = null;
      if (cm) {
        challengeIndex = challenges.length;
        challenges.push({ number: challenges.length + 1, text: cm[1].trim().replace(/\.$/, ''), paragraphs: [] });
      }
      const ordinal = opening ? 0 : sessions.filter((s) => s.kind === 'thematic').length + 1;
      session = {
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
      sessions.push(session);
      continue;
    }
    const nm = NUMBERED.exec(text);
    if (nm) {
      const n = Number(nm[1]);
      if (n !== expected) {
        if (firstLineOf.has(n)) {
          throw new ParseError(no, `paragraph ${n} is numbered a second time (first at line ${firstLineOf.get(n)})`);
        }
        if (n > expected) {
          const missing = expected === n - 1 ? `paragraph ${expected} is missing` : `paragraphs ${expected}–${n - 1} are missing`;
          throw new ParseError(no, `paragraph ${n} follows paragraph ${expected - 1}: ${missing}`);
        }
        throw new ParseError(no, `paragraph ${n} is out of order (expected ${expected})`);
      }
      closeParagraph();
      firstLineOf.set(n, no);
      open = {
        number: n,
        line: no,
        lead: nm[2],
        items: [],
        section: section ? section.number : null,
        subsection: session ? session.letter : null,
        session: session ? sessions.length - 1 : null,
        afterBreak: false,
      };
      expected = n + 1;
      continue;
    }
    const lm = LIST_ITEM.exec(text);
    if (lm) {
      if (!open) throw new ParseError(no, 'list item outside any numbered paragraph');
      open.items.push(lm[1]);
      continue;
    }
    // Plain text: the rest of a paragraph cut by a page break, or an error.
    if (open && open.items.length === 0) {
      const plain = plainOf(open.lead);
      const lowerStart = /^[a-z]/.test(text);
      if (!isTerminated(plain) || (open.afterBreak && lowerStart)) {
        open.lead = `${open.lead.trimEnd()} ${text}`;
        open.afterBreak = false;
        continue;
      }
    }
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new ParseError(no, `unexpected text outside a numbered paragraph: "${shown}"`);
  }
  closeParagraph();

  const finder = options.directory ? new MentionFinder(options.directory) : undefined;
  const paragraphs: Paragraph[] = done.map((o) => buildParagraph(o, finder));

  for (const p of paragraphs) {
    if (p.section !== null) sections[p.section - 1].paragraphs.push(p.number);
    if (p.session !== null) {
      const s = sessions[p.session];
      s.paragraphs.push(p.number);
      if (s.challenge !== null) challenges[s.challenge].paragraphs.push(p.number);
    }
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
  for (const s of sessions) {
    if (s.paragraphs.length === 0) throw new ParseError(s.line, `sub-section (${s.letter}) has no paragraphs`);
    s.date = sessionDate(s, paragraphs, front.meeting);
  }
  if (sections.length === 0) throw new ParseError(lines.length, 'no numbered section heading ("I. …") found');

  const p1 = paragraphs[0];
  const chair = /chaired by (H\.E\. Ambassador|Ambassador|H\.E\.) ([^(]+?) \(([^)]+)\),\s*(Chair of [^.]+)/.exec(p1.text);
  if (!chair) throw new ParseError(p1.line, 'paragraph 1 does not name the Chair ("chaired by … (Country), Chair of …")');
  const metadata: Metadata = {
    ...front,
    chair: { title: chair[1], name: chair[2].trim(), country: chair[3].trim(), role: chair[4].trim() },
  };
  return { metadata, sections, sessions, challenges, paragraphs, footnotes };
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

function parseFrontMatter(lines: Line[], footnotes: Footnote[]): FrontMatter {
  const content = lines.filter((l) => l.text !== '' && !/^-{3,}$/.test(l.text));
  const last = lines.length > 0 ? lines[lines.length - 1].no : 1;
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new ParseError(1, `the front matter (lines 1–${last}) has no ${what}`);
    return v;
  };
  let dateText: string | undefined;
  let date: string | undefined;
  let language: string | undefined;
  let body: string | undefined;
  let sessionName: string | undefined;
  let place: string | undefined;
  let sessionDates: string | undefined;
  let agenda: Metadata['agendaItem'] | undefined;
  let title: string | undefined;
  let titleFootnotes: string[] = [];
  for (const { text, no } of content) {
    const dm = new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})$`).exec(text);
    if (dm) {
      dateText = text;
      date = isoDate(dm[1], dm[2], dm[3]);
      continue;
    }
    if (/^[A-Z][a-z]+ only$/.test(text)) {
      language = text;
      continue;
    }
    const fm = FOOTNOTE_DEF.exec(text);
    if (fm) {
      addFootnote(footnotes, fm, no);
      continue;
    }
    const pm = new RegExp(`^([A-Z][\\p{L} ]+), (\\d{1,2}[–-]\\d{1,2} ${MONTH} \\d{4})$`, 'u').exec(text);
    if (pm) {
      place = pm[1];
      sessionDates = pm[2].replace('-', '–');
      continue;
    }
    const am = /^Item (\d+) of the (?:provisional )?agenda/.exec(text);
    if (am) {
      const inline = parseInline(text);
      agenda = { number: Number(am[1]), label: inline.text.trim(), title: '', footnotes: inline.footnoteRefs.map((r) => r.id) };
      continue;
    }
    const segments = boldSegments(text);
    if (segments.length > 0 && text.startsWith('**')) {
      for (const seg of segments) {
        const plain = parseInline(seg);
        if (/Commission on Narcotic Drugs$/.test(plain.text)) body = plain.text;
        else if (/^[A-Z][a-z-]+ session$/.test(plain.text)) sessionName = plain.text;
        else if (/summary/i.test(plain.text)) {
          title = plain.text.trim();
          titleFootnotes = plain.footnoteRefs.map((r) => r.id);
        } else if (agenda && !agenda.title) agenda.title = plain.text.trim();
        else throw new ParseError(no, `unexpected heading in the front matter: "${plain.text.slice(0, 60)}"`);
      }
      continue;
    }
    throw new ParseError(no, `unexpected line in the front matter: "${text.slice(0, 60)}"`);
  }
  const t = need(title, 'document title (a bold line containing "summary")');
  const mm = new RegExp(`\\((\\d{1,2})[–-](\\d{1,2}) ${MONTH} (\\d{4})\\)`).exec(t);
  if (!mm) throw new ParseError(1, 'the title does not give the meeting dates, e.g. "(19–21 October 2021)"');
  const a = need(agenda, 'agenda item ("Item N of the provisional agenda")');
  if (!a.title) throw new ParseError(1, 'the agenda item has no title');
  return {
    title: t,
    titleFootnotes,
    body: need(body, 'body ("Commission on Narcotic Drugs")'),
    session: {
      name: need(sessionName, 'session ("Sixty-fifth session")'),
      place: need(place, 'place and dates of the session ("Vienna, 14–18 March 2022")'),
      dates: need(sessionDates, 'session dates'),
    },
    agendaItem: a,
    date: need(date, 'document date ("20 December 2021")'),
    dateText: need(dateText, 'document date'),
    language: language ?? '',
    meeting: {
      start: isoDate(mm[1], mm[3], mm[4]),
      end: isoDate(mm[2], mm[3], mm[4]),
      text: `${mm[1]}–${mm[2]} ${mm[3]} ${mm[4]}`,
    },
  };
}

function sessionDate(s: Session, paragraphs: Paragraph[], meeting: FrontMatter['meeting']): string {
  const year = meeting.start.slice(0, 4);
  for (const n of s.paragraphs) {
    const m = new RegExp(`^On (\\d{1,2}) ${MONTH}(?: (\\d{4}))?`).exec(paragraphs[n - 1].text);
    if (m) return isoDate(m[1], m[2], m[3] ?? year);
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
