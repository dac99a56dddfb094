// Integration suite in code-server's VS Code server (Node extension host, Node 24).
import { join } from 'node:path';
import { freshWorkspace, ROOT, runSuite, startServerHost } from './hosts.mjs';

const t0 = Date.now();
const workspace = freshWorkspace('node-host');
const host = await startServerHost({ workspace, testsPath: join(ROOT, 'out/integration/suite.js') });
let code = 1;
try {
  code = await runSuite(host.url, { label: 'node-host' });
} finally {
  await host.stop();
  if (code !== 0) console.error(host.log().split('\n').slice(-40).join('\n'));
}
console.log(`[node-host] ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
