import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Context } from '../context';
import type { ChangeVersion } from '../db/change-version';

interface Entry {
  version: string;
  data: Record<string, unknown>;
  bytes: number;
}

/** Least recently used entries go first once the entries' bytes pass the bound. */
export class ByteBoundedLru {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

const SEEN_KEYS = 100_000;

/** Everything a query's answer depends on besides the data: the document, its variables, and who asks. */
function cacheKey(request: GraphQLRequestContext<Context>): string {
  const { actor } = request.contextValue;
  // Per reviewer, not only per role: `me`, and reviews a reviewer may or may not see, differ between reviewers.
  const caller = actor ? `reviewer:${actor.id}:${actor.role}` : 'anonymous';
  return `${request.queryHash}\n${request.operationName ?? ''}\n${JSON.stringify(request.request.variables ?? {})}\n${caller}`;
}

/**
 * Whole-response cache for queries seen before. Each such request reads the database's change version first (one cheap
 * statement); an entry is served only when it was filed under that same version, so a write committed by
 * any process makes every older entry unusable at once. Admission (credentials, cost, budgets) still runs
 * before it; answers with errors are never cached.
 */
export function responseCachePlugin(version: ChangeVersion, maxBytes: number): ApolloServerPlugin<Context> {
  const cache = new ByteBoundedLru(maxBytes);
  // A query is cached from its second sighting on: one-off queries cost no version check and fill no memory.
  const seen = new Set<string>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      let current: string | null = null;
      let hit = false;
      return {
        async responseForOperation(request) {
          if (request.operation?.operation !== 'query') return null;
          const candidate = cacheKey(request);
          if (!seen.has(candidate)) {
            if (seen.size >= SEEN_KEYS) seen.clear();
            seen.add(candidate);
            return null;
          }
          key = candidate;
          current = await version.read();
          const entry = cache.get(key);
          if (!entry || entry.version !== current) return null;
          hit = true;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: entry.data } } };
        },
        async willSendResponse({ response }) {
          if (hit || key === null || current === null || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors || !data) return;
          cache.set(key, { version: current, data, bytes: JSON.stringify(data).length * 2 });
        },
      };
    },
  };
}
