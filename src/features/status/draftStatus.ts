import * as vscode from 'vscode';

/** The severities counted, worst first, and how a count of each is said. */
const SEVERITIES = [
  {
    severity: 'error',
    icon: '$(error)',
    say: (k: number) => (k === 1 ? vscode.l10n.t('{0} error', k) : vscode.l10n.t('{0} errors', k)),
  },
  {
    severity: 'warning',
    icon: '$(warning)',
    say: (k: number) => (k === 1 ? vscode.l10n.t('{0} warning', k) : vscode.l10n.t('{0} warnings', k)),
  },
  { severity: 'information', icon: '$(info)', say: (k: number) => vscode.l10n.t('{0} information', k) },
] as const;

/**
 * The draft's counts: its citations, and its problems with the icon of the worst (error, warning,
 * information). Hints are quiet by design (no squiggle, not in the Problems count), so they do not count
 * here either. `label` is the tooltip without its last sentence (what a click does), for screen readers.
 */
export function draftStatus(
  citations: number,
  problems: readonly { severity: string }[],
): { text: string; tooltip: string; label: string } {
  const counts = SEVERITIES.map((s) => ({ ...s, count: problems.filter((p) => p.severity === s.severity).length }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const worst = counts.find((c) => c.count > 0);
  const cited = citations === 1 ? vscode.l10n.t('{0} citation', citations) : vscode.l10n.t('{0} citations', citations);
  const list = counts
    .filter((c) => c.count > 0)
    .map((c) => c.say(c.count))
    .join(', ');
  const found =
    total === 0
      ? vscode.l10n.t('no problems found')
      : total === 1
        ? vscode.l10n.t('{0} problem found ({1})', total, list)
        : vscode.l10n.t('{0} problems found ({1})', total, list);
  const label = vscode.l10n.t('{0} of the Chair’s summary in this draft; {1}.', cited, found);
  return {
    text: `$(book) ${cited} ${worst?.icon ?? '$(check)'} ${total}`,
    tooltip: `${label} ${vscode.l10n.t('Click to show the Problems panel.')}`,
    label,
  };
}
