import type { ParagraphBadges } from './sessionsTree';

/** One badge from several: "cited 3× · 2 notes". */
export function joinBadges(...sources: ParagraphBadges[]): ParagraphBadges {
  return (n) => {
    const parts = sources.map((s) => s(n)).filter((b) => b !== undefined);
    if (parts.length === 0) return undefined;
    return {
      description: parts
        .map((p) => p.description)
        .filter(Boolean)
        .join(' · '),
      tooltip: parts
        .map((p) => p.tooltip)
        .filter(Boolean)
        .join('\n'),
    };
  };
}
