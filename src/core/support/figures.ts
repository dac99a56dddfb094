/**
 * Figures in a text, as a reader compares them: percentages ("less than 1 per cent", "under 1%"), counts
 * ("over 600 registrations", "four steps"), years ("by 2030"), decimals ("target 16.4") and days of the
 * meeting ("on 20 October"). Years that are part of a name ("the 2019 Ministerial Declaration", "Agenda
 * 2030", "COVID-19") are marked `name`: they say which text is meant, not what it says.
 *
 * One pass of one regular expression without nested quantifiers: linear in the text.
 */

export type FigureKind = 'percent' | 'count' | 'year' | 'decimal' | 'date';

/** How a figure is qualified: "less than 1 per cent" (below), "over 600" (above), "by 2030" (deadline). */
export type Qualifier = 'below' | 'above' | 'about' | 'deadline' | 'exact';

export interface Figure {
  kind: FigureKind;
  /** The number, or for a date the day of October 2021 (a range of days keeps its first). */
  value: number;
  /** For a date range ("19–21 October"), its last day. */
  to?: number;
  qualifier: Qualifier;
  /** For a count: the stem of the word counted ("registrations" → "registration"), when it follows. */
  noun?: string;
  /** Part of a name (an instrument, a session, a disease): not a claim. */
  name: boolean;
  start: number;
  end: number;
  /** The words as written, with their qualifier: "less than 1 per cent". */
  text: string;
}

const SPELLED: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:less\s+than|fewer\s+than|under|below|at\s+most|up\s+to|barely|only)\s+$/i, 'below'],
  [/(?:more\s+than|over|above|at\s+least|exceeding|in\s+excess\s+of|upwards\s+of|some\s+)\s*$/i, 'above'],
  [/(?:about|around|approximately|nearly|almost|roughly|close\s+to|some)\s+$/i, 'about'],
  [/(?:by|before|until|no\s+later\s+than)\s+(?:the\s+year\s+)?$/i, 'deadline'],
];

/** Words after or before a year that make it part of a name. */
const NAME_AFTER =
  /^[\s-]*(?:Ministerial|Political|Joint|UNGASS|Declaration|Statement|Agenda|Convention|World\s+Drug\s+Report|outcome|Plan|workplan|work\s+plan|thematic|CND|Commission|session|sessions|Sustainable|special\s+session)/i;
const NAME_BEFORE =
  /(?:Agenda|Report|Convention(?:\s+of)?|Declaration(?:\s+of)?|Statement(?:\s+of)?|Plan\s+of\s+Action(?:\s+of)?|resolution|COVID|of\s+the)[\s-]*$/i;

/** Numbers, with what may follow them; a whole-word spelled number 2–100. */
const FIGURE =
  /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:–|-|to|and)\s*(\d{1,2}))?(\s*(?:per\s*cent|percent|%)|\s+October)?|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b/gi;

const NOUN_AFTER = /^[\s-]+(?:[a-z-]+\s+)?([a-z]{3,})/i;

/** The figures in `text`, in order. `stemOf` reduces the counted noun to a stem (the support model's stemmer). */
export function findFigures(text: string, stemOf: (word: string) => string = (w) => w.toLowerCase()): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 30), start);
    const prev = text[start - 1];
    // Part of a longer token: a document symbol, an identifier, "64/1", "E/CN.7", a word.
    if (prev !== undefined && /[\p{L}\p{N}/._]/u.test(prev) && !/^-$/.test(prev)) continue;
    if (/^[/.]\d/.test(text.slice(end, end + 2))) continue;
    let qualifier: Qualifier = 'exact';
    let qualStart = start;
    for (const [re, q] of QUALIFIERS) {
      const qm = re.exec(before);
      if (qm) {
        qualifier = q;
        qualStart = start - (before.length - qm.index);
        break;
      }
    }
    const spelled = m[4];
    const after = text.slice(end, end + 60);
    if (spelled !== undefined) {
      // A spelled number counts something only when a word follows ("four steps"), not "one of the ten".
      const noun = NOUN_AFTER.exec(after);
      if (!noun || /^(?:of|per|and|or|to|in|on|the|a|an)$/i.test(noun[1])) continue;
      out.push({
        kind: 'count',
        value: SPELLED[spelled.toLowerCase()],
        qualifier,
        noun: stemOf(noun[1]),
        name: false,
        start: qualStart,
        end,
        text: text.slice(qualStart, end),
      });
      continue;
    }
    const raw = m[1].replace(/,/g, '');
    const value = Number(raw);
    if (!Number.isFinite(value)) continue;
    const tail = m[3];
    if (tail !== undefined && /october/i.test(tail)) {
      if (value >= 1 && value <= 31) {
        const to = m[2] !== undefined ? Number(m[2]) : undefined;
        out.push({
          kind: 'date',
          value,
          ...(to !== undefined ? { to } : {}),
          qualifier: 'exact',
          name: false,
          start,
          end,
          text: text.slice(start, end),
        });
      }
      continue;
    }
    if (tail !== undefined) {
      out.push({ kind: 'percent', value, qualifier, name: false, start: qualStart, end, text: text.slice(qualStart, end) });
      continue;
    }
    // "October 20", "October 20, 2021".
    if (/October\s+$/i.test(before) && value >= 1 && value <= 31 && raw.length <= 2) {
      out.push({ kind: 'date', value, qualifier: 'exact', name: false, start, end, text: text.slice(start, end) });
      continue;
    }
    if (raw.includes('.')) {
      out.push({ kind: 'decimal', value, qualifier, name: false, start: qualStart, end, text: text.slice(qualStart, end) });
      continue;
    }
    if (/^(?:19[5-9]\d|20\d\d)$/.test(raw)) {
      const name = NAME_AFTER.test(after) || NAME_BEFORE.test(before);
      out.push({ kind: 'year', value, qualifier, name, start: qualStart, end, text: text.slice(qualStart, end) });
      continue;
    }
    if (value < 2) continue;
    // Ordinals and numbered things: "62nd session", "paragraph 7", "target 16", "COVID-19", "Goal 16".
    if (/^(?:st|nd|rd|th)\b/i.test(after)) continue;
    if (
      /(?:paragraph|para|paras|article|goal|target|item|resolution|decision|No|number|page|annex|chapter|COVID|session)[\s.-]*$/i.test(
        before,
      )
    )
      continue;
    const noun = NOUN_AFTER.exec(after);
    out.push({
      kind: 'count',
      value,
      qualifier,
      ...(noun ? { noun: stemOf(noun[1]) } : {}),
      name: false,
      start: qualStart,
      end,
      text: text.slice(qualStart, end),
    });
  }
  return out;
}

/** Whether two figures state the same thing (the same number of the same kind, qualifiers not contradicting). */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'date') {
    const aTo = a.to ?? a.value;
    const bTo = b.to ?? b.value;
    return a.value <= bTo && b.value <= aTo;
  }
  if (a.value !== b.value) return false;
  const opposite = (a.qualifier === 'below' && b.qualifier === 'above') || (a.qualifier === 'above' && b.qualifier === 'below');
  return !opposite;
}
