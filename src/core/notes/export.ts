import { longDate, type Summary } from '../summary/summary';
import { type Anchor, anchorNote } from './anchor';
import { walkDocument } from '../summary/model';
import type { Note } from './model';

export const SUMMARY_IRI = 'urn:x-cnd-summary:chair-summary:thematic-discussions:2021-10';

function anchors(summary: Summary, notes: Note[]): Map<string, Anchor> {
  const paragraphs = summary.doc.paragraphs.map((p) => ({ number: p.number, text: p.text }));
  return new Map(notes.map((n) => [n.id, anchorNote(n, paragraphs)]));
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

/** The annotated summary as Markdown: every paragraph, each followed by its notes. */
export function exportMarkdown(summary: Summary, notes: Note[], exportedAt: string): string {
  const where = anchors(summary, notes);
  const m = summary.doc.metadata;
  const out: string[] = [
    `# ${m.title}`,
    '',
    `${m.body}, ${m.session.name} · ${m.agendaItem.label} · ${m.dateText}`,
    '',
    `*Annotated copy exported ${exportedAt.slice(0, 10)} with ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}.*`,
    '',
  ];
  const byParagraph = new Map<number, Note[]>();
  const orphans: Note[] = [];
  for (const n of notes) {
    const a = where.get(n.id)!;
    if (a.status === 'orphaned') orphans.push(n);
    else byParagraph.set(a.paragraph, [...(byParagraph.get(a.paragraph) ?? []), n]);
  }
  const noteLines = (n: Note, a: Anchor | undefined) => {
    const passage =
      n.target.scope === 'passage'
        ? ` on “${a && a.status !== 'orphaned' ? summary.paragraph(a.paragraph)!.text.slice(a.start, a.end) : n.target.selector[0].exact}”`
        : '';
    const head = `**Note** — ${n.author || 'anonymous'}, ${n.modified.slice(0, 10)}${n.resolved ? ' (resolved)' : ''}${passage}${n.tags.length ? ` · ${n.tags.map((t) => `#${t}`).join(' ')}` : ''}`;
    return [quoteBlock(`${head}\n\n${n.body}`), ''];
  };
  walkDocument(summary.doc, {
    section: (s) => out.push(`## ${s.numeral}. ${s.title}`, ''),
    session: (s) => out.push(`### (${s.letter}) ${s.title}, ${longDate(s.date)}`, ''),
    paragraph: (p) => {
      out.push(`**${p.number}.** ${p.text.replace(/\n/g, '\n\n- ')}`, '');
      for (const n of byParagraph.get(p.number) ?? []) out.push(...noteLines(n, where.get(n.id)));
    },
  });
  if (orphans.length) {
    out.push('## Notes whose passage is no longer in the summary', '');
    for (const n of orphans) out.push(`*Made on paragraph ${n.target.paragraph}.*`, '', ...noteLines(n, undefined));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The notes as a W3C Web Annotation collection (JSON-LD). */
export function exportWebAnnotation(summary: Summary, notes: Note[]): unknown {
  const where = anchors(summary, notes);
  const items = notes.map((n) => {
    const a = where.get(n.id)!;
    const paragraph = a.status === 'orphaned' ? n.target.paragraph : a.paragraph;
    const text = summary.paragraph(paragraph)?.text ?? '';
    const [q, pos] = n.target.selector;
    const placed = a.status !== 'orphaned' && n.target.scope === 'passage';
    const exact = placed ? text.slice(a.start, a.end) : q.exact;
    const start = placed ? a.start : pos.start;
    const end = placed ? a.end : pos.end;
    return {
      id: `urn:uuid:${n.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: n.created,
      modified: n.modified,
      creator: { type: 'Person', name: n.author },
      body: [
        { type: 'TextualBody', value: n.body, format: 'text/markdown', purpose: 'commenting' },
        ...n.tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging' })),
      ],
      target: {
        source: `${SUMMARY_IRI}#para-${paragraph}`,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact,
            prefix: placed ? text.slice(Math.max(0, start - 32), start) : q.prefix,
            suffix: placed ? text.slice(end, end + 32) : q.suffix,
          },
          { type: 'TextPositionSelector', start, end },
        ],
      },
      ...(n.resolved ? { 'cnd:resolved': true } : {}),
      ...(a.status === 'orphaned' ? { 'cnd:orphaned': true } : {}),
    };
  });
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { cnd: `${SUMMARY_IRI}#` }],
    id: `${SUMMARY_IRI}/notes`,
    type: 'AnnotationCollection',
    label: `Notes on the ${summary.doc.metadata.title}`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
