import * as vscode from 'vscode';
import type { ReaderLayout } from '../../core/render/reader';

export const READER_SCHEME = 'cnd-summary';
/** The reader's document. Its name gives it the `cnd-summary` language (package.json `languages`). */
export const READER_URI = vscode.Uri.from({ scheme: READER_SCHEME, path: '/CND Chair’s summary 2021' });

export function isReader(doc: vscode.TextDocument | undefined): boolean {
  return doc?.uri.scheme === READER_SCHEME;
}

/** A tab showing the reader. */
export function isReaderTab(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === READER_SCHEME;
}

/**
 * The reader's tab: in the active group if it is open there, else the first group that has it; never in
 * the group `except` (see CitationLinkFollower).
 */
export function readerTab(except?: vscode.ViewColumn): vscode.Tab | undefined {
  const candidates = vscode.window.tabGroups.all.filter((g) => g.viewColumn !== except);
  const active = candidates.find((g) => g.isActive)?.tabs.find(isReaderTab);
  return active ?? candidates.flatMap((g) => g.tabs).find(isReaderTab);
}

/**
 * Where the reader opens: where it is already (one reader tab, reused); else beside the editor the user
 * is working in, so that the draft stays in view; else (no editor, or the focus in a view with no editor
 * open) the active group. `except`: a group the reader must not open in (the draft's).
 */
export function readerColumn(except?: vscode.ViewColumn): vscode.ViewColumn {
  const tab = readerTab(except);
  if (tab) return tab.group.viewColumn;
  const active = vscode.window.activeTextEditor;
  if (except !== undefined || (active && !isReader(active.document) && active.viewColumn !== undefined))
    return vscode.ViewColumn.Beside;
  return vscode.ViewColumn.Active;
}

/**
 * The summary as a read-only virtual document (clean text, styled by `ReaderTokens`). Opening it at a
 * paragraph puts the cursor there and highlights the paragraph's lines.
 */
export class Reader implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });

  private built: ReaderLayout | undefined;

  /** `layout` is built on first use (opening the reader, a citation's location), not at activation. */
  constructor(private readonly makeLayout: () => ReaderLayout) {}

  get layout(): ReaderLayout {
    this.built ??= this.makeLayout();
    return this.built;
  }

  provideTextDocumentContent(): string {
    return this.layout.text;
  }

  /** The lines of paragraph `n` in the reader. */
  range(n: number): vscode.Range | undefined {
    const r = this.layout.rangeOf(n);
    return r ? new vscode.Range(r.start, 0, r.end, Number.MAX_SAFE_INTEGER) : undefined;
  }

  /**
   * Opens the reader (see `readerColumn` for where), at paragraph `n` when given, with the paragraph
   * highlighted. Every command, view, hover link, search button and document link of the extension opens
   * it through here.
   */
  async show(
    n?: number,
    options: { preserveFocus?: boolean; passage?: { start: number; end: number }; except?: vscode.ViewColumn } = {},
  ): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(READER_URI);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: readerColumn(options.except),
      preserveFocus: options.preserveFocus ?? false,
      // A pinned tab: opening another file next to it does not replace the reader.
      preview: false,
    });
    if (n !== undefined) this.reveal(editor, n, options.passage);
    return editor;
  }

  reveal(editor: vscode.TextEditor, n: number, passage?: { start: number; end: number }): void {
    const range = this.range(n);
    if (!range) return;
    const from = passage ? this.layout.toReader(n, passage.start) : undefined;
    const to = passage ? this.layout.toReader(n, passage.end) : undefined;
    const start = from ? new vscode.Position(from.line, from.character) : range.start;
    const end = to ? new vscode.Position(to.line, to.character) : start;
    editor.selection = new vscode.Selection(start, end);
    editor.setDecorations(this.highlight, [editor.document.validateRange(range)]);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * What is selected in a reader editor, in the summary's terms: the paragraph (where the selection starts),
   * when the selection is words within that one paragraph their offsets in its text, and every paragraph
   * the selection's lines show.
   */
  selection(editor: vscode.TextEditor): {
    paragraph?: number;
    passage?: { start: number; end: number };
    acrossParagraphs: boolean;
    paragraphs: number[];
  } {
    if (!isReader(editor.document)) return { acrossParagraphs: false, paragraphs: [] };
    const paragraphs: number[] = [];
    const { start, end } = editor.selection;
    // A selection of whole lines ends at the start of the next one: that line is not selected.
    const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
    for (let line = start.line; line <= last; line++) {
      const n = this.layout.paragraphAt(line);
      if (n !== undefined && paragraphs[paragraphs.length - 1] !== n) paragraphs.push(n);
    }
    const from = this.layout.toText(editor.selection.start);
    const to = this.layout.toText(editor.selection.end);
    const paragraph = from?.paragraph ?? this.layout.paragraphAt(editor.selection.start.line);
    const within = !!from && !!to && from.paragraph === to.paragraph;
    const passage =
      within && !editor.selection.isEmpty && to.offset > from.offset ? { start: from.offset, end: to.offset } : undefined;
    const acrossParagraphs = !editor.selection.isEmpty && (!!from || !!to) && !within;
    return { ...(paragraph !== undefined ? { paragraph } : {}), ...(passage ? { passage } : {}), acrossParagraphs, paragraphs };
  }

  /** The paragraph under the cursor of a reader editor. */
  paragraphAt(editor: vscode.TextEditor): number | undefined {
    return isReader(editor.document) ? this.layout.paragraphAt(editor.selection.active.line) : undefined;
  }

  dispose(): void {
    this.highlight.dispose();
  }
}
