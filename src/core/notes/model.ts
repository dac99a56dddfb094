/**
 * Notes on the summary, stored the way the W3C Web Annotation model stores them: a target paragraph
 * with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (offsets into the
 * paragraph's plain text), a Markdown body, tags, author and times, and a stable id.
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface NoteTarget {
  /** The paragraph the note was made on. */
  paragraph: number;
  /** 'passage': a selected stretch of the paragraph; 'paragraph': the whole paragraph. */
  scope: 'passage' | 'paragraph';
  selector: [TextQuoteSelector, TextPositionSelector];
}

export interface Note {
  id: string;
  target: NoteTarget;
  /** Markdown. */
  body: string;
  tags: string[];
  author: string;
  /** ISO 8601. */
  created: string;
  modified: string;
  resolved: boolean;
  /** Set on the copy kept when the same note was changed here and elsewhere at once. */
  conflictOf?: string;
}

export interface Tombstone {
  id: string;
  deleted: string;
}

/** The notes file: `.cnd/notes.json` by default. */
export interface NotesFile {
  format: typeof NOTES_FORMAT;
  version: 1;
  /** Fingerprint of the summary text the notes were anchored on. */
  source: string;
  notes: Note[];
  /** Deleted notes, so that a merge with an older copy does not bring them back. */
  deleted: Tombstone[];
}

export const NOTES_FORMAT = 'cnd-summary-notes';

/** `#follow-up`, `#quote`: tags are hashtags in the body. */
export function tagsOf(body: string): string[] {
  const tags = new Set<string>();
  for (const m of body.matchAll(/(?:^|[\s(])#([\p{L}\p{N}][\p{L}\p{N}_-]{0,40})/gu)) tags.add(m[1].toLowerCase());
  return [...tags];
}

export const CONTEXT_CHARS = 32;

/** Selectors for a passage [start, end) of a paragraph text (the whole paragraph when start = end = 0). */
export function makeTarget(paragraph: number, text: string, start: number, end: number): NoteTarget {
  const whole = start === end;
  const s = whole ? 0 : Math.max(0, Math.min(start, text.length));
  const e = whole ? Math.min(text.length, 80) : Math.max(s, Math.min(end, text.length));
  return {
    paragraph,
    scope: whole ? 'paragraph' : 'passage',
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(s, e),
        prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
        suffix: text.slice(e, e + CONTEXT_CHARS),
      },
      { type: 'TextPositionSelector', start: s, end: e },
    ],
  };
}

export class NotesFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotesFormatError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function need(cond: boolean, where: string, what: string): void {
  if (!cond) throw new NotesFormatError(`${where}: ${what}`);
}

function validateNote(v: unknown, i: number): Note {
  const where = `notes[${i}]`;
  need(isObject(v), where, 'is not an object');
  const n = v as Record<string, unknown>;
  need(typeof n.id === 'string' && n.id.length > 0, where, 'has no "id"');
  need(typeof n.body === 'string', `${where} (${String(n.id)})`, '"body" must be a string');
  need(
    Array.isArray(n.tags) && n.tags.every((t) => typeof t === 'string'),
    `${where} (${String(n.id)})`,
    '"tags" must be a list of strings',
  );
  need(typeof n.author === 'string', `${where} (${String(n.id)})`, '"author" must be a string');
  need(
    typeof n.created === 'string' && typeof n.modified === 'string',
    `${where} (${String(n.id)})`,
    '"created" and "modified" must be ISO dates',
  );
  need(typeof n.resolved === 'boolean', `${where} (${String(n.id)})`, '"resolved" must be true or false');
  need(isObject(n.target), `${where} (${String(n.id)})`, 'has no "target"');
  const t = n.target as Record<string, unknown>;
  need(
    Number.isInteger(t.paragraph) && (t.paragraph as number) >= 1,
    `${where} (${String(n.id)})`,
    '"target.paragraph" must be a paragraph number',
  );
  need(
    t.scope === 'passage' || t.scope === 'paragraph',
    `${where} (${String(n.id)})`,
    '"target.scope" must be "passage" or "paragraph"',
  );
  need(
    Array.isArray(t.selector) && t.selector.length === 2,
    `${where} (${String(n.id)})`,
    '"target.selector" must hold a TextQuoteSelector and a TextPositionSelector',
  );
  const [q, p] = t.selector as unknown[];
  need(
    isObject(q) &&
      q.type === 'TextQuoteSelector' &&
      typeof q.exact === 'string' &&
      typeof q.prefix === 'string' &&
      typeof q.suffix === 'string',
    `${where} (${String(n.id)})`,
    'the first selector must be a TextQuoteSelector with exact, prefix and suffix',
  );
  need(
    isObject(p) && p.type === 'TextPositionSelector' && Number.isInteger(p.start) && Number.isInteger(p.end),
    `${where} (${String(n.id)})`,
    'the second selector must be a TextPositionSelector with start and end',
  );
  if (n.conflictOf !== undefined)
    need(typeof n.conflictOf === 'string', `${where} (${String(n.id)})`, '"conflictOf" must be a note id');
  return v as Note;
}

/** Parses and checks a notes file; throws NotesFormatError saying what is wrong, and where. */
export function parseNotesFile(text: string): NotesFile {
  if (text.trim() === '') throw new NotesFormatError('the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new NotesFormatError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  need(isObject(json), 'the file', 'must hold a JSON object');
  const f = json as Record<string, unknown>;
  need(f.format === NOTES_FORMAT, 'the file', `is not a CND Summary notes file ("format" must be "${NOTES_FORMAT}")`);
  need(f.version === 1, 'the file', `has version ${JSON.stringify(f.version)}; this extension reads version 1`);
  need(Array.isArray(f.notes), 'the file', '"notes" must be a list');
  const notes = (f.notes as unknown[]).map(validateNote);
  const ids = new Set<string>();
  for (const n of notes) {
    need(!ids.has(n.id), 'the file', `note id "${n.id}" appears twice`);
    ids.add(n.id);
  }
  const deleted = Array.isArray(f.deleted)
    ? (f.deleted as unknown[]).filter(
        (d): d is Tombstone => isObject(d) && typeof d.id === 'string' && typeof d.deleted === 'string',
      )
    : [];
  return { format: NOTES_FORMAT, version: 1, source: typeof f.source === 'string' ? f.source : '', notes, deleted };
}

/** The file's text: stable key order, notes in creation order, one note per few lines. */
export function serializeNotesFile(file: NotesFile): string {
  const notes = [...file.notes].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  const deleted = [...file.deleted].sort((a, b) => a.id.localeCompare(b.id));
  return `${JSON.stringify({ format: file.format, version: file.version, source: file.source, notes: notes.map(canonical), deleted }, null, 2)}\n`;
}

/** A note with its keys in a fixed order (stable files, meaningful diffs). */
export function canonical(n: Note): Note {
  return {
    id: n.id,
    target: n.target,
    body: n.body,
    tags: n.tags,
    author: n.author,
    created: n.created,
    modified: n.modified,
    resolved: n.resolved,
    ...(n.conflictOf ? { conflictOf: n.conflictOf } : {}),
  };
}

export function sameNote(a: Note | undefined, b: Note | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function emptyNotesFile(source: string): NotesFile {
  return { format: NOTES_FORMAT, version: 1, source, notes: [], deleted: [] };
}
