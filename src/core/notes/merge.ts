import { type Note, sameNote, type Tombstone } from './model';

export interface NotesState {
  notes: Map<string, Note>;
  deleted: Map<string, Tombstone>;
}

export type ConflictKind = 'edited-both' | 'edited-here-deleted-there' | 'deleted-here-edited-there';

export interface Conflict {
  id: string;
  kind: ConflictKind;
  /** Ids of the notes kept: both versions for 'edited-both'. */
  kept: string[];
}

export interface MergeResult extends NotesState {
  conflicts: Conflict[];
}

export function cloneState(s: NotesState): NotesState {
  return { notes: new Map(s.notes), deleted: new Map(s.deleted) };
}

/**
 * Three-way merge of notes by id. `base` is what this window last read or wrote, `ours` what it holds
 * now, `theirs` what the file holds now (a pull, another window, a hand edit). Nothing one side wrote is
 * overwritten by the other: a note changed on both sides is kept twice (theirs under its id, ours as a
 * copy marked `conflictOf`), and a note changed on one side and deleted on the other is kept.
 */
export function mergeNotes(base: NotesState, ours: NotesState, theirs: NotesState, newId: () => string): MergeResult {
  const notes = new Map<string, Note>();
  const deleted = new Map<string, Tombstone>([...base.deleted, ...theirs.deleted, ...ours.deleted]);
  const conflicts: Conflict[] = [];
  const ids = new Set([...base.notes.keys(), ...ours.notes.keys(), ...theirs.notes.keys()]);
  for (const id of ids) {
    const b = base.notes.get(id);
    const o = ours.notes.get(id);
    const t = theirs.notes.get(id);
    if (o && t) {
      if (sameNote(o, t) || sameNote(t, b)) notes.set(id, o);
      else if (sameNote(o, b)) notes.set(id, t);
      else {
        const copy: Note = { ...o, id: newId(), conflictOf: id };
        notes.set(id, t);
        notes.set(copy.id, copy);
        conflicts.push({ id, kind: 'edited-both', kept: [id, copy.id] });
      }
    } else {
      // One side lacks it: a note the other side never saw, or one it deleted.
      const present = o ?? t;
      if (!present) continue;
      const otherSide = o ? theirs : ours;
      const deletedThere = b !== undefined || otherSide.deleted.has(id);
      if (!deletedThere) notes.set(id, present);
      else if (b && sameNote(present, b)) {
        if (!deleted.has(id)) deleted.set(id, { id, deleted: present.modified });
      } else {
        notes.set(id, present);
        conflicts.push({ id, kind: o ? 'edited-here-deleted-there' : 'deleted-here-edited-there', kept: [id] });
      }
    }
  }
  for (const id of notes.keys()) deleted.delete(id);
  return { notes, deleted, conflicts };
}
