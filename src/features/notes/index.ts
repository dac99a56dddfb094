import * as vscode from 'vscode';
import { makeTarget, type Note } from '../../core/notes/model';
import type { SearchIndex } from '../../core/search/lazy';
import type { Summary } from '../../core/summary/summary';
import type { Reader } from '../reader';
import type { Log } from '../log';
import type { Settings } from '../settings';
import {
  addNote,
  cancelEdit,
  createNoteFromReply,
  deleteNote,
  editNote,
  exportNotes,
  type NotesCommandDeps,
  openNote,
  openNotesFile,
  saveComment,
  toggleNoteResolved,
} from './commands';
import { NotesComments } from './comments';
import { type RecordedMessage, recordingNotify, showMessage } from './notify';
import { NotesService } from './service';
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
   * command always has the user type the text). Rejects with the reason when the note cannot be saved.
   */
  add(paragraph: number, body: string): Promise<Note>;
  tree: NotesTree;
  comments: NotesComments;
  /** The sessions view's badge: how many notes stand on a paragraph. */
  badge: (n: number) => { description: string; tooltip: string } | undefined;
  /** In the extension's tests only (ExtensionMode.Test): every message the notes showed, in order. */
  recordedMessages?: () => readonly RecordedMessage[];
}

/** Notes on the summary: the reader's comment threads, the notes view, commands, export. */
export function registerNotes(context: vscode.ExtensionContext, deps: NotesDeps): Notes {
  const { summary, reader, engine, settings, log } = deps;
  // In the extension's tests, the messages shown are kept for the tests to read (Notes.recordedMessages).
  const recording = context.extensionMode === vscode.ExtensionMode.Test ? recordingNotify() : undefined;
  const notify = recording?.notify ?? showMessage;
  const service = new NotesService(summary, engine, settings, context.globalStorageUri, log, notify);
  const tree = new NotesTree(summary, service);
  const comments = new NotesComments(summary, reader, service, notify);
  const view = vscode.window.createTreeView('cndSummary.notes', { treeDataProvider: tree, showCollapseAll: true });
  const commandDeps: NotesCommandDeps = {
    summary,
    reader,
    service,
    comments,
    log,
    notify,
    globalStorage: context.globalStorageUri,
  };
  const command = <A extends unknown[]>(id: string, run: (deps: NotesCommandDeps, ...args: A) => unknown) =>
    vscode.commands.registerCommand(id, (...args: A) => run(commandDeps, ...args));

  const refresh = () => {
    tree.refresh();
    comments.refresh();
    view.description = service.readOnly ? vscode.l10n.t('read-only') : undefined;
    view.message =
      service.list().length === 0 && !service.readOnly
        ? vscode.l10n.t('No notes yet. Select a passage in the reader and add one, or use “Add a Note” on a paragraph.')
        : undefined;
  };

  context.subscriptions.push(
    service,
    tree,
    comments,
    view,
    service.onDidChange(refresh),
    command('cndSummary.addNote', addNote),
    command('cndSummary.notes.createFromReply', createNoteFromReply),
    command('cndSummary.editNote', editNote),
    command('cndSummary.notes.saveComment', saveComment),
    command('cndSummary.notes.cancelEdit', cancelEdit),
    command('cndSummary.deleteNote', deleteNote),
    command('cndSummary.toggleNoteResolved', toggleNoteResolved),
    command('cndSummary.openNote', openNote),
    command('cndSummary.exportNotes', exportNotes),
    command('cndSummary.openNotesFile', openNotesFile),
  );
  void service.ready.then(refresh);

  return {
    service,
    add: async (paragraph, body) => {
      const p = summary.paragraph(paragraph);
      if (!p)
        throw new Error(
          vscode.l10n.t('CND Summary: there is no paragraph {0}; the summary has paragraphs 1 to {1}', paragraph, summary.count),
        );
      return service.add(makeTarget(paragraph, p.text, 0, 0), body);
    },
    tree,
    comments,
    badge: (n) => {
      const count = service.notesOn(n).length;
      if (!count) return undefined;
      return count === 1
        ? { description: vscode.l10n.t('1 note'), tooltip: vscode.l10n.t('1 note on this paragraph.') }
        : {
            description: vscode.l10n.t('{0} notes', count),
            tooltip: vscode.l10n.t('{0} notes on this paragraph.', count),
          };
    },
    ...(recording ? { recordedMessages: () => recording.messages } : {}),
  };
}
