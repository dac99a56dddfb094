import * as vscode from 'vscode';
import { READER_STYLES, type ReaderOutlineEntry, type ReaderStyle } from '../../core/render/reader';
import type { Reader } from './reader';

/**
 * The semantic token type of each reader style, declared in package.json (`semanticTokenTypes`) and mapped
 * there to the TextMate scopes every theme styles (`semanticTokenScopes`: a heading is `markup.heading`, a
 * key phrase `markup.bold`…), so that the reader looks like formatted text in the user's own theme, high
 * contrast included — in every editor that shows it, peek views too.
 */
export const READER_TOKEN_TYPES: Readonly<Record<ReaderStyle, string>> = {
  title: 'cndTitle',
  heading: 'cndHeading',
  paragraphNumber: 'cndParagraphNumber',
  keyPhrase: 'cndKeyPhrase',
  emphasis: 'cndEmphasis',
  footnoteMark: 'cndFootnoteMark',
  challenge: 'cndChallenge',
  meta: 'cndMeta',
};

export const READER_TOKENS_LEGEND = new vscode.SemanticTokensLegend(READER_STYLES.map((s) => READER_TOKEN_TYPES[s]));

/** The reader's styles (paragraph numbers, headings, key phrases…) as semantic tokens: its text has no markup. */
export class ReaderTokens implements vscode.DocumentSemanticTokensProvider {
  private tokens: vscode.SemanticTokens | undefined;

  constructor(private readonly reader: Reader) {}

  provideDocumentSemanticTokens(): vscode.SemanticTokens {
    this.tokens ??= this.build();
    return this.tokens;
  }

  private build(): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(READER_TOKENS_LEGEND);
    // The builder wants tokens in order of position, and no two at one place: a key phrase inside an
    // emphasised title is rare, and the later one wins.
    const spans = [...this.reader.layout.spans].sort((a, b) => a.line - b.line || a.start - b.start);
    let last: { line: number; end: number } | undefined;
    for (const span of spans) {
      if (last && last.line === span.line && span.start < last.end) continue;
      builder.push(span.line, span.start, span.end - span.start, READER_STYLES.indexOf(span.style));
      last = span;
    }
    return builder.build();
  }
}

const SYMBOL_KINDS: Record<ReaderOutlineEntry['kind'], vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  session: vscode.SymbolKind.Event,
  paragraph: vscode.SymbolKind.String,
  footnotes: vscode.SymbolKind.Field,
};

/**
 * The document's parts — sections, sessions, paragraphs — for the Outline view, breadcrumbs, sticky
 * scroll and Go to Symbol (`Ctrl+Shift+O`, where typing `24.` finds paragraph 24), and for folding.
 */
export class ReaderOutline implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  constructor(private readonly reader: Reader) {}

  provideDocumentSymbols(): vscode.DocumentSymbol[] {
    const symbol = (e: ReaderOutlineEntry): vscode.DocumentSymbol => {
      const s = new vscode.DocumentSymbol(
        e.name,
        e.detail,
        SYMBOL_KINDS[e.kind],
        new vscode.Range(e.start, 0, e.end, Number.MAX_SAFE_INTEGER),
        new vscode.Range(e.nameLine, e.nameStart, e.nameLine, e.nameEnd),
      );
      s.children = e.children.map(symbol);
      return s;
    };
    return this.reader.layout.outline.map(symbol);
  }

  provideFoldingRanges(): vscode.FoldingRange[] {
    const ranges: vscode.FoldingRange[] = [];
    const walk = (entries: readonly ReaderOutlineEntry[]) => {
      for (const e of entries) {
        if (e.end > e.start) ranges.push(new vscode.FoldingRange(e.start, e.end, vscode.FoldingRangeKind.Region));
        walk(e.children);
      }
    };
    walk(this.reader.layout.outline);
    return ranges;
  }
}

/** The summary's web addresses (a paragraph's link, a footnote's source) open in the browser. */
export class ReaderLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly reader: Reader) {}

  provideDocumentLinks(): vscode.DocumentLink[] {
    return this.reader.layout.links.filter(isWebAddress).map((l) => {
      const link = new vscode.DocumentLink(new vscode.Range(l.line, l.start, l.line, l.end), vscode.Uri.parse(l.url));
      link.tooltip = vscode.l10n.t('Open {0}', l.url);
      return link;
    });
  }
}

/** Only web addresses become links (the data is bundled, but a link is a place to go). */
function isWebAddress(l: { url: string }): boolean {
  return /^https?:\/\/[^\s]+$/.test(l.url);
}
