import * as vscode from 'vscode';
import type { Note } from '../../core/notes/model';
import { exportMarkdown, exportWebAnnotation } from '../../core/notes/export';
import type { Summary } from '../../core/summary/summary';
import { askParagraph, checkParagraphArg, paragraphOf } from '../prompts';
import { isReader, type Reader } from '../reader';
import { type Log, messageOf } from '../log';
import { NoteComment, type NotesComments } from './comments';
import type { Notify } from './notify';
import { bodyTooLong, type NotesService } from './service';

/** What the notes commands work on. */
export interface NotesCommandDeps {
  summary: Summary;
  reader: Reader;
  service: NotesService;
  comments: NotesComments;
  log: Log;
  /** How messages are shown (the integration tests record them). */
  notify: Notify;
  /** Where exports go when no folder is open. */
  globalStorage: vscode.Uri;
}

/** The note an argument names: an id, a notes-view item, a comment. */
export function noteIdOf(arg: unknown): string | undefined {
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

/** A change whose failure the service has shown to the user already: the command then just returns undefined. */
async function quietly<T>(service: NotesService, change: Promise<T>): Promise<T | undefined> {
  try {
    return await change;
  } catch (err) {
    if (service.wasReported(err)) return undefined;
    throw err;
  }
}

/**
 * Add a Note. Its arguments name a paragraph and nothing more: a number or a numeric string (a hover card's
 * link passes `[24]`), a paragraph of a view, or nothing (the reader's selection, else a prompt). It opens
 * the reader there (beside the draft) with an empty comment thread on the paragraph or passage, whose reply
 * box takes several lines; the reply is saved as the note (`cndSummary.notes.createFromReply`). The text is
 * always typed by the user: this is one of the two commands a hover card may run, so a link written into
 * a shared notes file must not be able to add a note. A call that passes text is refused with a message;
 * programs add notes through the API (Notes.add). Resolves to the thread opened.
 */
export async function addNote(
  deps: NotesCommandDeps,
  arg?: unknown,
  ...more: unknown[]
): Promise<vscode.CommentThread | undefined> {
  const { summary, reader, comments } = deps;
  if (more.some((m) => typeof m === 'string')) {
    void deps.notify(
      'warning',
      vscode.l10n.t(
        'CND Summary: Add a Note was run with the text of a note among its arguments (as a link in a hover or another extension might do), so nothing was added. Notes are added with the text you type: run Add a Note again.',
      ),
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
  paragraph =
    paragraph === undefined ? await askParagraph(summary, vscode.l10n.t('Add a Note')) : checkParagraphArg(summary, paragraph);
  if (paragraph === undefined) return undefined;
  const p = summary.paragraph(paragraph)!;
  const passage = end > start ? p.text.slice(start, end) : undefined;
  const label = passage
    ? vscode.l10n.t('Note on “{0}” (¶ {1})', passage.length > 40 ? `${passage.slice(0, 40)}…` : passage, paragraph)
    : vscode.l10n.t('Note on ¶ {0}', paragraph);
  await reader.show(paragraph, passage ? { passage: { start, end } } : {});
  return comments.startNote(paragraph, start, end, label);
}

/** A new thread typed in the reader's gutter, or opened by Add a Note, becomes a note. */
export function createNoteFromReply(deps: NotesCommandDeps, reply: vscode.CommentReply): Promise<Note | undefined> {
  return deps.comments.create(reply);
}

/** Edit Note: in place in the reader's comment thread, else in an input box (or with the text given). */
export async function editNote(deps: NotesCommandDeps, arg?: unknown, bodyArg?: unknown): Promise<Note | undefined> {
  const { service } = deps;
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
          title: vscode.l10n.t('Edit note on ¶ {0}', note.target.paragraph),
          value: note.body,
          ignoreFocusOut: true,
          validateInput: bodyTooLong,
        });
  if (body === undefined) return undefined;
  return quietly(service, service.update(note.id, { body }));
}

/** Saves a note edited in place in the reader's comment thread. */
export async function saveComment(deps: NotesCommandDeps, comment: NoteComment): Promise<void> {
  const { service, comments } = deps;
  const body = typeof comment.body === 'string' ? comment.body : comment.body.value;
  const tooLong = bodyTooLong(body);
  if (tooLong) {
    void deps.notify(
      'error',
      vscode.l10n.t('CND Summary: the note was not saved. {0} Shorten it and save again.', tooLong.message),
    );
    return;
  }
  comment.mode = vscode.CommentMode.Preview;
  if ((await quietly(service, service.update(comment.note.id, { body }))) === undefined) comments.refresh();
}

/** Leaves the in-place editing of a note unsaved. */
export function cancelEdit(deps: NotesCommandDeps): void {
  deps.comments.refresh();
}

/** Delete Note: asks first, unless called with the note's id. Resolves to whether it was deleted. */
export async function deleteNote(deps: NotesCommandDeps, arg?: unknown): Promise<boolean> {
  const { service } = deps;
  const id = noteIdOf(arg);
  const note = id ? service.get(id) : undefined;
  if (!note) return false;
  if (typeof arg !== 'string') {
    const remove = vscode.l10n.t('Delete');
    const ok = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete this note on ¶ {0}?', note.target.paragraph),
      { modal: true, detail: note.body.slice(0, 200) },
      remove,
    );
    if (ok !== remove) return false;
  }
  return (
    (await quietly(
      service,
      service.remove(note.id).then(() => true),
    )) ?? false
  );
}

/** Resolve / Reopen Note. */
export async function toggleNoteResolved(deps: NotesCommandDeps, arg?: unknown): Promise<Note | undefined> {
  const { service } = deps;
  const id = noteIdOf(arg);
  const note = id ? service.get(id) : undefined;
  return note ? quietly(service, service.update(note.id, { resolved: !note.resolved })) : undefined;
}

/** Shows a note's paragraph (and passage, while it is found) in the reader. */
export async function openNote(deps: NotesCommandDeps, id: string): Promise<void> {
  const { service, reader } = deps;
  const a = service.anchor(id);
  const note = service.get(id);
  if (!a || !note) return;
  await reader.show(
    a.paragraph,
    note.target.scope === 'passage' && a.status !== 'orphaned' ? { passage: { start: a.start, end: a.end } } : {},
  );
}

/** Export Notes: as annotated Markdown or W3C Web Annotation JSON-LD; the format and file asked unless given. */
export async function exportNotes(
  deps: NotesCommandDeps,
  formatArg?: unknown,
  targetArg?: unknown,
): Promise<vscode.Uri | undefined> {
  const { summary, service } = deps;
  let format = formatArg === 'markdown' || formatArg === 'jsonld' ? formatArg : undefined;
  if (!format) {
    const pick = await vscode.window.showQuickPick(
      [
        {
          label: vscode.l10n.t('Annotated summary (Markdown)'),
          description: vscode.l10n.t('each paragraph followed by its notes'),
          format: 'markdown' as const,
        },
        {
          label: vscode.l10n.t('W3C Web Annotation (JSON-LD)'),
          description: vscode.l10n.t('the notes with their selectors, for other tools'),
          format: 'jsonld' as const,
        },
      ],
      { title: vscode.l10n.t('Export Notes') },
    );
    if (!pick) return undefined;
    format = pick.format;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? deps.globalStorage;
  const name = format === 'markdown' ? 'cnd-summary-annotated.md' : 'cnd-summary-notes.jsonld';
  const target =
    targetArg instanceof vscode.Uri
      ? targetArg
      : await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.joinPath(folder, name),
          title: vscode.l10n.t('Export Notes'),
        });
  if (!target) return undefined;
  await service.ready;
  const text =
    format === 'markdown'
      ? exportMarkdown(summary, service.list(), new Date().toISOString())
      : `${JSON.stringify(exportWebAnnotation(summary, service.list()), null, 2)}\n`;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  if (targetArg === undefined) {
    const count = service.list().length;
    void deps
      .notify(
        'information',
        count === 1
          ? vscode.l10n.t('Exported 1 note to {0}.', vscode.workspace.asRelativePath(target))
          : vscode.l10n.t('Exported {0} notes to {1}.', count, vscode.workspace.asRelativePath(target)),
        vscode.l10n.t('Open'),
      )
      .then((c) => {
        if (c) void vscode.window.showTextDocument(target);
      });
  }
  return target;
}

/** Opens the notes file, or says that there is none yet. */
export async function openNotesFile(deps: NotesCommandDeps): Promise<void> {
  const { service } = deps;
  try {
    await vscode.window.showTextDocument(service.location.file);
  } catch (e) {
    deps.log.info(`no notes file to open (${service.location.label}): ${messageOf(e)}`);
    void deps.notify(
      'information',
      vscode.l10n.t('There is no notes file yet ({0}): it is created with the first note.', service.location.label),
    );
  }
}
