/** Where a paragraph number may be typed in a draft, for completion. */

export interface CompletionSpot {
  /** Digits already typed at the cursor (replaced by the completion). */
  typed: string;
  /** After a range dash: only numbers above this one make sense. */
  after?: number;
}

const KEYWORD = String.raw`(?:(?<![\p{L}\p{N}])(?:paras?|paragraphs?|párrs?)\.?|(?<![\p{L}\p{N}])par\.|¶¶?)`;
const NUMBER_LIST = String.raw`(?:\d{1,4}(?:\s*(?:[–—-]|to)\s*\d{1,4})?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*))*`;
const AT_START = new RegExp(`${KEYWORD}\\s*${NUMBER_LIST}$`, 'iu');
const AFTER_DASH = new RegExp(`${KEYWORD}\\s*${NUMBER_LIST}(\\d{1,4})\\s*(?:[–—-]|\\s+to\\s+|\\s+a\\s+)\\s*$`, 'iu');

/**
 * Looks at the text before the cursor (one line) and says whether a paragraph number belongs there:
 * after `para. `, `paras. 13–`, `paragraph `, `¶`, or after a comma or "and" inside a list of numbers.
 */
export function completionSpot(linePrefix: string): CompletionSpot | undefined {
  const tail = linePrefix.slice(-120);
  const typed = /\d*$/.exec(tail)![0];
  const before = tail.slice(0, tail.length - typed.length);
  const dash = AFTER_DASH.exec(before);
  if (dash) return { typed, after: Number(dash[1]) };
  // "para." and "¶" may take the number straight after them; "para" and "paragraph" need a space.
  if (AT_START.test(before) && !/\p{L}$/u.test(before)) return { typed };
  return undefined;
}
