// Runs the integration suite in one real VS Code build:
//   node test/integration/run-suite.mjs web    the web workbench (VS Code OSS web build, web-worker extension host)
//   node test/integration/run-suite.mjs node   code-server's VS Code server (Node 24, Node extension host)
import { join } from 'node:path';
import { freshWorkspace, ROOT, runSuite, startServerHost, startWebHost } from './hosts.mjs';

const HOSTS = {
  web: { label: 'web', start: startWebHost },
  node: { label: 'node-host', start: startServerHost },
};
const host = HOSTS[process.argv[2]];
if (!host) {
  console.error('usage: node test/integration/run-suite.mjs web|node');
  process.exit(2);
}
const t0 = Date.now();
const running = await host.start({ workspace: freshWorkspace(host.label), testsPath: join(ROOT, 'out/integration/suite.js') });
let code = 1;
try {
  code = await runSuite(running.url, { label: host.label });
} finally {
  await running.stop();
  if (code !== 0 && running.log) console.error(running.log().split('\n').slice(-40).join('\n'));
}
console.log(`[${host.label}] ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
