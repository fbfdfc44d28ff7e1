import { Brackets, EntityManager, In } from 'typeorm';
import type { Context } from '../context';
import { normalizeSourceName, sameSource } from '../domain/sources';
import { SourceKind, SourceRef } from '../domain/types';
import { Source } from '../entities';
import { rowId } from './ids';
import { PageArgs, paginate } from './pagination';
import { likePattern, searchText } from './search';

/** Sources: listing, lookup, and the one place new ones are created (deduplicated by normalised name). */
export class SourceService {
  async list(ctx: Context, args: PageArgs & { search?: string | null }) {
    const query = ctx.db.reader.getRepository(Source).createQueryBuilder('source');
    const search = searchText(args.search, 'search');
    if (search) {
      query.where("(LOWER(source.name) LIKE :q ESCAPE '\\' OR LOWER(COALESCE(source.affiliation, '')) LIKE :q ESCAPE '\\')", {
        q: likePattern(search),
      });
    }
    return paginate('Source', query, args);
  }

  async get(ctx: Context, globalId: string): Promise<Source> {
    return ctx.loaders.source.load(rowId('Source', globalId));
  }

  /**
   * Returns the stored source for each reference, creating the missing ones inside the caller's
   * transaction. Keyed by normalised name, so "The Conference Board" and "conference board" are one.
   */
  async resolve(manager: EntityManager, refs: SourceRef[]): Promise<Map<string, Source>> {
    const wanted = new Map<string, SourceRef>();
    for (const ref of refs) {
      const key = normalizeSourceName(ref.name);
      const known = wanted.get(key);
      // Keep the most informative spelling: the longest name, and any affiliation given.
      if (!known || ref.name.length > known.name.length) wanted.set(key, { ...ref, affiliation: ref.affiliation ?? known?.affiliation ?? null });
      else if (!known.affiliation && ref.affiliation) known.affiliation = ref.affiliation;
    }
    if (wanted.size === 0) return new Map();
    const keys = [...wanted.keys()];
    const existing = await manager.getRepository(Source).findBy({ normalizedName: In(keys) });
    const found = new Map(existing.map((source) => [source.normalizedName, source]));
    await this.matchSurnames(manager, wanted, found);
    await this.completeAffiliations(manager, wanted, found);
    const missing = keys.filter((key) => !found.has(key));
    if (missing.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Source)
        .values(missing.map((key) => {
          const ref = wanted.get(key)!;
          return { name: ref.name, normalizedName: key, kind: ref.kind, affiliation: ref.affiliation ?? null };
        }))
        .orIgnore()
        .updateEntity(false)
        .execute();
      const created = await manager.getRepository(Source).findBy({ normalizedName: In(missing) });
      for (const source of created) found.set(source.normalizedName, source);
    }
    return found;
  }

  /** A stored source without an affiliation takes the one a new reference gives ("X from The Conference Board"). */
  private async completeAffiliations(manager: EntityManager, wanted: Map<string, SourceRef>, found: Map<string, Source>): Promise<void> {
    for (const [key, ref] of wanted) {
      const source = found.get(key);
      if (!source || source.affiliation || !ref.affiliation) continue;
      await manager.update(Source, { id: source.id }, { affiliation: ref.affiliation });
      source.affiliation = ref.affiliation;
    }
  }

  /**
   * A person named by surname only ("Montufar-Helu") is the stored person whose full name ends with it
   * ("Alfredo Montufar-Helu"), when exactly one does; otherwise a new source is created. One query for all.
   */
  private async matchSurnames(manager: EntityManager, wanted: Map<string, SourceRef>, found: Map<string, Source>): Promise<void> {
    const people = [...wanted].filter(([key, ref]) => !found.has(key) && ref.kind === SourceKind.PERSON);
    if (people.length === 0) return;
    const query = manager.getRepository(Source).createQueryBuilder('source').where('source.kind = :kind', { kind: SourceKind.PERSON });
    query.andWhere(new Brackets((any) => {
      people.forEach(([key], i) => any.orWhere(`source.normalizedName LIKE :tail${i}`, { [`tail${i}`]: `% ${key}` }));
    }));
    const candidates = await query.getMany();
    for (const [key, ref] of people) {
      const matches = candidates.filter((source) => sameSource(source, ref));
      if (matches.length === 1) found.set(key, matches[0]);
    }
  }
}
