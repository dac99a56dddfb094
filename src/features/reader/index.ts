import * as vscode from 'vscode';
import type { ReaderLayout } from '../../core/render';

export const READER_SCHEME = 'cnd-summary';
export const READER_URI = vscode.Uri.from({ scheme: READER_SCHEME, path: '/CND Chair’s summary 2021.md' });

export function isReader(doc: vscode.TextDocument | undefined): boolean {
  return doc?.uri.scheme === READER_SCHEME;
}

/**
 * The summary as a read-only virtual Markdown document. Opening it at a paragraph puts the
 * cursor there and highlights the paragraph's lines.
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

  /** Opens the reader, at paragraph `n` when given, with the paragraph highlighted. */
  async show(
    n?: number,
    options: { preserveFocus?: boolean; passage?: { start: number; end: number } } = {},
  ): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(READER_URI);
    const visible = vscode.window.visibleTextEditors.find((e) => isReader(e.document));
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Active,
      preserveFocus: options.preserveFocus ?? false,
      preview: true,
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

export function registerReader(context: vscode.ExtensionContext, makeLayout: () => ReaderLayout): Reader {
  const reader = new Reader(makeLayout);
  context.subscriptions.push(reader, vscode.workspace.registerTextDocumentContentProvider(READER_SCHEME, reader));
  return reader;
}
