import * as vscode from 'vscode';
import { safeNoteMarkdown } from '../../core/render/cards';
import { makeTarget, type Note, type NoteTarget } from '../../core/notes/model';
import type { Summary } from '../../core/summary/summary';
import { READER_URI, type Reader } from '../reader';
import { type Notify, showMessage } from './notify';
import { bodyTooLong, type NotesService } from './service';

/** A note shown as a comment in the reader. */
export class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  body: vscode.MarkdownString;
  author: vscode.CommentAuthorInformation;
  contextValue = 'cndNote';
  label: string | undefined;
  timestamp: Date;

  constructor(
    readonly note: Note,
    readonly thread: vscode.CommentThread,
    orphaned: boolean,
  ) {
    this.body = noteMarkdown(note.body);
    this.author = { name: note.author || vscode.l10n.t('(no name)') };
    this.timestamp = new Date(note.modified);
    this.label =
      [
        orphaned ? vscode.l10n.t('passage no longer found') : '',
        note.resolved ? vscode.l10n.t('resolved') : '',
        note.conflictOf ? vscode.l10n.t('conflicting copy') : '',
      ]
        .filter(Boolean)
        .join(' · ') || undefined;
  }
}

/** The length of a line of the reader's text (reader lines are short: a paragraph is one line). */
function lineLength(reader: Reader, line: number): number {
  const text = reader.layout.text;
  let start = 0;
  for (let i = 0; i < line; i++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return 0;
    start = newline + 1;
  }
  const end = text.indexOf('\n', start);
  return (end < 0 ? text.length : end) - start;
}

/** Untrusted Markdown with links, images and HTML escaped. */
export function noteMarkdown(body: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(safeNoteMarkdown(body));
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/**
 * VS Code's commenting UI on the reader: select a passage or a paragraph line, add a note; each note is a
 * thread that can be edited, resolved and deleted.
 */
export class NotesComments implements vscode.Disposable {
  readonly controller = vscode.comments.createCommentController('cndSummary.notes', vscode.l10n.t('CND Summary notes'));
  private threads: vscode.CommentThread[] = [];
  /** The empty threads Add a Note opened, each with the paragraph (and passage) its note is to stand on. */
  private readonly drafts = new Map<vscode.CommentThread, { paragraph: number; start: number; end: number }>();

  constructor(
    private readonly summary: Summary,
    private readonly reader: Reader,
    private readonly notes: NotesService,
    private readonly notify: Notify = showMessage,
  ) {
    this.controller.options = {
      placeHolder: vscode.l10n.t('A note on this passage — #tags welcome'),
      prompt: vscode.l10n.t('Add a note'),
    };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (doc) => {
        if (doc.uri.scheme !== READER_URI.scheme) return [];
        const out: vscode.Range[] = [];
        for (const p of summary.doc.paragraphs) {
          const r = reader.range(p.number);
          if (r) out.push(doc.validateRange(r));
        }
        return out;
      },
    };
  }

  /** Shows every note as a thread (rebuilt when the notes change). */
  refresh(): void {
    for (const t of this.threads) t.dispose();
    this.threads = [];
    for (const note of this.notes.list()) {
      const a = this.notes.anchor(note.id);
      if (!a) continue;
      const lines = this.reader.range(a.paragraph);
      if (!lines) continue;
      const range =
        note.target.scope === 'passage' && a.status !== 'orphaned'
          ? this.passageRange(a.paragraph, a.start, a.end, lines.start)
          : new vscode.Range(lines.start, lines.start);
      const thread = this.controller.createCommentThread(READER_URI, range, []);
      thread.comments = [new NoteComment(note, thread, a.status === 'orphaned')];
      thread.label = `¶ ${a.paragraph}${note.tags.length ? ` · ${note.tags.map((t) => `#${t}`).join(' ')}` : ''}`;
      thread.contextValue = note.resolved ? 'cndNoteThread.resolved' : 'cndNoteThread';
      thread.canReply = false;
      thread.state = note.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
      this.threads.push(thread);
    }
  }

  /**
   * Where a thread on the passage `start`–`end` of paragraph `paragraph` stands: one line, since VS Code draws
   * a comment glyph on every line of a thread's range and a passage that wraps over several lines of the
   * reader would get several. The thread stands where the passage starts (at `fallback` when the passage
   * cannot be placed).
   */
  private passageRange(paragraph: number, start: number, end: number, fallback: vscode.Position): vscode.Range {
    const from = this.reader.layout.toReader(paragraph, start);
    const to = this.reader.layout.toReader(paragraph, end);
    if (!from || !to) return new vscode.Range(fallback, fallback);
    const last = to.line === from.line ? to.character : lineLength(this.reader, from.line);
    return new vscode.Range(from.line, from.character, from.line, last);
  }

  /**
   * Add a Note in the reader: an empty, expanded thread at paragraph `paragraph` (where the passage
   * `start`–`end` of its text starts, when there is one), whose reply box takes a note of several lines.
   * The reply is saved by `create`, as a note on that passage or paragraph. The reader must be open.
   */
  startNote(paragraph: number, start: number, end: number, label: string): vscode.CommentThread | undefined {
    const lines = this.reader.range(paragraph);
    if (!lines) return undefined;
    const range =
      end > start ? this.passageRange(paragraph, start, end, lines.start) : new vscode.Range(lines.start, lines.start);
    const thread = this.controller.createCommentThread(READER_URI, range, []);
    thread.label = label;
    thread.canReply = true;
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    this.drafts.set(thread, { paragraph, start, end });
    return thread;
  }

  /**
   * A new thread typed in the reader's gutter, or opened by Add a Note: becomes a note on its passage or
   * paragraph. The thread is closed once the note is saved; when it cannot be (too long, the notes file
   * unusable: the user is told why), it stays open with its text.
   */
  async create(reply: vscode.CommentReply): Promise<Note | undefined> {
    const { thread, text } = reply;
    const range = thread.range;
    const draft = this.drafts.get(thread);
    if ((!range && !draft) || !text.trim()) {
      this.drafts.delete(thread);
      thread.dispose();
      return undefined;
    }
    const tooLong = bodyTooLong(text);
    if (tooLong) {
      void this.notify(
        'error',
        vscode.l10n.t('CND Summary: the note was not saved. {0} Shorten it and add it again.', tooLong.message),
      );
      return undefined;
    }
    const target = draft ? this.draftTarget(draft) : range && this.gutterTarget(range);
    if (!target) {
      thread.dispose();
      return undefined;
    }
    let note: Note;
    try {
      await this.notes.askAuthor();
      note = await this.notes.add(target, text);
    } catch (err) {
      if (this.notes.wasReported(err)) return undefined;
      throw err;
    }
    this.drafts.delete(thread);
    thread.dispose();
    return note;
  }

  private draftTarget(draft: { paragraph: number; start: number; end: number }): NoteTarget | undefined {
    const p = this.summary.paragraph(draft.paragraph);
    return p && makeTarget(draft.paragraph, p.text, draft.start, draft.end);
  }

  /** The passage, or else the paragraph, of a range of the reader. */
  private gutterTarget(range: vscode.Range): NoteTarget | undefined {
    const start = this.reader.layout.toText(range.start);
    const end = range.isEmpty ? start : this.reader.layout.toText(range.end);
    const paragraph = start?.paragraph ?? this.reader.layout.paragraphAt(range.start.line);
    if (paragraph === undefined) return undefined;
    const p = this.summary.paragraph(paragraph)!;
    const sameParagraph = start && end && end.paragraph === start.paragraph;
    return sameParagraph && end.offset > start.offset
      ? makeTarget(paragraph, p.text, start.offset, end.offset)
      : makeTarget(paragraph, p.text, 0, 0);
  }

  dispose(): void {
    for (const t of [...this.threads, ...this.drafts.keys()]) t.dispose();
    this.drafts.clear();
    this.controller.dispose();
  }
}
