import { SourceKind } from '../types';
import type { Mention } from './mentions';
import { normalizeSourceName } from '../sources';

/** A mention with its place in reading order: by position, the article's own mentions before those recorded later. */
interface Entry {
  mention: Mention;
  tier: number;
  seq: number;
}

/** Mentions no question can tell apart: the same source, the same nouns, the same part (spoke or named). */
interface Group {
  sample: Mention;
  /** In reading order. */
  members: Entry[];
}

const comesBefore = (a: Entry, b: Entry): boolean =>
  a.mention.position !== b.mention.position ? a.mention.position < b.mention.position : a.tier !== b.tier ? a.tier < b.tier : a.seq < b.seq;

/**
 * What a question may be narrowed by, when it only takes mentions with that trait: a kind of source,
 * the last word of a name, a name, or the words a name starts with.
 */
export const facet = {
  kind: (kind: SourceKind): string => `kind:${kind}`,
  notPerson: 'not-person',
  surname: (lastWord: string): string => `surname:${lastWord}`,
  name: (name: string): string => `name:${name}`,
  startsWith: (words: string): string => `prefix:${words}`,
};

const facetsOf = (m: Mention): string[] => {
  const facets = [facet.kind(m.ref.kind), facet.surname(normalizeSourceName(m.ref.name).split(' ').pop() ?? ''), facet.name(m.ref.name)];
  if (m.ref.kind !== SourceKind.PERSON) facets.push(facet.notPerson);
  for (let space = m.ref.name.indexOf(' '); space !== -1; space = m.ref.name.indexOf(' ', space + 1)) facets.push(facet.startsWith(m.ref.name.slice(0, space)));
  return facets;
};

const keyOf = (m: Mention): string => [m.ref.kind, m.ref.name, m.ref.affiliation ?? '', m.spoke ? 1 : 0, [...m.nouns].sort().join(' ')].join('\u0000');

/**
 * An article's mentions grouped by what questions about them look at, so a question ("the latest person
 * before here", "the company named most") is asked once per source rather than once per mention: an
 * article that names the same few sources thousands of times is read in time linear in its length.
 * Answers are those of a scan of all mentions in reading order.
 */
export class MentionIndex {
  private readonly groups: Group[] = [];
  private readonly byKey = new Map<string, Group>();
  private readonly byFacet = new Map<string, Group[]>();
  private recorded = 0;

  /** `scanned` comes in reading order; a mention recorded later reads after every mention at its position. */
  constructor(scanned: readonly Mention[]) {
    scanned.forEach((mention, i) => this.insert({ mention, tier: 0, seq: i }));
  }

  add(mention: Mention): void {
    this.insert({ mention, tier: 1, seq: this.recorded });
    this.recorded += 1;
  }

  /**
   * The mention read last at or before `position` that `accept` takes; with `among`, only mentions with
   * that facet are asked (the caller's `accept` must take no other).
   */
  latest(position: number, accept: (mention: Mention) => boolean, among?: string): Mention | null {
    let best: Entry | null = null;
    for (const group of among === undefined ? this.groups : (this.byFacet.get(among) ?? [])) {
      if (!accept(group.sample)) continue;
      const entry = lastAtOrBefore(group.members, position);
      if (entry && (!best || comesBefore(best, entry))) best = entry;
    }
    return best?.mention ?? null;
  }

  /** Of the mentions at or before `position` that `accept` takes, the last of those scored highest. */
  highest(position: number, accept: (mention: Mention) => boolean, score: (mention: Mention) => number): Mention | null {
    let best: Entry | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const group of this.groups) {
      if (!accept(group.sample)) continue;
      const entry = lastAtOrBefore(group.members, position);
      if (!entry) continue;
      const value = score(entry.mention);
      if (!best || value > bestScore || (value === bestScore && comesBefore(best, entry))) {
        best = entry;
        bestScore = value;
      }
    }
    return best?.mention ?? null;
  }

  /** The mention read first that `accept` takes. */
  first(accept: (mention: Mention) => boolean): Mention | null {
    let best: Entry | null = null;
    for (const group of this.groups) {
      if (!accept(group.sample)) continue;
      const entry = group.members[0];
      if (!best || comesBefore(entry, best)) best = entry;
    }
    return best?.mention ?? null;
  }

  some(accept: (mention: Mention) => boolean): boolean {
    return this.groups.some((group) => accept(group.sample));
  }

  private insert(entry: Entry): void {
    const key = keyOf(entry.mention);
    let group = this.byKey.get(key);
    if (!group) {
      group = { sample: entry.mention, members: [] };
      this.byKey.set(key, group);
      this.groups.push(group);
      for (const trait of facetsOf(entry.mention)) {
        const groups = this.byFacet.get(trait);
        if (groups) groups.push(group);
        else this.byFacet.set(trait, [group]);
      }
    }
    // Mentions mostly arrive in reading order: the search usually ends at the last member.
    const members = group.members;
    let low = 0;
    let high = members.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (comesBefore(entry, members[mid])) high = mid;
      else low = mid + 1;
    }
    members.splice(low, 0, entry);
  }
}

/** The last member at or before `position` (members are in reading order, so by position too). */
const lastAtOrBefore = (members: Entry[], position: number): Entry | null => {
  let low = 0;
  let high = members.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (members[mid].mention.position <= position) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? members[low - 1] : null;
};
