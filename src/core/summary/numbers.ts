export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates one paragraph number typed by the user ("24", " 24 ", "¶24", "para. 24"). */
export function parseParagraphNumber(input: string, count: number): Parsed<number> {
  const s = input.trim().replace(/^(?:¶|paras?\.?|paragraph)\s*/i, '');
  if (s === '') return { ok: false, error: `Type a paragraph number from 1 to ${count}.` };
  if (!/^\d+$/.test(s))
    return { ok: false, error: `“${truncated(input)}” is not a paragraph number: type a number from 1 to ${count}.` };
  const n = Number(s);
  if (n < 1 || n > count) return { ok: false, error: `There is no paragraph ${n}: the summary has paragraphs 1 to ${count}.` };
  return { ok: true, value: n };
}

/** Validates a list of paragraphs typed by the user: "24", "13-15, 22", "13–15 and 22". */
export function parseParagraphList(input: string, count: number): Parsed<number[]> {
  const s = input.trim().replace(/^(?:¶+|paras?\.?|paragraphs?)\s*/i, '');
  if (s === '') return { ok: false, error: `Type paragraph numbers from 1 to ${count}, e.g. 24 or 13-15, 22.` };
  const parts = s.split(/\s*(?:,|;|\band\b|&)\s*/).filter((p) => p.length > 0);
  const out = new Set<number>();
  for (const part of parts) {
    const m = /^(\d{1,6})(?:\s*(?:-|–|—|to)\s*(\d{1,6}))?$/.exec(part);
    if (!m) return { ok: false, error: `“${truncated(part)}” is not a paragraph number or range: use e.g. 24 or 13-15, 22.` };
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (const n of [a, b]) {
      if (n < 1 || n > count)
        return { ok: false, error: `There is no paragraph ${n}: the summary has paragraphs 1 to ${count}.` };
    }
    if (b < a) return { ok: false, error: `The range ${a}–${b} runs backwards: write ${b}–${a}.` };
    for (let n = a; n <= b; n++) out.add(n);
  }
  return { ok: true, value: [...out].sort((x, y) => x - y) };
}

function truncated(s: string): string {
  const t = s.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
