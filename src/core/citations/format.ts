/** How citations of the summary are written in drafts. */
export type CitationStyle = 'short' | 'long' | 'parenthetical' | 'words';

export interface CitationFormat {
  style: CitationStyle;
  /** Between the ends of a range: en dash (UN style), hyphen, or the word "to". */
  rangeDash: '–' | '-' | ' to ';
}

export const DEFAULT_FORMAT: CitationFormat = { style: 'short', rangeDash: '–' };

export const RANGE_DASH_SETTING: Record<string, CitationFormat['rangeDash']> = {
  'en dash': '–',
  hyphen: '-',
  to: ' to ',
};

export interface Run {
  from: number;
  to: number;
}

/**
 * Groups sorted, distinct numbers into runs. UN editorial style writes three or more consecutive
 * paragraphs as a range (13–15) and two as a list (13 and 14).
 */
export function toRuns(numbers: Iterable<number>): Run[] {
  const sorted = [...new Set(numbers)].filter((n) => Number.isInteger(n)).sort((a, b) => a - b);
  const runs: Run[] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last.to + 1) last.to = n;
    else runs.push({ from: n, to: n });
  }
  const out: Run[] = [];
  for (const r of runs) {
    if (r.to - r.from === 1) out.push({ from: r.from, to: r.from }, { from: r.to, to: r.to });
    else out.push(r);
  }
  return out;
}

function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The numbers part: "24", "13–15", "13, 14 and 22", "11–13, 18 and 30–32". */
export function formatNumbers(numbers: Iterable<number>, rangeDash: CitationFormat['rangeDash'] = '–'): string {
  return joinList(toRuns(numbers).map((r) => (r.from === r.to ? String(r.from) : `${r.from}${rangeDash}${r.to}`)));
}

/**
 * A citation of the summary in UN style: `para. 24`, `paras. 13–15 and 22`,
 * `paragraph 24 of the Chair's summary`, `(paras. 30–32)`, `paragraphs 13 and 14`. Returns '' for no numbers.
 */
export function formatCitation(numbers: Iterable<number>, format: CitationFormat = DEFAULT_FORMAT): string {
  const list = [...new Set(numbers)];
  if (list.length === 0) return '';
  const body = formatNumbers(list, format.rangeDash);
  const plural = list.length > 1;
  switch (format.style) {
    case 'long':
      return `${plural ? 'paragraphs' : 'paragraph'} ${body} of the Chair's summary`;
    case 'words':
      return `${plural ? 'paragraphs' : 'paragraph'} ${body}`;
    case 'parenthetical':
      return `(${plural ? 'paras.' : 'para.'} ${body})`;
    case 'short':
    default:
      return `${plural ? 'paras.' : 'para.'} ${body}`;
  }
}

/**
 * A quotation of the summary followed by its citation in parentheses: `“words” (para. 24)`,
 * `“words” (paragraph 24 of the Chair's summary)`. Whitespace is collapsed (list items, line breaks) and
 * double quotation marks inside the words become single ones, as UN editorial style nests them.
 */
export function formatQuotation(words: string, numbers: Iterable<number>, format: CitationFormat = DEFAULT_FORMAT): string {
  const citation = formatCitation(numbers, format);
  const inner = words
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/(^|[\s([{\-–—/])"/g, '$1‘')
    .replace(/"/g, '’');
  return `“${inner}” ${citation.startsWith('(') ? citation : `(${citation})`}`;
}

/** The numbers of two citations merged into one. */
export function mergeNumbers(a: Iterable<number>, b: Iterable<number>): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}
