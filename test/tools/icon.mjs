// Renders media/icon.png (128×128, the Marketplace and Extensions view icon) from the SVG below with the
// test hosts' Chromium. Run by hand when the icon changes: node test/tools/icon.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, ROOT } from '../integration/hosts.mjs';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2a6cb0"/><stop offset="1" stop-color="#1d3f66"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="22" fill="url(#g)"/>
  <path d="M34 22h44l18 18v66H34z" fill="#ffffff"/>
  <path d="M78 22v18h18" fill="#cfe0f3"/>
  <g fill="none" stroke="#1d3f66" stroke-width="5" stroke-linecap="round">
    <path d="M46 62h38M46 74h38M46 86h24"/>
  </g>
  <text x="46" y="52" font-family="DejaVu Serif, Georgia, serif" font-size="26" font-weight="bold" fill="#2a6cb0">¶</text>
</svg>`;

const { context, close } = await launchBrowser({ viewport: { width: 128, height: 128 } });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(ROOT, 'media/icon.png'), png);
  console.log('media/icon.png written');
} finally {
  await close();
}
