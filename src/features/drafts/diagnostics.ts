import * as vscode from 'vscode';
import type { Severity } from '../../core/checks/levels';
import { type DraftCheck, DraftCheckSession, type DraftFix, type DraftProblem, type TextChange } from '../../core/checks/session';
import { FIXABLE_IN_BULK, fixAllEdits, type ProblemCode } from '../../core/citations/diagnostics';
import type { Summary } from '../../core/summary/summary';
import type { SupportModel } from '../../core/support/model';
import type { Settings } from '../settings';
import type { Log } from '../log';
import type { KeptCitationsStore } from './kept';
import { isDraft } from './selector';

export const SOURCE = 'CND Summary';
/** Drafts larger than this are not checked (a clear notice instead): linear checks, but still. */
export const MAX_CHECKED_CHARS = 10_000_000;
const DEBOUNCE_MS = 250;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The command a "keep this citation" fix runs (arguments: the draft's URI and the request). */
export const KEEP_COMMAND = 'cndSummary.keepCitation';

/**
 * Checks drafts as the drafter types: debounced, only the document that changed, and in it only the blocks
 * (between blank lines) whose text changed (`DraftCheckSession`). Keeps each document's problems (with their
 * fixes) for the quick-fix provider.
 */
export class DraftChecker implements vscode.Disposable, vscode.CodeActionProvider {
  /** "Fix All" (Source Action menu, `editor.codeActionsOnSave`): the mechanical style fixes only. */
  static readonly fixAllKind = vscode.CodeActionKind.SourceFixAll.append('cndSummary');
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, DraftChecker.fixAllKind];
  readonly collection = vscode.languages.createDiagnosticCollection('cndSummary');
  /** Per checked document: its problems and how many citations of the summary it has (none when too large to check). */
  private readonly problems = new Map<string, { version: number; problems: DraftProblem[]; citations?: number }>();
  private readonly sessions = new Map<string, DraftCheckSession>();
  /**
   * Per document, the edits since its last check: one edit is passed to the session (only the paragraphs
   * around it are read again); more, or none recorded, and the session finds the changed paragraphs itself.
   */
  private readonly edits = new Map<string, TextChange[] | 'many'>();
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document was checked, or forgotten (the status bar follows it). */
  readonly onDidCheck = this.checked.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly summary: Summary,
    private readonly settings: Settings,
    private readonly support: () => SupportModel,
    private readonly kept: KeptCitationsStore,
    private readonly log: Log,
  ) {}

  /** Checks now (tests and first open) or after the debounce delay (typing). */
  schedule(doc: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    if (!isDraft(doc, this.settings)) {
      this.forget(doc.uri);
      return;
    }
    if (delay === 0) {
      this.check(doc);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed) this.check(doc);
      }, delay),
    );
  }

  check(doc: vscode.TextDocument): DraftProblem[] {
    const key = doc.uri.toString();
    const text = doc.getText();
    if (text.length > MAX_CHECKED_CHARS) {
      this.log.info(
        `not checked, too large: ${vscode.workspace.asRelativePath(doc.uri)} (${(text.length / 1e6).toFixed(1)} million characters)`,
      );
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        vscode.l10n.t(
          'This draft is too large to check ({0} million characters; the limit is {1} million). Citations in it are not checked.',
          (text.length / 1e6).toFixed(1),
          MAX_CHECKED_CHARS / 1e6,
        ),
        vscode.DiagnosticSeverity.Information,
      );
      d.source = SOURCE;
      this.collection.set(doc.uri, [d]);
      this.problems.set(key, { version: doc.version, problems: [] });
      this.checked.fire(doc.uri);
      return [];
    }
    const t0 = performance.now();
    const result = this.run(doc, text);
    const ms = performance.now() - t0;
    // Slow checks are worth knowing about (a large draft); the draft's name only, never its text.
    if (ms > 50)
      this.log.info(
        `checked ${vscode.workspace.asRelativePath(doc.uri)} (${(text.length / 1e3).toFixed(0)} kB) in ${ms.toFixed(0)} ms`,
      );
    const { problems } = result;
    this.problems.set(key, { version: doc.version, problems, citations: result.citations });
    this.collection.set(
      doc.uri,
      problems.map((p) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end)),
          p.message,
          SEVERITY[p.severity],
        );
        d.source = SOURCE;
        d.code = p.check;
        return d;
      }),
    );
    this.checked.fire(doc.uri);
    return problems;
  }

  private run(doc: vscode.TextDocument, text: string): DraftCheck {
    const key = doc.uri.toString();
    let session = this.sessions.get(key);
    if (!session) this.sessions.set(key, (session = new DraftCheckSession(this.summary, this.support)));
    const edits = this.edits.get(key);
    this.edits.delete(key);
    const change = Array.isArray(edits) && edits.length === 1 ? edits[0] : undefined;
    const kept = this.kept.current();
    return session.check(
      text,
      {
        format: this.settings.citationFormat(),
        levels: this.settings.checkLevels(doc),
        ...(kept.entries.length > 0
          ? { isKept: (sentence: string, paragraphs: readonly number[]) => kept.has(sentence, paragraphs) }
          : {}),
        keptVersion: this.kept.version,
      },
      change,
    );
  }

  /** Records the edits of a change event (before the debounced check reads them). */
  noteEdits(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const known = this.edits.get(key);
    if (known === 'many') return;
    const list = known ?? [];
    for (const c of e.contentChanges) list.push({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text });
    this.edits.set(key, list.length > 1 ? 'many' : list);
  }

  /** Checks every open draft again (settings or kept citations changed). */
  recheckAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** The last check of a document: its problems and citation count (undefined: not a checked draft). */
  lastCheck(uri: vscode.Uri): { problems: DraftProblem[]; citations?: number } | undefined {
    return this.problems.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.sessions.delete(key);
    this.edits.delete(key);
    this.collection.delete(uri);
    if (this.problems.delete(key)) this.checked.fire(uri);
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    const fixAll = !!context.only && DraftChecker.fixAllKind.intersects(context.only);
    if (ours.length === 0 && !fixAll) return [];
    if (!isDraft(doc, this.settings)) return [];
    let cached = this.problems.get(doc.uri.toString());
    if (!cached || cached.version !== doc.version) cached = { version: doc.version, problems: this.check(doc) };
    if (fixAll) {
      const all = this.fixAllAction(doc, cached.problems, DraftChecker.fixAllKind);
      return all ? [all.action] : [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const start = doc.offsetAt(d.range.start);
      const end = doc.offsetAt(d.range.end);
      const problem = cached.problems.find((p) => p.start === start && p.end === end && p.check === d.code);
      if (!problem) continue;
      problem.fixes.forEach((fix, i) => actions.push(fixAction(doc, d, fix, i === 0)));
    }
    // From the light bulb of a problem that can be fixed in bulk, when there are others: all of them at once.
    const bulk = (d: vscode.Diagnostic) =>
      cached.problems.some((p) => p.check === d.code && FIXABLE_IN_BULK.has(p.code as ProblemCode));
    if (ours.some(bulk)) {
      const all = this.fixAllAction(doc, cached.problems, vscode.CodeActionKind.QuickFix);
      if (all && all.count > 1) actions.push(all.action);
    }
    return actions;
  }

  /** One action that applies every mechanical style fix of the draft, or undefined when there is none. */
  private fixAllAction(
    doc: vscode.TextDocument,
    problems: DraftProblem[],
    kind: vscode.CodeActionKind,
  ): { action: vscode.CodeAction; count: number } | undefined {
    const { edits } = fixAllEdits(problems);
    if (edits.length === 0) return undefined;
    const count = problems.filter((p) => FIXABLE_IN_BULK.has(p.code as ProblemCode) && p.fixes.length > 0).length;
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all citation style problems in this draft ({0})', count), kind);
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    action.edit = edit;
    return { action, count };
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.collection.dispose();
    this.checked.dispose();
  }
}

/** A quick fix: its edits, or (keep this citation) the command that records the dismissal in the workspace. */
function fixAction(doc: vscode.TextDocument, d: vscode.Diagnostic, fix: DraftFix, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [d];
  action.isPreferred = preferred;
  if (fix.keep) {
    action.command = { title: fix.title, command: KEEP_COMMAND, arguments: [doc.uri.toString(), fix.keep] };
    return action;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  action.edit = edit;
  return action;
}

export function registerDiagnostics(context: vscode.ExtensionContext, checker: DraftChecker): void {
  context.subscriptions.push(
    checker,
    vscode.workspace.onDidOpenTextDocument((doc) => checker.schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      checker.noteEdits(e);
      checker.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => checker.forget(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cndSummary')) checker.recheckAll();
    }),
  );
  // The documents already open are checked just after activation, not during it.
  const initial = setTimeout(() => {
    for (const doc of vscode.workspace.textDocuments) checker.schedule(doc, 0);
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initial) });
}
