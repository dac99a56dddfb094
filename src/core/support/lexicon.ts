/**
 * What the support model knows about the words drafters use, read from `data/lexicon.json`:
 *
 * - `concepts`: groups of words and phrases that mean the same thing in drug-policy drafting ("darknet" /
 *   "dark web", "virtual currencies" / "cryptocurrencies", "seized" / "confiscated"). A sentence and a paragraph
 *   that use different members of a group still meet on the group. Written from the summary's subjects and
 *   the vocabulary of CND statements and UN reports, not from any test set. A form is matched word by word
 *   after the same tokenising and stemming as the rest of the text ("cryptocurrencies" also covers
 *   "cryptocurrency"); stop words inside a form are ignored ("trafficking in persons" is "trafficking persons").
 * - `frameWords`: words that say who spoke or how a drafter frames a point, not what was said ("speakers",
 *   "highlighted", "delegation", "welcomes", the meeting's own name): they count for little.
 * - `supportStopWords`: words with no subject of their own beyond the search's stop words ("through", "both").
 * - `reportingVerbs`: a body named just before one ("INCB stressed", "Europol has reported") made the point.
 *   Simple past and present perfect: a present tense ("Mexico welcomes") is a delegation speaking for itself.
 * - `speakerNouns`: they make "<noun> of/from <body>" an attribution ("the representative of Nigeria").
 */
export interface Lexicon {
  concepts: Readonly<Record<string, readonly string[]>>;
  frameWords: ReadonlySet<string>;
  supportStopWords: ReadonlySet<string>;
  reportingVerbs: ReadonlySet<string>;
  speakerNouns: ReadonlySet<string>;
}

function words(json: Record<string, unknown>, key: string): ReadonlySet<string> {
  const v = json[key];
  if (!Array.isArray(v) || !v.every((w) => typeof w === 'string'))
    throw new Error(`lexicon data: "${key}" must be a list of words`);
  return new Set(v);
}

/** Reads `data/lexicon.json`; throws naming the part that is not what it should be. */
export function loadLexicon(json: unknown): Lexicon {
  if (typeof json !== 'object' || json === null) throw new Error('lexicon data: expected an object');
  const o = json as Record<string, unknown>;
  const concepts = o.concepts as Record<string, unknown>;
  if (typeof concepts !== 'object' || concepts === null) throw new Error('lexicon data: "concepts" must be an object');
  for (const [name, forms] of Object.entries(concepts)) {
    if (!Array.isArray(forms) || !forms.every((f) => typeof f === 'string'))
      throw new Error(`lexicon data: concept "${name}" must be a list of words and phrases`);
  }
  return {
    concepts: concepts as Record<string, string[]>,
    frameWords: words(o, 'frameWords'),
    supportStopWords: words(o, 'supportStopWords'),
    reportingVerbs: words(o, 'reportingVerbs'),
    speakerNouns: words(o, 'speakerNouns'),
  };
}

/**
 * Phrases that frame a citation rather than say anything about the paragraph ("as reflected in the Chair's
 * summary", "my delegation welcomes"); removed before a sentence is compared with the paragraphs.
 */
export const FRAME_PATTERNS: readonly RegExp[] = [
  /\b(?:as\s+)?(?:is\s+|was\s+|are\s+|were\s+)?(?:duly\s+|rightly\s+|also\s+|clearly\s+|well\s+)?(?:reflected|recorded|noted|stated|mentioned|set\s+out|described|captured|summari[sz]ed|reported|highlighted|recalled|underlined|acknowledged|referred\s+to)\s+(?:in|by)\s+(?:the\s+)?(?:Chair['’]?s?\s+|present\s+|this\s+)?summary\b/giu,
  /\b(?:the\s+)?Chair['’]?s?\s+summary\s+(?:of\s+the\s+(?:2021\s+)?thematic\s+discussions\s+)?(?:rightly\s+|also\s+|duly\s+|clearly\s+)?(?:records|notes|reflects|recalls|mentions|states|says|reports|highlights|underlines|captures|observes|points\s+out|shows|describes|indicates)\b(?:\s+that)?/giu,
  /\b(?:the\s+)?(?:Chair['’]?s?\s+)?summary\b/giu,
  /\b(?:my|our|the)\s+delegation(?:s)?\b/giu,
  /\b(?:we|I)\s+(?:would\s+like\s+to|wish\s+to|want\s+to)\b/giu,
];
