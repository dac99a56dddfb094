import * as l10n from '@vscode/l10n';
import type { Entity, OrganizationKind } from '../summary/directory';
import { formatCitation } from '../citations/format';
import type { Citation } from '../citations/grammar';
import type { Paragraph } from '../summary/model';
import type { Anchor } from '../notes/anchor';
import { isTag, type Note } from '../notes/model';
import { type Summary, truncate } from '../summary/summary';

/**
 * Hover cards as Markdown. Every string that comes from data or from notes is escaped, so that it
 * renders as text: no links, no images, no HTML, no command links can be smuggled in. The only
 * links are the ones built here, to the extension's own commands.
 */

/**
 * Backslash-escapes the characters that carry Markdown meaning (emphasis, links, images, HTML, code,
 * headings, lists, tables, autolinks, entities), so data renders as plain text. Line breaks (CR, LF or
 * CRLF) become hard breaks.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&=:]/g, '\\$&').replace(/\r\n|\r|\n/g, '  \n');
}

/**
 * One line of text from a note (its author, a tag, the quoted passage): runs of white space, line breaks
 * included, become one space, and every ASCII punctuation character is backslash-escaped. CommonMark
 * renders an escaped punctuation character as itself, so nothing in the result can start a construct: no
 * link, image, autolink, bare URL or e-mail address, HTML, entity, code or emphasis.
 */
export function escapeNoteText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * What a note's body may render: emphasis and strong (`*`, `_`), strikethrough (`~`), headings (`#`),
 * lists (`-`, `+`, `*`), quotes (`>`) and inline code. Every other ASCII punctuation character is escaped,
 * so that no link, image, autolink, bare URL or e-mail address, HTML, entity, table or link reference
 * definition can form.
 */
const BODY_ESCAPED = /[!"$%&'(),./:;<=?@[\\\]^`{|}]/g;

/**
 * Inline code as the body keeps it: one backtick, then at least one character that is neither a backtick,
 * a line break nor a pipe, then one backtick. Such a span is written back as `…` with its content as it is
 * (a code span shows its content literally); every other backtick is escaped. No pipe inside, so that no
 * table row can split the span and expose its content.
 */
const BODY_CODE_SPAN = /`([^`\r\n|]+)`/g;

/** A note's Markdown made inert: see BODY_ESCAPED. Line breaks (CR, LF or CRLF) are kept as LF. */
export function safeNoteMarkdown(body: string): string {
  const escape = (text: string) => text.replace(BODY_ESCAPED, '\\$&');
  let out = '';
  let at = 0;
  for (const m of body.matchAll(BODY_CODE_SPAN)) {
    out += `${escape(body.slice(at, m.index))}\`${m[1]}\``;
    at = m.index + m[0].length;
  }
  return (out + escape(body.slice(at))).replace(/\r\n|\r/g, '\n');
}

/** The commands a card links to. The hover trusts these two and no other (see features/drafts/hover.ts). */
export const CARD_COMMANDS = ['cndSummary.goToParagraph', 'cndSummary.addNote'] as const;
export type CardCommand = (typeof CARD_COMMANDS)[number];

/**
 * A link to one of the card's commands, for paragraph `n` of the summary. The link's only argument is the
 * paragraph number, checked here to be one of the summary's paragraphs (`[24]`, nothing else): the commands
 * refuse anything more (features/notes: Add a Note always asks for the text). Not a paragraph: no link.
 */
export function paragraphLink(summary: Summary, label: string, command: CardCommand, n: number): string {
  if (!summary.has(n)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify([n]))})`;
}

/** A note as the cards show it. */
export interface CardNote {
  author: string;
  body: string;
  tags: string[];
  quote?: string;
  orphaned?: boolean;
}

export interface CardOptions {
  notesFor?: (n: number) => CardNote[];
}

/** What a card shows of a note: its words, and the passage it is on as the summary has it now. */
export function cardNoteOf(note: Note, anchor: Anchor | undefined, paragraphText: string): CardNote {
  const placed = anchor !== undefined && anchor.status !== 'orphaned';
  const quote =
    note.target.scope === 'passage'
      ? placed
        ? paragraphText.slice(anchor.start, anchor.end)
        : note.target.selector[0].exact
      : undefined;
  return {
    author: note.author,
    body: note.body,
    tags: note.tags,
    ...(quote ? { quote } : {}),
    orphaned: anchor?.status === 'orphaned',
  };
}

/** A card shows this many notes of a paragraph, then a count of the others. */
export const CARD_NOTES = 20;
/** A note's body is cut to this many characters in a card (the reader's comment shows it all). */
export const CARD_BODY_CHARS = 1000;

/** The paragraph's text with its key phrases in bold (everything else escaped). */
export function paragraphMarkdown(p: Paragraph): string {
  let out = '';
  let at = 0;
  for (const k of [...p.keyPhrases].sort((a, b) => a.start - b.start)) {
    if (k.start < at) continue;
    out += escapeMarkdown(p.text.slice(at, k.start));
    out += `**${escapeMarkdown(p.text.slice(k.start, k.end))}**`;
    at = k.end;
  }
  return out + escapeMarkdown(p.text.slice(at));
}

/** A tag as a card shows it: in code style when it is a tag as `tagsOf` makes them, else as escaped text. */
function tagMarkdown(tag: string): string {
  return isTag(tag) ? `\`#${tag}\`` : escapeNoteText(`#${tag}`);
}

/** A note's body in a card: cut to CARD_BODY_CHARS, made inert, each line continuing the list item. */
function cardBody(body: string): string {
  const cut = body.length > CARD_BODY_CHARS ? `${body.slice(0, CARD_BODY_CHARS)}…` : body;
  return safeNoteMarkdown(cut).split('\n').join('  \n  ');
}

/** Appends the notes of a paragraph to `lines` (one at a time: a paragraph may have any number of notes). */
function appendNotes(lines: string[], notes: CardNote[]): void {
  if (notes.length === 0) return;
  lines.push('', l10n.t('**Notes ({0})**', notes.length), '');
  for (const n of notes.slice(0, CARD_NOTES)) {
    const tags = n.tags.length ? ` ${n.tags.map(tagMarkdown).join(' ')}` : '';
    const quote = n.quote ? l10n.t(' on “{0}”', escapeNoteText(truncate(n.quote, 80))) : '';
    const orphaned = n.orphaned ? l10n.t(' (passage no longer found)') : '';
    lines.push(`- *${escapeNoteText(n.author) || l10n.t('Anonymous')}*${quote}${orphaned}${tags}: ${cardBody(n.body)}`);
  }
  if (notes.length > CARD_NOTES) {
    lines.push(l10n.t('- *and {0} more: see the Notes view.*', notes.length - CARD_NOTES));
  }
}

function entityLine(summary: Summary, id: string, except: number): string | undefined {
  const e = summary.entity(id);
  if (!e) return undefined;
  const others = summary.paragraphsMentioning(id).filter((n) => n !== except);
  const also = others.length ? l10n.t(' Also in {0}.', escapeMarkdown(formatCitation(others))) : l10n.t(' Named only here.');
  return `- ${entityHeadline(e)}${also}`;
}

/** What kind of organization, as a card names it (`ORGANIZATION_KINDS` in English, for the data and the CLI). */
function kindLabel(kind: OrganizationKind): string {
  switch (kind) {
    case 'un-entity':
      return l10n.t('United Nations entity');
    case 'unodc-unit':
      return l10n.t('UNODC office or unit');
    case 'treaty-body':
      return l10n.t('Treaty body');
    case 'intergovernmental':
      return l10n.t('Intergovernmental organization');
    case 'regional':
      return l10n.t('Regional organization');
    case 'civil-society':
      return l10n.t('Civil society');
    case 'group-of-states':
      return l10n.t('Group of States');
  }
}

function entityHeadline(e: Entity): string {
  if (e.type === 'state') {
    return `**${escapeMarkdown(e.state.name)}** · ${l10n.t('Member State')} · ${escapeMarkdown(e.state.regionalGroup)}`;
  }
  const o = e.org;
  const facts = [kindLabel(o.kind), o.headquarters, o.parent && l10n.t('part of {0}', o.parent)]
    .filter(Boolean)
    .map((x) => escapeMarkdown(x as string));
  const name = o.acronym ? `**${escapeMarkdown(o.acronym)}** — ${escapeMarkdown(o.name)}` : `**${escapeMarkdown(o.name)}**`;
  return `${name} · ${facts.join(' · ')}. ${escapeMarkdown(o.description)}`;
}

/** The full card of one paragraph. */
export function paragraphCard(summary: Summary, n: number, options: CardOptions = {}): string {
  const p = summary.paragraph(n);
  if (!p) return l10n.t("**There is no paragraph {0}** in the Chair's summary: it has paragraphs 1 to {1}.", n, summary.count);
  const lines: string[] = [`**¶ ${n}** · ${escapeMarkdown(summary.placeOf(p))}`];
  // Read in order (the Accessible View reads a card top to bottom): heading, the paragraph, then its context.
  lines.push('', paragraphMarkdown(p));
  const challenge = summary.challengeText(p);
  if (challenge) lines.push('', l10n.t('*Challenge:* {0}', escapeMarkdown(challenge)));
  const footnotes = p.footnoteRefs.map((r) => summary.doc.footnotes.find((f) => f.id === r.id)).filter((f) => f !== undefined);
  if (footnotes.length) {
    lines.push('');
    for (const f of footnotes)
      lines.push(`${l10n.t('*Footnote {0}:* {1}', escapeMarkdown(f.id), escapeMarkdown(f.url ?? f.text))}  `);
  }
  const entities = summary.entitiesIn(p);
  if (entities.length) {
    lines.push('', l10n.t('**Named in this paragraph**'), '');
    for (const id of entities) {
      const line = entityLine(summary, id, n);
      if (line) lines.push(line);
    }
  }
  appendNotes(lines, options.notesFor?.(n) ?? []);
  lines.push(
    '',
    `${paragraphLink(summary, l10n.t('Open ¶ {0} in the reader', n), 'cndSummary.goToParagraph', n)} · ${paragraphLink(summary, l10n.t('Add a note'), 'cndSummary.addNote', n)}`,
  );
  return lines.join('\n');
}

/** How many paragraphs a card shows in full before it switches to one line each. */
export const FULL_CARDS = 3;

/**
 * The card for a citation: every cited paragraph in full (up to three), or the first line of each with a
 * count for longer ranges. `focus` (the number under the mouse) shows that paragraph alone.
 */
export function citationCard(summary: Summary, c: Citation, focus?: number, options: CardOptions = {}): string {
  if (focus !== undefined) return paragraphCard(summary, focus, options);
  const numbers = c.paragraphs;
  const missing = numbers.filter((n) => !summary.has(n));
  const present = numbers.filter((n) => summary.has(n));
  const parts: string[] = [];
  if (missing.length)
    parts.push(
      l10n.t('**Not in the summary:** {0} (it has paragraphs 1 to {1}).', escapeMarkdown(missing.join(', ')), summary.count),
    );
  if (present.length <= FULL_CARDS) {
    for (const n of present) parts.push(paragraphCard(summary, n, options));
    return parts.join('\n\n---\n\n');
  }
  const lines = [l10n.t('**{0}** — {1} paragraphs', escapeMarkdown(formatCitation(present)), present.length), ''];
  for (const n of present) {
    const p = summary.paragraph(n)!;
    const notes = options.notesFor?.(n).length ?? 0;
    lines.push(
      `- ${paragraphLink(summary, `¶ ${n}`, 'cndSummary.goToParagraph', n)} ${escapeMarkdown(truncate(p.text, 140))}${notes ? ` ${notes === 1 ? l10n.t('*(1 note)*') : l10n.t('*({0} notes)*', notes)}` : ''}`,
    );
  }
  lines.push('', l10n.t('*Hover a number to see that paragraph in full.*'));
  parts.push(lines.join('\n'));
  return parts.join('\n\n');
}

/** The card of an organization or Member State named in a draft. */
export function entityCard(summary: Summary, id: string): string | undefined {
  const e = summary.entity(id);
  if (!e) return undefined;
  const lines = [entityHeadline(e)];
  if (e.type === 'organization' && e.org.aliases.length > 1) {
    lines.push('', l10n.t('*Named in the summary as:* {0}', e.org.aliases.map((a) => escapeMarkdown(a)).join(', ')));
  }
  if (e.type === 'state' && e.state.note) lines.push('', escapeMarkdown(e.state.note));
  const paras = summary.paragraphsMentioning(id);
  lines.push(
    '',
    l10n.t(
      '**In the summary:** {0}',
      paras.map((n) => paragraphLink(summary, `¶ ${n}`, 'cndSummary.goToParagraph', n)).join(', ') || l10n.t('not named'),
    ),
  );
  return lines.join('\n');
}
