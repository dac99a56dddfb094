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
  /** A JSON schema reference someone added by hand: kept as it is. */
  $schema?: string;
  format: typeof NOTES_FORMAT;
  version: 1;
  /** Fingerprint of the summary text the notes were anchored on. */
  source: string;
  notes: Note[];
  /** Deleted notes, so that a merge with an older copy does not bring them back. */
  deleted: Tombstone[];
}

export const NOTES_FORMAT = 'cnd-summary-notes';

/** `#follow-up`, `#quote`: a hashtag is "#" at the start, after white space or "(", then a word of up to 41 characters. */
const HASHTAG = /(?:^|[\s(])#([\p{L}\p{N}][\p{L}\p{N}_-]{0,40})/gu;

/** `#follow-up`, `#quote`: tags are hashtags in the body, in lower case, each once. */
export function tagsOf(body: string): string[] {
  const tags = new Set<string>();
  for (const m of body.matchAll(HASHTAG)) tags.add(m[1].toLowerCase());
  return [...tags];
}

/**
 * A tag as tagsOf makes it: a letter or digit, then letters, digits, "_" and "-", in lower case. Lower-casing
 * may add a combining mark ("İ" becomes "i̇") and a letter may take two UTF-16 units, hence \p{M} and 82.
 */
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]*$/u;
export const MAX_TAG_LENGTH = 82;

export function isTag(tag: string): boolean {
  return tag.length <= MAX_TAG_LENGTH && TAG.test(tag) && tag.toLowerCase() === tag;
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

/**
 * What a notes file may hold. A file beyond these is refused as a whole (read-only, never rewritten) with a
 * message saying which limit; a change that would take the file beyond them is refused before anything is
 * written. They are far above what a team writes by hand, and keep every file the extension writes small
 * enough to be read back, rendered and merged quickly.
 */
export const NOTES_LIMITS = {
  /** Bytes of the file (checked before it is decoded or parsed). */
  fileBytes: 32 * 1024 * 1024,
  notes: 50_000,
  deleted: 100_000,
  bodyChars: 20_000,
  authorChars: 200,
  tags: 100,
  /** The quoted passage (a passage lies within one paragraph). */
  quoteChars: 5_000,
  /** The words before and after it (CONTEXT_CHARS when the extension writes them). */
  contextChars: 1_000,
  paragraph: 10_000,
  offset: 1_000_000,
} as const;

/**
 * A note id: a letter or digit, then letters, digits, ".", "_", ":" and "-" (the extension's ids are UUIDs).
 * Ids are the only text from a file that messages quote, so this also keeps messages free of markup.
 */
const NOTE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** An ISO 8601 date, or date and time with a zone (`2026-01-31T09:30:00.000Z`, what the extension writes). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
/** A field name quoted in a message: short and plain, else described without quoting it. */
const PLAIN_KEY = /^[A-Za-z0-9_$-]{1,40}$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `what` may be a function, for a message that costs something to build (it is built only when needed). */
function need(cond: boolean, where: string, what: string | (() => string)): asserts cond {
  if (!cond) throw new NotesFormatError(`${where}: ${typeof what === 'string' ? what : what()}`);
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Refuses a field the format does not have. Its name is quoted when it is short and plain: only files that
 * say they are notes files get this far, and a misspelt field is easier to find by name.
 */
function onlyKeys(v: Record<string, unknown>, allowed: readonly string[], where: string, what: string): void {
  for (const key of Object.keys(v)) {
    if (allowed.includes(key)) continue;
    const name = PLAIN_KEY.test(key) ? `"${key}"` : 'with an unusual name';
    throw new NotesFormatError(
      `${where}: unknown field ${name} (${what} has only ${allowed.join(', ')}); remove it, or undo the edit that added it`,
    );
  }
}

function textField(v: unknown, max: number, where: string, field: string): string {
  need(typeof v === 'string', where, `"${field}" must be a string`);
  need(v.length <= max, where, () => `"${field}" has ${count(v.length)} characters; the most is ${count(max)}`);
  return v;
}

function integer(v: unknown, min: number, max: number, where: string, field: string): number {
  need(
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
    where,
    () => `"${field}" must be a whole number from ${min} to ${count(max)}`,
  );
  return v;
}

function date(v: unknown, where: string, field: string): string {
  need(
    typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)),
    where,
    `"${field}" must be an ISO 8601 date such as 2026-01-31T09:30:00.000Z`,
  );
  return v;
}

const NOTE_KEYS = ['id', 'target', 'body', 'tags', 'author', 'created', 'modified', 'resolved', 'conflictOf'] as const;
const TARGET_KEYS = ['paragraph', 'scope', 'selector'] as const;
const QUOTE_KEYS = ['type', 'exact', 'prefix', 'suffix'] as const;
const POSITION_KEYS = ['type', 'start', 'end'] as const;

function validateTarget(v: unknown, where: string): NoteTarget {
  need(isObject(v), where, 'has no "target" object');
  onlyKeys(v, TARGET_KEYS, `${where} target`, 'a target');
  const paragraph = integer(v.paragraph, 1, NOTES_LIMITS.paragraph, where, 'target.paragraph');
  need(v.scope === 'passage' || v.scope === 'paragraph', where, '"target.scope" must be "passage" or "paragraph"');
  need(
    Array.isArray(v.selector) && v.selector.length === 2,
    where,
    '"target.selector" must hold a TextQuoteSelector and a TextPositionSelector',
  );
  const [q, p] = v.selector as unknown[];
  need(
    isObject(q) && q.type === 'TextQuoteSelector',
    where,
    'the first selector must be a TextQuoteSelector with exact, prefix and suffix',
  );
  onlyKeys(q, QUOTE_KEYS, `${where} TextQuoteSelector`, 'a TextQuoteSelector');
  need(
    isObject(p) && p.type === 'TextPositionSelector',
    where,
    'the second selector must be a TextPositionSelector with start and end',
  );
  onlyKeys(p, POSITION_KEYS, `${where} TextPositionSelector`, 'a TextPositionSelector');
  const start = integer(p.start, 0, NOTES_LIMITS.offset, where, 'start');
  const end = integer(p.end, 0, NOTES_LIMITS.offset, where, 'end');
  need(start <= end, where, 'the TextPositionSelector ends before it starts');
  return {
    paragraph,
    scope: v.scope,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: textField(q.exact, NOTES_LIMITS.quoteChars, where, 'exact'),
        prefix: textField(q.prefix, NOTES_LIMITS.contextChars, where, 'prefix'),
        suffix: textField(q.suffix, NOTES_LIMITS.contextChars, where, 'suffix'),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/**
 * A note of the file (`at`: "notes[3]"), or one about to be written (`at` undefined), checked field by field
 * and copied: the result holds exactly the fields of a Note.
 */
function validateNote(v: unknown, at?: string): Note {
  need(isObject(v), at ?? 'the note', 'is not an object');
  need(
    typeof v.id === 'string' && NOTE_ID.test(v.id),
    at ?? 'the note',
    '"id" must be letters, digits, ".", "_", ":" or "-" (at most 128)',
  );
  const where = at ? `${at} (${v.id})` : 'the note';
  onlyKeys(v, NOTE_KEYS, where, 'a note');
  const body = textField(v.body, NOTES_LIMITS.bodyChars, where, 'body');
  need(Array.isArray(v.tags), where, '"tags" must be a list of tags');
  const tags = v.tags as unknown[];
  need(tags.length <= NOTES_LIMITS.tags, where, () => `"tags" has ${count(tags.length)} tags; the most is ${NOTES_LIMITS.tags}`);
  tags.forEach((t, k) =>
    need(
      typeof t === 'string' && isTag(t) && tags.indexOf(t) === k,
      where,
      () => `tag ${k + 1} is not a tag as the body's #hashtags make them (lower-case letters, digits, "_" and "-", each once)`,
    ),
  );
  const author = textField(v.author, NOTES_LIMITS.authorChars, where, 'author');
  const created = date(v.created, where, 'created');
  const modified = date(v.modified, where, 'modified');
  need(typeof v.resolved === 'boolean', where, '"resolved" must be true or false');
  const target = validateTarget(v.target, where);
  if (v.conflictOf !== undefined)
    need(typeof v.conflictOf === 'string' && NOTE_ID.test(v.conflictOf), where, '"conflictOf" must be a note id');
  return {
    id: v.id,
    target,
    body,
    tags: tags as string[],
    author,
    created,
    modified,
    resolved: v.resolved,
    ...(v.conflictOf !== undefined ? { conflictOf: v.conflictOf } : {}),
  };
}

/** Throws NotesFormatError saying why `note` could not be written to a notes file (as parseNotesFile would). */
export function checkNote(note: Note): void {
  try {
    validateNote(note);
  } catch (e) {
    if (e instanceof NotesFormatError) throw new NotesFormatError(e.message.replace(/^the note: /, ''));
    throw e;
  }
}

function validateTombstone(v: unknown, i: number): Tombstone {
  const where = `deleted[${i}]`;
  need(isObject(v), where, 'is not an object');
  onlyKeys(v, ['id', 'deleted'], where, 'a deleted note');
  need(typeof v.id === 'string' && NOTE_ID.test(v.id), where, '"id" must be a note id');
  return { id: v.id, deleted: date(v.deleted, where, 'deleted') };
}

/** Where JSON.parse stopped, when the engine says (never the text there: the file may not be ours). */
function jsonErrorPlace(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

const FILE_KEYS = ['$schema', 'format', 'version', 'source', 'notes', 'deleted'] as const;

/**
 * Parses and checks a notes file; throws NotesFormatError saying what is wrong, and where. The message never
 * quotes the file's text (only note ids, which NOTE_ID keeps plain): the file may be anything, even a link to
 * someone's secrets. Every field is checked (type, length, allowed values) and no unknown field is accepted,
 * so what is read can be written back at the same size.
 */
export function parseNotesFile(text: string): NotesFile {
  if (text.trim() === '') throw new NotesFormatError('the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw new NotesFormatError('the JSON is nested too deeply to be a notes file');
    if (e instanceof SyntaxError) throw new NotesFormatError(`not valid JSON${jsonErrorPlace(text, e)}`);
    throw e;
  }
  need(isObject(json), 'the file', 'must hold a JSON object');
  need(json.format === NOTES_FORMAT, 'the file', `is not a CND Summary notes file ("format" must be "${NOTES_FORMAT}")`);
  need(
    json.version === 1,
    'the file',
    typeof json.version === 'number' && Number.isFinite(json.version)
      ? `has version ${json.version}; this extension reads version 1`
      : 'has no "version": 1',
  );
  onlyKeys(json, FILE_KEYS, 'the file', 'a notes file');
  if (json.$schema !== undefined) textField(json.$schema, 2_000, 'the file', '$schema');
  if (json.source !== undefined) textField(json.source, 200, 'the file', 'source');
  need(Array.isArray(json.notes), 'the file', '"notes" must be a list');
  const list = json.notes as unknown[];
  need(
    list.length <= NOTES_LIMITS.notes,
    'the file',
    () => `holds ${count(list.length)} notes; the most is ${count(NOTES_LIMITS.notes)}`,
  );
  const notes = list.map((n, i) => validateNote(n, `notes[${i}]`));
  const ids = new Set<string>();
  for (const n of notes) {
    need(!ids.has(n.id), 'the file', `note id "${n.id}" appears twice`);
    ids.add(n.id);
  }
  if (json.deleted !== undefined) need(Array.isArray(json.deleted), 'the file', '"deleted" must be a list');
  const tombstones = (json.deleted ?? []) as unknown[];
  need(
    tombstones.length <= NOTES_LIMITS.deleted,
    'the file',
    () => `lists ${count(tombstones.length)} deleted notes; the most is ${count(NOTES_LIMITS.deleted)}`,
  );
  return {
    ...(typeof json.$schema === 'string' ? { $schema: json.$schema } : {}),
    format: NOTES_FORMAT,
    version: 1,
    source: typeof json.source === 'string' ? json.source : '',
    notes,
    deleted: tombstones.map(validateTombstone),
  };
}

/** The file's text: stable key order, notes in creation order, one note per few lines. */
export function serializeNotesFile(file: NotesFile): string {
  const notes = [...file.notes].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  const deleted = [...file.deleted].sort((a, b) => a.id.localeCompare(b.id));
  const head = file.$schema !== undefined ? { $schema: file.$schema } : {};
  return `${JSON.stringify({ ...head, format: file.format, version: file.version, source: file.source, notes: notes.map(canonical), deleted }, null, 2)}\n`;
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
  if (a === b) return true;
  if (!a || !b) return false;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function emptyNotesFile(source: string): NotesFile {
  return { format: NOTES_FORMAT, version: 1, source, notes: [], deleted: [] };
}
