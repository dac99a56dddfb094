import * as vscode from 'vscode';

export type MessageLevel = 'information' | 'warning' | 'error';

/** Shows a message to the user, with buttons; resolves to the button chosen. */
export type Notify = (level: MessageLevel, message: string, ...actions: string[]) => Thenable<string | undefined>;

/** VS Code's notifications. */
export const showMessage: Notify = (level, message, ...actions) =>
  level === 'error'
    ? vscode.window.showErrorMessage(message, ...actions)
    : level === 'warning'
      ? vscode.window.showWarningMessage(message, ...actions)
      : vscode.window.showInformationMessage(message, ...actions);

export interface RecordedMessage {
  level: MessageLevel;
  message: string;
}

/** A notifier that shows messages through `show` and keeps them, in order, for the integration tests. */
export function recordingNotify(show: Notify = showMessage): { notify: Notify; messages: RecordedMessage[] } {
  const messages: RecordedMessage[] = [];
  return {
    messages,
    notify: (level, message, ...actions) => {
      messages.push({ level, message });
      return show(level, message, ...actions);
    },
  };
}
