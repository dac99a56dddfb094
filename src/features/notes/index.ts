import * as vscode from 'vscode';
import { makeTarget, type Note } from '../../core/notes/model';
import { exportMarkdown, exportWebAnnotation } from '../../core/notes/export';
import type { SearchIndex } from '../../core/search/lazy';
import type { Summary } from '../../core/summary/summary';
import { askParagraph, checkParagraphArg, paragraphOf } from '../prompts';
import { isReader, type Reader } from '../reader';
import { type Log, messageOf } from '../log';
import type { Settings } from '../settings';
import { NoteComment, NotesComments } from './comments';
import { bodyTooLong, NotesService } from './service';
import { NotesTree } from './tree';

export interface NotesDeps {
  summary: Summary;
  reader: Reader;
  engine: SearchIndex;
  settings: Settings;
  log: Log;
}

export interface Notes {
  service: NotesService;
  /**
   * Adds a note on a whole paragraph with the given text, for other extensions and tests (the Add a Note
   * command always asks the user for the text). Rejects with the reason when the note cannot be saved.
   */
  add(paragraph: number, body: string): Promise<Note>;
  tree: NotesTree;
  comments: NotesComments;
  /** The sessions view's badge: how many notes stand on a paragraph. */
  badge: (n: number) => { description: string; tooltip: string } | undefined;
}

/** The paragraph an argument names: a number, a tree item, a `[n]` from a hover link. */
/** The note an argument names: an id, a notes-view item, a comment. */
function noteIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof NoteComment) return arg.note.id;
  if (arg && typeof arg === 'object' && 'kind' in arg && 'id' in arg && arg.kind === 'note' && typeof arg.id === 'string')
    return arg.id;
  if (arg && typeof arg === 'object' && 'comments' in arg) {
    const c = (arg as vscode.CommentThread).comments[0];
    if (c instanceof NoteComment) return c.note.id;
  }
  return undefined;
}

/** Notes on the summary: the reader's comment threads, the notes view, commands, export. */
export function registerNotes(context: vscode.ExtensionContext, deps: NotesDeps): Notes {
  const { summary, reader, engine, settings } = deps;
  const service = new NotesService(summary, engine, settings, context.globalStorageUri, deps.log);
  const tree = new NotesTree(summary, service);
  const comments = new NotesComments(summary, reader, service);
  const view = vscode.window.createTreeView('cndSummary.notes', { treeDataProvider: tree, showCollapseAll: true });

  /** A change whose failure the service has shown to the user already: the command then just returns undefined. */
  const quietly = async <T>(change: Promise<T>): Promise<T | undefined> => {
    try {
      return await change;
    } catch (err) {
      if (service.wasReported(err)) return undefined;
      throw err;
    }
  };

  const refresh = () => {
    tree.refresh();
    comments.refresh();
    view.description = service.readOnly ? 'read-only' : undefined;
    view.message =
      service.list().length === 0 && !service.readOnly
        ? 'No notes yet. Select a passage in the reader and add one, or use “Add a Note” on a paragraph.'
        : undefined;
  };

  /**
   * Add a Note. Its arguments name a paragraph and nothing more: a number or a numeric string (a hover card's
   * link passes `[24]`), a paragraph of a view, or nothing (the reader's selection, else a prompt). The text
   * is always typed by the user: this is one of the two commands a hover card may run, so a link written into
   * a shared notes file must not be able to add a note. A call that passes text is refused with a message;
   * programs add notes through the API (Notes.add).
   */
  const addNote = async (arg?: unknown, ...more: unknown[]): Promise<Note | undefined> => {
    if (more.some((m) => typeof m === 'string')) {
      void vscode.window.showWarningMessage(
        'CND Summary: Add a Note was run with the text of a note among its arguments (as a link in a hover or another extension might do), so nothing was added. Notes are added with the text you type: run Add a Note again.',
      );
      return undefined;
    }
    let paragraph = paragraphOf(arg);
    let start = 0;
    let end = 0;
    const editor = vscode.window.activeTextEditor;
    if (paragraph === undefined && editor && isReader(editor.document)) {
      const selected = reader.selection(editor);
      paragraph = selected.paragraph;
      if (selected.passage) ({ start, end } = selected.passage);
    }
    paragraph = paragraph === undefined ? await askParagraph(summary, 'Add a Note') : checkParagraphArg(summary, paragraph);
    if (paragraph === undefined) return undefined;
    const p = summary.paragraph(paragraph)!;
    const passage = end > start ? p.text.slice(start, end) : undefined;
    const body = await vscode.window.showInputBox({
      title: passage
        ? `Note on “${passage.length > 40 ? `${passage.slice(0, 40)}…` : passage}” (¶ ${paragraph})`
        : `Note on ¶ ${paragraph}`,
      prompt: 'Markdown; #tags such as #follow-up or #quote are picked up',
      ignoreFocusOut: true,
      validateInput: bodyTooLong,
    });
    if (!body?.trim()) return undefined;
    await service.askAuthor();
    return quietly(service.add(makeTarget(paragraph, p.text, start, end), body));
  };

  const editNote = async (arg?: unknown, bodyArg?: unknown): Promise<Note | undefined> => {
    // From the reader's comment thread (VS Code passes the comment or its thread): edit in place.
    const first = arg && typeof arg === 'object' && 'comments' in arg ? (arg as vscode.CommentThread).comments[0] : undefined;
    const comment = arg instanceof NoteComment ? arg : first instanceof NoteComment ? first : undefined;
    if (comment && typeof bodyArg !== 'string') {
      comment.mode = vscode.CommentMode.Editing;
      comment.body = new vscode.MarkdownString(comment.note.body);
      comment.thread.comments = [...comment.thread.comments];
      return undefined;
    }
    const id = noteIdOf(arg);
    const note = id ? service.get(id) : undefined;
    if (!note) return undefined;
    const body =
      typeof bodyArg === 'string'
        ? bodyArg
        : await vscode.window.showInputBox({
            title: `Edit note on ¶ ${note.target.paragraph}`,
            value: note.body,
            ignoreFocusOut: true,
            validateInput: bodyTooLong,
          });
    if (body === undefined) return undefined;
    return quietly(service.update(note.id, { body }));
  };

  const exportNotes = async (formatArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> => {
    let format = formatArg === 'markdown' || formatArg === 'jsonld' ? formatArg : undefined;
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        [
          {
            label: 'Annotated summary (Markdown)',
            description: 'each paragraph followed by its notes',
            format: 'markdown' as const,
          },
          {
            label: 'W3C Web Annotation (JSON-LD)',
            description: 'the notes with their selectors, for other tools',
            format: 'jsonld' as const,
          },
        ],
        { title: 'Export Notes' },
      );
      if (!pick) return undefined;
      format = pick.format;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? context.globalStorageUri;
    const name = format === 'markdown' ? 'cnd-summary-annotated.md' : 'cnd-summary-notes.jsonld';
    const target =
      targetArg instanceof vscode.Uri
        ? targetArg
        : await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, name), title: 'Export Notes' });
    if (!target) return undefined;
    await service.ready;
    const text =
      format === 'markdown'
        ? exportMarkdown(summary, service.list(), new Date().toISOString())
        : `${JSON.stringify(exportWebAnnotation(summary, service.list()), null, 2)}\n`;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    if (targetArg === undefined) {
      const count = service.list().length;
      void vscode.window
        .showInformationMessage(
          `Exported ${count} ${count === 1 ? 'note' : 'notes'} to ${vscode.workspace.asRelativePath(target)}.`,
          'Open',
        )
        .then((c) => c && vscode.window.showTextDocument(target));
    }
    return target;
  };

  context.subscriptions.push(
    service,
    tree,
    comments,
    view,
    service.onDidChange(refresh),
    vscode.commands.registerCommand('cndSummary.addNote', addNote),
    vscode.commands.registerCommand('cndSummary.notes.createFromReply', (reply: vscode.CommentReply) => comments.create(reply)),
    vscode.commands.registerCommand('cndSummary.editNote', editNote),
    vscode.commands.registerCommand('cndSummary.notes.saveComment', async (comment: NoteComment) => {
      const body = typeof comment.body === 'string' ? comment.body : comment.body.value;
      const tooLong = bodyTooLong(body);
      if (tooLong) {
        void vscode.window.showErrorMessage(`CND Summary: the note was not saved. ${tooLong.message} Shorten it and save again.`);
        return;
      }
      comment.mode = vscode.CommentMode.Preview;
      if ((await quietly(service.update(comment.note.id, { body }))) === undefined) comments.refresh();
    }),
    vscode.commands.registerCommand('cndSummary.notes.cancelEdit', () => comments.refresh()),
    vscode.commands.registerCommand('cndSummary.deleteNote', async (arg?: unknown) => {
      const id = noteIdOf(arg);
      const note = id ? service.get(id) : undefined;
      if (!note) return false;
      if (typeof arg !== 'string') {
        const ok = await vscode.window.showWarningMessage(
          `Delete this note on ¶ ${note.target.paragraph}?`,
          { modal: true, detail: note.body.slice(0, 200) },
          'Delete',
        );
        if (ok !== 'Delete') return false;
      }
      return (await quietly(service.remove(note.id).then(() => true))) ?? false;
    }),
    vscode.commands.registerCommand('cndSummary.toggleNoteResolved', async (arg?: unknown) => {
      const id = noteIdOf(arg);
      const note = id ? service.get(id) : undefined;
      return note ? quietly(service.update(note.id, { resolved: !note.resolved })) : undefined;
    }),
    vscode.commands.registerCommand('cndSummary.openNote', async (id: string) => {
      const a = service.anchor(id);
      const note = service.get(id);
      if (!a || !note) return;
      await reader.show(
        a.paragraph,
        note.target.scope === 'passage' && a.status !== 'orphaned' ? { passage: { start: a.start, end: a.end } } : {},
      );
    }),
    vscode.commands.registerCommand('cndSummary.exportNotes', exportNotes),
    vscode.commands.registerCommand('cndSummary.openNotesFile', async () => {
      try {
        await vscode.window.showTextDocument(service.location.file);
      } catch (e) {
        deps.log.info(`no notes file to open (${service.location.label}): ${messageOf(e)}`);
        void vscode.window.showInformationMessage(
          `There is no notes file yet (${service.location.label}): it is created with the first note.`,
        );
      }
    }),
  );
  void service.ready.then(refresh);

  return {
    service,
    add: async (paragraph, body) => {
      const p = summary.paragraph(paragraph);
      if (!p)
        throw new Error(`CND Summary: there is no paragraph ${paragraph}; the summary has paragraphs 1 to ${summary.count}`);
      return service.add(makeTarget(paragraph, p.text, 0, 0), body);
    },
    tree,
    comments,
    badge: (n) => {
      const count = service.notesOn(n).length;
      return count
        ? {
            description: `${count} ${count === 1 ? 'note' : 'notes'}`,
            tooltip: `${count} ${count === 1 ? 'note' : 'notes'} on this paragraph.`,
          }
        : undefined;
    },
  };
}
