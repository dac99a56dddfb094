// Entry point of the integration suite: `run()` is called by VS Code (extensionTestsPath) in the
// web worker host, in code-server's Node host and in desktop VS Code (@vscode/test-electron).
import { runAll } from './harness';
// First: it measures the first hover card of the session, before any other test warms the code up.
import './product';
import './navigation';
import './search';
import './drafts';
import './notes';
import './support';
import './workbench';

export async function run(): Promise<void> {
  await runAll();
}
