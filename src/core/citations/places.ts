/** Where the citations of the summary stand in a text, by line and character: what the workspace index keeps of a draft. */
import { LineCursor } from '../summary/lines';
import { type Citation, findCitations, onlyParagraph } from './grammar';

/**
 * Called with each citation of the summary in a text: where it starts and ends (0-based lines, characters in
 * UTF-16 code units) and the paragraphs it cites that `has` accepts (never none). `paragraphs` may be reused
 * from call to call: read it, do not keep it.
 */
export type CitedPlaceVisitor = (
  startLine: number,
  startCharacter: number,
  endLine: number,
  endCharacter: number,
  paragraphs: readonly number[],
) => void;

/**
 * Visits every citation of the summary in `text` (external references and citations of no paragraph that
 * `has` accepts left out), in order. Linear: the line of each end is found by a LineCursor that moves forward
 * with the citations (they come in order), not by a search per offset, and a citation of one number makes no
 * list.
 */
export function visitCitedPlaces(text: string, has: (paragraph: number) => boolean, visit: CitedPlaceVisitor): void {
  const lines = new LineCursor(text);
  const one = [0];
  for (const c of findCitations(text)) {
    if (c.external) continue;
    const paragraphs = citedOf(c, has, one);
    if (paragraphs.length === 0) continue;
    const from = lines.at(c.start);
    const to = lines.at(c.end);
    visit(from.line, from.character, to.line, to.character, paragraphs);
  }
}

/** The paragraphs `c` cites that `has` accepts: `one` (refilled) for a citation of one number. */
function citedOf(c: Citation, has: (paragraph: number) => boolean, one: number[]): readonly number[] {
  const only = onlyParagraph(c);
  if (only === undefined) return c.paragraphs.filter(has);
  if (!has(only)) return [];
  one[0] = only;
  return one;
}
