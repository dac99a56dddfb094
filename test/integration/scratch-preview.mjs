import { join } from 'node:path';
import { freshWorkspace, launchBrowser, ROOT, startWebHost, startServerHost } from './hosts.mjs';
import { Workbench } from './workbench.mjs';
const nodeHost = process.argv.includes('--node-host');
const ws = freshWorkspace('scratch', join(ROOT, 'samples'));
const host = nodeHost ? await startServerHost({ workspace: ws }) : await startWebHost({ workspace: ws });
const { context, close } = await launchBrowser({ viewport: { width: 1400, height: 900 } });
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => {
  const t = m.text();
  if (/cnd|scheme|open|link|error/i.test(t)) console.log('[console]', m.type(), t.slice(0, 300));
});
const wb = new Workbench(page);
try {
  await wb.open(host.url);
  await wb.openFile('statement-plenary.md');
  await wb.command('Markdown: Open Preview to the Side');
  const inner = page.frameLocator('iframe.webview').frameLocator('iframe');
  await inner.locator('a.cnd-citation').first().waitFor({ timeout: 30000 });
  const hrefs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  for (const [i, href] of hrefs.entries()) {
    const [attr, value] =
      href.split('=', 2).length === 2 && /^(href|data-href)=/.test(href)
        ? [href.slice(0, href.indexOf('=')), href.slice(href.indexOf('=') + 1)]
        : ['href', href];
    await inner.locator('body').evaluate(
      (body, [attr, value, i]) => {
        const a = document.createElement('a');
        a.id = `probe-${i}`;
        a.href = attr === 'href' ? value : 'probe-target';
        if (attr === 'data-href') a.setAttribute('data-href', value);
        a.textContent = `PROBE ${i}`;
        a.style.fontSize = '30px';
        body.prepend(a);
      },
      [attr, value, i],
    );
    await inner.locator(`#probe-${i}`).click();
    await page.waitForTimeout(2500);
    const tabs = await page.locator('.tab').allInnerTexts();
    const dialogs = await page.locator('.monaco-dialog-box, .notifications-toasts .notification-toast').allInnerTexts();
    console.log(
      `${attr}=${value}\n  tabs: ${tabs.map((t) => t.replace(/\s+/g, ' ')).join(' | ')}\n  dialogs: ${dialogs.map((t) => t.replace(/\s+/g, ' ').slice(0, 200)).join(' | ')}`,
    );
    await page.screenshot({ path: `/tmp/rs/probe-${i}.png` });
    await page.keyboard.press('Escape');
  }
} finally {
  await close();
  await host.stop();
}
