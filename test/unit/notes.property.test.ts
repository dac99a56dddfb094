import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { propertyParams } from './property';
import { makeTarget, type NotesFile, parseNotesFile, serializeNotesFile } from '../../src/core/notes/model';
import { NoteStore, NotesRefused } from '../../src/core/notes/store';
import { MemoryFs, note } from './notesFs';

const FILE = '.cnd/notes.json';
const RECOVERY = '.cnd/notes.recovery.json';

type Op =
  | { kind: 'add' }
  | { kind: 'edit'; k: number }
  | { kind: 'delete'; k: number }
  | { kind: 'extAdd' }
  | { kind: 'extEdit'; k: number }
  | { kind: 'extDelete'; k: number }
  | { kind: 'sync' }
  | { kind: 'crash'; after: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Op>({ kind: 'add' }) },
  { weight: 3, arbitrary: fc.nat(20).map((k): Op => ({ kind: 'edit', k })) },
  { weight: 2, arbitrary: fc.nat(20).map((k): Op => ({ kind: 'delete', k })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'extAdd' }) },
  { weight: 2, arbitrary: fc.nat(20).map((k): Op => ({ kind: 'extEdit', k })) },
  { weight: 1, arbitrary: fc.nat(20).map((k): Op => ({ kind: 'extDelete', k })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'sync' }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }).map((after): Op => ({ kind: 'crash', after })) },
);

/**
 * Model-based test of the store: random add/edit/delete, interleaved with edits of the file from
 * outside and crashes between any two write steps. Afterwards every note version the store confirmed,
 * and every version written from outside, is in the file or the recovery file unless it was deleted or
 * edited again later; and the file is valid JSON after every step.
 */
describe('notes store: model-based property test (fast-check)', () => {
  test('confirmed notes are never lost; the file is always valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const fs = new MemoryFs();
        let ids = 0;
        let clock = 0;
        const make = () =>
          new NoteStore(fs, {
            file: FILE,
            recovery: RECOVERY,
            source: 'test',
            newId: () => `id${++ids}`,
            now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ++clock)).toISOString(),
          });
        let store = make();
        await store.load();
        /**
         * The versions that must survive: every body written (by us, confirmed, or from outside) that was
         * not edited again or deleted afterwards. Bodies are unique, so they name versions.
         */
        const live = new Set<string>();
        /** The version an edit or delete of ours was replacing, in case the operation crashes half-way. */
        let replacing: string | undefined;
        let bodies = 0;
        const readFile = (): NotesFile | undefined => {
          const t = fs.text(FILE);
          return t === undefined ? undefined : parseNotesFile(t);
        };
        const writeFile = (f: NotesFile) => fs.setText(FILE, serializeNotesFile(f));
        let crashArmed = false;
        for (const o of ops) {
          replacing = undefined;
          try {
            switch (o.kind) {
              case 'add': {
                const body = `b${++bodies}`;
                await store.add({ target: makeTarget(1, 'text', 0, 0), body, author: 'us' });
                live.add(body);
                break;
              }
              case 'edit': {
                const list = store.list();
                if (!list.length) break;
                const target = list[o.k % list.length];
                const body = `b${++bodies}`;
                replacing = target.body;
                await store.update(target.id, { body });
                live.delete(target.body);
                live.add(body);
                break;
              }
              case 'delete': {
                const list = store.list();
                if (!list.length) break;
                const target = list[o.k % list.length];
                replacing = target.body;
                await store.remove(target.id);
                live.delete(target.body);
                break;
              }
              case 'extAdd': {
                const f = readFile() ?? { format: 'cnd-summary-notes', version: 1, source: '', notes: [], deleted: [] };
                const id = `ext${++bodies}`;
                const body = `b${bodies}`;
                f.notes.push(note(id, { body, created: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ++clock)).toISOString() }));
                writeFile(f);
                live.add(body);
                break;
              }
              case 'extEdit': {
                const f = readFile();
                if (!f || !f.notes.length) break;
                const n = f.notes[o.k % f.notes.length];
                live.delete(n.body);
                n.body = `b${++bodies}`;
                n.modified = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ++clock)).toISOString();
                writeFile(f);
                live.add(n.body);
                break;
              }
              case 'extDelete': {
                const f = readFile();
                if (!f || !f.notes.length) break;
                const [gone] = f.notes.splice(o.k % f.notes.length, 1);
                writeFile(f);
                live.delete(gone.body);
                break;
              }
              case 'sync':
                await store.sync();
                break;
              case 'crash':
                fs.failAt = fs.steps + o.after;
                crashArmed = true;
                break;
            }
          } catch (e) {
            assert.ok(
              crashArmed && e instanceof Error && e.message.startsWith('crash during'),
              `only injected crashes fail: ${String(e)}`,
            );
            // The process died: a new store starts from what is on disk. A half-done edit or delete may or may
            // not have reached the file, so the version it replaced is no longer required.
            if (replacing !== undefined) live.delete(replacing);
            fs.failAt = -1;
            crashArmed = false;
            store = make();
            await store.load();
          }
          if (crashArmed && fs.failAt <= fs.steps) {
            fs.failAt = -1;
            crashArmed = false;
          }
          // After every step: whatever is on disk is a valid notes file.
          for (const path of [FILE, RECOVERY]) {
            const t = fs.text(path);
            if (t !== undefined) assert.doesNotThrow(() => parseNotesFile(t), `${path} is valid after ${o.kind}`);
          }
        }
        fs.failAt = -1;
        await store.sync();
        const present = new Set<string>();
        for (const path of [FILE, RECOVERY]) {
          const t = fs.text(path);
          if (t) for (const n of parseNotesFile(t).notes) present.add(n.body);
        }
        for (const body of live) assert.ok(present.has(body), `version “${body}” is on disk (have ${[...present].join(', ')})`);
      }),
      propertyParams(300),
    );
  });
});

/** Two windows (0 and 1) on one workspace: what they do, what happens to the files around them. */
type WorldOp =
  | { kind: 'add'; w: number }
  | { kind: 'edit'; w: number; k: number }
  | { kind: 'resolve'; w: number; k: number }
  | { kind: 'delete'; w: number; k: number }
  | { kind: 'sync'; w: number }
  | { kind: 'restart'; w: number }
  | { kind: 'crash'; after: number }
  | { kind: 'extAdd' }
  | { kind: 'extEdit'; k: number }
  | { kind: 'extDelete'; k: number }
  | { kind: 'corrupt'; how: number }
  | { kind: 'repair' }
  | { kind: 'deleteCorrupt' }
  | { kind: 'linkFile'; secret: boolean }
  | { kind: 'linkFolder' }
  | { kind: 'unlink' };

const window = fc.nat(1);
const worldOp: fc.Arbitrary<WorldOp> = fc.oneof(
  { weight: 5, arbitrary: window.map((w): WorldOp => ({ kind: 'add', w })) },
  { weight: 3, arbitrary: fc.tuple(window, fc.nat(9)).map(([w, k]): WorldOp => ({ kind: 'edit', w, k })) },
  { weight: 1, arbitrary: fc.tuple(window, fc.nat(9)).map(([w, k]): WorldOp => ({ kind: 'resolve', w, k })) },
  { weight: 2, arbitrary: fc.tuple(window, fc.nat(9)).map(([w, k]): WorldOp => ({ kind: 'delete', w, k })) },
  { weight: 3, arbitrary: window.map((w): WorldOp => ({ kind: 'sync', w })) },
  { weight: 1, arbitrary: window.map((w): WorldOp => ({ kind: 'restart', w })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }).map((after): WorldOp => ({ kind: 'crash', after })) },
  { weight: 1, arbitrary: fc.constant<WorldOp>({ kind: 'extAdd' }) },
  { weight: 1, arbitrary: fc.nat(9).map((k): WorldOp => ({ kind: 'extEdit', k })) },
  { weight: 1, arbitrary: fc.nat(9).map((k): WorldOp => ({ kind: 'extDelete', k })) },
  { weight: 3, arbitrary: fc.nat(4).map((how): WorldOp => ({ kind: 'corrupt', how })) },
  { weight: 2, arbitrary: fc.constant<WorldOp>({ kind: 'repair' }) },
  { weight: 1, arbitrary: fc.constant<WorldOp>({ kind: 'deleteCorrupt' }) },
  { weight: 1, arbitrary: fc.boolean().map((secret): WorldOp => ({ kind: 'linkFile', secret })) },
  { weight: 1, arbitrary: fc.constant<WorldOp>({ kind: 'linkFolder' }) },
  { weight: 2, arbitrary: fc.constant<WorldOp>({ kind: 'unlink' }) },
);

const ROOT = 'ws';
const F = 'ws/.cnd/notes.json';
const R = 'ws/.cnd/notes.recovery.json';
const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
const encoder = new TextEncoder();

/**
 * Ways a notes file goes bad: not JSON (a merge conflict), Latin-1, JSON nested in a target (60 levels here
 * to keep the run short; notes.test.ts has 3,000 and 5,000), a hostile tag, UTF-16.
 */
function corrupted(valid: string | undefined, how: number): Uint8Array {
  const text = valid ?? serializeNotesFile({ format: 'cnd-summary-notes', version: 1, source: '', notes: [], deleted: [] });
  switch (how) {
    case 0:
      return encoder.encode(`${text.slice(0, Math.floor(text.length / 2))}<<<<<<< HEAD`);
    case 1:
      return Uint8Array.from([...text.replace('"source": "', '"source": "é')].map((c) => c.charCodeAt(0) & 0xff));
    case 2:
      return encoder.encode(
        text.replace(
          '"notes": [',
          `"notes": [${JSON.stringify(note('deep')).replace('"paragraph":24', `"paragraph":24,"x":${'['.repeat(60)}${']'.repeat(60)}`)},`,
        ),
      );
    case 3:
      return encoder.encode(
        text.replace('"notes": [', `"notes": [${JSON.stringify(note('tag', { tags: ['x\n\n[a](https://e.example)'] }))},`),
      );
    default:
      return Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, 0])]);
  }
}

/**
 * The whole story: two windows adding, editing, resolving and deleting notes, restarting and crashing
 * (between any two write steps, in either window); the file edited from outside, corrupted in five ways,
 * repaired, or deleted while corrupt; notes.json or the .cnd folder replaced by a symbolic link out of
 * the workspace, and put back. A note version is confirmed when its add or update resolved. Afterwards,
 * every confirmed version not deleted or edited again since (and every version written from outside) is in
 * the notes file or the recovery file; after every step both files are valid notes files (unless the
 * corruption is the test's own); nothing outside the workspace is ever written; no message quotes it.
 */
describe('notes store: two windows, corrupt files, recovery, crashes and links (fast-check)', () => {
  test('0 confirmed notes lost over 10,000 generated sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(worldOp, { minLength: 1, maxLength: 12 }), async (ops) => {
        const fs = new MemoryFs();
        let ids = 0;
        let clock = 0;
        const tick = () => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ++clock)).toISOString();
        const make = (w: number) =>
          new NoteStore(fs, { file: F, recovery: R, root: ROOT, source: 'test', newId: () => `w${w}-${++ids}`, now: tick });
        const windows = [make(0), make(1)];
        await windows[0].load();
        await windows[1].load();
        /** Bodies of the versions that must survive (bodies are unique, so they name versions). */
        const live = new Set<string>();
        let bodies = 0;
        /** The test's own corruption: what the file held before (undefined: it did not exist). */
        let corruption: { before: Uint8Array | undefined } | undefined;
        /** Files moved aside while a link stands in their place. */
        let link: { path: string; aside: Map<string, Uint8Array> } | undefined;
        const outside = new Map<string, Uint8Array>();
        let crashArmed = false;
        const validText = (path: string): string | undefined => fs.text(path);
        /** Contents already found valid (the fake replaces a file's bytes on every write). */
        const checked = new WeakSet<Uint8Array>();
        const assertValid = (path: string, what: string) => {
          const bytes = fs.files.get(fs.resolve(path));
          if (!bytes || checked.has(bytes)) return;
          assert.doesNotThrow(() => parseNotesFile(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), what);
          checked.add(bytes);
        };
        const fileWritable = () => !corruption && !link;
        const readF = (): NotesFile =>
          validText(F) !== undefined
            ? parseNotesFile(validText(F)!)
            : { format: 'cnd-summary-notes', version: 1, source: '', notes: [], deleted: [] };
        const restart = async (w: number) => {
          fs.failAt = -1;
          crashArmed = false;
          windows[w] = make(w);
          await windows[w].load();
        };
        for (const o of ops) {
          let replacing: string | undefined;
          let actor: number | undefined;
          try {
            switch (o.kind) {
              case 'add': {
                actor = o.w;
                const body = `b${++bodies}`;
                try {
                  await windows[o.w].add({ target: makeTarget(1, 'text', 0, 0), body, author: `w${o.w}` });
                  live.add(body);
                } catch (e) {
                  if (!(e instanceof NotesRefused)) throw e;
                }
                break;
              }
              case 'edit':
              case 'resolve':
              case 'delete': {
                actor = o.w;
                const list = windows[o.w].list();
                if (!list.length) break;
                const target = list[o.k % list.length];
                replacing = target.body;
                try {
                  if (o.kind === 'delete') {
                    await windows[o.w].remove(target.id);
                    live.delete(target.body);
                  } else if (o.kind === 'resolve') {
                    await windows[o.w].update(target.id, { resolved: !target.resolved });
                  } else {
                    const body = `b${++bodies}`;
                    await windows[o.w].update(target.id, { body });
                    live.delete(target.body);
                    live.add(body);
                  }
                } catch (e) {
                  if (!(e instanceof NotesRefused)) throw e;
                }
                break;
              }
              case 'sync':
                actor = o.w;
                await windows[o.w].sync();
                break;
              case 'restart':
                actor = o.w;
                await restart(o.w);
                break;
              case 'crash':
                fs.failAt = fs.steps + o.after;
                crashArmed = true;
                break;
              case 'extAdd': {
                if (!fileWritable()) break;
                const f = readF();
                const body = `b${++bodies}`;
                f.notes.push(note(`ext${bodies}`, { body, created: tick(), modified: tick() }));
                fs.setText(F, serializeNotesFile(f));
                live.add(body);
                break;
              }
              case 'extEdit': {
                if (!fileWritable() || validText(F) === undefined) break;
                const f = readF();
                if (!f.notes.length) break;
                const n = f.notes[o.k % f.notes.length];
                live.delete(n.body);
                n.body = `b${++bodies}`;
                n.modified = tick();
                fs.setText(F, serializeNotesFile(f));
                live.add(n.body);
                break;
              }
              case 'extDelete': {
                if (!fileWritable() || validText(F) === undefined) break;
                const f = readF();
                if (!f.notes.length) break;
                const [gone] = f.notes.splice(o.k % f.notes.length, 1);
                fs.setText(F, serializeNotesFile(f));
                live.delete(gone.body);
                break;
              }
              case 'corrupt': {
                if (!fileWritable()) break;
                const before = fs.files.get(F);
                corruption = { before };
                fs.files.set(F, corrupted(validText(F), o.how));
                break;
              }
              case 'repair':
                if (!corruption || link) break;
                if (corruption.before) fs.files.set(F, corruption.before);
                else fs.files.delete(F);
                corruption = undefined;
                break;
              case 'deleteCorrupt': {
                if (!corruption || link) break;
                // The user deletes the broken file: what only it held is gone, by their hand.
                const inRecovery = new Set(validText(R) ? parseNotesFile(validText(R)!).notes.map((n) => n.body) : []);
                if (corruption.before) {
                  for (const n of parseNotesFile(new TextDecoder().decode(corruption.before)).notes)
                    if (!inRecovery.has(n.body)) live.delete(n.body);
                }
                fs.files.delete(F);
                corruption = undefined;
                break;
              }
              case 'linkFile':
              case 'linkFolder': {
                if (link || corruption) break;
                const path = o.kind === 'linkFile' ? F : 'ws/.cnd';
                const aside = new Map<string, Uint8Array>();
                for (const [p, data] of fs.files) if (p === path || p.startsWith(`${path}/`)) aside.set(p, data);
                for (const p of aside.keys()) fs.files.delete(p);
                const target = o.kind === 'linkFile' ? 'home/target.json' : 'home/dir';
                const content =
                  o.kind === 'linkFolder'
                    ? new Map([
                        [
                          'home/dir/notes.json',
                          encoder.encode(
                            serializeNotesFile(
                              parseNotesFile(
                                serializeNotesFile({
                                  format: 'cnd-summary-notes',
                                  version: 1,
                                  source: '',
                                  notes: [note('foreign', { body: 'foreign' })],
                                  deleted: [],
                                }),
                              ),
                            ),
                          ),
                        ],
                      ])
                    : new Map([
                        [
                          'home/target.json',
                          encoder.encode(
                            o.secret
                              ? SECRET
                              : serializeNotesFile({
                                  format: 'cnd-summary-notes',
                                  version: 1,
                                  source: '',
                                  notes: [note('foreign', { body: 'foreign' })],
                                  deleted: [],
                                }),
                          ),
                        ],
                      ]);
                for (const [p, data] of content) {
                  fs.files.set(p, data);
                  outside.set(p, data);
                }
                fs.links.set(path, target);
                link = { path, aside };
                break;
              }
              case 'unlink':
                if (!link) break;
                fs.links.delete(link.path);
                for (const [p, data] of link.aside) fs.files.set(p, data);
                link = undefined;
                break;
            }
          } catch (e) {
            assert.ok(
              crashArmed && e instanceof Error && e.message.startsWith('crash during'),
              `only injected crashes fail: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            );
            // That window's process died; a new one starts from what is on disk. A half-done edit or delete may
            // or may not have reached the file, so the version it replaced is no longer required.
            if (replacing !== undefined) live.delete(replacing);
            await restart(actor ?? 0);
          }
          if (crashArmed && fs.failAt <= fs.steps) {
            fs.failAt = -1;
            crashArmed = false;
          }
          // After every step: the files the stores write are valid; nothing outside was touched; no secret quoted.
          if (!corruption && !link) assertValid(F, `F after ${o.kind}`);
          if (link?.path !== 'ws/.cnd') assertValid(R, `R after ${o.kind}`);
          for (const [p, data] of outside) assert.deepEqual(fs.files.get(p), data, `${p} untouched`);
          if (link) assert.ok(fs.links.has(link.path), 'the link is still a link');
          for (const s of windows) {
            const status = s.status;
            const said =
              status.kind === 'corrupt' ? `${status.error} ${status.recoveryError ?? ''}` : (status.recoveryError ?? '');
            assert.ok(!said.includes('AWS') && !said.includes('foreign'), said);
          }
        }
        // The end: links removed, the file repaired, both windows look again.
        fs.failAt = -1;
        if (link) {
          fs.links.delete(link.path);
          for (const [p, data] of link.aside) fs.files.set(p, data);
        }
        if (corruption) {
          if (corruption.before) fs.files.set(F, corruption.before);
          else fs.files.delete(F);
        }
        await windows[0].sync();
        await windows[1].sync();
        const present = new Set<string>();
        for (const path of [F, R]) {
          const t = validText(path);
          if (t) for (const n of parseNotesFile(t).notes) present.add(n.body);
        }
        for (const body of live) assert.ok(present.has(body), `version “${body}” is on disk (have ${[...present].join(', ')})`);
      }),
      propertyParams(10_000, { verbose: process.env.CND_FC_VERBOSE ? 2 : 0 }),
    );
  });
});
