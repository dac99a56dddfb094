import * as vscode from 'vscode';
import type { Summary } from '../../core/summary/summary';
import { paragraphOfUri, paragraphUri } from '../reader';
import { longDate } from '../../core/summary/summary';

export type OutlineNode =
  | { kind: 'document'; children: OutlineNode[] }
  | { kind: 'section'; number: number; parent: OutlineNode; children: OutlineNode[] }
  | { kind: 'session'; index: number; parent: OutlineNode; children: OutlineNode[] }
  | { kind: 'challenge'; index: number; parent: OutlineNode; children: OutlineNode[] }
  | { kind: 'paragraph'; number: number; parent: OutlineNode };

/** Extra text shown after a paragraph's label (citation and note counts from other features). */
export type ParagraphBadges = (n: number) => { description?: string; tooltip?: string } | undefined;

/** Builds the outline once: document → sections → sessions → challenge → paragraphs. */
export function buildOutline(summary: Summary): { root: OutlineNode; paragraphs: Map<number, OutlineNode> } {
  const { doc } = summary;
  const root: OutlineNode = { kind: 'document', children: [] };
  const paragraphs = new Map<number, OutlineNode>();
  const para = (n: number, parent: OutlineNode): OutlineNode => {
    const node: OutlineNode = { kind: 'paragraph', number: n, parent };
    paragraphs.set(n, node);
    return node;
  };
  for (const p of doc.paragraphs.filter((x) => x.section === null)) root.children.push(para(p.number, root));
  for (const sec of doc.sections) {
    const sNode: OutlineNode = { kind: 'section', number: sec.number, parent: root, children: [] };
    root.children.push(sNode);
    const sessions = doc.sessions
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => doc.paragraphs[s.paragraphs[0] - 1].section === sec.number);
    for (const n of sec.paragraphs.filter((m) => doc.paragraphs[m - 1].session === null)) sNode.children.push(para(n, sNode));
    for (const { s, i } of sessions) {
      const sessNode: OutlineNode = { kind: 'session', index: i, parent: sNode, children: [] };
      sNode.children.push(sessNode);
      if (s.challenge !== null) {
        const cNode: OutlineNode = { kind: 'challenge', index: s.challenge, parent: sessNode, children: [] };
        sessNode.children.push(cNode);
        for (const n of s.paragraphs) cNode.children.push(para(n, cNode));
      } else {
        for (const n of s.paragraphs) sessNode.children.push(para(n, sessNode));
      }
    }
  }
  return { root, paragraphs };
}

/** The product icons of the views: each says what an item is. */
export const ICONS = {
  document: 'book',
  section: 'list-tree',
  session: 'calendar',
  challenge: 'target',
  /** A pilcrow, ¶. */
  paragraph: 'whitespace',
  organizationGroup: 'organization',
  organization: 'organization',
  statesGroup: 'globe',
  state: 'location',
} as const;

/** A screen reader's name for a tree item; the role is the tree's own. */
export function treeItemAccessibility(label: string): vscode.AccessibilityInformation {
  return { label, role: 'treeitem' };
}

/** Capitalised, as a label starts: "the importance of …" → "The importance of …". */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A paragraph in a view. The label is what the paragraph is about (its first key phrase, or its opening
 * words), so that a narrow sidebar shows words, not only a number; the number is the item's badge, at the
 * right end of the row, where a narrow sidebar still shows it (see ParagraphNumbers); the description has
 * the citation and note counts, the tooltip the whole paragraph.
 */
export function paragraphItem(summary: Summary, n: number, badges?: ParagraphBadges): vscode.TreeItem {
  const p = summary.paragraph(n);
  if (!p) return new vscode.TreeItem(`¶ ${n}`);
  const headline = sentenceCase(summary.headline(p, 120));
  const item = new vscode.TreeItem(headline, vscode.TreeItemCollapsibleState.None);
  const extra = badges?.(n);
  item.resourceUri = paragraphUri(n);
  item.description = extra?.description;
  // Plain-text tooltip: paragraph text is data, never rendered as Markdown or HTML.
  item.tooltip = `¶ ${n} · ${summary.placeOf(p)}\n\n${p.text}${extra?.tooltip ? `\n\n${extra.tooltip}` : ''}`;
  item.contextValue = 'cndParagraph';
  item.iconPath = new vscode.ThemeIcon(ICONS.paragraph);
  item.command = { command: 'cndSummary.goToParagraph', title: vscode.l10n.t('Open in the Reader'), arguments: [n] };
  item.accessibilityInformation = treeItemAccessibility(
    `${vscode.l10n.t('Paragraph {0}: {1}', n, summary.headline(p, 160))}${extra?.description ? `; ${extra.description}` : ''}`,
  );
  return item;
}

export class SessionsTree implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private outline: ReturnType<typeof buildOutline> | undefined;

  constructor(
    private readonly summary: Summary,
    private readonly badges: ParagraphBadges = () => undefined,
  ) {}

  /** The outline, made when the view first asks (the summary is unpacked on first use, not at activation). */
  get root(): OutlineNode {
    return (this.outline ??= buildOutline(this.summary)).root;
  }

  private get byNumber(): Map<number, OutlineNode> {
    return (this.outline ??= buildOutline(this.summary)).paragraphs;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  paragraphNode(n: number): OutlineNode | undefined {
    return this.byNumber.get(n);
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    if (!node) return [this.root];
    return node.kind === 'paragraph' ? [] : node.children;
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return node.kind === 'document' ? undefined : node.parent;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const { doc } = this.summary;
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const span = (numbers: number[]) => `${numbers[0]}–${numbers[numbers.length - 1]}`;
    const first = (numbers: number[]) => numbers[0];
    const last = (numbers: number[]) => numbers[numbers.length - 1];
    switch (node.kind) {
      case 'document': {
        const m = doc.metadata;
        const item = new vscode.TreeItem(vscode.l10n.t('Chair’s summary'), expanded);
        item.description = vscode.l10n.t('thematic discussions, {0}', m.meeting.text);
        item.tooltip = `${m.title}\n${m.body}, ${m.session.name}, ${m.session.place}, ${m.session.dates}\n${m.agendaItem.label}: ${m.agendaItem.title}\n${m.dateText}`;
        item.iconPath = new vscode.ThemeIcon(ICONS.document);
        item.id = 'document';
        item.command = { command: 'cndSummary.openSummary', title: vscode.l10n.t('Open the Summary') };
        item.accessibilityInformation = treeItemAccessibility(
          vscode.l10n.t('Chair’s summary of the thematic discussions, {0}', m.meeting.text),
        );
        return item;
      }
      case 'section': {
        const s = doc.sections[node.number - 1];
        const item = new vscode.TreeItem(`${s.numeral}. ${s.title}`, node.number === 2 ? expanded : collapsed);
        item.description = vscode.l10n.t('paras. {0}', span(s.paragraphs));
        item.iconPath = new vscode.ThemeIcon(ICONS.section);
        item.id = `section-${s.number}`;
        item.accessibilityInformation = treeItemAccessibility(
          vscode.l10n.t('Section {0}, {1}, paragraphs {2} to {3}', s.numeral, s.title, first(s.paragraphs), last(s.paragraphs)),
        );
        return item;
      }
      case 'session': {
        const s = doc.sessions[node.index];
        const item = new vscode.TreeItem(`(${s.letter}) ${s.title}`, collapsed);
        item.description = longDate(s.date);
        item.tooltip = `${s.title}, ${longDate(s.date)}\n${s.heading}\n${vscode.l10n.t('Paragraphs {0}', span(s.paragraphs))}`;
        item.iconPath = new vscode.ThemeIcon(ICONS.session);
        item.id = `session-${s.letter}`;
        item.contextValue = 'cndSession';
        item.accessibilityInformation = treeItemAccessibility(
          vscode.l10n.t(
            'Session ({0}), {1}, {2}, paragraphs {3} to {4}',
            s.letter,
            s.title,
            longDate(s.date),
            first(s.paragraphs),
            last(s.paragraphs),
          ),
        );
        return item;
      }
      case 'challenge': {
        // Expanded: opening a session shows its paragraphs at once.
        const c = doc.challenges[node.index];
        const item = new vscode.TreeItem(c.text, expanded);
        item.tooltip = vscode.l10n.t('2019 Ministerial Declaration challenge:\n“{0}”', c.text);
        item.iconPath = new vscode.ThemeIcon(ICONS.challenge);
        item.id = `challenge-${c.number}`;
        item.accessibilityInformation = treeItemAccessibility(
          vscode.l10n.t('Challenge of the 2019 Ministerial Declaration: {0}', c.text),
        );
        return item;
      }
      case 'paragraph': {
        const item = paragraphItem(this.summary, node.number, this.badges);
        item.id = `p-${node.number}`;
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The paragraph number as the badge of a paragraph item (a file decoration: up to two characters, which
 * 1 to 37 are), so that it shows however long the label.
 */
export class ParagraphNumbers implements vscode.FileDecorationProvider {
  constructor(private readonly summary: Summary) {}

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const n = paragraphOfUri(uri);
    if (n === undefined || !this.summary.has(n)) return undefined;
    return new vscode.FileDecoration(String(n), `¶ ${n}`);
  }
}
