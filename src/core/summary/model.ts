/**
 * The typed model of the Chair's summary. Pure data: no `vscode`, no Node built-ins.
 * Offsets are UTF-16 code-unit offsets into the owning `text`.
 */

export interface Span {
  start: number;
  end: number;
}

export interface KeyPhrase extends Span {
  text: string;
}

export interface FootnoteRef {
  /** Footnote id as printed: `*`, `**`, `1`, `2`. */
  id: string;
  /** Offset in the paragraph text right after which the mark stands. */
  offset: number;
}

export interface Link extends Span {
  text: string;
  url: string;
}

export type MentionKind = 'organization' | 'state';

export interface Mention extends Span {
  /** Id of the organization or Member State in the directory. */
  id: string;
  kind: MentionKind;
  /** The words as they stand in the paragraph (one of the entity's aliases). */
  text: string;
}

export interface Paragraph {
  number: number;
  /** Plain text without Markdown markup; list items follow the lead-in, one per line. */
  text: string;
  /** The lead-in and the list items, when the paragraph has a list (para. 4). */
  items?: string[];
  keyPhrases: KeyPhrase[];
  italics: Span[];
  links: Link[];
  footnoteRefs: FootnoteRef[];
  mentions: Mention[];
  /** Section number (1–3) or null for the opening paragraph before section I. */
  section: number | null;
  /** Sub-section letter of section II ('a'–'d') or null. */
  subsection: string | null;
  /** Index into `SummaryDocument.sessions`, or null outside the sessions. */
  session: number | null;
  /** 1-based line in the source where the paragraph starts. */
  line: number;
}

export interface Section {
  number: number;
  numeral: string;
  title: string;
  paragraphs: number[];
  line: number;
}

export interface Challenge {
  /** 1-based, in the order the sessions discussed them. */
  number: number;
  text: string;
  paragraphs: number[];
}

export interface Session {
  /** Sub-section letter: 'a' opening session, 'b'–'d' thematic sessions. */
  letter: string;
  /** 0 for the opening session, 1–3 for the thematic sessions. */
  ordinal: number;
  kind: 'opening' | 'thematic';
  /** Display title, e.g. "Thematic session 2". */
  title: string;
  /** Heading as printed in the summary, normalised. */
  heading: string;
  /** ISO date, e.g. 2021-10-20. */
  date: string;
  /** Index into `SummaryDocument.challenges`, or null (opening session). */
  challenge: number | null;
  paragraphs: number[];
  line: number;
}

export interface Footnote {
  id: string;
  text: string;
  url?: string;
  /** Paragraph numbers that cite the footnote; 0 stands for the document's front matter. */
  citedBy: number[];
  line: number;
}

export interface Metadata {
  title: string;
  titleFootnotes: string[];
  body: string;
  session: { name: string; place: string; dates: string };
  agendaItem: { number: number; label: string; title: string; footnotes: string[] };
  /** Date of the document, ISO. */
  date: string;
  dateText: string;
  language: string;
  /** The dates of the thematic discussions. */
  meeting: { start: string; end: string; text: string };
  chair: { name: string; title: string; country: string; role: string };
}

export interface SummaryDocument {
  metadata: Metadata;
  sections: Section[];
  sessions: Session[];
  challenges: Challenge[];
  paragraphs: Paragraph[];
  footnotes: Footnote[];
}

export interface DocumentVisitor {
  section?(s: Section): void;
  session?(s: Session, challenge: Challenge | undefined): void;
  paragraph(p: Paragraph): void;
}

/** Visits the paragraphs in order, announcing each section and each session as it begins. */
export function walkDocument(doc: SummaryDocument, visit: DocumentVisitor): void {
  let section = 0;
  let session = -1;
  for (const p of doc.paragraphs) {
    if (p.section !== null && p.section !== section) {
      section = p.section;
      visit.section?.(doc.sections[section - 1]);
    }
    if (p.session !== null && p.session !== session) {
      session = p.session;
      const s = doc.sessions[session];
      visit.session?.(s, s.challenge === null ? undefined : doc.challenges[s.challenge]);
    }
    visit.paragraph(p);
  }
}
