import { TEXT } from '../domain/limits';
import { BadUserInputError } from '../errors';

/** The trimmed search text, or null for none; longer than TEXT.search is BAD_USER_INPUT, not a slow scan. */
export function searchText(raw: string | null | undefined, field: string): string | null {
  const text = raw?.trim();
  if (!text) return null;
  if (text.length > TEXT.search) {
    throw new BadUserInputError(`${field} must be at most ${TEXT.search} characters`, [
      { field, message: `must be at most ${TEXT.search} characters` },
    ]);
  }
  return text;
}

/** A lower-case LIKE pattern that matches `text` anywhere, with LIKE's wildcards escaped (ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
