import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { propertyParams } from './property';
import { makeTarget, type NotesFile, parseNotesFile, serializeNotesFile } from '../../src/core/notes/model';
import { NoteStore } from '../../src/core/notes/store';
import { MemoryFs, note } from './notes.test';

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
