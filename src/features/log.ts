import * as vscode from 'vscode';

/**
 * The extension's one log: the "CND Summary" channel of the Output panel (a LogOutputChannel, so its level
 * follows *Developer: Set Log Level*). What the extension did and what went wrong: the index built, the notes
 * file read and merged, conflicts, files skipped, errors caught. Nothing from a draft's text is written to it.
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLog(context: vscode.ExtensionContext): Log {
  const channel = vscode.window.createOutputChannel('CND Summary', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

/** An error's message, for the log. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
