/** What a claim's history records of it after each change, so any past version can be rebuilt. Pure. */
import { AnchorStatus, Stance } from './types';

/** Every column of a claim a change can write, besides state and version (which the event itself holds). */
export interface ClaimSnapshot {
  text: string;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  quoteStart: number;
  quoteEnd: number;
  sourceId: number;
  stance: Stance;
  checkworthiness: number | null;
  assigneeId: number | null;
  anchorStatus: AnchorStatus;
  anchorRevision: number;
}

const KEYS: (keyof ClaimSnapshot)[] = [
  'text', 'quoteExact', 'quotePrefix', 'quoteSuffix', 'quoteStart', 'quoteEnd', 'sourceId', 'stance', 'checkworthiness',
  'assigneeId', 'anchorStatus', 'anchorRevision',
];

/** The snapshot of a claim's columns, as stored with an event. */
export function snapshotOf(claim: ClaimSnapshot): string {
  return JSON.stringify(Object.fromEntries(KEYS.map((key) => [key, claim[key]])));
}

/** A stored snapshot read back; null when the event predates snapshots or the JSON is not one. */
export function parseSnapshot(raw: string | null): ClaimSnapshot | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<ClaimSnapshot>;
    return KEYS.every((key) => key in value) ? (value as ClaimSnapshot) : null;
  } catch {
    return null;
  }
}
