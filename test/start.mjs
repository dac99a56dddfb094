// `npm start`: the extension in a real VS Code whose saves reach the disk, on the drafter's own workspace.
//  - desktop VS Code when `code` is on the PATH (extension development host);
//  - otherwise code-server's VS Code server (Node extension host) on http://127.0.0.1:3000, opened in Chromium
//    when a display is available (otherwise open the printed URL in any browser).
// The workspace is ~/cnd-summary/drafts, copied from samples/ on the first run and kept after; the workbench's
// settings and state are kept in ~/cnd-summary/workbench (reasons in integration/start-workbench.mjs).
// Options:
//   --fresh          move ~/cnd-summary/drafts aside (to drafts-<date>) and copy samples/ again
//   --folder <path>  open that folder instead (it must exist; nothing is copied into it)
//   --node-host      code-server's VS Code server even when `code` is on the PATH
//   --web            the web workbench (extension in a web worker) instead: it keeps NOTHING on disk
//   --port <n>       the port to serve on (default 3000, or 3001 with --web; another free one if taken)
import { parseArgs } from 'node:util';
import { launchBrowser } from './integration/hosts.mjs';
import { describeWorkbench, hasDesktopCode, startWorkbench } from './integration/start-workbench.mjs';

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      folder: { type: 'string' },
      'node-host': { type: 'boolean', default: false },
      web: { type: 'boolean', default: false },
      port: { type: 'string' },
    },
  }));
} catch (e) {
  console.error(
    `npm start: ${e instanceof Error ? e.message : e}\nOptions: --fresh, --folder <path>, --node-host, --web, --port <n>`,
  );
  process.exit(2);
}

const port = options.port === undefined ? undefined : Number(options.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`npm start: --port ${options.port} is not a port number (1–65535).`);
  process.exit(2);
}
const kind = options.web ? 'web' : !options['node-host'] && hasDesktopCode() ? 'desktop' : 'server';
let started;
try {
  started = await startWorkbench({
    kind,
    folder: options.folder,
    fresh: options.fresh,
    port,
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
console.log(`\n${describeWorkbench(started)}\n`);

if (started.kind !== 'desktop') {
  const stop = () => void started.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
    // A kept profile: the state the workbench keeps in the browser (open editors, trust) survives a restart.
    // Closing its window stops npm start.
    try {
      const { context } = await launchBrowser({ headless: false, profileDir: started.browserProfile });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(started.url);
      context.on('close', stop);
    } catch (e) {
      console.error(
        `Could not open Chromium (${e instanceof Error ? e.message.split('\n')[0] : e}): open the URL above in your browser.`,
      );
    }
  }
}
