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
          const tags = [...new Set(all.flatMap((n) => (n.tags.length ? n.tags : ['(untagged)'])))].sort();
          return tags.map((tag) => ({ kind: 'tag', tag }));
        }
        return this.orphaned().map((n) => ({ kind: 'note', id: n.id, parent: 'orphaned' }));
      case 'paragraph':
        return this.notes.notesOn(node.number).map((n) => ({ kind: 'note', id: n.id, parent: `p${node.number}` }));
      case 'tag':
        return all
          .filter((n) => (node.tag === '(untagged)' ? n.tags.length === 0 : n.tags.includes(node.tag)))
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
        const item = new vscode.TreeItem('Notes file cannot be read — notes are read-only', vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning');
        const saving =
          status.kind === 'corrupt' && status.recoveryError
            ? `New notes cannot be saved either (the recovery file: ${status.recoveryError}).`
            : 'New notes go to the recovery file.';
        item.tooltip = `${this.notes.location.label}: ${status.kind === 'corrupt' ? status.error : ''}\nThe file is left untouched, and notes cannot be edited or deleted until it is fixed. ${saving} Click to open the file.`;
        item.command = { command: 'cndSummary.openNotesFile', title: 'Open the Notes File' };
        return item;
      }
      case 'group': {
        const labels = { paragraph: 'By paragraph', tag: 'By tag', orphaned: 'Passage no longer found' } as const;
        const item = new vscode.TreeItem(labels[node.by], node.by === 'paragraph' ? expanded : collapsed);
        item.id = `notes-${node.by}`;
        item.iconPath = new vscode.ThemeIcon(node.by === 'paragraph' ? 'list-ordered' : node.by === 'tag' ? 'tag' : 'warning');
        return item;
      }
      case 'paragraph': {
        const p = this.summary.paragraph(node.number);
        const count = this.notes.notesOn(node.number).length;
        const item = new vscode.TreeItem(`¶ ${node.number} · ${p ? this.summary.headline(p, 50) : ''}`, expanded);
        item.description = `${count} ${count === 1 ? 'note' : 'notes'}`;
        item.id = `notes-p${node.number}`;
        item.contextValue = 'cndParagraph';
        return item;
      }
      case 'tag': {
        const item = new vscode.TreeItem(node.tag === '(untagged)' ? node.tag : `#${node.tag}`, collapsed);
        item.id = `notes-t${node.tag}`;
        item.iconPath = new vscode.ThemeIcon('tag');
        return item;
      }
      case 'note': {
        const n = this.notes.get(node.id);
        if (!n) return new vscode.TreeItem('(deleted)');
        const a = this.notes.anchor(n.id);
        const firstLine = n.body.split('\n').find((l) => l.trim()) ?? '';
        const item = new vscode.TreeItem(truncate(firstLine, 60) || '(empty note)', vscode.TreeItemCollapsibleState.None);
        item.id = `note-${node.parent}-${n.id}`;
        item.description = [
          n.author,
          n.modified.slice(0, 10),
          n.resolved ? 'resolved' : '',
          a?.status === 'orphaned' ? 'orphaned' : '',
        ]
          .filter(Boolean)
          .join(' · ');
        // Plain text: a note's words are never rendered as Markdown or HTML here.
        item.tooltip = `${n.body}\n\n— ${n.author || '(no name)'}, ${n.modified.slice(0, 16).replace('T', ' ')}${n.tags.length ? `\n${n.tags.map((t) => `#${t}`).join(' ')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(n.resolved ? 'pass' : n.conflictOf ? 'git-merge' : 'note');
        item.contextValue = n.resolved ? 'cndNote.resolved' : 'cndNote';
        item.command = { command: 'cndSummary.openNote', title: 'Open Note', arguments: [n.id] };
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
