import type * as vscode from 'vscode';
import { type StatusDeps, SummaryStatus } from './summaryStatus';

export { draftStatus } from './draftStatus';
export { type StatusDeps, type StatusView, SummaryStatus } from './summaryStatus';

/** The status bar item: a draft's citations and problems, the reader's paragraph. */
export function registerStatus(context: vscode.ExtensionContext, deps: StatusDeps): SummaryStatus {
  const status = new SummaryStatus(deps);
  context.subscriptions.push(status);
  return status;
}
