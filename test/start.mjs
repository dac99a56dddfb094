// `npm start`: runs the extension in a real VS Code with a sample draft workspace.
//  - desktop VS Code when `code` is on the PATH (extension development host);
//  - otherwise the offline web workbench (VS Code OSS web build) served on http://127.0.0.1:3000,
//    opened in Chromium when a display is available; open the URL in any browser otherwise.
// Options: --web (force the web workbench), --node-host (code-server's VS Code server, Node extension host).
import { spawn, spawnSync } from 'node:child_process';
import { freshWorkspace, launchBrowser, ROOT, startServerHost, startWebHost } from './integration/hosts.mjs';

const args = new Set(process.argv.slice(2));
// A fresh copy of samples/ (two draft statements, one with mistakes): edits in the session do not touch the repository.
const workspace = freshWorkspace('sample', `${ROOT}/samples`);

const hasCode =
  !args.has('--web') && !args.has('--node-host') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  console.log(`Opening desktop VS Code with the extension in development mode on ${workspace}`);
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit' });
} else {
  const host = args.has('--node-host')
    ? await startServerHost({ port: 8000, workspace })
    : await startWebHost({ port: 3000, workspace });
  console.log(
    `\nVS Code is running with the extension at:\n\n  ${host.url}\n\nSample drafts: ${workspace}\nPress Ctrl+C to stop.`,
  );
  if (process.env.DISPLAY) {
    const { context } = await launchBrowser({ headless: false });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(host.url);
    context.on('close', () => void host.stop().then(() => process.exit(0)));
  }
  process.on('SIGINT', () => void host.stop().then(() => process.exit(0)));
}
