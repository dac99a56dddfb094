import * as vscode from 'vscode';
import { CHECK_NAMES, type Levels, levelsFrom } from '../core/checks/levels';
import { type CitationFormat, type CitationStyle, RANGE_DASH_SETTING } from '../core/citations/format';

/** Where notes are kept, relative to the first workspace folder, unless the setting says otherwise. */
export const DEFAULT_NOTES_FILE = '.cnd/notes.json';

/** Settings under `cndSummary.*`, read when needed (passed to features as getters). */
export interface Settings {
  citationFormat(): CitationFormat;
  draftLanguages(): string[];
  notesFile(): string;
  notesAuthor(): string;
  /** Each check's level (`cndSummary.checks.<name>`), for a document's language (plain text may differ). */
  checkLevels(doc?: { languageId: string; uri: vscode.Uri }): Levels;
}

const STYLES: CitationStyle[] = ['short', 'long', 'parenthetical', 'words'];

export function workspaceSettings(): Settings {
  const cfg = () => vscode.workspace.getConfiguration('cndSummary');
  return {
    citationFormat: () => {
      const style = cfg().get<string>('citation.style', 'short');
      const dash = cfg().get<string>('citation.rangeDash', 'en dash');
      return {
        style: STYLES.includes(style as CitationStyle) ? (style as CitationStyle) : 'short',
        rangeDash: RANGE_DASH_SETTING[dash] ?? '–',
      };
    },
    draftLanguages: () => cfg().get<string[]>('draftLanguages', ['markdown', 'plaintext']),
    notesFile: () => cfg().get<string>('notes.file', DEFAULT_NOTES_FILE),
    notesAuthor: () => cfg().get<string>('notes.author', ''),
    checkLevels: (doc) => {
      const c = vscode.workspace.getConfiguration('cndSummary', doc ? { languageId: doc.languageId, uri: doc.uri } : undefined);
      const values: Record<string, unknown> = {};
      for (const name of CHECK_NAMES) {
        const v = c.get<unknown>(`checks.${name}`);
        if (v !== undefined) values[name] = v;
      }
      // A value that is not a level (a typo in settings.json) leaves the check at its default.
      return levelsFrom(values).levels;
    },
  };
}
