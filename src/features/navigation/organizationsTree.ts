import * as vscode from 'vscode';
import { entityLabel, entitySummaryLines, ORGANIZATION_KINDS, type OrganizationKind } from '../../core/summary/directory';
import type { Summary } from '../../core/summary/summary';
import { ICONS, type ParagraphBadges, paragraphItem, treeItemAccessibility } from './sessionsTree';

export type DirectoryNode =
  | { kind: 'group'; label: string; key: string; children: DirectoryNode[] }
  | { kind: 'entity'; id: string; parent: DirectoryNode; children: DirectoryNode[] }
  | { kind: 'paragraph'; number: number; parent: DirectoryNode };

const STATES_KEY = 'member-states';

/** Organizations by kind (and Member States by regional group) → entity → paragraphs naming it. */
export class OrganizationsTree implements vscode.TreeDataProvider<DirectoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DirectoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private built: DirectoryNode[] | undefined;

  constructor(
    private readonly summary: Summary,
    private readonly badges: ParagraphBadges = () => undefined,
  ) {}

  /** The groups of the view, made when it is first shown (the summary is unpacked on first use, not at activation). */
  get groups(): DirectoryNode[] {
    return (this.built ??= this.build());
  }

  private build(): DirectoryNode[] {
    const groups: DirectoryNode[] = [];
    const { summary } = this;
    const { organizations, states } = summary.directory;
    for (const kind of Object.keys(ORGANIZATION_KINDS) as OrganizationKind[]) {
      const members = organizations.filter((o) => o.kind === kind && summary.paragraphsMentioning(o.id).length > 0);
      if (members.length === 0) continue;
      const group: DirectoryNode = { kind: 'group', label: kindLabel(kind), key: kind, children: [] };
      for (const o of members) group.children.push(this.entityNode(o.id, group));
      groups.push(group);
    }
    const named = states.filter((s) => summary.paragraphsMentioning(s.id).length > 0);
    if (named.length > 0) {
      const group: DirectoryNode = { kind: 'group', label: vscode.l10n.t('Member States'), key: STATES_KEY, children: [] };
      for (const s of named) group.children.push(this.entityNode(s.id, group));
      groups.push(group);
    }
    return groups;
  }

  private entityNode(id: string, parent: DirectoryNode): DirectoryNode {
    const node: DirectoryNode = { kind: 'entity', id, parent, children: [] };
    for (const n of this.summary.paragraphsMentioning(id)) node.children.push({ kind: 'paragraph', number: n, parent: node });
    return node;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: DirectoryNode): DirectoryNode[] {
    if (!node) return this.groups;
    return node.kind === 'paragraph' ? [] : node.children;
  }

  getParent(node: DirectoryNode): DirectoryNode | undefined {
    return node.kind === 'group' ? undefined : node.parent;
  }

  getTreeItem(node: DirectoryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const states = node.key === STATES_KEY;
        const count = node.children.length;
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(states ? ICONS.statesGroup : ICONS.organizationGroup);
        item.id = `group-${node.key}`;
        item.accessibilityInformation = treeItemAccessibility(
          states
            ? count === 1
              ? vscode.l10n.t('{0}: {1} State named in the summary', node.label, count)
              : vscode.l10n.t('{0}: {1} States named in the summary', node.label, count)
            : count === 1
              ? vscode.l10n.t('{0}: {1} organization named in the summary', node.label, count)
              : vscode.l10n.t('{0}: {1} organizations named in the summary', node.label, count),
        );
        return item;
      }
      case 'entity': {
        const e = this.summary.entity(node.id);
        const count = node.children.length;
        const label = e ? entityLabel(e) : node.id;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = count === 1 ? vscode.l10n.t('{0} para.', count) : vscode.l10n.t('{0} paras.', count);
        if (e) item.tooltip = entitySummaryLines(e).join('\n');
        item.iconPath = new vscode.ThemeIcon(e?.type === 'state' ? ICONS.state : ICONS.organization);
        item.id = `entity-${node.id}`;
        item.contextValue = 'cndEntity';
        item.accessibilityInformation = treeItemAccessibility(
          count === 1
            ? vscode.l10n.t('{0}, named in {1} paragraph', label.replace(' — ', ', '), count)
            : vscode.l10n.t('{0}, named in {1} paragraphs', label.replace(' — ', ', '), count),
        );
        return item;
      }
      case 'paragraph': {
        const item = paragraphItem(this.summary, node.number, this.badges);
        item.id = `entity-${node.parent.kind === 'entity' ? node.parent.id : ''}-p-${node.number}`;
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A group's name: the kind of organization (`ORGANIZATION_KINDS`, in English), in the user's language. */
function kindLabel(kind: OrganizationKind): string {
  switch (kind) {
    case 'un-entity':
      return vscode.l10n.t('United Nations entity');
    case 'unodc-unit':
      return vscode.l10n.t('UNODC office or unit');
    case 'treaty-body':
      return vscode.l10n.t('Treaty body');
    case 'intergovernmental':
      return vscode.l10n.t('Intergovernmental organization');
    case 'regional':
      return vscode.l10n.t('Regional organization');
    case 'civil-society':
      return vscode.l10n.t('Civil society');
    case 'group-of-states':
      return vscode.l10n.t('Group of States');
  }
}
