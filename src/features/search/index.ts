import * as vscode from 'vscode';
import { type InsertCitationDeps, insertCitationCommand } from './insertCitation';
import { type PickerDeps, SearchPicker } from './picker';
import { findRelated, type RelatedDeps } from './related';

export type { PickerOutcome } from './picker';

export type SearchDeps = PickerDeps & RelatedDeps & InsertCitationDeps;

/** What tests (and other extensions) can see of the search picker. */
export interface SearchFeature {
  isPickerOpen(): boolean;
  /** The paragraph numbers of the picker's active and checked items, as the workbench last reported them. */
  pickerState(): { value: string; active: number[]; selected: number[] } | undefined;
}

/** The search QuickPick, find-related and insert-citation commands. */
export function registerSearch(context: vscode.ExtensionContext, deps: SearchDeps): SearchFeature {
  const picker = new SearchPicker(deps);
  context.subscriptions.push(
    vscode.commands.registerCommand('cndSummary.search', (query?: unknown) =>
      picker.pick({ value: typeof query === 'string' ? query : '' }),
    ),
    vscode.commands.registerCommand('cndSummary.findRelated', (passage?: unknown) => findRelated(deps, picker, passage)),
    vscode.commands.registerCommand('cndSummary.insertCitation', (numbers?: unknown) => insertCitationCommand(deps, numbers)),
  );
  return { isPickerOpen: () => picker.isOpen(), pickerState: () => picker.state() };
}
