import { ORGANIZATION_KINDS, type Entity } from './directory';
import { formatCitation } from './citations/format';
import type { Citation } from './citations/grammar';
import type { Paragraph } from './model';
import { type Summary, truncate } from './summary';

/**
 * Hover cards as Markdown. Every string that comes from data or from notes is escaped, so that it
 * renders as text: no links, no images, no HTML, no command links can be smuggled in. The only
 * links are the ones built here, to the extension's own commands.
 */

/**
 * Backslash-escapes the characters that carry Markdown meaning (emphasis, links, images, HTML, code,
 * headings, lists, tables, autolinks), so data and notes render as plain text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&=:]/g, '\\$&').replace(/\r?\n/g, '  \n');
}

/**
 * A note's Markdown made inert: emphasis, code and lists still render, but links, images, autolinks and
 * HTML are escaped to text.
 */
export function safeNoteMarkdown(body: string): string {
  return body.replace(/[\\<>[\]()!&:.@]/g, '\\$&');
}

export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
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

function notesMarkdown(notes: CardNote[]): string[] {
  if (notes.length === 0) return [];
  const lines = ['', `**Notes (${notes.length})**`, ''];
  for (const n of notes) {
    const tags = n.tags.length ? ` ${n.tags.map((t) => `\`#${t.replace(/`/g, '')}\``).join(' ')}` : '';
    const quote = n.quote ? ` on “${escapeMarkdown(truncate(n.quote, 80))}”` : '';
    const body = safeNoteMarkdown(n.body).replace(/\r?\n/g, '  \n  ');
    lines.push(
      `- *${escapeMarkdown(n.author || 'Anonymous')}*${quote}${n.orphaned ? ' (passage no longer found)' : ''}${tags}: ${body}`,
    );
  }
  return lines;
}

function entityLine(summary: Summary, id: string, except: number): string | undefined {
  const e = summary.entity(id);
  if (!e) return undefined;
  const others = summary.paragraphsMentioning(id).filter((n) => n !== except);
  const also = others.length ? ` Also in ${escapeMarkdown(formatCitation(others))}.` : ' Named only here.';
  return `- ${entityHeadline(e)}${also}`;
}

function entityHeadline(e: Entity): string {
  if (e.type === 'state') {
    return `**${escapeMarkdown(e.state.name)}** · Member State · ${escapeMarkdown(e.state.regionalGroup)}`;
  }
  const o = e.org;
  const facts = [ORGANIZATION_KINDS[o.kind], o.headquarters, o.parent && `part of ${o.parent}`]
    .filter(Boolean)
    .map((x) => escapeMarkdown(x as string));
  const name = o.acronym ? `**${escapeMarkdown(o.acronym)}** — ${escapeMarkdown(o.name)}` : `**${escapeMarkdown(o.name)}**`;
  return `${name} · ${facts.join(' · ')}. ${escapeMarkdown(o.description)}`;
}

/** The full card of one paragraph. */
export function paragraphCard(summary: Summary, n: number, options: CardOptions = {}): string {
  const p = summary.paragraph(n);
  if (!p) return `**There is no paragraph ${n}** in the Chair's summary: it has paragraphs 1 to ${summary.count}.`;
  const lines: string[] = [`**¶ ${n}** · ${escapeMarkdown(summary.placeOf(p))}`];
  const challenge = summary.challengeText(p);
  if (challenge) lines.push('', `*Challenge:* ${escapeMarkdown(challenge)}`);
  lines.push('', paragraphMarkdown(p));
  const footnotes = p.footnoteRefs.map((r) => summary.doc.footnotes.find((f) => f.id === r.id)).filter((f) => f !== undefined);
  if (footnotes.length) {
    lines.push('', ...footnotes.map((f) => `*Footnote ${escapeMarkdown(f.id)}:* ${escapeMarkdown(f.url ?? f.text)}  `));
  }
  const entities = summary.entitiesIn(p);
  if (entities.length) {
    lines.push('', '**Named in this paragraph**', '');
    for (const id of entities) {
      const line = entityLine(summary, id, n);
      if (line) lines.push(line);
    }
  }
  lines.push(...notesMarkdown(options.notesFor?.(n) ?? []));
  lines.push(
    '',
    `${commandLink(`Open ¶ ${n} in the reader`, 'cndSummary.goToParagraph', [n])} · ${commandLink('Add a note', 'cndSummary.addNote', [n])}`,
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
    parts.push(`**Not in the summary:** ${escapeMarkdown(missing.join(', '))} (it has paragraphs 1 to ${summary.count}).`);
  if (present.length <= FULL_CARDS) {
    for (const n of present) parts.push(paragraphCard(summary, n, options));
    return parts.join('\n\n---\n\n');
  }
  const lines = [`**${escapeMarkdown(formatCitation(present))}** — ${present.length} paragraphs`, ''];
  for (const n of present) {
    const p = summary.paragraph(n)!;
    const notes = options.notesFor?.(n).length ?? 0;
    lines.push(
      `- ${commandLink(`¶ ${n}`, 'cndSummary.goToParagraph', [n])} ${escapeMarkdown(truncate(p.text, 140))}${notes ? ` *(${notes} ${notes === 1 ? 'note' : 'notes'})*` : ''}`,
    );
  }
  lines.push('', '*Hover a number to see that paragraph in full.*');
  parts.push(lines.join('\n'));
  return parts.join('\n\n');
}

/** The card of an organization or Member State named in a draft. */
export function entityCard(summary: Summary, id: string): string | undefined {
  const e = summary.entity(id);
  if (!e) return undefined;
  const lines = [entityHeadline(e)];
  if (e.type === 'organization' && e.org.aliases.length > 1) {
    lines.push('', `*Named in the summary as:* ${e.org.aliases.map((a) => escapeMarkdown(a)).join(', ')}`);
  }
  if (e.type === 'state' && e.state.note) lines.push('', escapeMarkdown(e.state.note));
  const paras = summary.paragraphsMentioning(id);
  lines.push(
    '',
    `**In the summary:** ${paras.map((n) => commandLink(`¶ ${n}`, 'cndSummary.goToParagraph', [n])).join(', ') || 'not named'}`,
  );
  return lines.join('\n');
}
