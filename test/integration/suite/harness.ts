// A minimal test harness that runs inside the extension host (web worker or Node): no mocha, no
// Node built-ins. Results go to console, which the smoke-test driver forwards to the runner.
import * as vscode from 'vscode';
import type { CndSummaryApi } from '../../../src/api';
import type { CndSummaryTesting } from '../../../src/features/testing';

/** Lines starting with this mark are the suite's; the runner shows only those (unless DEBUG_HOST). */
const MARK = '[cnd-test] ';
export const log = (s: string) => console.log(MARK + s);
const logError = (s: string) => console.error(MARK + s);

const TEST_TIMEOUT_MS = 45000;

export type TestFn = () => Promise<void> | void;
const tests: { name: string; fn: TestFn }[] = [];

export function test(name: string, fn: TestFn): void {
  tests.push({ name, fn });
}

export class AssertionError extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message}: expected ${e}, got ${a}`);
}

export const EXTENSION_ID = 'cnd-tools.cnd-chair-summary';

/** The extension's parts, through its test hook (returned only when VS Code runs its tests). */
export async function api(): Promise<CndSummaryTesting> {
  const exported = await publicApi();
  const testing = (exported as CndSummaryApi & { testing?: CndSummaryTesting }).testing;
  assert(testing, 'the test hook (extensionMode is Test)');
  return testing;
}

/** What other extensions get. */
export async function publicApi(): Promise<CndSummaryApi> {
  const ext = vscode.extensions.getExtension<CndSummaryApi>(EXTENSION_ID);
  assert(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.activate();
}

export function hostKind(): string {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return p?.versions?.node ? `node-${p.versions.node}` : 'webworker';
}

/** Polls until `probe` returns a truthy value, or fails with `what` after `ms`. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, ms = 10000): Promise<NonNullable<T>> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > ms)
      throw new AssertionError(
        `timed out after ${ms} ms waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

export async function runAll(): Promise<void> {
  const only = tests.some((t) => t.name.startsWith('ONLY '));
  let failed = 0;
  let passed = 0;
  const t0 = Date.now();
  log(`running ${tests.length} tests in ${vscode.env.appName} ${vscode.version}, extension host ${hostKind()}`);
  for (const t of tests) {
    if (only && !t.name.startsWith('ONLY ')) continue;
    const s = Date.now();
    try {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AssertionError(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS);
      });
      await Promise.race([Promise.resolve().then(t.fn), timeout]).finally(() => clearTimeout(timer));
      passed++;
      log(`  ✓ ${t.name} (${Date.now() - s} ms)`);
    } catch (e) {
      failed++;
      logError(`  ✗ ${t.name}\n      ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  log(`${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s) in ${hostKind()}`);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
}
