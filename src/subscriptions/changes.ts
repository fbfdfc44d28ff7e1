/** A row another part of the system (this process or any other) has just committed. */
export type Change =
  | { kind: 'claimEvent'; eventId: number; claimId: number; articleId: number }
  | { kind: 'article'; articleId: number };

/** The PostgreSQL NOTIFY channel the change triggers write to (migration ChangeNotifications). */
export const CHANGE_CHANNEL = 'claimgraph_changes';

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** Reads a NOTIFY payload; anything malformed is null, so one bad message cannot stop the feed. */
export function parseChange(payload: string | undefined): Change | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const row = value as Record<string, unknown>;
  if (row.kind === 'claimEvent' && positive(row.eventId) && positive(row.claimId) && positive(row.articleId)) {
    return { kind: 'claimEvent', eventId: row.eventId, claimId: row.claimId, articleId: row.articleId };
  }
  if (row.kind === 'article' && positive(row.articleId)) return { kind: 'article', articleId: row.articleId };
  return null;
}
