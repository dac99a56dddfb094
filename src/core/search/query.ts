import * as l10n from '@vscode/l10n';
/** The search box's little language: words, "quoted phrases" and filters such as `org:interpol`. */

export type FilterKey = 'org' | 'session' | 'date' | 'para' | 'note' | 'tag';

const ALIASES: Record<string, FilterKey> = {
  org: 'org',
  organization: 'org',
  organisation: 'org',
  state: 'org',
  country: 'org',
  session: 'session',
  date: 'date',
  para: 'para',
  paras: 'para',
  paragraph: 'para',
  note: 'note',
  notes: 'note',
  tag: 'tag',
};

export interface Filter {
  key: FilterKey;
  value: string;
}

export interface ParsedQuery {
  words: string[];
  phrases: string[];
  filters: Filter[];
  /** Problems the user must fix (unknown filter): no search is run. */
  errors: string[];
  /** Things the parser put right (an unbalanced quote, a query cut short). */
  warnings: string[];
}

/** At most this many words of a query are searched for (the search also caps words of phrases: see engine.ts). */
export const MAX_QUERY_WORDS = 32;
/** At most this many "phrases": each is matched against every candidate and marked in every snippet. */
export const MAX_QUERY_PHRASES = 16;
export const MAX_RELATED_WORDS = 200;

/** `key:value`, `key:"a value"`, `"a phrase"`, or a word; the last alternative eats stray characters. */
const TOKEN = /([\p{L}]+):(?:"([^"]*)"?|(\S*))|"([^"]*)("?)|(\S+)/guy;

export function parseQuery(input: string, maxWords = MAX_QUERY_WORDS): ParsedQuery {
  const q: ParsedQuery = { words: [], phrases: [], filters: [], errors: [], warnings: [] };
  const text = input.replace(/[“”„]/g, '"');
  const re = new RegExp(TOKEN.source, 'gu');
  let m: RegExpExecArray | null;
  let dropped = 0;
  let droppedPhrases = 0;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) {
      const key = ALIASES[m[1].toLowerCase()];
      const value = (m[2] ?? m[3] ?? '').trim();
      if (!key) {
        // "16:30" or "e.g.:" are words, not filters; a word followed by a colon is an unknown filter.
        q.errors.push(
          l10n.t(
            'Unknown filter “{0}:”. Filters: org:interpol, session:2, date:2021-10-20, para:30-35, note:, tag:follow-up.',
            m[1],
          ),
        );
        continue;
      }
      q.filters.push({ key, value });
      continue;
    }
    if (m[4] !== undefined) {
      const phrase = m[4].trim();
      if (m[5] !== '"')
        q.warnings.push(l10n.t('A quotation mark was not closed: the rest of the query is searched as a phrase.'));
      if (!phrase) continue;
      if (q.phrases.length >= MAX_QUERY_PHRASES) droppedPhrases++;
      else q.phrases.push(phrase);
      continue;
    }
    const word = m[6];
    if (q.words.length >= maxWords) {
      dropped++;
      continue;
    }
    q.words.push(word);
  }
  if (dropped > 0) q.warnings.push(l10n.t('The query is long: only its first {0} words were used.', maxWords));
  if (droppedPhrases > 0) q.warnings.push(l10n.t('The query is long: only its first {0} phrases were used.', MAX_QUERY_PHRASES));
  return q;
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}
