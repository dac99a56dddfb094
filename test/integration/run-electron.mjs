// The same integration suite in desktop VS Code through @vscode/test-electron. Needs to download VS Code
// (update.code.visualstudio.com), so it runs on developer machines and CI with internet, not offline.
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { freshWorkspace, ROOT } from './hosts.mjs';

try {
  const workspace = freshWorkspace('electron');
  const code = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out/integration/suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
  process.exit(code);
} catch (e) {
  console.error(`desktop VS Code tests could not run: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
