// Renders hover and comment Markdown the way VS Code would, and lists whatever in it is live: links, images,
// autolinks, bare URLs and e-mail addresses made links, HTML and entities.
//
// VS Code renders a MarkdownString (hovers, comments) with `marked` in GFM mode: CommonMark plus tables,
// strikethrough and autolink literals (`www.`, `http://`, `https://`, `ftp://` and e-mail addresses become
// links with no markup). HTML is dropped unless `supportHtml`; `command:` links work only when the string is
// trusted, and then only for `enabledCommands`. markdown-it (a dev dependency; marked is not one) is
// configured here to be at least as eager: HTML on (so that anything which *would* be HTML is seen), linkify
// on with e-mail and IP addresses, and the text_join rule off so that every entity stays visible as its own
// token. linkify-it's protocol-relative `//host` links are turned off: no GFM renderer makes them, and data
// strings such as footnote URLs keep their `//` unescaped (`http\://www…` is text).
import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type Token } from 'markdown-it';

function renderer(): MarkdownItInstance {
  const md = new MarkdownIt('default', { html: true, linkify: true });
  md.linkify.set({ fuzzyEmail: true, fuzzyIP: true, fuzzyLink: true });
  md.linkify.add('//', null);
  md.core.ruler.disable('text_join');
  return md;
}

const md = renderer();

function flatten(tokens: Token[], out: Token[] = []): Token[] {
  for (const t of tokens) {
    out.push(t);
    if (t.children) flatten(t.children, out);
  }
  return out;
}

/** Every token of `markdown` as markdown-it parses it (block and inline). */
export function tokensOf(markdown: string): Token[] {
  return flatten(md.parse(markdown, {}));
}

/** A link the cards may make: one of the two trusted commands, with exactly one paragraph number, 1 to 37. */
export function isCardLink(href: string): boolean {
  const m = /^command:cndSummary\.(goToParagraph|addNote)\?(.*)$/.exec(href);
  if (!m) return false;
  let args: unknown;
  try {
    args = JSON.parse(decodeURIComponent(m[2]));
  } catch {
    return false;
  }
  return Array.isArray(args) && args.length === 1 && Number.isInteger(args[0]) && args[0] >= 1 && args[0] <= 37;
}

/**
 * What is live in `markdown`: every link (with its href) that is not a card link, every image, HTML block or
 * inline HTML, and every entity. Empty when the Markdown is inert apart from the cards' own links.
 */
export function liveMarkup(markdown: string, allowCardLinks = true): string[] {
  const found: string[] = [];
  for (const t of tokensOf(markdown)) {
    if (t.type === 'link_open') {
      const href = String(t.attrGet('href') ?? '');
      if (!(allowCardLinks && t.markup === '' && isCardLink(href))) found.push(`link (${t.markup || 'inline'}) ${href}`);
    } else if (t.type === 'image') found.push(`image ${String(t.attrGet('src'))}`);
    else if (t.type === 'html_inline' || t.type === 'html_block') found.push(`HTML ${t.content}`);
    else if (t.type === 'text_special' && t.info === 'entity') found.push(`entity ${t.markup}`);
  }
  return found;
}

/** The text a reader sees: the content of every text and code token, joined. */
export function visibleText(markdown: string): string {
  return tokensOf(markdown)
    .filter((t) => t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');
}
