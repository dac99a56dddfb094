import type { Mention, MentionKind } from './model';

export type OrganizationKind =
  'un-entity' | 'unodc-unit' | 'treaty-body' | 'intergovernmental' | 'regional' | 'civil-society' | 'group-of-states';

export const ORGANIZATION_KINDS: Record<OrganizationKind, string> = {
  'un-entity': 'United Nations entity',
  'unodc-unit': 'UNODC office or unit',
  'treaty-body': 'Treaty body',
  intergovernmental: 'Intergovernmental organization',
  regional: 'Regional organization',
  'civil-society': 'Civil society',
  'group-of-states': 'Group of States',
};

export interface Organization {
  id: string;
  acronym?: string;
  name: string;
  kind: OrganizationKind;
  headquarters?: string;
  parent?: string;
  parentId?: string;
  description: string;
  aliases: string[];
  /** Aliases that name this body only inside the summary ("the Commission"), not in drafts. */
  contextAliases?: string[];
}

export interface MemberState {
  id: string;
  name: string;
  regionalGroup: string;
  note?: string;
  aliases: string[];
}

export interface Directory {
  organizations: Organization[];
  states: MemberState[];
}

/** An organization or a Member State, told apart by `type`. */
export type Entity = { type: 'organization'; org: Organization } | { type: 'state'; state: MemberState };

/** The name to show for an entity: "UNODC (United Nations Office on Drugs and Crime)" or the State's name. */
export function entityLabel(e: Entity): string {
  if (e.type === 'state') return e.state.name;
  return e.org.acronym ? `${e.org.acronym} — ${e.org.name}` : e.org.name;
}

export class DirectoryError extends Error {
  constructor(message: string) {
    super(`organizations data: ${message}`);
    this.name = 'DirectoryError';
  }
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);
}

/** Checks the shape of `data/organizations.json`; throws a DirectoryError naming the entry. */
export function loadDirectory(json: unknown): Directory {
  if (typeof json !== 'object' || json === null) throw new DirectoryError('expected an object');
  const { organizations, states } = json as Record<string, unknown>;
  if (!Array.isArray(organizations)) throw new DirectoryError('"organizations" must be an array');
  if (!Array.isArray(states)) throw new DirectoryError('"states" must be an array');
  const ids = new Set<string>();
  const orgs: Organization[] = organizations.map((o: unknown, i) => {
    const r = o as Record<string, unknown>;
    const where = `organizations[${i}]`;
    if (typeof r.id !== 'string' || !r.id) throw new DirectoryError(`${where} has no id`);
    if (ids.has(r.id)) throw new DirectoryError(`${where}: duplicate id "${r.id}"`);
    ids.add(r.id);
    if (typeof r.name !== 'string') throw new DirectoryError(`${where} (${r.id}) has no name`);
    if (typeof r.kind !== 'string' || !(r.kind in ORGANIZATION_KINDS)) {
      throw new DirectoryError(`${where} (${r.id}) has an unknown kind "${String(r.kind)}"`);
    }
    if (typeof r.description !== 'string') throw new DirectoryError(`${where} (${r.id}) has no description`);
    if (!isStringArray(r.aliases)) throw new DirectoryError(`${where} (${r.id}) needs a list of aliases`);
    return r as unknown as Organization;
  });
  for (const o of orgs) {
    if (o.parentId && !ids.has(o.parentId)) {
      throw new DirectoryError(`organization ${o.id}: parentId "${o.parentId}" is not in the list`);
    }
  }
  const sts: MemberState[] = states.map((s: unknown, i) => {
    const r = s as Record<string, unknown>;
    const where = `states[${i}]`;
    if (typeof r.id !== 'string' || !r.id) throw new DirectoryError(`${where} has no id`);
    if (ids.has(r.id)) throw new DirectoryError(`${where}: duplicate id "${r.id}"`);
    ids.add(r.id);
    if (typeof r.name !== 'string') throw new DirectoryError(`${where} (${r.id}) has no name`);
    if (typeof r.regionalGroup !== 'string') throw new DirectoryError(`${where} (${r.id}) has no regionalGroup`);
    if (!isStringArray(r.aliases)) throw new DirectoryError(`${where} (${r.id}) needs a list of aliases`);
    return r as unknown as MemberState;
  });
  return { organizations: orgs, states: sts };
}

export function entityById(dir: Directory, id: string): Entity | undefined {
  const org = dir.organizations.find((x) => x.id === id);
  if (org) return { type: 'organization', org };
  const state = dir.states.find((x) => x.id === id);
  return state ? { type: 'state', state } : undefined;
}

interface AliasEntry {
  alias: string;
  id: string;
  kind: MentionKind;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/**
 * Finds the organizations and Member States named in a text: case-sensitive, whole words,
 * longest alias first, without overlaps ("UNODC Civil Society Unit" is one mention, not two).
 */
export class MentionFinder {
  private readonly entries: AliasEntry[];

  /** `inSummary`: also the aliases that only mean the entity inside the summary ("the Commission"). */
  constructor(dir: Directory, options: { inSummary: boolean } = { inSummary: true }) {
    const entries: AliasEntry[] = [];
    for (const o of dir.organizations) {
      for (const a of o.aliases) {
        if (!options.inSummary && o.contextAliases?.includes(a)) continue;
        entries.push({ alias: a, id: o.id, kind: 'organization' });
      }
    }
    for (const s of dir.states) for (const a of s.aliases) entries.push({ alias: a, id: s.id, kind: 'state' });
    entries.sort((a, b) => b.alias.length - a.alias.length);
    this.entries = entries;
  }

  find(text: string): Mention[] {
    const taken: Mention[] = [];
    const overlaps = (start: number, end: number) => taken.some((m) => start < m.end && end > m.start);
    for (const e of this.entries) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(e.alias, from);
        if (at < 0) break;
        const end = at + e.alias.length;
        from = at + 1;
        if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
        if (overlaps(at, end)) continue;
        taken.push({ id: e.id, kind: e.kind, start: at, end, text: e.alias });
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  }
}

/** Plain lines describing an entity: name, kind, headquarters, parent, description. */
export function entitySummaryLines(e: Entity): string[] {
  if (e.type === 'state') {
    return [e.state.name, `Member State · ${e.state.regionalGroup}`, ...(e.state.note ? [e.state.note] : [])];
  }
  const o = e.org;
  return [
    o.name + (o.acronym ? ` (${o.acronym})` : ''),
    ORGANIZATION_KINDS[o.kind],
    ...(o.headquarters ? [`Headquarters: ${o.headquarters}`] : []),
    ...(o.parent ? [`Part of: ${o.parent}`] : []),
    o.description,
  ];
}
