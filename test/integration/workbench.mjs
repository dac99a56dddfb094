// Drives the real workbench UI through Playwright the way a person does: the command palette by keyboard,
// the mouse over editor text, the DOM read back. Used by the end-to-end tests (e2e.mjs, run-vsix.mjs) and
// the screenshot script (ui.mjs).

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.waitForSelector('.monaco-workbench', { timeout: 120000 });
  }

  /** Runs a command from the palette (F1, its title typed, Enter), then types `input` into what it opens. */
  async command(title, input) {
    const { page } = this;
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    if (input !== undefined) {
      await page.waitForTimeout(500);
      await page.keyboard.type(input);
      await page.waitForTimeout(300);
    }
  }

  /** Types a new paragraph at the end of the active editor (after a blank line). */
  async appendParagraph(text) {
    await this.endOfFile();
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(text);
  }

  /** Opens the extension's search from the Command Palette and types `query`; resolves with the first result row. */
  async search(query) {
    await this.command('CND Summary: Search the Summary');
    await this.waitForQuickInput('Search the Chair');
    await this.page.keyboard.type(query);
    const first = this.page.locator('.quick-input-widget .monaco-list-row').first();
    await first.waitFor({ timeout: 15000 });
    await this.page.waitForTimeout(500);
    return first;
  }

  /** Waits until a quick pick or input box whose title contains `title` is open (so typing goes into it). */
  async waitForQuickInput(title) {
    await this.page
      .locator('.quick-input-widget .quick-input-title', { hasText: title })
      .first()
      .waitFor({ state: 'visible', timeout: 15000 });
    await this.page.waitForTimeout(200);
  }

  /**
   * Add a Note opens an empty comment thread in the reader: waits for it (its title contains `title`), types
   * `lines` into its reply box (Enter between lines: a new line there) and submits with Ctrl+Enter.
   * Resolves with the thread's title.
   */
  async writeNote(title, lines) {
    const { page } = this;
    const widget = page.locator('.review-widget', { has: page.locator('.review-title', { hasText: title }) }).first();
    await widget.waitFor({ state: 'visible', timeout: 15000 });
    const heading = (await widget.locator('.review-title').first().innerText()).trim();
    await widget.locator('.comment-form .monaco-editor .view-lines').first().click();
    await page.waitForTimeout(200);
    for (const [i, line] of lines.entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await page.waitForTimeout(200);
    await page.keyboard.press('Control+Enter');
    return heading;
  }

  /**
   * After a first note: the extension asks once for the drafter's name when `cndSummary.notes.author` is
   * empty. Answers it with `name` if it comes within a few seconds; returns whether it came.
   */
  async answerNamePrompt(name = 'A. Drafter') {
    const title = this.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Your name on the notes' }).first();
    const asked = await title
      .waitFor({ state: 'visible', timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (!asked) return false;
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    return true;
  }

  /** Opens the reader at paragraph `n` with Go to Paragraph from the palette. */
  async goToParagraph(n) {
    await this.command('CND Summary: Go to Paragraph');
    // Typed once its input box is open: on a loaded machine it can take longer than any fixed pause, and
    // the number would go into the editor instead.
    await this.waitForQuickInput('Go to Paragraph');
    await this.page.keyboard.type(String(n));
    await this.page.keyboard.press('Enter');
  }

  /**
   * Selects editor text with the mouse, as a person does: pressed just before character `from[1]` of the
   * text `from[0]`, dragged to `overshoot` px past character `to[1]` of `to[0]`. Resolves with the end point.
   */
  async dragSelect(from, to, overshoot = 3) {
    const { page } = this;
    const a = await this.textBox(...from);
    const b = await this.textBox(...to);
    if (!a || !b) throw new Error(`“${a ? to[0] : from[0]}” is not on screen`);
    await page.mouse.move(a.x - 3, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x + overshoot, b.y, { steps: 8 });
    await page.mouse.up();
    return b;
  }

  /** Opens a file of the workspace from the Explorer. */
  async openFile(name) {
    const { page } = this;
    await page.keyboard.press('Control+Shift+E');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: 60000 });
    await row.click();
    await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(800);
  }

  /**
   * Waits until the extension's contributions are in the workbench (its icon in the activity bar): until then
   * its commands are not in the palette. On a loaded machine the extension host can take a minute.
   */
  async waitForExtension(timeout = 120000) {
    await this.page.locator('.activitybar [aria-label^="CND Summary"]').first().waitFor({ timeout });
  }

  async openContainer() {
    const icon = this.page.locator('.activitybar [aria-label^="CND Summary"]').first();
    await icon.waitFor({ timeout: 30000 });
    await icon.click();
    await this.page.waitForTimeout(800);
  }

  /** Clicks into the active editor (not another Monaco editor, such as the chat panel's input) and goes to its end. */
  async endOfFile() {
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+End');
  }

  /** The text of the active editor's visible lines, as shown. */
  async editorText() {
    return this.page.evaluate(() => {
      const editor =
        document.querySelector('.editor-group-container.active .monaco-editor .view-lines') ??
        document.querySelector('.monaco-editor .view-lines');
      if (!editor) return '';
      const lines = [...editor.querySelectorAll('.view-line')]
        .map((l) => ({ top: parseFloat(l.style.top) || 0, text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top);
      return lines.map((l) => l.text).join('\n');
    });
  }

  /** The screen position of character `charOffset` of the first occurrence of `text` in the editor's lines. */
  async textBox(text, charOffset) {
    return this.page.evaluate(
      ([needle, offset]) => {
        for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
          // Monaco splits a line into many text nodes: search their concatenation, then find the node.
          const nodes = [];
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
          const whole = nodes
            .map((n) => n.textContent)
            .join('')
            .replace(/\u00a0/g, ' ');
          const i = whole.indexOf(needle);
          if (i < 0) continue;
          let at = i + offset;
          for (const node of nodes) {
            if (at < node.textContent.length) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + 1);
              const r = range.getBoundingClientRect();
              return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
            }
            at -= node.textContent.length;
          }
        }
        return null;
      },
      [text, charOffset],
    );
  }

  /** Moves the mouse over `text` in the editor until a hover containing `expect` shows; returns its text. */
  async hoverOver(text, charOffset = 2, expect = undefined) {
    const { page } = this;
    for (let attempt = 0; attempt < 6; attempt++) {
      const at = await this.textBox(text, charOffset);
      if (!at) throw new Error(`“${text}” is not on screen`);
      await page.mouse.move(at.x - 4, at.y);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      const hover = page.locator('.monaco-hover', { hasText: expect ?? '' }).first();
      try {
        await hover.waitFor({ timeout: 4000 });
        return await hover.innerText();
      } catch {
        await page.mouse.move(5, 5);
        await page.waitForTimeout(300);
      }
    }
    throw new Error(`no hover${expect ? ` with “${expect}”` : ''} over “${text}”`);
  }

  /** Every editor tab as `label@group` (groups numbered from 1, left to right), and which is active. */
  async tabs() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.editor-group-container')].flatMap((group, i) =>
        [...group.querySelectorAll('.tab')].map((tab) => ({
          label: (tab.getAttribute('aria-label') ?? tab.textContent ?? '').trim(),
          group: i + 1,
          active: tab.classList.contains('active'),
        })),
      ),
    );
  }

  /** Waits until the tabs satisfy `test`; resolves with them, or fails saying what they were. */
  async waitForTabs(test, what, ms = 15000) {
    const t0 = Date.now();
    for (;;) {
      const tabs = await this.tabs();
      if (test(tabs)) return tabs;
      if (Date.now() - t0 > ms)
        throw new Error(`${what}: tabs are ${tabs.map((t) => `${t.label}@${t.group}${t.active ? '*' : ''}`).join(', ')}`);
      await this.page.waitForTimeout(200);
    }
  }

  /** The text of the status bar item with this name (its accessible label starts with `prefix`). */
  async statusItem(hasText) {
    const item = this.page.locator('.statusbar-item', { hasText }).first();
    await item.waitFor({ timeout: 30000 });
    return item.innerText();
  }
}
