import * as l10n from '@vscode/l10n';
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates one paragraph number typed by the user ("24", " 24 ", "¶24", "para. 24"). */
export function parseParagraphNumber(input: string, count: number): Parsed<number> {
  const s = input.trim().replace(/^(?:¶|paras?\.?|paragraph)\s*/i, '');
  if (s === '') return { ok: false, error: l10n.t('Type a paragraph number from 1 to {0}.', count) };
  if (!/^\d+$/.test(s))
    return { ok: false, error: l10n.t('“{0}” is not a paragraph number: type a number from 1 to {1}.', truncated(input), count) };
  const n = Number(s);
  if (n < 1 || n > count)
    return { ok: false, error: l10n.t('There is no paragraph {0}: the summary has paragraphs 1 to {1}.', n, count) };
  return { ok: true, value: n };
}

/** Validates a list of paragraphs typed by the user: "24", "13-15, 22", "13–15 and 22". */
export function parseParagraphList(input: string, count: number): Parsed<number[]> {
  const s = input.trim().replace(/^(?:¶+|paras?\.?|paragraphs?)\s*/i, '');
  if (s === '') return { ok: false, error: l10n.t('Type paragraph numbers from 1 to {0}, e.g. 24 or 13-15, 22.', count) };
  const parts = s.split(/\s*(?:,|;|\band\b|&)\s*/).filter((p) => p.length > 0);
  const out = new Set<number>();
  for (const part of parts) {
    const m = /^(\d{1,6})(?:\s*(?:-|–|—|to)\s*(\d{1,6}))?$/.exec(part);
    if (!m)
      return { ok: false, error: l10n.t('“{0}” is not a paragraph number or range: use e.g. 24 or 13-15, 22.', truncated(part)) };
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (const n of [a, b]) {
      if (n < 1 || n > count)
        return { ok: false, error: l10n.t('There is no paragraph {0}: the summary has paragraphs 1 to {1}.', n, count) };
    }
    if (b < a) return { ok: false, error: l10n.t('The range {0} runs backwards: write {1}.', `${a}–${b}`, `${b}–${a}`) };
    for (let n = a; n <= b; n++) out.add(n);
  }
  return { ok: true, value: [...out].sort((x, y) => x - y) };
}

function truncated(s: string): string {
  const t = s.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
