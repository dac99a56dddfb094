import { loadBundledSummary } from '../../src/core/summary/bundled';
import { anchorNote } from '../../src/core/notes/anchor';
import { makeTarget, type Note, serializeNotesFile } from '../../src/core/notes/model';
import { NoteStore, type NotesFs } from '../../src/core/notes/store';
import { SearchEngine } from '../../src/core/search/engine';
import { median, mulberry32, table, time } from './util';

class MemoryFs implements NotesFs {
  files = new Map<string, Uint8Array>();
  read(p: string) {
    return Promise.resolve(this.files.get(p));
  }
  write(p: string, d: Uint8Array) {
    this.files.set(p, d);
    return Promise.resolve();
  }
  rename(a: string, b: string) {
    this.files.set(b, this.files.get(a)!);
    this.files.delete(a);
    return Promise.resolve();
  }
  remove(p: string) {
    this.files.delete(p);
    return Promise.resolve();
  }
  stat(p: string) {
    const file = this.files.get(p);
    return Promise.resolve(file && { type: 'file' as const, symbolicLink: false, size: file.length });
  }
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t0) / runs;
}

export async function notesSection(): Promise<void> {
  console.log('\n## Notes: 10,000 notes (load, anchor, change one, index for search)\n');
  const summary = loadBundledSummary();
  const rand = mulberry32(5);
  const paragraphs = summary.doc.paragraphs.map((p) => ({ number: p.number, text: p.text }));
  const notes: Note[] = Array.from({ length: 10_000 }, (_, i) => {
    const p = summary.doc.paragraphs[Math.floor(rand() * summary.count)];
    const start = Math.floor(rand() * (p.text.length - 60));
    return {
      id: `note-${i}`,
      target: makeTarget(p.number, p.text, start, start + 40),
      body: `Note ${i} on asset recovery and the dark web #t${i % 9}`,
      tags: [`t${i % 9}`],
      author: 'Bench',
      created: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      modified: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      resolved: false,
    };
  });
  const text = serializeNotesFile({ format: 'cnd-summary-notes', version: 1, source: '', notes, deleted: [] });
  const fs = new MemoryFs();
  const file = 'notes.json';
  fs.files.set(file, new TextEncoder().encode(text));
  let id = 0;
  const make = () =>
    new NoteStore(fs, {
      file,
      recovery: 'notes.recovery.json',
      source: '',
      newId: () => `new-${++id}`,
      now: () => new Date().toISOString(),
    });
  const load = await timeAsync(() => make().load(), 5);
  const store = make();
  await store.load();
  const change = await timeAsync(() => store.update('note-5000', { body: `changed ${++id}` }), 10);
  const add = await timeAsync(
    () => store.add({ target: makeTarget(24, paragraphs[23].text, 0, 0), body: 'new', author: '' }),
    10,
  );
  const anchorAll = time(() => notes.map((n) => anchorNote(n, paragraphs)), 3);
  const engine = SearchEngine.build(summary);
  const index = time(() => {
    for (const n of notes)
      engine.upsert({ id: `n:${n.id}`, kind: 'note', number: n.target.paragraph, text: n.body, tags: n.tags.join(' ') });
  }, 1);
  const one = time(() => engine.upsert({ id: 'n:note-1', kind: 'note', number: 3, text: 'changed body', tags: '' }), 200);
  const query = median(() => engine.search('note: asset'), 20);
  const filtered = median(() => engine.search('tag:t3 dark'), 20);
  table(
    ['operation (10,000 notes)', 'ms'],
    [
      ['load and validate the notes file', load.toFixed(1)],
      ['change one note (merge check + atomic write of the whole file)', change.toFixed(1)],
      ['add one note', add.toFixed(1)],
      ['anchor every note in the summary', anchorAll.toFixed(1)],
      ['index every note for search (first time)', index.toFixed(1)],
      ['re-index one changed note', one.toFixed(3)],
      ['search "note: asset"', query.toFixed(2)],
      ['search "tag:t3 dark"', filtered.toFixed(2)],
    ],
  );
  console.log(`notes file: ${(text.length / 1024 / 1024).toFixed(1)} MiB`);
}
