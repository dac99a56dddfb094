/** `cnd-summary cites <file|->`: the citations in a draft, as lines or as JSON, written as they are found. */
import { formatCitation } from '../core/citations/format';
import { type Citation, findCitations } from '../core/citations/grammar';
import { LineCursor } from '../core/summary/lines';
import { UsageError } from './args';
import { type CliCommand, InputError, JSON_ONLY, oneLine } from './command';
import { readDraft } from './drafts';
import { type OutputWriter, printablePath } from './output';
import { CITATION_PIECE_SIZES, scanInPieces, type WindowScan } from './pieces';

function citationScan(window: string): WindowScan<Citation> {
  const citations = findCitations(window);
  return { spans: citations, items: citations };
}

/**
 * One citation as `JSON.stringify(array, null, 2)` writes an element: so the streamed array is, byte for
 * byte, what stringifying the whole array gave.
 */
function jsonElement(c: Citation, base: number): string {
  const element = { start: base + c.start, end: base + c.end, text: c.text, paragraphs: c.paragraphs, external: c.external };
  return `  ${JSON.stringify(element, null, 2).replace(/\n/g, '\n  ')}`;
}

async function writeJson(text: string, out: OutputWriter): Promise<void> {
  let count = 0;
  for (const piece of scanInPieces(text, citationScan, (c) => c.start, CITATION_PIECE_SIZES)) {
    for (const c of piece.items) {
      if (!out.write(`${count++ === 0 ? '[\n' : ',\n'}${jsonElement(c, piece.base)}`)) await out.flush();
      if (out.closed) return;
    }
  }
  out.write(count === 0 ? '[]\n' : '\n]\n');
}

async function writeLines(text: string, out: OutputWriter): Promise<void> {
  const cursor = new LineCursor(text);
  for (const piece of scanInPieces(text, citationScan, (c) => c.start, CITATION_PIECE_SIZES)) {
    for (const c of piece.items) {
      const { line, character } = cursor.at(piece.base + c.start);
      const meaning = c.external ? `(another document: ${oneLine(c.externalReason ?? '')})` : `→ ${formatCitation(c.paragraphs)}`;
      if (!out.write(`${line + 1}:${character + 1}  ${oneLine(c.text)}  ${meaning}\n`)) await out.flush();
      // The reader has gone (`| head -1`): nothing more to do.
      if (out.closed) return;
    }
  }
}

export const cites: CliCommand = {
  usage: 'cites <file|-> [--json]         the citations in a draft (UTF-16 offsets)',
  options: JSON_ONLY,
  async run(args, _summary, io, out) {
    if (args.positional.length !== 1) throw new UsageError('cites needs one file, or - for standard input');
    const path = args.positional[0];
    const draft = await readDraft(path, true, io);
    if (draft.kind !== 'text') throw new InputError(draft.reason);
    if (draft.warning) io.err(`cnd-summary cites: ${path === '-' ? 'standard input' : printablePath(path)}: ${draft.warning}\n`);
    if (args.options.has('json')) await writeJson(draft.text, out);
    else await writeLines(draft.text, out);
    return 0;
  },
};
