import { SourceKind, SourceRef } from './types';

/** The dedupe key of a source name: case, accents, a leading "the", possessives and punctuation folded away. */
export function normalizeSourceName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^\s*the\s+/, '')
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A source with its name trimmed and its kind defaulted. */
export function cleanSourceRef(source: SourceRef): SourceRef {
  const affiliation = source.affiliation?.trim();
  return {
    name: source.name.trim().replace(/\s+/g, ' '),
    kind: source.kind ?? SourceKind.UNKNOWN,
    affiliation: affiliation ? affiliation : null,
  };
}
