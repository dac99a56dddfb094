import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { anchorNote } from '../../src/core/notes/anchor';
import { exportMarkdown, exportWebAnnotation } from '../../src/core/notes/export';
import { mergeNotes, type NotesState } from '../../src/core/notes/merge';
import {
  isTag,
  makeTarget,
  type Note,
  NotesFormatError,
  parseNotesFile,
  serializeNotesFile,
  tagsOf,
} from '../../src/core/notes/model';
import { NoteStore, type NotesFs, RenameUnsupported } from '../../src/core/notes/store';
import { summary } from './fixtures';
import { propertyParams } from './property';

const P24 = summary.paragraph(24)!.text;
const paragraphs = summary.doc.paragraphs.map((p) => ({ number: p.number, text: p.text }));

export function note(id: string, over: Partial<Note> = {}): Note {
  const at = P24.indexOf('less than 1 per cent');
  return {
    id,
    target: makeTarget(24, P24, at, at + 'less than 1 per cent'.length),
    body: `note ${id}`,
    tags: [],
    author: 'A',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    resolved: false,
    ...over,
  };
}

/** An in-memory file system; `failAt` makes the n-th mutating call throw (a crash between write steps). */
export class MemoryFs implements NotesFs {
  files = new Map<string, Uint8Array>();
  steps = 0;
  failAt = -1;
  canRename = true;
  private step(what: string): void {
    this.steps++;
    if (this.steps === this.failAt) throw new Error(`crash during ${what}`);
  }
  read(path: string) {
    return Promise.resolve(this.files.get(path));
  }
  write(path: string, data: Uint8Array) {
    this.step(`write ${path}`);
    this.files.set(path, data);
    return Promise.resolve();
  }
  rename(from: string, to: string) {
    if (!this.canRename) return Promise.reject(new RenameUnsupported('no rename'));
    this.step(`rename ${from}`);
    const data = this.files.get(from);
    if (!data) return Promise.reject(new Error(`no ${from}`));
    this.files.set(to, data);
    this.files.delete(from);
    return Promise.resolve();
  }
  remove(path: string) {
    this.step(`remove ${path}`);
    this.files.delete(path);
    return Promise.resolve();
  }
  text(path: string): string | undefined {
    const b = this.files.get(path);
    return b && new TextDecoder().decode(b);
  }
  setText(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }
}

let counter = 0;
export function store(fs: MemoryFs): NoteStore {
  return new NoteStore(fs, {
    file: '.cnd/notes.json',
    recovery: '.cnd/notes.recovery.json',
    source: 'test',
    newId: () => `id${++counter}`,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, counter++)).toISOString(),
  });
}

const FILE = '.cnd/notes.json';
const RECOVERY = '.cnd/notes.recovery.json';

describe('notes: selectors and re-anchoring', () => {
  test('selectors for a passage: exact, prefix, suffix, position', () => {
    const at = P24.indexOf('less than 1 per cent');
    const t = makeTarget(24, P24, at, at + 20);
    assert.equal(t.scope, 'passage');
    assert.equal(t.selector[0].exact, 'less than 1 per cent');
    assert.equal(t.selector[0].prefix, P24.slice(at - 32, at));
    assert.equal(t.selector[0].suffix, P24.slice(at + 20, at + 52));
    assert.deepEqual(t.selector[1], { type: 'TextPositionSelector', start: at, end: at + 20 });
    assert.equal(makeTarget(24, P24, 0, 0).scope, 'paragraph');
  });

  test('exact: the quoted words are where they were', () => {
    const a = anchorNote(note('a'), paragraphs);
    assert.deepEqual([a.paragraph, a.status, P24.slice(a.start, a.end)], [24, 'exact', 'less than 1 per cent']);
  });

  test('shifted text: found again by quote, the right occurrence by context', () => {
    const shifted = paragraphs.map((p) => (p.number === 24 ? { ...p, text: `A corrected opening sentence. ${p.text}` } : p));
    const a = anchorNote(note('a'), shifted);
    assert.equal(a.status, 'moved');
    assert.equal(shifted[23].text.slice(a.start, a.end), 'less than 1 per cent');
    // Renumbered: the paragraph moved to number 25.
    const renumbered = paragraphs.map((p) =>
      p.number === 24 ? { ...p, text: 'A new paragraph.' } : p.number === 25 ? { ...p, text: P24 } : p,
    );
    assert.equal(anchorNote(note('a'), renumbered).paragraph, 25);
    // Two occurrences: the context decides.
    const at = P24.indexOf('UNODC experts');
    const n = note('b', { target: makeTarget(24, P24, at, at + 'UNODC experts'.length) });
    const doubled = paragraphs.map((p) => (p.number === 24 ? { ...p, text: `UNODC experts said so. ${p.text}` } : p));
    const b = anchorNote(n, doubled);
    assert.equal(b.status, 'moved');
    assert.equal(doubled[23].text.slice(b.start - 4, b.end), 'The UNODC experts');
  });

  test('edited passage: fuzzy match above the minimum score', () => {
    const edited = paragraphs.map((p) =>
      p.number === 24 ? { ...p, text: p.text.replace('less than 1 per cent', 'less than one per cent') } : p,
    );
    const a = anchorNote(note('a'), edited);
    assert.equal(a.status, 'fuzzy');
    assert.ok(a.score >= 0.75 && a.score < 1);
    assert.match(edited[23].text.slice(a.start, a.end), /less than one per cen/);
  });

  test('passage gone: orphaned, never dropped', () => {
    const gone = paragraphs.map((p) => (p.number === 24 ? { ...p, text: 'Entirely different words about something else.' } : p));
    const a = anchorNote(note('a'), gone);
    assert.equal(a.status, 'orphaned');
    assert.equal(a.paragraph, 24);
  });

  test('whole-paragraph notes follow their paragraph', () => {
    const n = note('p', { target: makeTarget(24, P24, 0, 0) });
    assert.equal(anchorNote(n, paragraphs).status, 'exact');
    const renumbered = paragraphs.map((p) =>
      p.number === 24 ? { ...p, text: 'Inserted.' } : p.number === 25 ? { ...p, text: P24 } : p,
    );
    assert.deepEqual([anchorNote(n, renumbered).paragraph, anchorNote(n, renumbered).status], [25, 'moved']);
  });

  test('tags are the hashtags of the body', () => {
    assert.deepEqual(tagsOf('Quote this #quote in plenary (#Follow-up). Not#this, nor # that.'), ['quote', 'follow-up']);
  });
});

describe('notes: merge rules (three-way, by id)', () => {
  const state = (...notes: Note[]): NotesState => ({ notes: new Map(notes.map((n) => [n.id, n])), deleted: new Map() });
  let ids = 0;
  const newId = () => `copy${++ids}`;
  const a = note('a');
  const a2 = { ...a, body: 'edited here', modified: '2026-02-01T00:00:00.000Z' };
  const a3 = { ...a, body: 'edited there', modified: '2026-02-02T00:00:00.000Z' };
  const b = note('b');

  test('additions on both sides are kept', () => {
    const r = mergeNotes(state(), state(a), state(b), newId);
    assert.deepEqual([...r.notes.keys()].sort(), ['a', 'b']);
    assert.deepEqual(r.conflicts, []);
  });
  test('an edit on one side wins over the unchanged other side', () => {
    assert.equal(mergeNotes(state(a), state(a2), state(a), newId).notes.get('a')!.body, 'edited here');
    assert.equal(mergeNotes(state(a), state(a), state(a3), newId).notes.get('a')!.body, 'edited there');
  });
  test('a deletion on one side wins over the unchanged other side', () => {
    assert.equal(mergeNotes(state(a), state(), state(a), newId).notes.size, 0);
    const r = mergeNotes(state(a, b), state(a, b), state(b), newId);
    assert.deepEqual([...r.notes.keys()], ['b']);
    assert.ok(r.deleted.has('a'));
  });
  test('the same note edited on both sides: both versions kept, conflict reported', () => {
    const r = mergeNotes(state(a), state(a2), state(a3), newId);
    assert.equal(r.notes.get('a')!.body, 'edited there');
    const copy = [...r.notes.values()].find((n) => n.conflictOf === 'a')!;
    assert.equal(copy.body, 'edited here');
    assert.deepEqual(r.conflicts, [{ id: 'a', kind: 'edited-both', kept: ['a', copy.id] }]);
  });
  test('edited on one side, deleted on the other: the edit is kept, conflict reported', () => {
    const r1 = mergeNotes(state(a), state(a2), state(), newId);
    assert.equal(r1.notes.get('a')!.body, 'edited here');
    assert.equal(r1.conflicts[0].kind, 'edited-here-deleted-there');
    const r2 = mergeNotes(state(a), state(), state(a3), newId);
    assert.equal(r2.notes.get('a')!.body, 'edited there');
    assert.equal(r2.conflicts[0].kind, 'deleted-here-edited-there');
  });
  test('tombstones stop a stale copy from bringing a deleted note back', () => {
    const theirs = state();
    theirs.deleted.set('a', { id: 'a', deleted: '2026-03-01T00:00:00.000Z' });
    const r = mergeNotes(state(), state(), theirs, newId);
    assert.equal(r.notes.size, 0);
    assert.ok(r.deleted.has('a'));
  });
});

describe('notes: the file', () => {
  test('serialised and parsed back; stable order', () => {
    const text = serializeNotesFile({
      format: 'cnd-summary-notes',
      version: 1,
      source: 's',
      notes: [note('b'), note('a')],
      deleted: [],
    });
    const f = parseNotesFile(text);
    assert.deepEqual(
      f.notes.map((n) => n.id),
      ['a', 'b'],
    );
    assert.equal(serializeNotesFile(f), text);
  });
  test('corrupt, empty, other schema, duplicated ids: errors that say what is wrong', () => {
    assert.throws(() => parseNotesFile(''), /the file is empty/);
    assert.throws(() => parseNotesFile('{"format": "cnd-summary-notes", "version": 1, "notes": ['), /not valid JSON/);
    assert.throws(() => parseNotesFile('{"annotations": []}'), /not a CND Summary notes file/);
    assert.throws(() => parseNotesFile('[1,2]'), /must hold a JSON object/);
    assert.throws(() => parseNotesFile('{"format":"cnd-summary-notes","version":2,"notes":[]}'), /version 2/);
    assert.throws(
      () => parseNotesFile(JSON.stringify({ format: 'cnd-summary-notes', version: 1, notes: [{ id: 'x' }] })),
      /notes\[0\] \(x\): "body" must be a string/,
    );
    assert.throws(
      () => parseNotesFile(JSON.stringify({ format: 'cnd-summary-notes', version: 1, notes: [note('a'), note('a')] })),
      /note id "a" appears twice/,
    );
  });
});

describe('notes: the store', () => {
  test('add, edit, resolve, delete: each written at once, atomically', async () => {
    const fs = new MemoryFs();
    const s = store(fs);
    await s.load();
    const n = await s.add({ target: makeTarget(24, P24, 0, 0), body: 'Our line #quote', author: 'Me' });
    assert.deepEqual(n.tags, ['quote']);
    assert.deepEqual(
      parseNotesFile(fs.text(FILE)!).notes.map((x) => x.body),
      ['Our line #quote'],
    );
    await s.update(n.id, { body: 'Our line, revised #follow-up' });
    await s.update(n.id, { resolved: true });
    const f = parseNotesFile(fs.text(FILE)!);
    assert.deepEqual(
      [f.notes[0].body, f.notes[0].tags, f.notes[0].resolved],
      ['Our line, revised #follow-up', ['follow-up'], true],
    );
    await s.remove(n.id);
    assert.deepEqual(parseNotesFile(fs.text(FILE)!).notes, []);
    assert.deepEqual(
      [...fs.files.keys()].filter((k) => k.endsWith('.tmp')),
      [],
      'no temporary files left',
    );
  });

  test('without rename: written in place and verified', async () => {
    const fs = new MemoryFs();
    fs.canRename = false;
    const s = store(fs);
    await s.load();
    await s.add({ target: makeTarget(3, 'x', 0, 0), body: 'b', author: '' });
    assert.equal(parseNotesFile(fs.text(FILE)!).notes.length, 1);
    assert.deepEqual([...fs.files.keys()], [FILE]);
  });

  test('changes made outside are merged by id, never overwritten', async () => {
    const fs = new MemoryFs();
    const s = store(fs);
    await s.load();
    const mine = await s.add({ target: makeTarget(24, P24, 0, 0), body: 'mine', author: 'Me' });
    // Another window adds a note (the watcher has not fired yet).
    const other = parseNotesFile(fs.text(FILE)!);
    other.notes.push(note('theirs', { body: 'theirs' }));
    fs.setText(FILE, serializeNotesFile(other));
    await s.add({ target: makeTarget(25, 'x', 0, 0), body: 'mine too', author: 'Me' });
    assert.deepEqual(
      parseNotesFile(fs.text(FILE)!)
        .notes.map((n) => n.body)
        .sort(),
      ['mine', 'mine too', 'theirs'],
    );
    // Both sides edit the same note: both versions kept, the user is told.
    const f = parseNotesFile(fs.text(FILE)!);
    f.notes.find((n) => n.id === mine.id)!.body = 'edited in the other window';
    f.notes.find((n) => n.id === mine.id)!.modified = '2027-01-01T00:00:00.000Z';
    fs.setText(FILE, serializeNotesFile(f));
    const events: string[] = [];
    s.onDidChange((e) => events.push(...e.conflicts.map((c) => c.kind)));
    await s.update(mine.id, { body: 'edited here' });
    const bodies = parseNotesFile(fs.text(FILE)!)
      .notes.map((n) => n.body)
      .sort();
    assert.deepEqual(bodies, ['edited here', 'edited in the other window', 'mine too', 'theirs']);
    assert.deepEqual(events, ['edited-both']);
  });

  test('sync picks up outside changes (the watcher path)', async () => {
    const fs = new MemoryFs();
    const s = store(fs);
    await s.load();
    await s.add({ target: makeTarget(24, P24, 0, 0), body: 'one', author: '' });
    const f = parseNotesFile(fs.text(FILE)!);
    f.notes[0].body = 'one, edited by hand';
    f.notes.push(note('pulled', { body: 'from git pull' }));
    fs.setText(FILE, serializeNotesFile(f));
    const e = await s.sync();
    assert.equal(e.changed, true);
    assert.deepEqual(
      s
        .list()
        .map((n) => n.body)
        .sort(),
      ['from git pull', 'one, edited by hand'],
    );
    assert.equal((await s.sync()).changed, false, 'nothing new');
  });

  test('a corrupt file is never overwritten: read-only, new notes go to the recovery file, recovered when fixed', async () => {
    const fs = new MemoryFs();
    const corrupt = '{"format": "cnd-summary-notes", "notes": [ this is not JSON';
    fs.setText(FILE, corrupt);
    const s = store(fs);
    const e = await s.load();
    assert.equal(e.status.kind, 'corrupt');
    assert.ok(s.readOnly);
    await s.add({ target: makeTarget(24, P24, 0, 0), body: 'written while corrupt', author: '' });
    assert.equal(fs.text(FILE), corrupt, 'untouched');
    assert.deepEqual(
      parseNotesFile(fs.text(RECOVERY)!).notes.map((n) => n.body),
      ['written while corrupt'],
    );
    // A restart still sees the recovered note.
    const s2 = store(fs);
    await s2.load();
    assert.deepEqual(
      s2.list().map((n) => n.body),
      ['written while corrupt'],
    );
    // The user fixes the file: the recovery notes move into it.
    fs.setText(
      FILE,
      serializeNotesFile({
        format: 'cnd-summary-notes',
        version: 1,
        source: '',
        notes: [note('old', { body: 'was there' })],
        deleted: [],
      }),
    );
    const fixed = await s2.sync();
    assert.equal(fixed.status.kind, 'ok');
    assert.equal(fixed.recovered, 1);
    assert.deepEqual(
      parseNotesFile(fs.text(FILE)!)
        .notes.map((n) => n.body)
        .sort(),
      ['was there', 'written while corrupt'],
    );
    assert.equal(fs.text(RECOVERY), undefined);
  });

  test('empty file and a file of another schema are treated as corrupt, not overwritten', async () => {
    for (const text of ['', '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}']) {
      const fs = new MemoryFs();
      fs.setText(FILE, text);
      const s = store(fs);
      assert.equal((await s.load()).status.kind, 'corrupt');
      await s.add({ target: makeTarget(1, 'x', 0, 0), body: 'b', author: '' });
      assert.equal(fs.text(FILE), text);
    }
  });

  test('a deleted notes file does not delete the notes', async () => {
    const fs = new MemoryFs();
    const s = store(fs);
    await s.load();
    await s.add({ target: makeTarget(1, 'x', 0, 0), body: 'keep me', author: '' });
    fs.files.delete(FILE);
    await s.sync();
    assert.deepEqual(
      s.list().map((n) => n.body),
      ['keep me'],
    );
    await s.add({ target: makeTarget(1, 'x', 0, 0), body: 'and me', author: '' });
    assert.deepEqual(
      parseNotesFile(fs.text(FILE)!)
        .notes.map((n) => n.body)
        .sort(),
      ['and me', 'keep me'],
    );
  });

  test('10,000 notes load, change and write', async () => {
    const fs = new MemoryFs();
    const many = Array.from({ length: 10_000 }, (_, i) => note(`n${i}`, { body: `note ${i} #t${i % 7}` }));
    fs.setText(FILE, serializeNotesFile({ format: 'cnd-summary-notes', version: 1, source: '', notes: many, deleted: [] }));
    const s = store(fs);
    await s.load();
    assert.equal(s.list().length, 10_000);
    await s.update('n5000', { body: 'changed' });
    assert.equal(parseNotesFile(fs.text(FILE)!).notes.length, 10_000);
  });
});

describe('notes: export', () => {
  const notes = [
    note('a', { body: 'Minister’s line #quote', tags: ['quote'] }),
    note('b', { target: makeTarget(7, summary.paragraph(7)!.text, 0, 0), body: 'Check the list' }),
  ];
  test('annotated Markdown: each paragraph followed by its notes', () => {
    const md = exportMarkdown(summary, notes, '2026-11-29T00:00:00.000Z');
    const p24 = md.indexOf('**24.** UNODC emphasized');
    const n24 = md.indexOf('Minister’s line #quote');
    const p25 = md.indexOf('**25.**');
    assert.ok(p24 > 0 && n24 > p24 && p25 > n24, 'the note sits between paragraphs 24 and 25');
    assert.match(md, /> \*\*Note\*\* — A, 2026-01-01 on “less than 1 per cent” · #quote/);
    assert.ok(md.indexOf('Check the list') > md.indexOf('**7.**'));
  });
  test('W3C Web Annotation JSON-LD', () => {
    const j = exportWebAnnotation(summary, notes) as {
      '@context': unknown[];
      type: string;
      total: number;
      first: {
        items: {
          type: string;
          body: { purpose: string; value: string }[];
          target: { source: string; selector: { type: string; exact?: string }[] };
        }[];
      };
    };
    assert.equal(j['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(j.type, 'AnnotationCollection');
    assert.equal(j.total, 2);
    const a = j.first.items[0];
    assert.equal(a.type, 'Annotation');
    assert.deepEqual(
      a.body.map((b) => b.purpose),
      ['commenting', 'tagging'],
    );
    assert.match(a.target.source, /#para-24$/);
    assert.deepEqual(
      a.target.selector.map((s) => s.type),
      ['TextQuoteSelector', 'TextPositionSelector'],
    );
    assert.equal(a.target.selector[0].exact, 'less than 1 per cent');
  });
});

describe('notes: the file is checked field by field, and never quoted', () => {
  const file = (notes: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'cnd-summary-notes', version: 1, source: '', notes, deleted: [], ...extra });
  const raw = (over: Record<string, unknown>) => ({ ...note('a'), ...over });

  test('tags must be tags as the body’s #hashtags make them', () => {
    for (const tag of [
      'x\n\n[Click me](https://evil.example)\n\n![t](https://evil.example/t.png)',
      '[Run](command:cndSummary.addNote?%5B24%2C%22x%22%5D)',
      'Quote',
      '',
      'a b',
      'x'.repeat(83),
      '<b>',
    ]) {
      assert.throws(
        () => parseNotesFile(file([raw({ tags: [tag] })])),
        /notes\[0\] \(a\): tag 1 is not a tag/,
        JSON.stringify(tag),
      );
    }
    assert.throws(() => parseNotesFile(file([raw({ tags: ['quote', 'quote'] })])), /tag 2 is not a tag/);
    assert.throws(() => parseNotesFile(file([raw({ tags: [1] })])), /tag 1 is not a tag/);
    assert.deepEqual(parseNotesFile(file([raw({ tags: ['follow-up', 'i̇stanbul', 'año_2021'] })])).notes[0].tags, [
      'follow-up',
      'i̇stanbul',
      'año_2021',
    ]);
  });

  test('whatever tagsOf finds in a body is a tag the file accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (word) => {
        const tags = tagsOf(`#${word} (#${word.toUpperCase()}) #x${word}`);
        for (const t of tags) assert.ok(isTag(t), JSON.stringify(t));
        parseNotesFile(file([raw({ tags })]));
      }),
      propertyParams(2000),
    );
  });

  test('unknown fields are refused, at every level: the file is left as it is, nothing grows', () => {
    assert.throws(() => parseNotesFile(file([raw({ colour: 'red' })])), /notes\[0\] \(a\): unknown field "colour"/);
    const target = { ...note('a').target, extra: { deep: [1, 2, 3] } };
    assert.throws(() => parseNotesFile(file([raw({ target })])), /notes\[0\] \(a\) target: unknown field "extra"/);
    const [q, p] = note('a').target.selector;
    const nested = { ...note('a').target, selector: [{ ...q, more: {} }, p] };
    assert.throws(() => parseNotesFile(file([raw({ target: nested })])), /TextQuoteSelector: unknown field "more"/);
    assert.throws(() => parseNotesFile(file([], { extra: 1 })), /the file: unknown field "extra"/);
    assert.throws(
      () => parseNotesFile(file([], { deleted: [{ id: 'x', deleted: '2026-01-01T00:00:00.000Z', by: 'me' }] })),
      /deleted\[0\]: unknown field "by"/,
    );
  });

  test('JSON nested thousands of levels deep inside a target: refused at once', () => {
    for (const depth of [3_000, 5_000, 100_000]) {
      const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const n = JSON.stringify(note('a')).replace('"paragraph":24', `"paragraph":24,"x":${deep}`);
      const text = `{"format":"cnd-summary-notes","version":1,"notes":[${n}],"deleted":[]}`;
      const t0 = Date.now();
      assert.throws(() => parseNotesFile(text), NotesFormatError, `depth ${depth}`);
      assert.ok(Date.now() - t0 < 1000, 'quickly');
    }
  });

  test('every field has its type, its form and a bounded length', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: 'a b' }, /"id" must be letters, digits/],
      [{ id: '[x](command:y)' }, /notes\[0\]: "id" must be/],
      [{ body: 'x'.repeat(20_001) }, /"body" has 20,001 characters; the most is 20,000/],
      [{ author: 'x'.repeat(201) }, /"author" has 201 characters/],
      [{ created: 'yesterday' }, /"created" must be an ISO 8601 date/],
      [{ modified: '2026-13-45T99:99:99Z' }, /"modified" must be an ISO 8601 date/],
      [{ resolved: 'no' }, /"resolved" must be true or false/],
      [{ conflictOf: 'a b' }, /"conflictOf" must be a note id/],
      [{ tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, /"tags" has 101 tags; the most is 100/],
      [{ target: { ...note('a').target, paragraph: 0 } }, /"target.paragraph" must be a whole number from 1 to 10,000/],
      [{ target: { ...note('a').target, paragraph: 2.5 } }, /"target.paragraph" must be a whole number/],
      [{ target: { ...note('a').target, scope: 'page' } }, /"target.scope" must be "passage" or "paragraph"/],
    ];
    for (const [over, error] of cases)
      assert.throws(() => parseNotesFile(file([raw(over)])), error, JSON.stringify(over).slice(0, 80));
    const [q, p] = note('a').target.selector;
    const target = (selector: unknown[]) => ({ ...note('a').target, selector });
    assert.throws(() => parseNotesFile(file([raw({ target: target([{ ...q, exact: 'x'.repeat(5_001) }, p]) })])), /"exact" has/);
    assert.throws(
      () => parseNotesFile(file([raw({ target: target([{ ...q, prefix: 'x'.repeat(1_001) }, p]) })])),
      /"prefix" has/,
    );
    assert.throws(
      () => parseNotesFile(file([raw({ target: target([q, { ...p, start: 9, end: 3 }]) })])),
      /ends before it starts/,
    );
    assert.throws(
      () => parseNotesFile(file([raw({ target: target([q, { ...p, start: -1 }]) })])),
      /"start" must be a whole number/,
    );
    // Dates as the extension writes them, and plain dates.
    for (const d of ['2026-01-31T09:30:00.000Z', '2026-01-31T09:30:00+01:00', '2026-01-31'])
      assert.equal(parseNotesFile(file([raw({ created: d })])).notes[0].created, d);
  });

  test('too many notes or deleted notes: refused before any note is looked at', () => {
    const stub = { id: 'x' };
    const t0 = Date.now();
    assert.throws(
      () => parseNotesFile(file(Array.from({ length: 50_001 }, () => stub))),
      /holds 50,001 notes; the most is 50,000/,
    );
    assert.throws(
      () => parseNotesFile(file([], { deleted: Array.from({ length: 100_001 }, () => stub) })),
      /lists 100,001 deleted notes; the most is 100,000/,
    );
    assert.ok(Date.now() - t0 < 2000, 'quickly');
  });

  // Only note ids and the plain names of unknown fields are quoted, and only from a file whose "format" says
  // it is a notes file.
  test('messages never quote what the file holds (it may be a link to somebody’s secrets)', () => {
    const secrets = [
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA',
      '{"password": "hunter2-secret"}',
      '{"format": "cnd-summary-notes", "version": "hunter2-secret"}',
      '{"hunter2-secret": 1}',
      '{"format": "cnd-summary-notes", "version": 1, "notes": [], "[x](command:y)": 1}',
      '{"format": "cnd-summary-notes", "version": 1, "notes": [{"id": "hunter2 secret"}]}',
      '{"format": "cnd-summary-notes", "version": 1, "notes": [{"id": "a", "body": 1, "x": "hunter2-secret"}]}',
      '{"format": "cnd-summary-notes", "version": 1, "notes": hunter2-secret',
      'hunter2-secret',
    ];
    for (const text of secrets) {
      let message = '';
      try {
        parseNotesFile(text);
      } catch (e) {
        message = (e as Error).message;
      }
      assert.ok(message, `refused: ${text}`);
      for (const word of ['AWS', 'wJalr', 'OPENSSH', 'b3Bl', 'hunter2', 'password', 'command:', '[x]'])
        assert.ok(!message.includes(word), `“${message}” quotes the file (${word})`);
    }
    assert.match(
      (() => {
        try {
          parseNotesFile('{"format": "cnd-summary-notes",\n "version": 1, "notes": [ oops ]}');
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      })(),
      /^not valid JSON( at line 2, column \d+)?$/,
    );
  });

  test('a "$schema" added by hand is kept; a file the extension wrote reads back the same', () => {
    const text = file([note('a')], { $schema: './notes.schema.json' });
    const f = parseNotesFile(text);
    assert.equal(f.$schema, './notes.schema.json');
    assert.match(serializeNotesFile(f), /^\{\n {2}"\$schema": "\.\/notes\.schema\.json",\n {2}"format"/);
    assert.equal(serializeNotesFile(parseNotesFile(serializeNotesFile(f))), serializeNotesFile(f));
  });
});
