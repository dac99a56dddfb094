/**
 * Figures in a text, as a reader compares them: percentages ("less than 1 per cent", "under 1%"), counts
 * ("over 600 registrations", "four steps"), years ("by 2030"), decimals ("target 16.4") and days of the
 * meeting ("on 20 October"). Years that are part of a name ("the 2019 Ministerial Declaration", "Agenda
 * 2030", "COVID-19") are marked `name`: they say which text is meant, not what it says.
 *
 * One pass of one regular expression without nested quantifiers: linear in the text.
 */

export type FigureKind = 'percent' | 'count' | 'year' | 'decimal' | 'date' | 'month' | 'ordinal';

/** How a figure is qualified: "less than 1 per cent" (below), "over 600" (above), "by 2030" (deadline). */
export type Qualifier = 'below' | 'above' | 'about' | 'deadline' | 'exact';

export interface Figure {
  kind: FigureKind;
  /** The number; for a date the day of October 2021 (a range of days keeps its first); for a month, year × 100 + month. */
  value: number;
  /** For a date range ("19–21 October"), its last day. */
  to?: number;
  qualifier: Qualifier;
  /** For a count or an ordinal: the stem of the word counted ("registrations" → "registration", "third round" → "round"). */
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
  /^[\s-]*(Ministerial|Political|Joint|UNGASS|Declaration|Statement|Agenda|Convention|World\s+Drug\s+Report|outcome|Plan|workplan|work\s+plan|thematic|CND|Commission|session|sessions|Sustainable|special\s+session)/i;
const NAME_BEFORE =
  /(Agenda|Report|Convention(?:\s+of)?|Declaration(?:\s+of)?|Statement(?:\s+of)?|Plan\s+of\s+Action(?:\s+of)?|resolution|COVID|of\s+the)[\s-]*$/i;

/** Numbers, with what may follow them; a whole-word spelled number 2–100. */
const FIGURE =
  /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:–|-|to|and)\s*(\d{1,2}))?(\s*(?:per\s*cent|percent|%)|\s+Oct(?:ober|\.|\b))?|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b/gi;
/** The same without spelled numbers, for a text that has none (the common case: one alternation less per character). */
const DIGIT_FIGURE =
  /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:–|-|to|and)\s*(\d{1,2}))?(\s*(?:per\s*cent|percent|%)|\s+Oct(?:ober|\.|\b))?/g;
/** Whether a text may hold a spelled ordinal (checked before the ordinal expression runs). */
const MAY_HAVE_ORDINAL = /first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth/i;

/** What the caller already knows of a text, so that no expression runs for figures that cannot be there. */
export interface FigureHints {
  digits: boolean;
  spelled: boolean;
}

/** The word a number counts: the next word, or the one after a modifier ("three thematic sessions", "100 Member States"). */
const NOUN_AFTER =
  /^[\s-]+(?:(?:thematic|key|main|major|new|different|separate|distinct|member|expert|national|regional|international|additional|other|more|separate|specific|criminal|illicit)\s+)?([a-z]{3,})/i;
/** A list of days before "October": "19, 20 and 21 October". */
const DAY_LIST = /^((?:\s*(?:,|and|&|–|-|to)\s*\d{1,2}){1,5})\s+Oct(?:ober\b|\.|\b)/i;

/** The figures in `text`, in order. `stemOf` reduces the counted noun to a stem (the support model's stemmer). */
export function findFigures(
  text: string,
  stemOf: (word: string) => string = (w) => w.toLowerCase(),
  hints: FigureHints = { digits: true, spelled: true },
): Figure[] {
  const out: Figure[] = [];
  if (hints.digits || hints.spelled) findNumbers(text, stemOf, hints.spelled ? FIGURE : DIGIT_FIGURE, out);
  findMonthsAndOrdinals(text, stemOf, out, hints.digits);
  return out.sort((a, b) => a.start - b.start);
}

function findNumbers(text: string, stemOf: (word: string) => string, pattern: RegExp, out: Figure[]): void {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
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
    if (tail !== undefined && /oct/i.test(tail)) {
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
      // A year in a name says which text is meant ("the 2021 World Drug Report"): it is compared only with
      // the year the summary gives the same name (its `noun`: the name's first word).
      const nameAfter = NAME_AFTER.exec(after);
      const nameBefore = nameAfter ? null : NAME_BEFORE.exec(before);
      const name = nameAfter !== null || nameBefore !== null;
      const noun = nameAfter ? nameAfter[1] : nameBefore ? nameBefore[1] : undefined;
      out.push({
        kind: 'year',
        value,
        qualifier,
        name,
        ...(noun ? { noun: stemOf(noun.split(/\s+/)[0]) } : {}),
        start: qualStart,
        end,
        text: text.slice(qualStart, end),
      });
      continue;
    }
    if (/^(?:st|nd|rd|th)\b/i.test(after)) continue; // an ordinal: read below
    const days = raw.length <= 2 ? DAY_LIST.exec(after) : null;
    if (days && value >= 1 && value <= 31) {
      const last = Math.max(value, ...(days[1].match(/\d{1,2}/g) ?? []).map(Number));
      pattern.lastIndex = end + days[0].length;
      out.push({
        kind: 'date',
        value,
        to: last,
        qualifier: 'exact',
        name: false,
        start,
        end: pattern.lastIndex,
        text: text.slice(start, pattern.lastIndex),
      });
      continue;
    }
    if (value < 2) continue;
    // Numbered things: "paragraph 7", "target 16", "COVID-19", "Goal 16".
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
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_YEAR = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/g;
const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINAL =
  /\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\b(\d{1,3})(?:st|nd|rd|th)\b/gi;

/** "March 2019" (a month, compared as a whole) and "third round", "65th session" (ordinals of a noun). */
function findMonthsAndOrdinals(text: string, stemOf: (word: string) => string, out: Figure[], digits: boolean): void {
  let m: RegExpExecArray | null;
  if (digits) {
    MONTH_YEAR.lastIndex = 0;
    while ((m = MONTH_YEAR.exec(text)) !== null) {
      const value = Number(m[2]) * 100 + MONTHS.indexOf(m[1].toLowerCase()) + 1;
      out.push({ kind: 'month', value, qualifier: 'exact', name: false, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  if (!digits && !MAY_HAVE_ORDINAL.test(text)) return;
  ORDINAL.lastIndex = 0;
  while ((m = ORDINAL.exec(text)) !== null) {
    const value = m[3] !== undefined ? Number(m[3]) : (m[1] ? TENS[m[1].toLowerCase()] : 0) + ORDINAL_WORDS[m[2].toLowerCase()];
    const end = m.index + m[0].length;
    const noun = NOUN_AFTER.exec(text.slice(end, end + 60));
    if (!noun || /^(?:of|and|or|to|in|on|the|a|an|time|place|step)$/i.test(noun[1])) continue;
    out.push({
      kind: 'ordinal',
      value,
      qualifier: 'exact',
      noun: stemOf(noun[1]),
      name: false,
      start: m.index,
      end,
      text: m[0],
    });
  }
}

/** Whether two figures state the same thing (the same number of the same kind, qualifiers not contradicting). */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false;
  if ((a.kind === 'ordinal' || a.kind === 'count') && a.noun !== undefined && b.noun !== undefined && a.noun !== b.noun)
    return false;
  if (a.kind === 'date') {
    // Two ranges of days are the same range; a day is the same as a range that includes it.
    if (a.to !== undefined && b.to !== undefined) return a.value === b.value && a.to === b.to;
    const aTo = a.to ?? a.value;
    const bTo = b.to ?? b.value;
    return a.value <= bTo && b.value <= aTo;
  }
  if (a.value !== b.value) return false;
  const opposite = (a.qualifier === 'below' && b.qualifier === 'above') || (a.qualifier === 'above' && b.qualifier === 'below');
  return !opposite;
}
