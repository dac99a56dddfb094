import * as vscode from 'vscode';
import { formatCitation } from '../../core/citations/format';
import type { SearchHit, SearchResponse } from '../../core/search/engine';
import type { SearchIndex } from '../../core/search/lazy';
import { sentenceAt } from '../../core/summary/sentences';
import type { Summary } from '../../core/summary/summary';
import { insertCitation, insertQuotation } from '../citations/insert';
import { isReader, type Reader } from '../reader';
import type { Settings } from '../settings';

export interface PickerDeps {
  summary: Summary;
  engine: SearchIndex;
  reader: Reader;
  settings: Settings;
}

interface HitItem extends vscode.QuickPickItem {
  hit?: SearchHit;
}

/**
 * How many results the picker lists: every paragraph of the summary can be a match (a broad word such as
 * "drug" matches most of them), and a drafter scrolls for the one remembered; notes come on top of those.
 */
const PICKER_LIMIT = 100;

/** What the picker is doing, for the integration tests and for callers that await a result. */
export interface PickerOutcome {
  action: 'inserted' | 'opened' | 'copied' | 'quoted' | 'cancelled';
  numbers: number[];
  text?: string;
}

/** What a picker opens with: a query, or a ready list (Find Related) with its title and where to cite. */
export interface PickerRequest {
  value?: string;
  response?: SearchResponse;
  title?: string;
  insertAt?: vscode.Position;
}

/** The buttons of a result row. */
interface PickerButtons {
  open: vscode.QuickInputButton;
  quote: vscode.QuickInputButton;
  copy: vscode.QuickInputButton;
  note: vscode.QuickInputButton;
}

/**
 * The search QuickPick: results as the query is typed; Enter inserts the citation of the checked (or
 * focused) results in the draft, or opens the paragraph in the reader; each row's buttons open, quote,
 * copy or annotate its paragraph. One picker at a time is the one tests see (`isOpen`, `state`).
 */
export class SearchPicker {
  private open = false;
  private current: vscode.QuickPick<HitItem> | undefined;
  private readonly buttons: PickerButtons = {
    open: { iconPath: new vscode.ThemeIcon('book'), tooltip: vscode.l10n.t('Open in the reader') },
    quote: { iconPath: new vscode.ThemeIcon('quote'), tooltip: vscode.l10n.t('Insert a quotation with its citation') },
    copy: { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy the citation') },
    note: { iconPath: new vscode.ThemeIcon('comment-add'), tooltip: vscode.l10n.t('Add a note on this paragraph') },
  };

  constructor(private readonly deps: PickerDeps) {}

  isOpen(): boolean {
    return this.open;
  }

  /** The paragraph numbers of the picker's active and checked items, as the workbench last reported them. */
  state(): { value: string; active: number[]; selected: number[] } | undefined {
    const qp = this.current;
    return (
      qp && {
        value: qp.value,
        active: qp.activeItems.flatMap((i) => (i.hit ? [i.hit.number] : [])),
        selected: qp.selectedItems.flatMap((i) => (i.hit ? [i.hit.number] : [])),
      }
    );
  }

  /** Shows a picker; resolves when it is closed and what it started (an insertion, the reader) is done. */
  pick(initial: PickerRequest): Promise<PickerOutcome> {
    return new Promise<PickerOutcome>((resolve) => {
      const target = vscode.window.activeTextEditor;
      const draft = target && !isReader(target.document) ? target : undefined;
      const qp = vscode.window.createQuickPick<HitItem>();
      const session = new PickerSession(this.deps, this.buttons, qp, draft, initial, () => {
        this.open = false;
        if (this.current === qp) this.current = undefined;
      });
      session.start(resolve);
      this.open = true;
      this.current = qp;
      qp.show();
    });
  }
}

/** One showing of the picker: its items, the action under way, and what it will resolve with. */
class PickerSession {
  private readonly baseTitle: string;
  private outcome: PickerOutcome = { action: 'cancelled', numbers: [] };
  /** The action started by accept or a button; the picker's promise waits for it. */
  private pending: Promise<unknown> = Promise.resolve();
  private shownFor: string | undefined;

  constructor(
    private readonly deps: PickerDeps,
    private readonly buttons: PickerButtons,
    private readonly qp: vscode.QuickPick<HitItem>,
    /** The editor that was active when the picker opened, unless it was the reader: where Enter cites. */
    private readonly draft: vscode.TextEditor | undefined,
    private readonly initial: PickerRequest,
    private readonly onHide: () => void,
  ) {
    this.baseTitle = initial.title ?? vscode.l10n.t('Search the Chair’s summary');
  }

  /** Sets the picker up (not shown yet); `resolve` gets the outcome once the picker is hidden and done. */
  start(resolve: (outcome: PickerOutcome) => void): void {
    const { qp, initial } = this;
    qp.title = this.baseTitle;
    qp.placeholder = this.draft
      ? vscode.l10n.t(
          'Words, "a phrase", org:interpol, session:2, date:2021-10-20, para:30-35 — Enter inserts the citation; check several to cite them together',
        )
      : vscode.l10n.t('Words, "a phrase", org:interpol, session:2, date:2021-10-20, para:30-35 — Enter opens the paragraph');
    qp.canSelectMany = true;
    qp.matchOnDescription = false;
    qp.matchOnDetail = false;
    const disposables: vscode.Disposable[] = [
      qp.onDidChangeValue((value) => {
        // The workbench also reports the initial value back: nothing to search again.
        if (value === this.shownFor) return;
        this.shownFor = value;
        this.show(this.deps.engine.search(value, { limit: PICKER_LIMIT }));
      }),
      qp.onDidTriggerItemButton((e) => {
        this.pending = this.onButton(e);
      }),
      qp.onDidAccept(() => {
        this.pending = this.onAccept();
      }),
      qp.onDidHide(() => {
        this.onHide();
        // Accept and the buttons hide the picker before they finish: wait for them.
        setTimeout(() => {
          void this.pending
            .then(undefined, (err: unknown) => {
              void vscode.window.showErrorMessage(
                vscode.l10n.t('CND Summary: {0}', err instanceof Error ? err.message : String(err)),
              );
            })
            .then(() => {
              for (const d of disposables) d.dispose();
              qp.dispose();
              resolve(this.outcome);
            });
        }, 0);
      }),
    ];
    if (initial.value) qp.value = initial.value;
    this.shownFor = initial.value ?? '';
    this.show(initial.response ?? this.deps.engine.search(this.shownFor, { limit: PICKER_LIMIT }));
  }

  private show(response: SearchResponse): void {
    const { qp } = this;
    // Checked results stay checked while the query changes: check one, refine, check another, Enter.
    const checked = qp.selectedItems.filter((i) => i.hit);
    const fresh = this.toItems(response).map((item) => checked.find((c) => c.hit!.id === item.hit?.id) ?? item);
    qp.items = [...checked.filter((c) => !fresh.includes(c)), ...fresh];
    if (checked.length) qp.selectedItems = checked;
    const note = response.error ?? response.message;
    qp.title = note ? `${this.baseTitle} — ${note}` : this.baseTitle;
  }

  private toItems(response: SearchResponse): HitItem[] {
    if (response.error) return [{ label: `$(warning) ${response.error}`, alwaysShow: true }];
    const { summary } = this.deps;
    const { open, quote, copy, note } = this.buttons;
    return response.hits.map((hit) => {
      const p = summary.paragraph(hit.number);
      const isNote = hit.kind === 'note';
      return {
        label: isNote ? `$(note) ¶ ${hit.number}` : `¶ ${hit.number}`,
        description: isNote ? vscode.l10n.t('note') : p ? summary.placeOf(p) : '',
        detail: hit.snippet.text,
        alwaysShow: true,
        buttons: isNote ? [open, copy] : [open, quote, copy, note],
        hit,
      };
    });
  }

  private async onButton(e: vscode.QuickPickItemButtonEvent<HitItem>): Promise<void> {
    const { qp, draft, buttons } = this;
    const { reader, settings } = this.deps;
    const hit = e.item.hit;
    if (!hit) return;
    if (e.button === buttons.open) {
      this.outcome = { action: 'opened', numbers: [hit.number] };
      qp.hide();
      if (hit.kind === 'note') await vscode.commands.executeCommand('cndSummary.openNote', hit.id.replace(/^n:/, ''));
      else await reader.show(hit.number);
    } else if (e.button === buttons.note) {
      this.outcome = { action: 'opened', numbers: [hit.number] };
      qp.hide();
      await vscode.commands.executeCommand('cndSummary.addNote', hit.number);
    } else if (e.button === buttons.copy) {
      const text = formatCitation([hit.number], settings.citationFormat());
      await vscode.env.clipboard.writeText(text);
      this.outcome = { action: 'copied', numbers: [hit.number], text };
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied “{0}”', text), 3000);
    } else if (e.button === buttons.quote) {
      if (!draft) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft to insert a quotation into it.'));
        return;
      }
      qp.hide();
      const text = await insertQuotation(draft, this.quotationOf(hit), hit.number, settings.citationFormat());
      this.outcome = { action: 'quoted', numbers: [hit.number], text };
    }
  }

  private async onAccept(): Promise<void> {
    const { qp, draft } = this;
    const { reader, settings } = this.deps;
    // Checked items, else the focused one, else (Enter straight from the input box) the best match.
    const picked = qp.selectedItems.length ? qp.selectedItems : qp.activeItems.length ? qp.activeItems : qp.items.slice(0, 1);
    const chosen = picked.filter((i) => i.hit);
    const numbers = [...new Set(chosen.map((i) => i.hit!.number))].sort((a, b) => a - b);
    if (numbers.length === 0) return;
    qp.hide();
    if (draft && !draft.document.isClosed) {
      await vscode.window.showTextDocument(draft.document, draft.viewColumn);
      const text = await insertCitation(draft, numbers, settings.citationFormat(), this.initial.insertAt);
      this.outcome = { action: 'inserted', numbers, text };
    } else {
      await reader.show(numbers[0]);
      this.outcome = { action: 'opened', numbers };
    }
  }

  /** The sentence of the paragraph where the match is, or the paragraph's first sentence. */
  private quotationOf(hit: SearchHit): string {
    const p = this.deps.summary.paragraph(hit.number);
    if (!p) return '';
    const flat = p.text.replace(/\s/g, ' ');
    const offset = hit.kind === 'paragraph' ? (hit.snippet.firstMatch ?? 0) : 0;
    const s = sentenceAt(flat, offset);
    return s ? flat.slice(s.start, s.end) : flat;
  }
}
