/**
 * The support part of a citation's hover card: how well the cited paragraphs carry the sentence, and a
 * better paragraph when there is one. Words from the draft and the kept-citations file are escaped: text only.
 */
import * as l10n from '@vscode/l10n';
import { escapeMarkdown, escapeNoteText } from '../render/cards';
import { formatCitation } from '../citations/format';
import { findCitations } from '../citations/grammar';
import { sentences } from '../summary/sentences';
import { truncate } from '../summary/summary';
import { groupBySentence, keptSentence } from './checks';
import { judgeCitation, type Verdict } from './judge';
import type { KeptCitations, KeptEntry } from './kept';
import type { SupportModel } from './model';

/** The verdict on the citation that starts at `citationStart` in `text` (a paragraph of a draft), if it cites the summary. */
export function verdictForCitation(model: SupportModel, text: string, citationStart: number): Verdict | undefined {
  const citations = findCitations(text);
  for (const s of groupBySentence(text, citations, sentences(text))) {
    const i = s.cites.findIndex((c) => c.start === citationStart);
    if (i < 0) continue;
    return judgeCitation(model, { text, sentence: s.sentence, previous: s.previous, cites: s.cites, index: i, blank: s.cites });
  }
  return undefined;
}

function quoted(words: string[]): string {
  return words.map((w) => `“${escapeNoteText(w)}”`).join(', ');
}

/** Markdown lines for the card (escaped). */
export function supportCardMarkdown(model: SupportModel, v: Verdict, text: string, kept?: KeptCitations): string {
  const cited = formatCitation(v.cited);
  const entry: KeptEntry | undefined = kept?.find(keptSentence(text.slice(v.claim.start, v.claim.end)), v.cited);
  const lines: string[] = [];
  const matched = [...new Set(v.cited.flatMap((n) => model.matchedWords(v.analysis, n, 4)))].slice(0, 4);
  if (v.strength === 'unknown') {
    lines.push(l10n.t('**Support:** the sentence says too little to judge whether {0} supports it.', escapeMarkdown(cited)));
  } else if (v.better.length > 0) {
    const best = v.better[0];
    const words = model.matchedWords(v.analysis, best, 3);
    const p = model.summary.paragraph(best);
    lines.push(
      l10n.t(
        '**Support: weak.** {0} does not seem to discuss this sentence; a better match is **{1}**',
        escapeMarkdown(cited),
        escapeMarkdown(formatCitation([best])),
      ) +
        (words.length ? ` (${quoted(words)})` : '') +
        (p ? `: “${escapeMarkdown(truncate(p.text, 140))}”` : '.'),
    );
  } else if (v.strength === 'strong') {
    lines.push(
      matched.length
        ? l10n.t('**Support: strong.** {0} carries {1}.', escapeMarkdown(cited), quoted(matched))
        : l10n.t('**Support: strong.** {0} carries the sentence.', escapeMarkdown(cited)),
    );
  } else if (v.strength === 'partial') {
    lines.push(
      matched.length
        ? l10n.t('**Support: partial.** {0} carries {1}, not all of it.', escapeMarkdown(cited), quoted(matched))
        : l10n.t('**Support: partial.** {0} carries part of the sentence, not all of it.', escapeMarkdown(cited)),
    );
  } else {
    lines.push(
      l10n.t(
        '**Support: weak.** {0} shares little with this sentence, and no other paragraph clearly does better.',
        escapeMarkdown(cited),
      ),
    );
  }
  if (entry) {
    const who = entry.by ? l10n.t(' by {0}', escapeNoteText(entry.by)) : '';
    const when = entry.at && /^\d{4}-\d{2}-\d{2}/.test(entry.at) ? l10n.t(' on {0}', entry.at.slice(0, 10)) : '';
    lines.push(l10n.t('*Kept as is{0}{1} (.cnd/kept-citations.json): the support checks leave this citation alone.*', who, when));
  }
  return lines.join('\n\n');
}
