/** Opaque ids and cursors: base64url of `Type:rowId`, so clients never build them by hand. */
import { MAX_GLOBAL_ID_LENGTH, MAX_ROW_ID } from './limits';

export interface DecodedId {
  type: string;
  id: number;
}

const PATTERN = /^([A-Za-z][A-Za-z0-9]*):([1-9][0-9]{0,9})$/;

function encode(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function decode(opaque: string): DecodedId | null {
  if (typeof opaque !== 'string' || opaque.length === 0 || opaque.length > MAX_GLOBAL_ID_LENGTH) return null;
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(opaque)) return null;
  const match = PATTERN.exec(Buffer.from(opaque, 'base64url').toString('utf8'));
  if (!match) return null;
  const id = Number(match[2]);
  // Beyond the database's integer range an id names nothing; refusing it here keeps it out of every query.
  return id <= MAX_ROW_ID ? { type: match[1], id } : null;
}

/** The global id of a row: what `Node.id` returns and `Query.node` accepts. */
export function toGlobalId(type: string, id: number): string {
  return encode(`${type}:${id}`);
}

/** The type and row id behind a global id, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): DecodedId | null {
  return decode(globalId);
}

/** A connection cursor: the position after which the next page starts. */
export function toCursor(type: string, id: number): string {
  return encode(`${type}Cursor:${id}`);
}

/** The row id a cursor of the given type points at, or null when it is malformed or of another type. */
export function fromCursor(type: string, cursor: string): number | null {
  const decoded = decode(cursor);
  return decoded && decoded.type === `${type}Cursor` ? decoded.id : null;
}
