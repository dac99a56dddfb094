/** `cnd-summary cites <file|->`: the citations in a draft, as lines or as JSON. */
import { formatCitation } from '../core/citations/format';
import { findCitations } from '../core/citations/grammar';
import { lineAndCharacter, lineStarts } from '../core/lines';
import { UsageError } from './args';
import { type CliCommand, InputError, json, JSON_ONLY } from './command';
import { readDraft } from './drafts';

export const cites: CliCommand = {
  usage: 'cites <file|-> [--json]         the citations in a draft (UTF-16 offsets)',
  options: JSON_ONLY,
  async run(args, _summary, io, out) {
    if (args.positional.length !== 1) throw new UsageError('cites needs one file, or - for standard input');
    const draft = await readDraft(args.positional[0], true, io);
    if (draft.kind !== 'text') throw new InputError(draft.reason);
    const text = draft.text;
    const found = findCitations(text);
    if (args.options.has('json')) {
      out.write(
        json(found.map((c) => ({ start: c.start, end: c.end, text: c.text, paragraphs: c.paragraphs, external: c.external }))),
      );
      return 0;
    }
    const starts = lineStarts(text);
    for (const c of found) {
      const { line, character } = lineAndCharacter(starts, c.start);
      const meaning = c.external ? `(another document: ${c.externalReason ?? ''})` : `→ ${formatCitation(c.paragraphs)}`;
      if (!out.write(`${line + 1}:${character + 1}  ${c.text}  ${meaning}\n`)) await out.flush();
      // The reader has gone (`| head -1`): nothing more to do.
      if (out.closed) return 0;
    }
    return 0;
  },
};
