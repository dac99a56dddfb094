// Integration suite in the real web workbench (VS Code OSS web build, web-worker extension host).
import { join } from 'node:path';
import { freshWorkspace, ROOT, runSuite, startWebHost } from './hosts.mjs';

const t0 = Date.now();
const workspace = freshWorkspace('web');
const host = await startWebHost({ workspace, testsPath: join(ROOT, 'out/integration/suite.js') });
let code = 1;
try {
  code = await runSuite(host.url, { label: 'web' });
} finally {
  await host.stop();
}
console.log(`[web] ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
