import * as vscode from 'vscode';
import type { Note } from '../../core/notes/model';
import { type Summary, truncate } from '../../core/summary/summary';
import type { NotesService } from './service';

export type NotesNode =
  | { kind: 'status' }
  | { kind: 'group'; by: 'paragraph' | 'tag' | 'orphaned' }
  | { kind: 'paragraph'; number: number }
  | { kind: 'tag'; tag: string }
  | { kind: 'note'; id: string; parent: string };

/** The tag group of the notes without tags (not a tag: tags have no parentheses). */
const UNTAGGED = '(untagged)';

/** The notes view: by paragraph, by tag, and those whose passage is gone. */
export class NotesTree implements vscode.TreeDataProvider<NotesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NotesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly summary: Summary,
    private readonly notes: NotesService,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  private orphaned(): Note[] {
    return this.notes.list().filter((n) => this.notes.anchor(n.id)?.status === 'orphaned');
  }

  getChildren(node?: NotesNode): NotesNode[] {
    const all = this.notes.list();
    if (!node) {
      const roots: NotesNode[] = [];
      if (this.notes.status.kind === 'corrupt') roots.push({ kind: 'status' });
      if (all.length === 0) return roots;
      roots.push({ kind: 'group', by: 'paragraph' }, { kind: 'group', by: 'tag' });
      if (this.orphaned().length) roots.push({ kind: 'group', by: 'orphaned' });
      return roots;
    }
    switch (node.kind) {
      case 'group':
        if (node.by === 'paragraph') {
          const numbers = [...new Set(all.map((n) => this.notes.anchor(n.id)?.paragraph ?? n.target.paragraph))].sort(
            (a, b) => a - b,
          );
          return numbers.map((number) => ({ kind: 'paragraph', number }));
        }
        if (node.by === 'tag') {
          const tags = [...new Set(all.flatMap((n) => (n.tags.length ? n.tags : [UNTAGGED])))].sort();
          return tags.map((tag) => ({ kind: 'tag', tag }));
        }
        return this.orphaned().map((n) => ({ kind: 'note', id: n.id, parent: 'orphaned' }));
      case 'paragraph':
        return this.notes.notesOn(node.number).map((n) => ({ kind: 'note', id: n.id, parent: `p${node.number}` }));
      case 'tag':
        return all
          .filter((n) => (node.tag === UNTAGGED ? n.tags.length === 0 : n.tags.includes(node.tag)))
          .map((n) => ({ kind: 'note', id: n.id, parent: `t${node.tag}` }));
      default:
        return [];
    }
  }

  getTreeItem(node: NotesNode): vscode.TreeItem {
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'status': {
        const status = this.notes.status;
        const item = new vscode.TreeItem(
          vscode.l10n.t('Notes file cannot be read — notes are read-only'),
          vscode.TreeItemCollapsibleState.None,
        );
        item.iconPath = new vscode.ThemeIcon('warning');
        const saving =
          status.kind === 'corrupt' && status.recoveryError
            ? vscode.l10n.t('New notes cannot be saved either (the recovery file: {0}).', status.recoveryError)
            : vscode.l10n.t('New notes go to the recovery file.');
        item.tooltip = vscode.l10n.t(
          '{0}: {1}\nThe file is left untouched, and notes cannot be edited or deleted until it is fixed. {2} Click to open the file.',
          this.notes.location.label,
          status.kind === 'corrupt' ? status.error : '',
          saving,
        );
        item.command = { command: 'cndSummary.openNotesFile', title: vscode.l10n.t('Open the Notes File') };
        return item;
      }
      case 'group': {
        const labels = {
          paragraph: vscode.l10n.t('By paragraph'),
          tag: vscode.l10n.t('By tag'),
          orphaned: vscode.l10n.t('Passage no longer found'),
        };
        const item = new vscode.TreeItem(labels[node.by], node.by === 'paragraph' ? expanded : collapsed);
        item.id = `notes-${node.by}`;
        item.iconPath = new vscode.ThemeIcon(node.by === 'paragraph' ? 'list-ordered' : node.by === 'tag' ? 'tag' : 'warning');
        return item;
      }
      case 'paragraph': {
        const p = this.summary.paragraph(node.number);
        const count = this.notes.notesOn(node.number).length;
        const item = new vscode.TreeItem(`¶ ${node.number} · ${p ? this.summary.headline(p, 50) : ''}`, expanded);
        item.description = count === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', count);
        item.id = `notes-p${node.number}`;
        item.contextValue = 'cndParagraph';
        return item;
      }
      case 'tag': {
        const item = new vscode.TreeItem(node.tag === UNTAGGED ? vscode.l10n.t('(untagged)') : `#${node.tag}`, collapsed);
        item.id = `notes-t${node.tag}`;
        item.iconPath = new vscode.ThemeIcon('tag');
        return item;
      }
      case 'note': {
        const n = this.notes.get(node.id);
        if (!n) return new vscode.TreeItem(vscode.l10n.t('(deleted)'));
        const a = this.notes.anchor(n.id);
        const firstLine = n.body.split('\n').find((l) => l.trim()) ?? '';
        const item = new vscode.TreeItem(
          truncate(firstLine, 60) || vscode.l10n.t('(empty note)'),
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = `note-${node.parent}-${n.id}`;
        item.description = [
          n.author,
          n.modified.slice(0, 10),
          n.resolved ? vscode.l10n.t('resolved') : '',
          a?.status === 'orphaned' ? vscode.l10n.t('orphaned') : '',
        ]
          .filter(Boolean)
          .join(' · ');
        // Plain text: a note's words are never rendered as Markdown or HTML here.
        item.tooltip = `${n.body}\n\n— ${n.author || vscode.l10n.t('(no name)')}, ${n.modified.slice(0, 16).replace('T', ' ')}${n.tags.length ? `\n${n.tags.map((t) => `#${t}`).join(' ')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(n.resolved ? 'pass' : n.conflictOf ? 'git-merge' : 'note');
        item.contextValue = n.resolved ? 'cndNote.resolved' : 'cndNote';
        item.command = { command: 'cndSummary.openNote', title: vscode.l10n.t('Open Note'), arguments: [n.id] };
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
