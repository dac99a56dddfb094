import type { CndParagraph, CndSummaryApi } from './api';
import type { ActivationTimes } from './activationClock';
import { type CitationStyle, DEFAULT_FORMAT, formatCitation } from './core/citations/format';
import type { SearchEngine } from './core/search/engine';
import { type Summary } from './core/summary/summary';
import type { SupportModel } from './core/support/model';
import { relatedParagraphs } from './core/support/related';
import type { Notes } from './features/notes';
import type { Preview } from './features/preview';

export interface PublicApiDeps {
  summary: Summary;
  search: () => SearchEngine;
  support: () => SupportModel;
  notes: Notes;
  preview: Preview;
  activation: ActivationTimes;
}

/** The object other extensions get (src/api.d.ts): plain data out, nothing of the extension's inside. */
export function publicApi(deps: PublicApiDeps): CndSummaryApi {
  const { summary } = deps;
  return {
    apiVersion: 1,
    paragraphCount: summary.count,
    paragraph: (n) => paragraphOf(summary, n),
    search: (query, limit = 20) => {
      const response = deps.search().search(String(query), { limit: Math.max(1, Math.min(Number(limit) || 20, 100)) });
      if (response.error) throw new Error(`CND Summary search: ${response.error}`);
      return response.hits
        .filter((h) => h.kind === 'paragraph')
        .map((h) => ({ paragraph: h.number, score: h.score, snippet: h.snippet.text }));
    },
    related: (passage, limit = 10) =>
      relatedParagraphs(
        deps.support(),
        String(passage),
        Math.max(1, Math.min(Number(limit) || 10, summary.count)),
      ).paragraphs.map((r) => ({ paragraph: r.paragraph, score: r.score, matched: r.matched })),
    formatCitation: (paragraphs, style = 'short') =>
      formatCitation(
        paragraphs.filter((n) => summary.has(n)),
        {
          ...DEFAULT_FORMAT,
          style: (['short', 'long', 'parenthetical', 'words'] as CitationStyle[]).includes(style) ? style : 'short',
        },
      ),
    addNote: async (paragraph, text) => (await deps.notes.add(paragraph, String(text))).id,
    activation: {
      ownMs: deps.activation.ownMs,
      evaluateMs: deps.activation.evaluateMs,
      activateMs: deps.activation.activateMs,
    },
    extendMarkdownIt: (md) => deps.preview.extendMarkdownIt(md as Parameters<Preview['extendMarkdownIt']>[0]),
  };
}

function paragraphOf(summary: Summary, n: number): CndParagraph | undefined {
  const p = summary.paragraph(n);
  if (!p) return undefined;
  const challenge = summary.challengeText(p);
  return {
    number: p.number,
    text: p.text,
    place: summary.placeOf(p),
    ...(challenge ? { challenge } : {}),
    keyPhrases: p.keyPhrases.map((k) => k.text),
    names: summary.entitiesIn(p).map((id) => {
      const e = summary.entity(id);
      return e?.type === 'organization' ? (e.org.acronym ?? e.org.name) : e?.type === 'state' ? e.state.name : id;
    }),
  };
}
