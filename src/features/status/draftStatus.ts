/** How many of each severity, worst first. */
const SEVERITIES = [
  { severity: 'error', icon: '$(error)', one: 'error', many: 'errors' },
  { severity: 'warning', icon: '$(warning)', one: 'warning', many: 'warnings' },
  { severity: 'information', icon: '$(info)', one: 'information', many: 'information' },
] as const;

function plural(k: number, one: string, many: string): string {
  return `${k} ${k === 1 ? one : many}`;
}

/**
 * The draft's counts: its citations, and its problems with the icon of the worst (error, warning,
 * information). Hints are quiet by design (no squiggle, not in the Problems count), so they do not count
 * here either.
 */
export function draftStatus(citations: number, problems: readonly { severity: string }[]): { text: string; tooltip: string } {
  const counts = SEVERITIES.map((s) => ({ ...s, count: problems.filter((p) => p.severity === s.severity).length }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const worst = counts.find((c) => c.count > 0);
  const cited = plural(citations, 'citation', 'citations');
  const found =
    total === 0
      ? 'no problems found'
      : `${plural(total, 'problem', 'problems')} found (${counts
          .filter((c) => c.count > 0)
          .map((c) => plural(c.count, c.one, c.many))
          .join(', ')})`;
  return {
    text: `$(book) ${cited} ${worst?.icon ?? '$(check)'} ${total}`,
    tooltip: `${cited} of the Chair’s summary in this draft; ${found}. Click to show the Problems panel.`,
  };
}
