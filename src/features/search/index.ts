import * as vscode from 'vscode';
import { formatCitation } from '../../core/citations/format';
import { parseParagraphList } from '../../core/summary/numbers';
import type { SearchHit, SearchResponse } from '../../core/search/engine';
import { makeSnippet } from '../../core/search/snippet';
import type { SupportModel } from '../../core/support/model';
import { relatedParagraphs } from '../../core/support/related';
import type { SearchIndex } from '../../core/search/lazy';
import { sentenceAt } from '../../core/summary/sentences';
import type { Summary } from '../../core/summary/summary';
import { insertCitation, insertQuotation } from '../citations/insert';
import { isReader, type Reader } from '../reader';
import type { Settings } from '../settings';

export interface SearchDeps {
  summary: Summary;
  engine: SearchIndex;
  reader: Reader;
  settings: Settings;
  /** The support model: Find Related ranks with it, as the checks and the completion do. */
  support: () => SupportModel;
}

interface HitItem extends vscode.QuickPickItem {
  hit?: SearchHit;
}

const OPEN: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('book'), tooltip: 'Open in the reader' };
/**
 * How many results the picker lists: every paragraph of the summary can be a match (a broad word such as
 * "drug" matches most of them), and a drafter scrolls for the one remembered; notes come on top of those.
 */
const PICKER_LIMIT = 100;
const QUOTE: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('quote'),
  tooltip: 'Insert a quotation with its citation',
};
const COPY: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy the citation' };
const NOTE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('comment-add'), tooltip: 'Add a note on this paragraph' };

/** What the picker is doing, for the integration tests and for callers that await a result. */
export interface PickerOutcome {
  action: 'inserted' | 'opened' | 'copied' | 'quoted' | 'cancelled';
  numbers: number[];
  text?: string;
}

/** The search QuickPick, find-related and insert-citation commands. */
/** What tests (and other extensions) can see of the search picker. */
export interface SearchFeature {
  isPickerOpen(): boolean;
  /** The paragraph numbers of the picker's active and checked items, as the workbench last reported them. */
  pickerState(): { value: string; active: number[]; selected: number[] } | undefined;
}

export function registerSearch(context: vscode.ExtensionContext, deps: SearchDeps): SearchFeature {
  const { summary, engine, reader, settings } = deps;
  let open = false;
  let current: vscode.QuickPick<HitItem> | undefined;

  const toItems = (response: SearchResponse): HitItem[] => {
    if (response.error) return [{ label: `$(warning) ${response.error}`, alwaysShow: true }];
    return response.hits.map((hit) => {
      const p = summary.paragraph(hit.number);
      const isNote = hit.kind === 'note';
      return {
        label: isNote ? `$(note) ¶ ${hit.number}` : `¶ ${hit.number}`,
        description: isNote ? 'note' : p ? summary.placeOf(p) : '',
        detail: hit.snippet.text,
        alwaysShow: true,
        buttons: isNote ? [OPEN, COPY] : [OPEN, QUOTE, COPY, NOTE],
        hit,
      };
    });
  };

  const citationFor = (numbers: number[]) => formatCitation(numbers, settings.citationFormat());

  const quotationOf = (hit: SearchHit): string => {
    const p = summary.paragraph(hit.number);
    if (!p) return '';
    // The sentence of the paragraph where the match is, or the paragraph's first sentence.
    const flat = p.text.replace(/\s/g, ' ');
    const offset = hit.kind === 'paragraph' ? (hit.snippet.firstMatch ?? 0) : 0;
    const s = sentenceAt(flat, offset);
    return s ? flat.slice(s.start, s.end) : flat;
  };

  const pick = (initial: { value?: string; response?: SearchResponse; title?: string; insertAt?: vscode.Position }) =>
    new Promise<PickerOutcome>((resolve) => {
      const target = vscode.window.activeTextEditor;
      const draft = target && !isReader(target.document) ? target : undefined;
      const qp = vscode.window.createQuickPick<HitItem>();
      const baseTitle = initial.title ?? 'Search the Chair’s summary';
      qp.title = baseTitle;
      qp.placeholder = draft
        ? 'Words, "a phrase", org:interpol, session:2, date:2021-10-20, para:30-35 — Enter inserts the citation; check several to cite them together'
        : 'Words, "a phrase", org:interpol, session:2, date:2021-10-20, para:30-35 — Enter opens the paragraph';
      qp.canSelectMany = true;
      qp.matchOnDescription = false;
      qp.matchOnDetail = false;
      let outcome: PickerOutcome = { action: 'cancelled', numbers: [] };
      // The action started by accept or a button; the picker's promise waits for it.
      let pending: Promise<unknown> = Promise.resolve();
      let shownFor: string | undefined;
      const show = (response: SearchResponse) => {
        // Checked results stay checked while the query changes: check one, refine, check another, Enter.
        const checked = qp.selectedItems.filter((i) => i.hit);
        const fresh = toItems(response).map((item) => checked.find((c) => c.hit!.id === item.hit?.id) ?? item);
        qp.items = [...checked.filter((c) => !fresh.includes(c)), ...fresh];
        if (checked.length) qp.selectedItems = checked;
        const note = response.error ?? response.message;
        qp.title = note ? `${baseTitle} — ${note}` : baseTitle;
      };
      const disposables: vscode.Disposable[] = [
        qp.onDidChangeValue((value) => {
          // The workbench also reports the initial value back: nothing to search again.
          if (value === shownFor) return;
          shownFor = value;
          show(engine.search(value, { limit: PICKER_LIMIT }));
        }),
        qp.onDidTriggerItemButton((e) => {
          pending = onButton(e);
        }),
        qp.onDidAccept(() => {
          pending = onAccept();
        }),
        qp.onDidHide(() => {
          open = false;
          if (current === qp) current = undefined;
          // Accept and the buttons hide the picker before they finish: wait for them.
          setTimeout(() => {
            void pending
              .then(undefined, (err: unknown) => {
                void vscode.window.showErrorMessage(`CND Summary: ${err instanceof Error ? err.message : String(err)}`);
              })
              .then(() => {
                for (const d of disposables) d.dispose();
                qp.dispose();
                resolve(outcome);
              });
          }, 0);
        }),
      ];
      const onButton = async (e: vscode.QuickPickItemButtonEvent<HitItem>) => {
        const hit = e.item.hit;
        if (!hit) return;
        if (e.button === OPEN) {
          outcome = { action: 'opened', numbers: [hit.number] };
          qp.hide();
          if (hit.kind === 'note') await vscode.commands.executeCommand('cndSummary.openNote', hit.id.replace(/^n:/, ''));
          else await reader.show(hit.number);
        } else if (e.button === NOTE) {
          outcome = { action: 'opened', numbers: [hit.number] };
          qp.hide();
          await vscode.commands.executeCommand('cndSummary.addNote', hit.number);
        } else if (e.button === COPY) {
          const text = citationFor([hit.number]);
          await vscode.env.clipboard.writeText(text);
          outcome = { action: 'copied', numbers: [hit.number], text };
          vscode.window.setStatusBarMessage(`Copied “${text}”`, 3000);
        } else if (e.button === QUOTE) {
          if (!draft) {
            void vscode.window.showInformationMessage('Open a draft to insert a quotation into it.');
            return;
          }
          qp.hide();
          const text = await insertQuotation(draft, quotationOf(hit), hit.number, settings.citationFormat());
          outcome = { action: 'quoted', numbers: [hit.number], text };
        }
      };
      const onAccept = async () => {
        // Checked items, else the focused one, else (Enter straight from the input box) the best match.
        const picked = qp.selectedItems.length ? qp.selectedItems : qp.activeItems.length ? qp.activeItems : qp.items.slice(0, 1);
        const chosen = picked.filter((i) => i.hit);
        const numbers = [...new Set(chosen.map((i) => i.hit!.number))].sort((a, b) => a - b);
        if (numbers.length === 0) return;
        qp.hide();
        if (draft && !draft.document.isClosed) {
          await vscode.window.showTextDocument(draft.document, draft.viewColumn);
          const text = await insertCitation(draft, numbers, settings.citationFormat(), initial.insertAt);
          outcome = { action: 'inserted', numbers, text };
        } else {
          await reader.show(numbers[0]);
          outcome = { action: 'opened', numbers };
        }
      };
      if (initial.value) qp.value = initial.value;
      shownFor = initial.value ?? '';
      show(initial.response ?? engine.search(shownFor, { limit: PICKER_LIMIT }));
      open = true;
      current = qp;
      qp.show();
    });

  context.subscriptions.push(
    vscode.commands.registerCommand('cndSummary.search', (query?: unknown) =>
      pick({ value: typeof query === 'string' ? query : '' }),
    ),
    vscode.commands.registerCommand('cndSummary.findRelated', async (passage?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      let text = typeof passage === 'string' ? passage : '';
      let insertAt: vscode.Position | undefined;
      if (!text && editor) {
        const sel = editor.selection;
        if (sel.isEmpty) {
          const lineText = editor.document.lineAt(sel.active.line).text;
          const s = sentenceAt(lineText, sel.active.character);
          text = s ? lineText.slice(s.start, s.end) : lineText;
          if (s) insertAt = new vscode.Position(sel.active.line, s.end);
        } else {
          text = editor.document.getText(sel);
          insertAt = sel.end;
        }
      }
      if (!text.trim()) {
        void vscode.window.showInformationMessage(
          'Select a sentence of your draft first: CND Summary finds the paragraphs that support it.',
        );
        return { action: 'cancelled', numbers: [] } satisfies PickerOutcome;
      }
      const short = text.replace(/\s+/g, ' ').trim();
      return pick({
        response: relatedResponse(summary, deps.support(), text),
        title: `Paragraphs related to “${short.length > 50 ? `${short.slice(0, 50)}…` : short}”`,
        insertAt,
      });
    }),
    vscode.commands.registerCommand('cndSummary.insertCitation', async (numbersArg?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || isReader(editor.document)) {
        void vscode.window.showInformationMessage('Open a draft and place the cursor where the citation should go.');
        return undefined;
      }
      let input = typeof numbersArg === 'string' ? numbersArg : Array.isArray(numbersArg) ? numbersArg.join(', ') : undefined;
      if (input === undefined) {
        input = await vscode.window.showInputBox({
          title: 'Insert a Citation of the Chair’s Summary',
          prompt: `Paragraph numbers (1–${summary.count}), e.g. 24 or 13-15, 22`,
          validateInput: (v) => {
            const r = parseParagraphList(v, summary.count);
            return r.ok
              ? { message: `Inserts “${citationFor(r.value)}”`, severity: vscode.InputBoxValidationSeverity.Info }
              : { message: r.error, severity: vscode.InputBoxValidationSeverity.Error };
          },
        });
        if (input === undefined) return undefined;
      }
      const r = parseParagraphList(input, summary.count);
      if (!r.ok) {
        void vscode.window.showErrorMessage(r.error);
        return undefined;
      }
      return insertCitation(editor, r.value, settings.citationFormat());
    }),
  );
  return {
    isPickerOpen: () => open,
    pickerState: () =>
      current && {
        value: current.value,
        active: current.activeItems.flatMap((i) => (i.hit ? [i.hit.number] : [])),
        selected: current.selectedItems.flatMap((i) => (i.hit ? [i.hit.number] : [])),
      },
  };
}

/** Find Related's list: the support model's ranking, shown like search results (snippets with the matched words). */
function relatedResponse(summary: Summary, model: SupportModel, passage: string): SearchResponse {
  const result = relatedParagraphs(model, passage, 15);
  const hits: SearchHit[] = result.paragraphs.map((r) => ({
    id: `p${r.paragraph}`,
    kind: 'paragraph',
    number: r.paragraph,
    score: r.score,
    snippet: makeSnippet(summary.paragraph(r.paragraph)!.text, r.terms, []),
  }));
  return { hits, ...(result.message ? { message: result.message } : {}) };
}
