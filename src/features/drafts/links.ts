import * as vscode from 'vscode';
import { type Log, messageOf } from '../log';
import { findCitations, numberAt } from '../../core/citations/grammar';
import type { Summary } from '../../core/summary/summary';
import { isReaderTab, READER_URI, type Reader } from '../reader';

/** The command a paragraph number's link runs (Ctrl+click): not in the Command Palette. */
export const FOLLOW_CITATION_COMMAND = 'cndSummary.followCitationLink';

/**
 * The link of a paragraph number in a draft: a command that opens the reader beside the draft (or where it
 * is already) with the paragraph highlighted. A link to the reader's URI would open it in the draft's own
 * group, hiding the draft.
 */
export function paragraphLink(n: number): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: FOLLOW_CITATION_COMMAND, query: JSON.stringify([n]) });
}

/** How long after a Ctrl+click VS Code's own Go to Definition may still open the reader in the draft's group. */
const DEFINITION_GRACE_MS = 2000;

/**
 * Follows a citation's link (Ctrl+click on a number): shows the paragraph in the reader beside the draft.
 *
 * VS Code runs both the link and Go to Definition on one Ctrl+click, and Go to Definition opens the reader
 * in the draft's own group. So the reader is shown in another group than the draft's, and a reader tab
 * that opens in the draft's group within two seconds of the click is closed: the draft stays in view, and
 * there is one reader tab. Go to Definition by itself (F12, Ctrl+Alt+click, Peek) is left as VS Code does it.
 */
export class CitationLinkFollower implements vscode.Disposable {
  private watch: vscode.Disposable | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closing: Promise<void> = Promise.resolve();

  constructor(
    private readonly summary: Summary,
    private readonly reader: Reader,
    private readonly log: Log,
  ) {}

  async follow(arg: unknown): Promise<number | undefined> {
    const n = typeof arg === 'number' && this.summary.has(arg) ? arg : undefined;
    if (n === undefined) return undefined;
    const draftGroup = vscode.window.tabGroups.activeTabGroup.viewColumn;
    this.closeDuplicatesFor(draftGroup);
    await this.reader.show(n, { except: draftGroup });
    await this.closeReaderTabsIn(draftGroup);
    return n;
  }

  /** For a moment, a reader tab opening in the draft's group is Go to Definition's: closed. */
  private closeDuplicatesFor(group: vscode.ViewColumn): void {
    this.stopWatching();
    this.watch = vscode.window.tabGroups.onDidChangeTabs((e) => {
      if ([...e.opened, ...e.changed].some((t) => isReaderTab(t) && t.group.viewColumn === group))
        void this.closeReaderTabsIn(group);
    });
    this.timer = setTimeout(() => this.stopWatching(), DEFINITION_GRACE_MS);
  }

  /** Closes the reader tabs of a group; one close at a time, each looking at the tabs as they are then. */
  private closeReaderTabsIn(group: vscode.ViewColumn): Promise<void> {
    this.closing = this.closing
      .then(async () => {
        const tabs = vscode.window.tabGroups.all.filter((g) => g.viewColumn === group).flatMap((g) => g.tabs.filter(isReaderTab));
        if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
      })
      .catch((e: unknown) => {
        this.log.error(`could not close the second reader tab Go to Definition opened: ${messageOf(e)}`);
        void vscode.window.showWarningMessage(
          vscode.l10n.t('CND Summary: could not close the second reader tab Go to Definition opened: {0}', messageOf(e)),
        );
      });
    return this.closing;
  }

  private stopWatching(): void {
    this.watch?.dispose();
    this.watch = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stopWatching();
  }
}

/** Go to Definition (F12, Ctrl+Alt+click to the side, Peek) lands on the paragraph in the reader: VS Code places it. */
export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly summary: Summary,
    private readonly reader: Reader,
  ) {}

  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.Location[] | undefined {
    const line = doc.lineAt(pos.line).text;
    const c = findCitations(line).find((x) => !x.external && pos.character >= x.start && pos.character <= x.end);
    if (!c) return undefined;
    const n = numberAt(c, pos.character);
    const numbers = (n ? [n.value] : c.paragraphs).filter((x) => this.summary.has(x));
    const out: vscode.Location[] = [];
    for (const x of numbers) {
      const range = this.reader.range(x);
      if (range) out.push(new vscode.Location(READER_URI, new vscode.Range(range.start, range.start)));
    }
    return out.length ? out : undefined;
  }
}

/** Each paragraph number in a citation is a link that opens the reader there. */
export class CitationLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly summary: Summary) {}

  provideDocumentLinks(doc: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    const text = doc.getText();
    for (const c of findCitations(text)) {
      if (token.isCancellationRequested) break;
      if (c.external) continue;
      for (const n of c.numbers) {
        if (!this.summary.has(n.value)) continue;
        const link = new vscode.DocumentLink(
          new vscode.Range(doc.positionAt(n.start), doc.positionAt(n.end)),
          paragraphLink(n.value),
        );
        link.tooltip = vscode.l10n.t('Open ¶ {0} in the reader', n.value);
        links.push(link);
      }
    }
    return links;
  }
}
