import * as vscode from 'vscode';

/**
 * A URI that names one paragraph of the summary: `cnd-summary.paragraph:/24`. The views give it to their
 * paragraph items (the number shows as the item's badge), and in the browser the Markdown preview links
 * citations to it (opening it shows the paragraph in the reader: see features/preview/paragraphLinks.ts).
 * The dot in the scheme matters there.
 */
export const PARAGRAPH_URI_SCHEME = 'cnd-summary.paragraph';

export function paragraphUri(n: number): vscode.Uri {
  return vscode.Uri.from({ scheme: PARAGRAPH_URI_SCHEME, path: `/${n}` });
}

/** The paragraph number a paragraph URI names (not checked against the summary), else undefined. */
export function paragraphOfUri(uri: vscode.Uri): number | undefined {
  if (uri.scheme !== PARAGRAPH_URI_SCHEME) return undefined;
  const m = /^\/(\d{1,3})$/.exec(uri.path);
  return m ? Number(m[1]) : undefined;
}
