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
  NOTES_LIMITS,
  NotesFormatError,
  parseNotesFile,
  serializeNotesFile,
  tagsOf,
} from '../../src/core/notes/model';
import { NoteStore, NotesRefused } from '../../src/core/notes/store';
import { summary } from './fixtures';
import { MemoryFs, note } from './notesFs';
import { propertyParams } from './property';

const P24 = summary.paragraph(24)!.text;
const paragraphs = summary.doc.paragraphs.map((p) => ({ number: p.number, text: p.text }));

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

describe('notes: nothing confirmed is lost (corrupt files, two windows, the recovery file)', () => {
  const ROOT = 'ws';
  const F = 'ws/.cnd/notes.json';
  const R = 'ws/.cnd/notes.recovery.json';
  let ids = 0;
  const window = (fs: MemoryFs) =>
    new NoteStore(fs, {
      file: F,
      recovery: R,
      root: ROOT,
      source: 'test',
      newId: () => `w${++ids}`,
      now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, ids++)).toISOString(),
    });
  const valid = (...notes: Note[]) =>
    serializeNotesFile({ format: 'cnd-summary-notes', version: 1, source: '', notes, deleted: [] });
  const bodies = (fs: MemoryFs, path: string) =>
    parseNotesFile(fs.text(path)!)
      .notes.map((n) => n.body)
      .sort();
  const target = makeTarget(24, P24, 0, 0);
  const CORRUPT = '{"format": "cnd-summary-notes", "notes": [ broken';

  test('two windows writing the recovery file: each merges with it, neither overwrites the other', async () => {
    const fs = new MemoryFs();
    fs.setText(F, CORRUPT);
    const a = window(fs);
    const b = window(fs);
    await a.load();
    await b.load();
    await b.add({ target, body: 'from B', author: 'B' });
    await a.add({ target, body: 'from A', author: 'A' });
    assert.deepEqual(bodies(fs, R), ['from A', 'from B'], 'A merged B’s note into the recovery file');
    // Repaired: A moves both back, and only then removes the recovery file.
    fs.setText(F, valid(note('old', { body: 'was there' })));
    const e = await a.sync();
    assert.equal(e.status.kind, 'ok');
    assert.equal(e.recovered, 2);
    assert.deepEqual(bodies(fs, F), ['from A', 'from B', 'was there']);
    assert.equal(fs.text(R), undefined);
    assert.equal(fs.text(F)!.includes(CORRUPT), false);
  });

  test('the recovery file is removed only when everything in it is in the notes file', async () => {
    const fs = new MemoryFs();
    fs.setText(F, CORRUPT);
    const b = window(fs);
    await b.load();
    await b.add({ target, body: 'from B', author: 'B' });
    // Window A started before B's note and has since seen the file repaired.
    fs.setText(F, valid());
    const a = window(fs);
    await a.load();
    assert.deepEqual(bodies(fs, F), ['from B'], 'A took B’s note in on load');
    assert.equal(fs.text(R), undefined);
    // A recovery file that cannot be read is never removed nor overwritten.
    fs.setText(R, 'not JSON');
    const e = await a.sync();
    assert.equal(fs.text(R), 'not JSON');
    assert.match(e.status.kind === 'ok' ? (e.status.recoveryError ?? '') : '', /not valid JSON/);
  });

  test('another window adds to the recovery file while this one moves it back: removed only once that note is in too', async () => {
    const fs = new MemoryFs();
    fs.setText(F, CORRUPT);
    const b = window(fs);
    await b.load();
    await b.add({ target, body: 'first from B', author: 'B' });
    fs.setText(F, valid());
    const a = window(fs);
    // Just after A has written the notes file (holding B's first note), B's next note reaches the recovery file.
    let late = true;
    fs.afterStep = (what, path) => {
      if (what === 'rename' && path === F && late) {
        late = false;
        const r = parseNotesFile(fs.text(R)!);
        r.notes.push(note('late', { body: 'second from B' }));
        fs.setText(R, serializeNotesFile(r));
      }
    };
    await a.load();
    fs.afterStep = undefined;
    assert.deepEqual(bodies(fs, F), ['first from B', 'second from B']);
    assert.equal(fs.text(R), undefined);
  });

  test('a window that wrote the recovery file as another repaired and emptied it: its note goes to the notes file', async () => {
    const fs = new MemoryFs();
    fs.setText(F, CORRUPT);
    const b = window(fs);
    await b.load();
    await b.add({ target, body: 'first from B', author: 'B' });
    // As B writes its second note to the recovery file, window A (the user repaired the file) has just moved
    // the recovery file's notes (B's first) into the notes file and removed it.
    let once = true;
    fs.afterStep = (what, path) => {
      if (what === 'rename' && path === R && once) {
        once = false;
        fs.setText(F, valid(parseNotesFile(fs.text(R)!).notes.find((n) => n.body === 'first from B')!));
        fs.files.delete(R);
      }
    };
    await b.add({ target, body: 'second from B', author: 'B' });
    fs.afterStep = undefined;
    assert.deepEqual(bodies(fs, F), ['first from B', 'second from B'], 'B looked at the notes file again');
    assert.equal(b.status.kind, 'ok');
  });

  test('while the file cannot be read, edits and deletions are refused (not lost, not undone later)', async () => {
    const fs = new MemoryFs();
    fs.setText(F, valid(note('kept', { body: 'in the file' })));
    const s = window(fs);
    await s.load();
    const before = fs.text(F)!;
    fs.setText(F, CORRUPT);
    await assert.rejects(s.update('kept', { body: 'edited while corrupt' }), NotesRefused);
    await assert.rejects(s.update('kept', { resolved: true }), /cannot be edited, resolved or deleted until it is fixed/);
    await assert.rejects(s.remove('kept'), NotesRefused);
    assert.equal(s.status.kind, 'corrupt');
    assert.equal(s.get('kept')!.body, 'in the file', 'memory as before');
    assert.equal(fs.text(F), CORRUPT, 'the file untouched');
    assert.equal(fs.text(R), undefined, 'nothing recorded to be applied later');
    // Repaired: the note is there, as it was; now it can be edited and deleted.
    fs.setText(F, before);
    await s.sync();
    await s.update('kept', { body: 'edited once fixed' });
    assert.deepEqual(bodies(fs, F), ['edited once fixed']);
    const restarted = window(fs);
    await restarted.load();
    assert.equal(restarted.get('kept')!.body, 'edited once fixed', 'after a restart too');
    await restarted.remove('kept');
    assert.deepEqual(bodies(fs, F), []);
  });

  test('a corrupt notes file deleted by the user: the store is fine again and the recovered notes get a new file', async () => {
    const fs = new MemoryFs();
    fs.setText(F, CORRUPT);
    const s = window(fs);
    await s.load();
    await s.add({ target, body: 'while corrupt', author: '' });
    fs.files.delete(F);
    const e = await s.sync();
    assert.equal(e.status.kind, 'ok');
    assert.equal(s.readOnly, false);
    assert.deepEqual(bodies(fs, F), ['while corrupt']);
    assert.equal(fs.text(R), undefined);
  });

  test('a recovery file that cannot be read with a corrupt notes file: a new note is refused, nothing is written', async () => {
    const fs = new MemoryFs();
    fs.setText(F, CORRUPT);
    fs.setText(R, '{"format": "cnd-summary-notes"');
    const s = window(fs);
    await s.load();
    await assert.rejects(s.add({ target, body: 'nowhere to go', author: '' }), /neither the notes file .* nor its recovery file/);
    assert.deepEqual(s.list(), []);
    assert.equal(fs.text(F), CORRUPT);
    assert.equal(fs.text(R), '{"format": "cnd-summary-notes"');
  });
});

describe('notes: files that are not UTF-8, too deep or too big are left alone', () => {
  const F = '.cnd/notes.json';
  const R = '.cnd/notes.recovery.json';
  const text = serializeNotesFile({
    format: 'cnd-summary-notes',
    version: 1,
    source: '',
    notes: [note('café', { body: 'Le café est noté' })].map((n) => ({ ...n, id: 'cafe' })),
    deleted: [],
  });

  test('Latin-1 or UTF-16: invalid with a clear message, never rewritten', async () => {
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    for (const [bytes, error] of [
      [latin1, /not UTF-8 text \(byte \d+ is not valid UTF-8; it may have been saved as Latin-1/],
      [utf16, /saved as UTF-16/],
    ] as const) {
      const fs = new MemoryFs();
      fs.files.set(F, bytes);
      const s = store(fs);
      const e = await s.load();
      assert.equal(e.status.kind, 'corrupt');
      assert.match(e.status.kind === 'corrupt' ? e.status.error : '', error);
      await s.add({ target: makeTarget(1, 'x', 0, 0), body: 'b', author: '' });
      assert.deepEqual(fs.files.get(F), bytes, 'the bytes are untouched');
      assert.equal(parseNotesFile(fs.text(R)!).notes.length, 1, 'the note went to the recovery file');
    }
  });

  test('a UTF-8 byte order mark is fine', async () => {
    const fs = new MemoryFs();
    fs.files.set(F, Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    const s = store(fs);
    assert.equal((await s.load()).status.kind, 'ok');
    assert.equal(s.get('cafe')!.body, 'Le café est noté');
    await s.add({ target: makeTarget(1, 'x', 0, 0), body: 'b', author: '' });
    assert.equal(parseNotesFile(fs.text(F)!).notes.length, 2);
  });

  test('JSON nested 3,000 or 5,000 levels deep in a target: invalid, untouched, new notes saved to recovery', async () => {
    for (const depth of [3_000, 5_000]) {
      const fs = new MemoryFs();
      const deep = JSON.stringify(note('a')).replace(
        '"paragraph":24',
        `"paragraph":24,"x":${'['.repeat(depth)}${']'.repeat(depth)}`,
      );
      const file = `{"format":"cnd-summary-notes","version":1,"source":"","notes":[${deep}],"deleted":[]}`;
      fs.setText(F, file);
      const s = store(fs);
      const e = await s.load();
      assert.equal(e.status.kind, 'corrupt', 'the status says so');
      assert.match(e.status.kind === 'corrupt' ? e.status.error : '', /notes\[0\] \(a\) target: unknown field "x"/);
      const added = await s.add({ target: makeTarget(1, 'x', 0, 0), body: 'saved', author: '' });
      assert.equal(fs.text(F), file, 'not rewritten (it was rewritten at 3,000 times its size)');
      assert.deepEqual(
        parseNotesFile(fs.text(R)!).notes.map((n) => n.id),
        [added.id],
      );
    }
  });

  test('too big: a file beyond the limit is not even read; a note beyond it is refused and nothing is lost', async () => {
    const fs = new MemoryFs();
    const huge = new Uint8Array(NOTES_LIMITS.fileBytes + 1).fill(0x20);
    fs.files.set(F, huge);
    const s = store(fs);
    const e = await s.load();
    assert.match(
      e.status.kind === 'corrupt' ? e.status.error : '',
      /it is 32\.0 MB, more than the 32\.0 MB a notes file may hold/,
    );
    assert.equal(fs.files.get(F), huge);
    const million = `{"format":"cnd-summary-notes","version":1,"notes":[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]}`;
    fs.setText(F, million);
    assert.match((await s.sync()).status.kind === 'corrupt' ? s.status.kind : '', /corrupt/);
    assert.match(s.status.kind === 'corrupt' ? s.status.error : '', /holds 1,000,000 notes; the most is 50,000/);
    // A body beyond the limit: refused before anything is written; the notes already there are kept.
    const ok = new MemoryFs();
    ok.setText(F, text);
    const t = store(ok);
    await t.load();
    await assert.rejects(
      t.add({ target: makeTarget(1, 'x', 0, 0), body: 'x'.repeat(NOTES_LIMITS.bodyChars + 1), author: '' }),
      /the note cannot be saved: "body" has 20,001 characters; the most is 20,000/,
    );
    await assert.rejects(t.update('cafe', { body: 'y'.repeat(NOTES_LIMITS.bodyChars + 1) }), NotesRefused);
    assert.equal(ok.text(F), text);
    assert.equal(t.get('cafe')!.body, 'Le café est noté');
    assert.equal(t.list().length, 1);
  });
});

describe('notes: symbolic links are never read or written through', () => {
  const ROOT = 'ws';
  const F = 'ws/.cnd/notes.json';
  const R = 'ws/.cnd/notes.recovery.json';
  const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
  let ids = 0;
  const make = (fs: MemoryFs) =>
    new NoteStore(fs, {
      file: F,
      recovery: R,
      root: ROOT,
      source: 'test',
      newId: () => `l${++ids}`,
      now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, ids++)).toISOString(),
    });
  const target = makeTarget(24, P24, 0, 0);
  const outsideNotes = serializeNotesFile({
    format: 'cnd-summary-notes',
    version: 1,
    source: '',
    notes: [note('outside', { body: 'not ours' })],
    deleted: [],
  });

  test('notes.json linking outside the workspace: not read, not replaced, its target untouched, its content never quoted', async () => {
    for (const canRename of [true, false]) {
      for (const outside of [SECRET, outsideNotes]) {
        const fs = new MemoryFs();
        fs.canRename = canRename;
        fs.setText('home/secret.txt', outside);
        fs.setText('ws/.cnd/other.json', '{}');
        fs.links.set(F, 'home/secret.txt');
        const s = make(fs);
        const e = await s.load();
        assert.equal(e.status.kind, 'corrupt');
        const error = e.status.kind === 'corrupt' ? e.status.error : '';
        assert.match(error, /it is a symbolic link, and notes are never read or written through a link/);
        assert.ok(!error.includes('AWS') && !error.includes('not ours'), error);
        assert.deepEqual(s.list(), [], 'nothing read through the link');
        await s.add({ target, body: 'mine', author: '' });
        assert.equal(fs.text('home/secret.txt'), outside, 'the target is untouched');
        assert.equal(fs.links.get(F), 'home/secret.txt', 'the link is still a link');
        assert.deepEqual(
          parseNotesFile(fs.text(R)!).notes.map((n) => n.body),
          ['mine'],
          'the note went to the recovery file',
        );
      }
    }
  });

  test('a .cnd folder linking elsewhere: nothing is written there, the note is refused with the reason', async () => {
    for (const canRename of [true, false]) {
      const fs = new MemoryFs();
      fs.canRename = canRename;
      fs.setText('elsewhere/keep.txt', 'keep');
      fs.setText('ws/readme.md', 'workspace');
      fs.links.set('ws/.cnd', 'elsewhere');
      const s = make(fs);
      const e = await s.load();
      assert.equal(e.status.kind, 'corrupt');
      assert.match(e.status.kind === 'corrupt' ? e.status.error : '', /its folder “\.cnd” is a symbolic link/);
      await assert.rejects(s.add({ target, body: 'mine', author: '' }), /neither the notes file .* nor its recovery file/);
      assert.deepEqual([...fs.files.keys()].sort(), ['elsewhere/keep.txt', 'ws/readme.md'], 'nothing written anywhere');
    }
  });

  test('a recovery file that is a link: not written through either', async () => {
    const fs = new MemoryFs();
    fs.setText(F, '{ broken');
    fs.setText('home/r.json', outsideNotes);
    fs.links.set(R, 'home/r.json');
    const s = make(fs);
    await s.load();
    assert.deepEqual(s.list(), []);
    await assert.rejects(s.add({ target, body: 'mine', author: '' }), NotesRefused);
    assert.equal(fs.text('home/r.json'), outsideNotes);
    assert.equal(fs.text(F), '{ broken');
  });

  test('a link made after the file was read: the next write notices and refuses', async () => {
    const fs = new MemoryFs();
    const s = make(fs);
    await s.load();
    await s.add({ target, body: 'first', author: '' });
    const saved = fs.text(F)!;
    fs.setText('home/secret.txt', SECRET);
    fs.files.delete(F);
    fs.links.set(F, 'home/secret.txt');
    await s.add({ target, body: 'second', author: '' });
    assert.equal(fs.text('home/secret.txt'), SECRET);
    assert.equal(fs.links.get(F), 'home/secret.txt');
    assert.deepEqual(
      parseNotesFile(fs.text(R)!).notes.map((n) => n.body),
      ['second'],
      'the new note went to the recovery file',
    );
    assert.deepEqual(
      s
        .list()
        .map((n) => n.body)
        .sort(),
      ['first', 'second'],
    );
    // The link is replaced by the file again (from version control): everything is back in it.
    fs.links.delete(F);
    fs.setText(F, saved);
    await s.sync();
    assert.deepEqual(
      parseNotesFile(fs.text(F)!)
        .notes.map((n) => n.body)
        .sort(),
      ['first', 'second'],
    );
    assert.equal(fs.text(R), undefined);
  });
});
