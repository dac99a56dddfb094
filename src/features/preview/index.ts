import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import { citationPreviewPlugin, PREVIEW_CHECKS, type PreviewCheck } from '../../core/render/preview';
import type { Level } from '../../core/checks/levels';
import type { Summary } from '../../core/summary/summary';
import { paragraphUri, type Reader } from '../reader';
import type { Log } from '../log';
import type { Settings } from '../settings';
import { ParagraphLinkOpener } from './paragraphLinks';

export interface Preview {
  /** Returned from `activate`: VS Code's Markdown preview calls it with its markdown-it instance. */
  extendMarkdownIt: (md: MarkdownIt) => MarkdownIt;
  /** The link a citation of paragraph `n` gets in the preview. */
  href: (n: number) => string;
}

export interface PreviewDeps {
  summary: Summary;
  reader: Reader;
  settings: Settings;
  log: Log;
}

/**
 * Citations in the built-in Markdown preview become links (`contributes["markdown.markdownItPlugins"]`),
 * and citations the checks reject are marked (`contributes["markdown.previewStyles"]`). A click opens the
 * reader at the paragraph. On the desktop the link is `vscode://<this extension>/paragraph?n=24`, which
 * the preview's webview lets through to this extension's URI handler; in the browser (vscode.dev,
 * code-server) the webview does not, so there the link is `cnd-summary.paragraph:/24`, which the preview
 * hands to VS Code to open (see ParagraphLinkOpener).
 */
export function registerPreview(context: vscode.ExtensionContext, deps: PreviewDeps): Preview {
  const { summary, reader, settings } = deps;
  const base = vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: context.extension.id, path: '/paragraph' });
  const desktop = vscode.env.uiKind === vscode.UIKind.Desktop;
  const href = (n: number) => (desktop ? base.with({ query: `n=${n}` }) : paragraphUri(n)).toString(true);
  context.subscriptions.push(
    new ParagraphLinkOpener(summary, reader, deps.log),
    vscode.window.registerUriHandler({
      handleUri: async (uri) => {
        const n = uri.path === '/paragraph' ? Number(/(?:^|&)n=(\d{1,3})(?:&|$)/.exec(uri.query)?.[1]) : NaN;
        if (summary.has(n)) await reader.show(n);
        else
          void vscode.window.showWarningMessage(
            vscode.l10n.t('This link does not name a paragraph of the Chair’s summary (1–{0}).', summary.count),
          );
      },
    }),
  );
  const plugin = citationPreviewPlugin(summary, { href, levels: (env) => previewLevels(settings, env) });
  return { extendMarkdownIt: (md) => md.use(plugin), href };
}

/** The levels of the checks the preview shows, for the previewed document (VS Code passes it in `env`). */
function previewLevels(settings: Settings, env: unknown): Record<PreviewCheck, Level> {
  const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  const uri = document instanceof vscode.Uri ? document : undefined;
  const levels = settings.checkLevels(uri ? { languageId: 'markdown', uri } : undefined);
  return Object.fromEntries(PREVIEW_CHECKS.map((c) => [c, levels[c]])) as Record<PreviewCheck, Level>;
}
