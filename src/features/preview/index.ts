import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import { citationPreviewPlugin } from '../../core/preview';
import type { Summary } from '../../core/summary';
import type { Reader } from '../reader';

export interface Preview {
  /** Returned from `activate`: VS Code's Markdown preview calls it with its markdown-it instance. */
  extendMarkdownIt: (md: MarkdownIt) => MarkdownIt;
  /** The link a citation of paragraph `n` gets in the preview. */
  href: (n: number) => string;
}

/**
 * Citations in the built-in Markdown preview become links (`contributes["markdown.markdownItPlugins"]`).
 * The preview's webview follows only http(s), mailto and the product's own URI scheme, so on the desktop
 * the links are `vscode://<this extension>/paragraph?n=24`, which this extension's URI handler opens in
 * the reader. In the browser (vscode.dev, code-server) VS Code hands such links to the operating system
 * ("open in desktop VS Code?"), so there a citation links to its own anchor in the preview: the tooltip
 * still shows the paragraph's opening words, and Ctrl+click in the editor opens the reader.
 */
export function registerPreview(context: vscode.ExtensionContext, deps: { summary: Summary; reader: Reader }): Preview {
  const base = vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: context.extension.id, path: '/paragraph' });
  const desktop = vscode.env.uiKind === vscode.UIKind.Desktop;
  const href = (n: number) => (desktop ? base.with({ query: `n=${n}` }).toString(true) : `#cnd-paragraph-${n}`);
  context.subscriptions.push(
    vscode.window.registerUriHandler({
      handleUri: async (uri) => {
        const n = uri.path === '/paragraph' ? Number(/(?:^|&)n=(\d{1,3})(?:&|$)/.exec(uri.query)?.[1]) : NaN;
        if (deps.summary.has(n)) await deps.reader.show(n);
        else
          void vscode.window.showWarningMessage(
            `This link does not name a paragraph of the Chair’s summary (1–${deps.summary.count}).`,
          );
      },
    }),
  );
  const plugin = citationPreviewPlugin(deps.summary, { href });
  return { extendMarkdownIt: (md) => md.use(plugin), href };
}
