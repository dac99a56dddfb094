/**
 * The API of the CND Chair's Summary extension, for other extensions:
 *
 *     const api = await vscode.extensions.getExtension<CndSummaryApi>('cnd-tools.cnd-chair-summary')?.activate();
 *     api?.paragraph(24)?.text;
 *
 * A contract: what is here keeps its meaning while `apiVersion` is 1. Everything else the extension does
 * is reached through its commands (`cndSummary.*`), not through this object.
 */
export interface CndSummaryApi {
  /** 1 for this version of the API. */
  readonly apiVersion: 1;
  /** The summary's number of paragraphs (37). */
  readonly paragraphCount: number;
  /** A paragraph of the summary, or undefined when there is no such paragraph. */
  paragraph(n: number): CndParagraph | undefined;
  /**
   * Searches the summary as the search picker does (words, prefixes, typos, "phrases", filters such as
   * `org:interpol` or `session:2`), best first. Throws an Error whose message says what is wrong with the query.
   */
  search(query: string, limit?: number): CndSearchHit[];
  /** The paragraphs related to a passage of a draft, best first: what Find Related and the support checks use. */
  related(passage: string, limit?: number): CndRelatedParagraph[];
  /** A citation in United Nations style: `para. 24`, `paras. 13–15 and 22`, `paragraph 24 of the Chair's summary`. */
  formatCitation(paragraphs: readonly number[], style?: 'short' | 'long' | 'parenthetical' | 'words'): string;
  /**
   * Adds a note on a whole paragraph to the workspace's notes file (shared with the team), as the user's
   * *Add a Note…* does. Resolves to the new note's id; rejects with the reason when it cannot be saved.
   */
  addNote(paragraph: number, text: string): Promise<string>;
  /** How long the extension took to start, in milliseconds (its own code: evaluating it and `activate()`). */
  readonly activation: { ownMs: number; evaluateMs: number; activateMs: number };
  /** Called by VS Code's Markdown preview (`markdown.markdownItPlugins`); not meant for other extensions. */
  extendMarkdownIt(md: unknown): unknown;
}

export interface CndParagraph {
  number: number;
  /** The paragraph's text, without markup. */
  text: string;
  /** "Thematic session 2 · 20 October 2021", "I. Background", … */
  place: string;
  /** The 2019 Ministerial Declaration challenge its session discussed, if any. */
  challenge?: string;
  /** Its key phrases (bold in the summary). */
  keyPhrases: string[];
  /** The organizations and Member States it names. */
  names: string[];
}

export interface CndSearchHit {
  paragraph: number;
  /** Higher is better; comparable within one search only. */
  score: number;
  /** The paragraph's words around the first match. */
  snippet: string;
}

export interface CndRelatedParagraph {
  paragraph: number;
  /** Higher is better; comparable within one passage only. */
  score: number;
  /** The passage's words the paragraph matched, strongest first. */
  matched: string[];
}
