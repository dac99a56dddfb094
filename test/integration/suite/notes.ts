import * as vscode from 'vscode';
import type { Note } from '../../../src/core/notes/model';
import type { Notes } from '../../../src/features/notes';
import { workspaceNotesFs } from '../../../src/features/notes/service';
import { READER_URI } from '../../../src/features/reader';
import { unescaped } from './drafts';
import { api, assert, assertEqual, hostKind, log, test, waitFor, workspaceUri } from './harness';
import { openDraft } from './search';

const decoder = new TextDecoder();
const notesFile = () => workspaceUri('.cnd', 'notes.json');
const recoveryFile = () => workspaceUri('.cnd', 'notes.recovery.json');

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The messages the notes show from now on (recorded in the extension's test mode). */
function messagesSince(notes: Notes): () => string[] {
  const all = () => notes.recordedMessages?.() ?? [];
  const from = all().length;
  return () =>
    all()
      .slice(from)
      .map((m) => m.message);
}

function hoverMarkdown(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

// Add a Note has the user type the text (a hover's link may run it); a note with given text is added through
// the API, as another extension would.
test('notes: a note added through the API is in the file on disk and in the hover card', async () => {
  const { notes } = await api();
  await notes.service.ready;
  const note = await notes.add(24, 'Our Minister’s line on asset recovery #quote');
  assert(note?.id, 'the command returns the note');
  assertEqual(note.tags, ['quote'], 'tags from the body');
  const text = await waitFor(() => readText(notesFile()), 'the notes file');
  const file = JSON.parse(text) as { format: string; notes: Note[] };
  assertEqual(file.format, 'cnd-summary-notes', 'format');
  assert(
    file.notes.some(
      (n) => n.id === note.id && n.body === 'Our Minister’s line on asset recovery #quote' && n.target.paragraph === 24,
    ),
    'the note on disk',
  );
  const editor = await openDraft('notes-1.md', 'As noted in para. 24, confiscation remains low.');
  const at = editor.document.positionAt(editor.document.getText().indexOf('para. 24') + 2);
  const hover = unescaped(
    hoverMarkdown(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at)),
  );
  assert(hover.includes('Our Minister’s line on asset recovery'), `the note in the hover card: ${hover.slice(-300)}`);
  const { navigation } = await api();
  await waitFor(
    () => String(navigation.sessions.getTreeItem(navigation.sessions.paragraphNode(24)!).description ?? '').includes('1 note'),
    'the note count in the sessions view',
  );
  const found = (await api()).search.engine.search('note:minister');
  assert(
    found.hits.some((h) => h.kind === 'note' && h.number === 24),
    'the note is searchable with note:',
  );
});

test('notes: editing the file on disk is followed by the notes view', async () => {
  const { notes } = await api();
  const file = JSON.parse((await readText(notesFile()))!) as { notes: Note[] };
  const first = file.notes[0];
  first.body = 'Edited in the file by a colleague #follow-up';
  first.tags = ['follow-up'];
  first.modified = new Date().toISOString();
  file.notes.push({
    ...first,
    id: 'from-a-pull',
    body: 'A note from git pull',
    tags: [],
    target: { ...first.target, paragraph: 30 },
  });
  await vscode.workspace.fs.writeFile(notesFile(), new TextEncoder().encode(JSON.stringify(file, null, 2)));
  await waitFor(
    () => notes.service.list().some((n) => n.body === 'Edited in the file by a colleague #follow-up'),
    'the edit to reach the store',
    15000,
  );
  await waitFor(() => notes.service.get('from-a-pull'), 'the pulled note');
  const labels: string[] = [];
  const walk = (node?: Parameters<typeof notes.tree.getChildren>[0]) => {
    for (const child of notes.tree.getChildren(node)) {
      const item = notes.tree.getTreeItem(child);
      labels.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
      walk(child);
    }
  };
  walk();
  assert(labels.includes('Edited in the file by a colleague #follow-up'), `notes view: ${labels.join(' | ')}`);
  assert(labels.includes('#follow-up'), 'the tag group');
  assert(labels.includes('A note from git pull'), 'the pulled note in the view');
});

test('notes: a hostile note renders inert in hovers and threads', async () => {
  const { notes } = await api();
  const evil = '[run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> www.evil.example';
  const note = await notes.add(25, evil);
  assert(note, 'added');
  const editor = await openDraft('notes-2.md', 'See para. 25.');
  const at = editor.document.positionAt(editor.document.getText().indexOf('para. 25') + 2);
  const md = hoverMarkdown(
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at),
  );
  const links = [...md.matchAll(/(?<!\\)\]\((?<!\\)([^)]*)\)/g)].map((m) => m[1]);
  assert(
    links.every((l) => /^command:cndSummary\.(goToParagraph|addNote)\?/.test(l)),
    `only our links: ${links.join(' | ')}`,
  );
  assert(!/(?<!\\)<img/.test(md), 'no raw HTML');
  assert(unescaped(md).includes('[run](command:workbench.action.terminal.new)'), 'the words are shown as text');
  await waitFor(() => notes.comments.controller && notes.service.anchor(note.id), 'anchored');
  await notes.service.remove(note.id);
});

test('notes: export as annotated Markdown and as W3C Web Annotation JSON-LD', async () => {
  const md = await vscode.commands.executeCommand<vscode.Uri>(
    'cndSummary.exportNotes',
    'markdown',
    workspaceUri('export', 'annotated.md'),
  );
  const mdText = (await readText(md))!;
  assert(
    mdText.includes('**24.** UNODC emphasized') &&
      mdText.indexOf('Edited in the file by a colleague') > mdText.indexOf('**24.**'),
    'the note after its paragraph',
  );
  const jl = await vscode.commands.executeCommand<vscode.Uri>(
    'cndSummary.exportNotes',
    'jsonld',
    workspaceUri('export', 'notes.jsonld'),
  );
  const j = JSON.parse((await readText(jl))!) as { type: string; first: { items: { type: string }[] } };
  assertEqual(j.type, 'AnnotationCollection', 'collection');
  assert(j.first.items.length >= 2 && j.first.items.every((i) => i.type === 'Annotation'), 'annotations');
});

test('notes: a corrupt file gives the error and is left untouched; new notes go to the recovery file', async () => {
  const { notes } = await api();
  const shown = messagesSince(notes);
  const corrupt = '{ "format": "cnd-summary-notes", "notes": [ this is not JSON';
  await vscode.workspace.fs.writeFile(notesFile(), new TextEncoder().encode(corrupt));
  await waitFor(() => notes.service.status.kind === 'corrupt', 'the store to see the corrupt file', 15000);
  // The status changes first; the message follows with the store's event.
  await waitFor(
    () => shown().some((m) => m.includes('cannot be read') && m.includes('left untouched')),
    'the error message',
    15000,
  );
  const added = await notes.add(3, 'Written while the file was broken');
  assert(added, 'notes can still be added');
  assertEqual(await readText(notesFile()), corrupt, 'the corrupt file is untouched');
  const recovery = JSON.parse((await readText(recoveryFile()))!) as { notes: Note[] };
  assert(
    recovery.notes.some((n) => n.body === 'Written while the file was broken'),
    'the note is in the recovery file',
  );
  // Fixing the file brings the recovered notes back into it.
  await vscode.workspace.fs.writeFile(
    notesFile(),
    new TextEncoder().encode(JSON.stringify({ format: 'cnd-summary-notes', version: 1, source: '', notes: [], deleted: [] })),
  );
  await waitFor(() => notes.service.status.kind === 'ok', 'the store to see the fixed file', 15000);
  const fixed = JSON.parse(
    await waitFor(
      async () => {
        const t = await readText(notesFile());
        return t?.includes('Written while the file was broken') ? t : undefined;
      },
      'the recovered note in the notes file',
      15000,
    ),
  ) as { notes: Note[] };
  assert(
    fixed.notes.some((n) => n.body === 'Written while the file was broken'),
    'recovered',
  );
});

test('notes: Add a Note never takes the text of a note from its arguments (a link in a hover could pass some)', async () => {
  const { notes } = await api();
  await notes.service.ready;
  const before = notes.service.list().length;
  const result = await vscode.commands.executeCommand<Note | undefined>('cndSummary.addNote', 24, 'Added without asking');
  assertEqual(result, undefined, 'nothing added');
  assertEqual(notes.service.list().length, before, 'no new note');
  assert(!notes.service.list().some((n) => n.body === 'Added without asking'), 'not in the notes');
  await new Promise((r) => setTimeout(r, 300));
  assert(!(await readText(notesFile()))?.includes('Added without asking'), 'not in the file');
});

test('notes: Add a Note opens the reader beside the draft with an empty thread on the paragraph; a reply of two lines is the note', async () => {
  const { notes } = await api();
  await notes.service.ready;
  const cfg = () => vscode.workspace.getConfiguration('cndSummary');
  // The name is set, so that the reply is not held by the question asking for it.
  await cfg().update('notes.author', 'A. Tester', vscode.ConfigurationTarget.Global);
  try {
    const draft = await openDraft('notes-4.md', 'See para. 28.');
    const thread = await vscode.commands.executeCommand<vscode.CommentThread | undefined>('cndSummary.addNote', 28);
    assert(thread, 'Add a Note resolves to the thread it opened');
    assertEqual(thread.uri.toString(), READER_URI.toString(), 'the thread is in the reader');
    assertEqual(thread.comments.length, 0, 'the thread is empty');
    assertEqual(thread.collapsibleState, vscode.CommentThreadCollapsibleState.Expanded, 'the thread is open');
    assert(thread.canReply, 'the thread takes a reply');
    assertEqual(thread.label, 'Note on ¶ 28', 'its label');
    const reader = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === READER_URI.toString());
    assert(reader, 'the reader is shown');
    assert(
      vscode.window.visibleTextEditors.some((e) => e.document === draft.document && e.viewColumn !== reader.viewColumn),
      'beside the draft, which stays in view',
    );
    assertEqual(notes.service.notesOn(28).length, 0, 'no note before the reply');
    const body = 'First line of the note\nSecond line, for #follow-up';
    const note = await vscode.commands.executeCommand<Note | undefined>('cndSummary.notes.createFromReply', {
      thread,
      text: body,
    });
    assert(note, 'the reply command saves the note');
    assertEqual(note.target.paragraph, 28, 'on the paragraph');
    assertEqual(note.target.scope, 'paragraph', 'on the whole paragraph');
    const file = JSON.parse(
      await waitFor(async () => {
        const t = await readText(notesFile());
        return t?.includes('Second line, for #follow-up') ? t : undefined;
      }, 'the note in the notes file'),
    ) as { notes: Note[] };
    const saved = file.notes.find((n) => n.id === note.id);
    assertEqual(saved?.body, body, 'both lines in .cnd/notes.json');
    assertEqual(saved?.author, 'A. Tester', 'signed with cndSummary.notes.author');
    assertEqual(saved?.tags, ['follow-up'], 'tags from the body');
    await notes.service.remove(note.id);
  } finally {
    await cfg().update('notes.author', undefined, vscode.ConfigurationTarget.Global);
  }
});

test('notes: a hover card shows a hostile note from the file as text; its links carry one paragraph number', async () => {
  const { notes } = await api();
  await notes.service.ready;
  const evil =
    'x\n\n[Click me](https://evil.example)\n\n![t](https://evil.example/t.png) <https://evil.example> www.evil.example';
  const note = await notes.add(26, `${evil} #follow-up`);
  const editor = await openDraft('notes-3.md', 'See para. 26.');
  const at = editor.document.positionAt(editor.document.getText().indexOf('para. 26') + 2);
  const md = hoverMarkdown(
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at),
  );
  const links = [...md.matchAll(/(?<!\\)\]\((?<!\\)([^)]*)\)/g)].map((m) => m[1]);
  assert(links.length > 0, 'the card has its own links');
  for (const l of links) {
    const m = /^command:cndSummary\.(goToParagraph|addNote)\?(.*)$/.exec(l);
    assert(m, `only our commands: ${l}`);
    assertEqual(JSON.parse(decodeURIComponent(m[2])), [26], `one paragraph number in ${l}`);
  }
  assert(!/(?<!\\)<https/.test(md) && !/(?<!\\)www\.evil/.test(md), 'no autolink, no bare link');
  assert(unescaped(md).includes('[Click me](https://evil.example)'), 'the words are shown as text');
  await notes.service.remove(note.id);
});

test('notes: a file with a hostile tag, or not UTF-8, is refused untouched; edits wait until it is fixed', async () => {
  const { notes } = await api();
  await notes.service.ready;
  const good = await waitFor(() => readText(notesFile()), 'the notes file');
  const kept = notes.service.list()[0];
  assert(kept, 'a note to edit');
  const shown = messagesSince(notes);
  const file = JSON.parse(good) as { notes: Note[] };
  file.notes[0].tags = ['x\n\n[Run](command:cndSummary.addNote?%5B24%2C%22x%22%5D)'];
  const hostile = new TextEncoder().encode(JSON.stringify(file, null, 2));
  try {
    await vscode.workspace.fs.writeFile(notesFile(), hostile);
    await waitFor(() => notes.service.status.kind === 'corrupt', 'the store to refuse the hostile tag', 15000);
    const status = notes.service.status;
    assert(status.kind === 'corrupt' && /tag 1 is not a tag/.test(status.error), `the reason: ${JSON.stringify(status)}`);
    await waitFor(() => shown().some((m) => m.includes('cannot be read')), 'the error message', 15000);
    const quoting = shown().filter((m) => m.includes('command:'));
    assertEqual(quoting, [], 'the message does not quote the file');
    let refused = '';
    await notes.service.update(kept.id, { body: 'edited while the file is broken' }).catch((e: Error) => (refused = e.message));
    assert(refused.includes('cannot be edited, resolved or deleted until it is fixed'), `edit refused: ${refused}`);
    assertEqual(decoder.decode(await vscode.workspace.fs.readFile(notesFile())), decoder.decode(hostile), 'untouched');
    // Latin-1: not rewritten with U+FFFD.
    const latin1 = Uint8Array.from([...good.replace('"source": "', '"source": "é')].map((c) => c.charCodeAt(0) & 0xff));
    await vscode.workspace.fs.writeFile(notesFile(), latin1);
    await waitFor(
      () => notes.service.status.kind === 'corrupt' && notes.service.status.error.includes('not UTF-8'),
      'the store to refuse the Latin-1 file',
      15000,
    );
    const added = await notes.add(5, 'Written while the file is Latin-1');
    assert(added, 'new notes are still saved (to the recovery file)');
    const bytes = await vscode.workspace.fs.readFile(notesFile());
    assertEqual([...bytes].join(','), [...latin1].join(','), 'the bytes are untouched');
  } finally {
    await vscode.workspace.fs.writeFile(notesFile(), new TextEncoder().encode(good));
  }
  await waitFor(() => notes.service.status.kind === 'ok', 'the store to see the fixed file', 15000);
  await waitFor(
    async () => (await readText(notesFile()))?.includes('Written while the file is Latin-1'),
    'the recovered note in the notes file',
    15000,
  );
  await notes.service.update(kept.id, { body: 'edited once the file is fixed' });
  assert((await readText(notesFile()))?.includes('edited once the file is fixed'), 'the edit is written');
});

test('notes: the store’s view of the file system (stat) in this host: files, folders, nothing, no links here', async () => {
  const { notes } = await api();
  await notes.service.ready;
  await waitFor(() => readText(notesFile()), 'the notes file');
  const fs = workspaceNotesFs();
  const file = await fs.stat(notesFile().toString());
  assert(file && file.type === 'file' && !file.symbolicLink && file.size > 0, `notes.json: ${JSON.stringify(file)}`);
  const folder = await fs.stat(workspaceUri('.cnd').toString());
  assert(folder && folder.type === 'directory' && !folder.symbolicLink, `.cnd: ${JSON.stringify(folder)}`);
  assertEqual(await fs.stat(workspaceUri('.cnd', 'no-such-file.json').toString()), undefined, 'nothing there');
  assertEqual(notes.service.status.kind, 'ok', 'the store reads and writes through these checks');
});

test('notes: the notes file setting is followed inside the workspace folder, refused outside it, ignored from an untrusted workspace', async () => {
  const { notes } = await api();
  const cfg = () => vscode.workspace.getConfiguration('cndSummary');
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const defaultFile = vscode.Uri.joinPath(folder, '.cnd', 'notes.json').toString();
  try {
    await cfg().update('notes.file', 'team/shared-notes.json', vscode.ConfigurationTarget.Workspace);
    if (!vscode.workspace.isTrusted) {
      // Restricted Mode: `restrictedConfigurations` in package.json makes VS Code ignore the workspace's value.
      log(`workspace not trusted in ${hostKind()}: checking that the workspace's notes.file is ignored`);
      await new Promise((r) => setTimeout(r, 1500));
      assertEqual(cfg().get('notes.file'), '.cnd/notes.json', 'the workspace value is not applied');
      assertEqual(notes.service.location.file.toString(), defaultFile, 'notes stay in the default file');
      return;
    }
    await waitFor(
      () => notes.service.location.file.path.endsWith('/team/shared-notes.json'),
      `the new notes file (now ${notes.service.location.file.path})`,
    );
    assert(notes.service.location.file.path.startsWith(folder.path), 'inside the workspace folder');
    await cfg().update('notes.file', '../../outside/notes.json', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => notes.service.location.refused === '../../outside/notes.json', 'the refused path');
    assertEqual(notes.service.location.file.toString(), defaultFile, 'the default file instead');
  } finally {
    await cfg().update('notes.file', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor(
    () => notes.service.location.file.toString() === defaultFile && !notes.service.location.refused,
    'back to the default',
  );
  await notes.service.ready;
});
